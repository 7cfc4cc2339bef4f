/**
 * The figures of the coordinator's monthly overview (走访工作总览), read from the database: what the
 * month asked for (the planner's own demand rule, so "due" means what a plan would schedule), what
 * was scheduled and done, who is overdue, how the volunteers' load fell. Only counts, names and
 * grids leave this module: no risk notes, findings, tags or phone numbers, because the overview goes
 * to the street office on paper.
 */
import { Op } from 'sequelize'
import type { Models } from '../../../database/models'
import type { VisitStatus } from '../../../database/models/visits'
import { notFoundError } from '../../contract/errors'
import type { UnassignedReason, VisitTier } from '../../contract/rules/visit-codes'
import { dateFromDay, dayFromDate, personDemands } from './planner'
import { loadPlannerInput, volunteersOf } from './planner-input'
import { periodOf } from './plan-service'
import { gridsById, lookupResidents } from './residents-lookup'
import { readVisitRules } from './visit-rules'
import { round2 } from './hours-certificate'
import { unassignedIn } from './stored-unassigned'

export interface OverviewGridRow {
  gridName: string
  people: number
  visits: number
  done: number
  unassigned: number
}
export interface OverviewUnassignedRow {
  personName: string
  gridName: string
  tier: VisitTier
  urgent: boolean
  windowFrom: string
  windowTo: string
  reason: UnassignedReason
}
export interface OverviewVolunteerRow {
  id: number
  name: string
  gridName: string
  visits: number
  done: number
  hours: number
  otherGrid: number
}
export interface OverviewData {
  from: string
  to: string
  /** The day overdue is judged on: the month's last day, or today while the month runs. */
  asOf: string
  people: Record<VisitTier, number>
  due: number
  /** By status; `total` is what was scheduled to take place: all but the visits moved away. */
  visits: Record<VisitStatus, number> & { total: number }
  /** People due at least one visit this month, and those of them with as many visits done. */
  coverage: { people: number; met: number }
  grids: OverviewGridRow[]
  unassigned: OverviewUnassignedRow[]
  overdue: Array<{ name: string; gridName: string }>
  volunteers: OverviewVolunteerRow[]
  /** Open follow-ups now, and those of them past their due date today. */
  followUps: { open: number; pastDue: number }
  /** What the print log names: the plan, and every person and volunteer named on paper. */
  records: string[]
}

/** Grid rows and lists say this for a person whose household lies in no grid. */
export const NO_GRID = '未划分网格'

export async function loadOverview(models: Models, firstDay: number, today: string): Promise<OverviewData> {
  const from = dateFromDay(firstDay)
  if (!from.endsWith('-01')) throw notFoundError('month')
  const period = periodOf('month', from)
  const to = dateFromDay(period.toDay)
  const end = dateFromDay(period.toDay + 1)
  const asOf = today < to ? today : to
  const asOfDay = dayFromDate(asOf)

  const rules = await readVisitRules(models)
  const input = await loadPlannerInput(models, rules, period)
  const people = await models.VisitPerson.findAll({ where: { active: true }, attributes: ['id', 'residentId', 'tier'] })
  const info = await lookupResidents(
    models,
    people.map((p) => p.residentId),
  )
  const personInfo = new Map(people.map((p) => [p.id, { person: p, resident: info.get(p.residentId) }]))
  const grids = await gridsById(models)
  const gridName = (id: number | null | undefined) => (id == null ? NO_GRID : (grids.get(id) ?? NO_GRID))

  // Visits of the month, any status: inactive people's visits still count as work done.
  const visits = await models.Visit.findAll({
    where: { startAt: { [Op.gte]: from, [Op.lt]: end } },
    attributes: ['id', 'personId', 'status'],
  })
  const visitPeople = await models.VisitPerson.findAll({
    where: { id: { [Op.in]: [...new Set(visits.map((v) => v.personId))].filter((id) => !personInfo.has(id)) } },
    attributes: ['id', 'residentId', 'tier'],
  })
  const otherInfo = await lookupResidents(
    models,
    visitPeople.map((p) => p.residentId),
  )
  for (const p of visitPeople) personInfo.set(p.id, { person: p, resident: otherInfo.get(p.residentId) })
  const gridOfPerson = (personId: number) => personInfo.get(personId)?.resident?.gridId ?? null

  const counts: OverviewData['visits'] = { total: 0, planned: 0, confirmed: 0, done: 0, missed: 0, moved: 0 }
  const doneBy = new Map<number, number>()
  for (const v of visits) {
    if (v.status !== 'moved') counts.total++
    counts[v.status]++
    if (v.status === 'done') doneBy.set(v.personId, (doneBy.get(v.personId) ?? 0) + 1)
  }

  const byTier: Record<VisitTier, number> = { high: 0, key: 0, general: 0 }
  for (const p of people) byTier[p.tier]++

  let due = 0
  const coverage = { people: 0, met: 0 }
  for (const p of input.people) {
    const n = personDemands(p, input).length
    due += n
    if (n === 0) continue
    coverage.people++
    if ((doneBy.get(p.id) ?? 0) >= n) coverage.met++
  }

  // What the month's plans could not assign, as the plan screen shows it.
  const { latest: plan, items: unassignedStored } = await unassignedIn(models, { from, to })
  const unassignedPeople = await models.VisitPerson.findAll({
    where: { id: { [Op.in]: unassignedStored.map((u) => u.personId).filter((id) => !personInfo.has(id)) } },
    attributes: ['id', 'residentId', 'tier'],
  })
  const unassignedInfo = await lookupResidents(
    models,
    unassignedPeople.map((p) => p.residentId),
  )
  for (const p of unassignedPeople) personInfo.set(p.id, { person: p, resident: unassignedInfo.get(p.residentId) })
  const unassigned: OverviewUnassignedRow[] = unassignedStored
    .map((u) => ({
      personName: personInfo.get(u.personId)?.resident?.name ?? '',
      gridName: gridName(gridOfPerson(u.personId)),
      tier: u.tier,
      urgent: u.kind === 'urgent',
      windowFrom: u.windowFrom,
      windowTo: u.windowTo,
      reason: u.reason,
    }))
    .sort((a, b) => a.windowFrom.localeCompare(b.windowFrom) || a.personName.localeCompare(b.personName, 'zh-CN'))

  const gridRows = new Map<string, OverviewGridRow>()
  const gridRow = (personId: number) => {
    const name = gridName(gridOfPerson(personId))
    const row = gridRows.get(name) ?? { gridName: name, people: 0, visits: 0, done: 0, unassigned: 0 }
    gridRows.set(name, row)
    return row
  }
  for (const p of people) gridRow(p.id).people++
  for (const v of visits) {
    if (v.status === 'moved') continue
    const row = gridRow(v.personId)
    row.visits++
    if (v.status === 'done') row.done++
  }
  for (const u of unassignedStored) gridRow(u.personId).unassigned++
  const gridList = [...gridRows.values()].sort((a, b) =>
    a.gridName === NO_GRID ? 1 : b.gridName === NO_GRID ? -1 : a.gridName.localeCompare(b.gridName, 'zh-CN'),
  )

  // Overdue: no visit done within the tier's interval up to `asOf` (the planner's rule: the
  // interval's last day is still in time).
  const lastDone = new Map<number, number>()
  const doneRows = await models.Visit.findAll({
    where: { status: 'done', startAt: { [Op.lt]: dateFromDay(asOfDay + 1) } },
    attributes: ['personId', 'startAt'],
  })
  for (const v of doneRows) {
    const day = dayFromDate(v.startAt.slice(0, 10))
    if ((lastDone.get(v.personId) ?? -Infinity) < day) lastDone.set(v.personId, day)
  }
  const overduePeople = people.filter((p) => {
    const last = lastDone.get(p.id)
    return last === undefined || last + rules.tiers[p.tier].intervalDays < asOfDay
  })
  const overdue = overduePeople
    .map((p) => ({ name: personInfo.get(p.id)?.resident?.name ?? '', gridName: gridName(gridOfPerson(p.id)) }))
    .sort((a, b) => a.gridName.localeCompare(b.gridName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'))

  const crew = await volunteersOf(
    models,
    visits.map((v) => v.id),
  )
  const hoursRows = await models.ServiceRecord.findAll({
    where: { date: { [Op.gte]: from, [Op.lte]: to }, kind: { [Op.in]: ['visit', 'service', 'training'] } },
    attributes: ['volunteerId', 'hours'],
  })
  const load = new Map<number, { visits: number; done: number; hours: number; otherGrid: number }>()
  const loadOf = (id: number) => {
    const row = load.get(id) ?? { visits: 0, done: 0, hours: 0, otherGrid: 0 }
    load.set(id, row)
    return row
  }
  const volunteerRows = await models.Volunteer.findAll({ attributes: ['id', 'name', 'gridId'] })
  const volunteer = new Map(volunteerRows.map((v) => [v.id, v]))
  for (const v of visits) {
    if (v.status === 'moved') continue
    const personGrid = gridOfPerson(v.personId)
    for (const id of crew.get(v.id) ?? []) {
      const row = loadOf(id)
      row.visits++
      if (v.status === 'done') row.done++
      if (personGrid !== null && volunteer.get(id)?.gridId !== personGrid) row.otherGrid++
    }
  }
  for (const r of hoursRows) loadOf(r.volunteerId).hours += Number(r.hours)
  const volunteers = [...load]
    .map(([id, l]) => ({
      name: volunteer.get(id)?.name ?? '',
      gridName: gridName(volunteer.get(id)?.gridId),
      ...l,
      hours: round2(l.hours),
      id,
    }))
    .sort((a, b) => b.visits - a.visits || a.name.localeCompare(b.name, 'zh-CN'))

  const openFollowUps = await models.VisitFollowUp.findAll({
    where: { closedAt: { [Op.is]: null } },
    attributes: ['dueDate'],
  })

  const named = new Set([...overduePeople.map((p) => p.id), ...unassignedStored.map((u) => u.personId)])
  return {
    from,
    to,
    asOf,
    people: byTier,
    due,
    visits: counts,
    coverage,
    grids: gridList,
    unassigned,
    overdue,
    volunteers,
    followUps: { open: openFollowUps.length, pastDue: openFollowUps.filter((f) => f.dueDate < today).length },
    records: [
      ...(plan ? [`visit-plan:${plan.id}`] : []),
      ...[...named].sort((a, b) => a - b).map((id) => `visit-person:${id}`),
      ...volunteers.map((v) => `volunteer:${v.id}`),
    ],
  }
}

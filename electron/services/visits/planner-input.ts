/**
 * Builds the planner's input from the database: active people with their grid, last visit and
 * any major change; every volunteer with availability and absences; and the visits a plan must
 * keep (confirmed or done) in and around the period, which hold their volunteers' time and count
 * towards weekly limits.
 */
import { Op, type Transaction } from 'sequelize'
import type { Models } from '../../../database/models'
import type { PreferredWindowDto, VisitRulesDto, WeeklyWindowDto } from '../../contract/visit-dto'
import {
  clockToMinutes,
  dateFromDay,
  MINUTES_PER_DAY,
  minuteFromLocal,
  type FixedVisit,
  type PlannerInput,
  type PlannerPerson,
  type PlannerVolunteer,
  type Weekday,
} from './planner'
import { lookupResidents } from './residents-lookup'
import { plannerSettings } from './visit-rules'
import { parseList } from './volunteer-service'

/** Statuses a re-plan keeps as they are. */
export const KEPT_STATUSES = ['confirmed', 'done'] as const

export async function loadPlannerInput(
  models: Models,
  rules: VisitRulesDto,
  period: { fromDay: number; toDay: number },
  transaction?: Transaction,
  extraVisitStatuses: readonly string[] = [],
): Promise<PlannerInput> {
  const periodFrom = dateFromDay(period.fromDay)
  // Weekly limits and travel time reach a week beyond each end of the period.
  const around = { from: dateFromDay(period.fromDay - 7), to: dateFromDay(period.toDay + 8) }

  const people = await models.VisitPerson.findAll({ where: { active: true }, transaction })
  const info = await lookupResidents(
    models,
    people.map((p) => p.residentId),
    transaction,
  )
  const personIds = people.map((p) => p.id)

  const past = await models.Visit.findAll({
    where: {
      personId: { [Op.in]: personIds },
      status: { [Op.in]: [...KEPT_STATUSES] },
      startAt: { [Op.lt]: periodFrom },
    },
    attributes: ['id', 'personId', 'startAt'],
    transaction,
  })
  const lastVisit = new Map<number, { id: number; startAt: string }>()
  for (const v of past) if ((lastVisit.get(v.personId)?.startAt ?? '') < v.startAt) lastVisit.set(v.personId, v)
  const lastVolunteers = await volunteersOf(
    models,
    [...lastVisit.values()].map((v) => v.id),
    transaction,
  )

  const changes = await models.MajorChange.findAll({
    where: { at: { [Op.gte]: dateFromDay(period.fromDay - 1), [Op.lt]: dateFromDay(period.toDay + 1) } },
    transaction,
  })
  const latestChange = new Map<number, string>()
  for (const c of changes) if ((latestChange.get(c.personId) ?? '') < c.at) latestChange.set(c.personId, c.at)

  const plannerPeople: PlannerPerson[] = people.map((p) => {
    const last = lastVisit.get(p.id)
    const change = latestChange.get(p.id)
    return {
      id: p.id,
      tier: p.tier,
      gridId: info.get(p.residentId)?.gridId ?? null,
      preferredWindows: parseList<PreferredWindowDto>(p.preferredWindows).map((w) => ({
        ...(w.weekday ? { weekday: w.weekday as Weekday } : {}),
        from: clockToMinutes(w.from),
        to: clockToMinutes(w.to),
      })),
      lastVisitDay: last ? Math.floor(minuteFromLocal(last.startAt) / MINUTES_PER_DAY) : undefined,
      lastVolunteerIds: last ? (lastVolunteers.get(last.id) ?? []) : [],
      usualVolunteerIds: parseList<number>(p.usualVolunteerIds),
      majorChangeAt: change ? minuteFromLocal(change) : undefined,
    }
  })

  const volunteerRows = await models.Volunteer.findAll({ transaction })
  const absences = await models.VolunteerException.findAll({ transaction })
  const volunteers: PlannerVolunteer[] = volunteerRows.map((v) => ({
    id: v.id,
    gridId: v.gridId,
    availability: parseList<WeeklyWindowDto>(v.availability).map((w) => ({
      weekday: w.weekday as Weekday,
      from: clockToMinutes(w.from),
      to: clockToMinutes(w.to),
    })),
    exceptions: absences
      .filter((a) => a.volunteerId === v.id)
      .map((a) => ({ from: minuteFromLocal(a.fromAt), to: minuteFromLocal(a.toAt) })),
    maxPerWeek: v.maxPerWeek,
    status: v.status,
  }))

  const keptRows = await models.Visit.findAll({
    where: {
      status: { [Op.in]: [...KEPT_STATUSES, ...extraVisitStatuses] },
      startAt: { [Op.gte]: around.from, [Op.lt]: around.to },
    },
    transaction,
  })
  const keptVolunteers = await volunteersOf(
    models,
    keptRows.map((v) => v.id),
    transaction,
  )
  const fixed: FixedVisit[] = keptRows.map((v) => ({
    key: `v${v.id}`,
    personId: v.personId,
    start: minuteFromLocal(v.startAt),
    end: minuteFromLocal(v.endAt),
    volunteerIds: keptVolunteers.get(v.id) ?? [],
  }))

  return { period, people: plannerPeople, volunteers, fixed, settings: plannerSettings(rules) }
}

export async function volunteersOf(
  models: Models,
  visitIds: number[],
  transaction?: Transaction,
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>()
  if (visitIds.length === 0) return out
  for (let i = 0; i < visitIds.length; i += 500) {
    const rows = await models.VisitVolunteer.findAll({
      where: { visitId: { [Op.in]: visitIds.slice(i, i + 500) } },
      transaction,
    })
    for (const r of rows) out.set(r.visitId, [...(out.get(r.visitId) ?? []), r.volunteerId])
  }
  return out
}

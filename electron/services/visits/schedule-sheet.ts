/**
 * The volunteers' weekly schedule sheet (ref: `{ type: 'visit-schedule', id: the Monday's day
 * number }`): one page per volunteer with that week's visits: when, who, where, with whom, and
 * what to watch for. What to watch for is the tier and the resident's non-sensitive tags only:
 * risk notes, health findings and sensitive tags never go on a sheet carried around the estate.
 */
import { Op } from 'sequelize'
import type { Models } from '../../../database/models'
import { AppError, notFoundError } from '../../contract/errors'
import { formatChineseDate } from '../../contract/rules/notice-variables'
import type { VisitTier } from '../../contract/rules/visit-codes'
import { escapeHtml, printPage } from '../printing/print-html'
import type { PrintDocument, PrintEngine } from '../printing/print-engine'
import type { PrintService } from '../printing/print-service'
import type { PlaceService } from '../place-service'
import type { SettingsService } from '../settings-service'
import { PAGE_NUMBER_GLYPHS, pageCss } from '../printing/layouts/meeting-common'
import { dateFromDay, dayFromDate, weekdayOfDay } from './planner'
import { volunteersOf } from './planner-input'

type Engine = Pick<PrintEngine, 'fontUrl' | 'fontSource'>

export interface ScheduleRow {
  startAt: string
  endAt: string
  personName: string
  address: string
  partners: string[]
  watch: string
}
export interface ScheduleSheet {
  volunteerName: string
  rows: ScheduleRow[]
}

const WEEKDAYS = ['', '一', '二', '三', '四', '五', '六', '日']
const TIER_WATCH: Record<VisitTier, string> = { high: '高风险，每周走访', key: '重点对象', general: '一般对象' }

const css = `
h1 { margin: 0 0 2mm; font-size: 18pt; font-weight: 700; text-align: center; }
.sub { margin: 0 0 4mm; text-align: center; font-size: 12pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 11pt; }
th, td { border: 0.25mm solid #000; padding: 1.5mm; line-height: 1.4; vertical-align: top; }
th { font-weight: 700; text-align: center; }
tr { break-inside: avoid; }
col.when { width: 34mm; } col.who { width: 24mm; } col.with { width: 24mm; } col.watch { width: 40mm; }
.empty { text-align: center; padding: 8mm; }
.note { margin-top: 4mm; font-size: 10.5pt; }
.sheet + .sheet { break-before: page; }
`

export function renderScheduleSheets(
  engine: Engine,
  data: { station: string; weekFrom: string; weekTo: string; sheets: ScheduleSheet[] },
): PrintDocument {
  const e = escapeHtml
  const when = (r: ScheduleRow) => {
    const day = dayFromDate(r.startAt.slice(0, 10))
    return `${r.startAt.slice(5, 7)}月${r.startAt.slice(8, 10)}日 周${WEEKDAYS[weekdayOfDay(day)]}<br>${r.startAt.slice(11)}–${r.endAt.slice(11)}`
  }
  const pages = data.sheets.map((s) => {
    const rows = s.rows.length
      ? s.rows
          .map(
            (r) =>
              `<tr><td>${when(r)}</td><td>${e(r.personName)}</td><td>${e(r.address)}</td>` +
              `<td>${e(r.partners.join('、'))}</td><td>${e(r.watch)}</td></tr>`,
          )
          .join('')
      : '<tr><td colspan="5" class="empty">本周没有走访安排</td></tr>'
    return (
      '<section class="sheet">' +
      `<h1>${e(s.volunteerName)} 本周走访安排</h1>` +
      `<p class="sub">${formatChineseDate(data.weekFrom)} 至 ${formatChineseDate(data.weekTo)}&#x3000;${e(data.station)}</p>` +
      '<table><colgroup><col class="when"><col class="who"><col><col class="with"><col class="watch"></colgroup>' +
      '<thead><tr><th>时间</th><th>走访对象</th><th>地址</th><th>同行</th><th>留意</th></tr></thead>' +
      `<tbody>${rows}</tbody></table>` +
      '<p class="note">走访后请把情况告诉社区，由工作人员登记；发现紧急情况请立即拨打 120 并联系社区。</p>' +
      '</section>'
    )
  })
  return printPage(engine, {
    title: `志愿者走访安排表 ${data.weekFrom}`,
    paper: 'A4',
    css: pageCss() + css,
    bodyHtml: PAGE_NUMBER_GLYPHS + pages.join(''),
  })
}

/** Builds the week's sheets from the database: every volunteer with a visit that week. */
export async function loadScheduleSheets(
  models: Models,
  places: PlaceService,
  monday: number,
): Promise<{ weekFrom: string; weekTo: string; sheets: ScheduleSheet[]; records: string[] }> {
  if (weekdayOfDay(monday) !== 1) throw notFoundError('week')
  const weekFrom = dateFromDay(monday)
  const weekTo = dateFromDay(monday + 6)
  const visits = await models.Visit.findAll({
    where: {
      startAt: { [Op.gte]: weekFrom, [Op.lt]: dateFromDay(monday + 7) },
      status: { [Op.in]: ['planned', 'confirmed'] },
    },
    order: [['startAt', 'ASC']],
  })
  const crew = await volunteersOf(
    models,
    visits.map((v) => v.id),
  )
  const volunteers = new Map(
    (await models.Volunteer.findAll({ attributes: ['id', 'name'] })).map((v) => [v.id, v.name]),
  )
  const people = new Map(
    (await models.VisitPerson.findAll({ where: { id: { [Op.in]: visits.map((v) => v.personId) } } })).map((p) => [
      p.id,
      p,
    ]),
  )
  const residents = new Map(
    (
      await models.Resident.findAll({
        where: { id: { [Op.in]: [...people.values()].map((p) => p.residentId) } },
        attributes: ['id', 'name', 'householdId'],
      })
    ).map((r) => [r.id, r]),
  )
  const households = new Map(
    (
      await models.Household.findAll({
        where: { id: { [Op.in]: [...residents.values()].map((r) => r.householdId ?? 0) } },
        attributes: ['id', 'placeId'],
      })
    ).map((h) => [h.id, h.placeId]),
  )
  const openTags = new Map((await models.Tag.findAll({ where: { sensitive: false } })).map((t) => [t.id, t.name]))
  // Each resident's open tag names, gathered once rather than filtered out of every tag row per visit.
  const tagsOf = new Map<number, string[]>()
  for (const t of await models.ResidentTag.findAll({ where: { residentId: { [Op.in]: [...residents.keys()] } } })) {
    const name = openTags.get(t.tagId)
    if (name !== undefined) tagsOf.set(t.residentId, [...(tagsOf.get(t.residentId) ?? []), name])
  }
  const address = await places.addressResolver()

  const byVolunteer = new Map<number, ScheduleRow[]>()
  for (const v of visits) {
    const person = people.get(v.personId)
    const resident = person ? residents.get(person.residentId) : undefined
    const tags = (resident && tagsOf.get(resident.id)) || []
    const team = crew.get(v.id) ?? []
    for (const id of team) {
      const rows = byVolunteer.get(id) ?? []
      rows.push({
        startAt: v.startAt,
        endAt: v.endAt,
        personName: resident?.name ?? '',
        address: address(resident?.householdId ? (households.get(resident.householdId) ?? null) : null) ?? '',
        partners: team.filter((x) => x !== id).map((x) => volunteers.get(x) ?? ''),
        watch: [person ? TIER_WATCH[person.tier] : '', v.kind === 'urgent' ? '近期有重大变故' : '', ...tags]
          .filter(Boolean)
          .join('；'),
      })
      byVolunteer.set(id, rows)
    }
  }
  const sheets = [...byVolunteer]
    .map(([id, rows]) => ({ volunteerName: volunteers.get(id) ?? '', rows }))
    .sort((a, b) => a.volunteerName.localeCompare(b.volunteerName, 'zh-CN'))
  return { weekFrom, weekTo, sheets, records: visits.map((v) => `visit:${v.id}`) }
}

export function registerVisitPrintables(deps: {
  printing: PrintService
  places: PlaceService
  settings: SettingsService
  models: Models
}): void {
  deps.printing.register('visit-schedule', {
    permission: 'visits.read',
    async build(ref) {
      const week = await loadScheduleSheets(deps.models, deps.places, ref.id)
      if (week.sheets.length === 0) throw new AppError('VALIDATION', 'errors.visits.nothingPlanned')
      const s = await deps.settings.get()
      const document = renderScheduleSheets(deps.printing.engine(), { station: s.stationName, ...week })
      return {
        title: `志愿者走访安排表 ${week.weekFrom}`,
        document,
        records: week.records,
        text: week.sheets
          .flatMap((x) => [x.volunteerName, ...x.rows.map((r) => `${r.personName} ${r.address} ${r.watch}`)])
          .join('\n'),
      }
    },
  })
}

/**
 * 志愿服务时长证明 (ref: `{ type: 'volunteer-hours-certificate', id: volunteer id, year? }`; without a
 * year: all service to date). Hours are the unit of volunteer records (民政部, 2021); they live in
 * the volunteer's service records: a logged visit writes one (its duration), staff add other
 * service and trainings. A commendation is listed, never counted as hours. One A4 page in the
 * formal document's margins and type, signed by the station with a place for its seal.
 *
 * A volunteer with no service in the period is refused rather than given a certificate of zero
 * hours: a 证明 attests something happened, and a stamped "0 小时" paper is of no use to anyone
 * and invites misuse; the message tells the counter why.
 */
import { Op } from 'sequelize'
import type { Models } from '../../../database/models'
import { AppError, notFoundError } from '../../contract/errors'
import { shanghaiToday } from '../../contract/rules/dates'
import { formatChineseDate } from '../../contract/rules/notice-variables'
import { FANGSONG_STACK, SERIF } from '../printing/fonts'
import { FORMAL } from '../printing/layouts/formal-layout'
import { signoffCss, signoffHtml } from '../printing/layouts/signoff'
import { escapeHtml, printPage } from '../printing/print-html'
import type { PrintDocument, PrintEngine } from '../printing/print-engine'
import type { PrintService } from '../printing/print-service'
import type { SettingsService } from '../settings-service'

type Engine = Pick<PrintEngine, 'fontUrl' | 'fontSource'>

export interface HoursLine {
  count: number
  hours: number
}
export interface HoursCertificate {
  volunteerId: number
  volunteerName: string
  from: string
  to: string
  /** Visits counts distinct visits (one record per volunteer per visit done). */
  visits: HoursLine
  service: HoursLine
  training: HoursLine
  totalHours: number
  commendations: Array<{ date: string; title: string }>
  number: string
  records: string[]
}

/** Hours to two decimals, as certificates and the overview print them. */
export const round2 = (n: number) => Math.round(n * 100) / 100
/** Commendations listed by name on the one page; more are summed up after them. */
const MAX_COMMENDATIONS = 4
/** A title is cut on paper past this many characters, so the page stays one page. */
const MAX_TITLE = 30

export async function loadHoursCertificate(
  models: Models,
  volunteerId: number,
  year: number | undefined,
  today: string,
): Promise<HoursCertificate> {
  const volunteer = await models.Volunteer.findByPk(volunteerId, { attributes: ['id', 'name'] })
  if (!volunteer) throw notFoundError('volunteer')
  // A certificate attests service done: a record dated after today (entered ahead) waits for its day.
  const yearEnd = year ? `${year}-12-31` : today
  const to = yearEnd < today ? yearEnd : today
  const range = year ? { [Op.gte]: `${year}-01-01`, [Op.lte]: to } : { [Op.lte]: today }
  const rows = await models.ServiceRecord.findAll({
    where: { volunteerId, date: range },
    order: [
      ['date', 'ASC'],
      ['id', 'ASC'],
    ],
  })
  const served = rows.filter((r) => r.kind !== 'commendation')
  if (served.length === 0) {
    throw new AppError('VALIDATION', 'errors.visits.noServiceHours', {
      params: { name: volunteer.name },
    })
  }
  const line = (kind: 'visit' | 'service' | 'training'): HoursLine => {
    const of = served.filter((r) => r.kind === kind)
    const count = kind === 'visit' ? new Set(of.map((r) => r.visitId ?? `r${r.id}`)).size : of.length
    return { count, hours: round2(of.reduce((s, r) => s + Number(r.hours), 0)) }
  }
  const visits = line('visit')
  const service = line('service')
  const training = line('training')
  const from = year ? `${year}-01-01` : served[0]!.date
  return {
    volunteerId,
    volunteerName: volunteer.name,
    from,
    to,
    visits,
    service,
    training,
    totalHours: round2(visits.hours + service.hours + training.hours),
    commendations: rows.filter((r) => r.kind === 'commendation').map((r) => ({ date: r.date, title: r.title })),
    // Letters between the digit groups: a number on paper must never read as a phone number.
    number: `${year ?? 'QB'}-V${String(volunteerId).padStart(4, '0')}-${today.replace(/-/g, '')}`,
    records: [`volunteer:${volunteerId}`, ...rows.map((r) => `service-record:${r.id}`)],
  }
}

/** 12.5 → "12.5", 3 → "3": hours as a person writes them. */
export function hoursText(hours: number): string {
  return String(round2(hours))
}

export function certificateTitle(c: Pick<HoursCertificate, 'volunteerName'>): string {
  return `${c.volunteerName} 志愿服务时长证明`
}

export function renderHoursCertificate(
  engine: Engine,
  c: HoursCertificate & { station: string; issuedOn: string },
): PrintDocument {
  const f = FORMAL
  const char = `calc(${f.blockWidthMm}mm / ${f.chars})`
  const line = `calc(${f.blockHeightMm}mm / ${f.lines})`
  const e = escapeHtml
  const css = `
@page { size: A4 portrait; margin: ${f.marginTopMm}mm ${f.marginRightMm}mm ${f.marginBottomMm}mm ${f.marginLeftMm}mm; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body { font-family: ${FANGSONG_STACK}; font-size: ${f.bodyPt}pt; line-height: ${line}; text-align: justify; line-break: strict; }
.no { margin: 0; text-align: right; font-size: 12pt; line-height: 1.5; }
h1 { margin: 2mm 0 ${line}; font-family: ${SERIF}, serif; font-weight: 700; font-size: ${f.titlePt}pt; line-height: ${line}; text-align: center; letter-spacing: 0.3em; }
p { margin: 0; text-indent: 2em; }
p.flush { text-indent: 0; }
table { width: 100%; margin: 3mm 0 2mm; border-collapse: collapse; table-layout: fixed; font-size: 13pt; }
th, td { border: 0.3mm solid #000; padding: 1.6mm 2mm; line-height: 1.4; text-align: center; }
th { font-family: ${SERIF}, serif; font-weight: 700; }
td.kind { text-align: left; }
tr.total td { font-weight: 700; }
.basis { margin-top: 16mm; font-size: 11pt; line-height: 1.6; text-indent: 0; color: #222; }
${signoffCss({ char, line, gap: line, rightChars: 4, stampSize: '42mm', stampRoomBelow: null })}
`
  const period = `${formatChineseDate(c.from)}至${formatChineseDate(c.to)}`
  const parts = [
    c.visits.count ? `走访慰问社区老人 ${c.visits.count} 次，计 ${hoursText(c.visits.hours)} 小时` : '',
    c.service.count ? `参加其他志愿服务 ${c.service.count} 次，计 ${hoursText(c.service.hours)} 小时` : '',
    c.training.count ? `参加志愿服务培训 ${c.training.count} 次，计 ${hoursText(c.training.hours)} 小时` : '',
  ].filter(Boolean)
  const shown = c.commendations.slice(0, MAX_COMMENDATIONS)
  const more = c.commendations.length - shown.length
  const commendations = c.commendations.length
    ? `<p>期间获得表彰：${shown
        .map(
          (x) =>
            `${formatChineseDate(x.date).replace(/\d+日$/, '')}${e(x.title.length > MAX_TITLE ? `${x.title.slice(0, MAX_TITLE)}…` : x.title)}`,
        )
        .join('；')}${more > 0 ? `等 ${c.commendations.length} 项` : ''}。</p>`
    : ''
  const row = (kind: string, l: HoursLine) =>
    `<tr><td class="kind">${kind}</td><td>${l.count}</td><td>${hoursText(l.hours)}</td></tr>`
  const html =
    `<p class="no">编号：${e(c.number)}</p>` +
    '<h1>志愿服务时长证明</h1>' +
    `<p>兹证明<strong> ${e(c.volunteerName)} </strong>同志于${period}期间，在${e(c.station)}参加志愿服务，` +
    `累计服务时长 <strong>${hoursText(c.totalHours)}</strong> 小时。其中，${parts.join('；')}。</p>` +
    '<table><colgroup><col><col style="width:30mm"><col style="width:40mm"></colgroup>' +
    '<thead><tr><th>服务类别</th><th>次数</th><th>时长（小时）</th></tr></thead><tbody>' +
    row('走访慰问老人', c.visits) +
    row('其他志愿服务', c.service) +
    row('志愿服务培训', c.training) +
    `<tr class="total"><td class="kind">合计</td><td>${c.visits.count + c.service.count + c.training.count}</td>` +
    `<td>${hoursText(c.totalHours)}</td></tr>` +
    '</tbody></table>' +
    commendations +
    '<p>特此证明。</p>' +
    signoffHtml({ issuer: c.station, issueDate: c.issuedOn, showStamp: true }) +
    '<p class="basis">本证明依据本站志愿服务记录出具，服务时长以小时计，不含往返交通时间。</p>'
  return printPage(engine, { title: certificateTitle(c), paper: 'A4', css, bodyHtml: html })
}

export function registerHoursCertificatePrintable(deps: {
  printing: PrintService
  settings: SettingsService
  models: Models
  now: () => Date
}): void {
  deps.printing.register('volunteer-hours-certificate', {
    permission: 'visits.read',
    async build(ref) {
      const today = shanghaiToday(deps.now())
      const c = await loadHoursCertificate(deps.models, ref.id, ref.year, today)
      const s = await deps.settings.get()
      const document = renderHoursCertificate(deps.printing.engine(), { ...c, station: s.stationName, issuedOn: today })
      return {
        title: certificateTitle(c),
        document,
        records: c.records,
        text: [c.volunteerName, c.number, s.stationName, ...c.commendations.map((x) => x.title)].join('\n'),
        checkPages: (pages) => (pages > 1 ? new AppError('VALIDATION', 'errors.visits.certificateTooLong') : null),
      }
    },
  })
}

/**
 * 走访工作总览 (ref: `{ type: 'visit-overview', id: the day number of the month's first day }`): the
 * month's figures for the coordinator and the street office, on numbered A4 pages. It carries
 * counts, names and grids only (see overview-data.ts): it leaves the station.
 */
import type { Models } from '../../../database/models'
import { shanghaiToday } from '../../contract/rules/dates'
import { formatChineseDate } from '../../contract/rules/notice-variables'
import type { UnassignedReason, VisitTier } from '../../contract/rules/visit-codes'
import { PAGE_NUMBER_GLYPHS, pageCss } from '../printing/layouts/meeting-common'
import { escapeHtml, printPage } from '../printing/print-html'
import type { PrintDocument, PrintEngine } from '../printing/print-engine'
import type { PrintService } from '../printing/print-service'
import type { SettingsService } from '../settings-service'
import { loadOverview, type OverviewData } from './overview-data'
import { dateFromDay, dayFromDate } from './planner'

type Engine = Pick<PrintEngine, 'fontUrl' | 'fontSource'>

export const TIER_NAMES: Record<VisitTier, string> = { high: '高风险', key: '重点', general: '一般' }
/** The plan screen's wording (visits.reason in zh-CN), as the paper is read beside it. */
export const REASON_NAMES: Record<UnassignedReason, string> = {
  'no-volunteer-available': '这段时间没有志愿者有空',
  'all-at-weekly-limit': '有空的志愿者本周已排满',
  'all-booked': '有空的志愿者在这些时段都已有走访',
  'no-time-in-preferred-window': '对象希望的时段放不下一次走访',
  'no-second-volunteer': '需要两名志愿者，找不到第二位同时有空的',
}

const css = `
h1 { margin: 0 0 1mm; font-size: 20pt; font-weight: 700; line-height: 1.5; text-align: center; letter-spacing: 0.05em; }
.sub { margin: 0 0 5mm; text-align: center; font-size: 11pt; }
h2 { margin: 5mm 0 2mm; font-size: 13pt; font-weight: 700; break-after: avoid; }
p { margin: 0 0 2mm; text-indent: 2em; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10.5pt; }
thead { display: table-header-group; }
th, td { border: 0.25mm solid #000; padding: 1.2mm 1.5mm; line-height: 1.35; vertical-align: middle; }
th { font-weight: 700; text-align: center; }
td.n { text-align: center; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.figures td { text-align: center; }
.none { text-align: center; color: #333; }
.names { columns: 3; column-gap: 6mm; margin: 0; padding: 0; list-style: none; font-size: 10.5pt; }
.names li { break-inside: avoid; line-height: 1.6; }
.names .grid { color: #333; }
.end { break-inside: avoid; }
.note { margin-top: 4mm; font-size: 10pt; line-height: 1.5; text-indent: 0; }
.sign { margin-top: 6mm; display: flex; justify-content: space-between; font-size: 11pt; }
`

const e = escapeHtml
const n = (x: number) => `<td class="n">${x}</td>`
const mmdd = (local: string) => `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日`
/** A due window ends at midnight: `…T00:00` closes the day before. */
function windowText(from: string, to: string): string {
  const end = to.endsWith('T00:00') ? dateFromDay(dayFromDate(to.slice(0, 10)) - 1) : to
  return from.slice(0, 10) === end.slice(0, 10) ? mmdd(from) : `${mmdd(from)}—${mmdd(end)}`
}

function table(head: string[], cols: string, rows: string[], empty: string): string {
  const body = rows.length ? rows.join('') : `<tr><td colspan="${head.length}" class="none">${empty}</td></tr>`
  return (
    `<table><colgroup>${cols}</colgroup><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>` +
    `<tbody>${body}</tbody></table>`
  )
}

export function overviewTitle(data: Pick<OverviewData, 'from'>, community: string): string {
  return `${community}${Number(data.from.slice(0, 4))}年${Number(data.from.slice(5, 7))}月走访工作总览`
}

export function renderOverview(
  engine: Engine,
  data: OverviewData & { community: string; station: string; printedOn: string },
): PrintDocument {
  const title = overviewTitle(data, data.community)
  const people = data.people.high + data.people.key + data.people.general
  const v = data.visits
  const rate = data.coverage.people ? `${Math.round((data.coverage.met / data.coverage.people) * 1000) / 10}%` : '—'
  const c = (w: number) => `<col style="width:${w}mm">`

  const figures =
    '<table class="figures"><thead><tr>' +
    '<th>高风险对象</th><th>重点对象</th><th>一般对象</th><th>对象合计</th>' +
    '</tr></thead><tbody><tr>' +
    `<td>${data.people.high} 人</td><td>${data.people.key} 人</td><td>${data.people.general} 人</td><td>${people} 人</td>` +
    '</tr></tbody></table>' +
    '<table class="figures" style="margin-top:2mm"><thead><tr>' +
    '<th>应访</th><th>已安排</th><th>待确认</th><th>已确认</th><th>已走访</th><th>未遇</th><th>改期</th>' +
    '</tr></thead><tbody><tr>' +
    [data.due, v.total, v.planned, v.confirmed, v.done, v.missed, v.moved].map((x) => `<td>${x} 次</td>`).join('') +
    '</tr></tbody></table>'

  const summary =
    `<p>本月应走访对象 ${data.coverage.people} 人，按所属等级要求走访到位 ${data.coverage.met} 人，覆盖率 ${rate}。` +
    `截至${formatChineseDate(data.asOf)}，超过规定间隔未走访 ${data.overdue.length} 人；` +
    `未办结的跟进事项 ${data.followUps.open} 件，其中已过期限 ${data.followUps.pastDue} 件。</p>`

  const grids = table(
    ['网格', '走访对象', '已安排走访', '已走访', '未能安排'],
    `<col>${c(28)}${c(28)}${c(28)}${c(28)}`,
    data.grids.map(
      (g) => `<tr><td>${e(g.gridName)}</td>${n(g.people)}${n(g.visits)}${n(g.done)}${n(g.unassigned)}</tr>`,
    ),
    '本月没有走访对象',
  )

  const unassigned = table(
    ['走访对象', '网格', '等级', '应访时段', '原因'],
    `${c(24)}${c(24)}${c(22)}${c(36)}<col>`,
    data.unassigned.map(
      (u) =>
        `<tr><td>${e(u.personName)}</td><td>${e(u.gridName)}</td><td class="n">${TIER_NAMES[u.tier]}${u.urgent ? '（紧急）' : ''}</td>` +
        `<td class="n">${windowText(u.windowFrom, u.windowTo)}</td><td>${REASON_NAMES[u.reason]}</td></tr>`,
    ),
    '本月的走访都已安排',
  )

  const overdue = data.overdue.length
    ? `<ul class="names">${data.overdue
        .map((p) => `<li>${e(p.name)}<span class="grid">（${e(p.gridName)}）</span></li>`)
        .join('')}</ul>`
    : '<p>没有逾期未走访的对象。</p>'

  const load = table(
    ['志愿者', '所属网格', '走访次数', '已走访', '服务小时', '跨网格走访'],
    `<col>${c(30)}${c(22)}${c(20)}${c(22)}${c(26)}`,
    data.volunteers.map(
      (x) =>
        `<tr><td>${e(x.name)}</td><td>${e(x.gridName)}</td>${n(x.visits)}${n(x.done)}${n(x.hours)}${n(x.otherGrid)}</tr>`,
    ),
    '本月没有志愿者走访或服务记录',
  )

  const html =
    PAGE_NUMBER_GLYPHS +
    `<h1>${e(title)}</h1>` +
    `<p class="sub" style="text-indent:0">统计期间：${formatChineseDate(data.from)}至${formatChineseDate(data.to)}&#x3000;` +
    `打印日期：${formatChineseDate(data.printedOn)}</p>` +
    '<h2>一、总体情况</h2>' +
    figures +
    summary +
    '<h2>二、分网格情况</h2>' +
    grids +
    `<h2>三、未能安排的走访（${data.unassigned.length} 次）</h2>` +
    unassigned +
    `<h2>四、逾期未走访对象（${data.overdue.length} 人）</h2>` +
    overdue +
    '<h2>五、志愿者工作量</h2>' +
    load +
    '<div class="end"><p class="note">说明：应访次数按本站设置的各等级走访间隔计算；“走访到位”指本月已走访次数不少于应访次数；' +
    '服务小时含走访、其他志愿服务和培训。本表不含个人敏感信息，仅供工作使用，请妥善保管。</p>' +
    `<div class="sign"><span>制表单位：${e(data.station)}</span><span>制表人：&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;</span>` +
    '<span>审核人：&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;</span></div></div>'

  return printPage(engine, { title, paper: 'A4', css: pageCss() + css, bodyHtml: html })
}

export function registerOverviewPrintable(deps: {
  printing: PrintService
  settings: SettingsService
  models: Models
  now: () => Date
}): void {
  deps.printing.register('visit-overview', {
    permission: 'visits.read',
    async build(ref) {
      const today = shanghaiToday(deps.now())
      const data = await loadOverview(deps.models, ref.id, today)
      const s = await deps.settings.get()
      const community = s.community || s.stationName
      const document = renderOverview(deps.printing.engine(), {
        ...data,
        community,
        station: s.stationName,
        printedOn: today,
      })
      return {
        title: overviewTitle(data, community),
        document,
        records: data.records,
        text: [
          ...data.unassigned.map((u) => `${u.personName} ${u.gridName}`),
          ...data.overdue.map((p) => `${p.name} ${p.gridName}`),
          ...data.volunteers.map((x) => `${x.name} ${x.gridName}`),
          ...data.grids.map((g) => g.gridName),
        ].join('\n'),
      }
    },
  })
}

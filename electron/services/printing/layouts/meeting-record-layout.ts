/**
 * The meeting record (会议记录) in the usual form: a header table (organisation, type, subject,
 * time, place, chair, recorder, attendance counts, who was away and why, 列席), then each topic
 * with its record of speeches, dissent, vote and resolution, the follow-ups agreed, "散会" and
 * the lines the chair and the recorder sign. Corrections made after finalising follow the record,
 * each dated and named. A draft carries "草稿" on every page, so it is never filed as the record.
 *
 * Every value is escaped; free text keeps the line breaks the recorder typed.
 */
import type { MeetingDto } from '../../../contract/party-dto'
import { escapeHtml, printPage } from '../print-html'
import type { PrintDocument, PrintEngine } from '../print-engine'
import {
  MEETING_TYPE_NAMES,
  PAGE_NUMBER_GLYPHS,
  THEME_FORM_NAMES,
  meetingTime,
  pageCss,
  shanghaiDateTime,
} from './meeting-common'

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 一 … 十, 十一 … 九十九: topics are numbered as a record numbers them. */
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1] ?? String(n)
  if (n < 100) {
    const tens = Math.floor(n / 10)
    const ones = n % 10
    return `${tens === 1 ? '' : NUMERALS[tens - 1]}十${ones ? NUMERALS[ones - 1] : ''}`
  }
  return String(n)
}

const e = (s: string | null | undefined): string => escapeHtml(s ?? '')
const orNone = (s: string | null | undefined): string => (s && s.trim() ? e(s.trim()) : '无')

export function organisationName(m: Pick<MeetingDto, 'branchName' | 'groupName'>): string {
  return m.groupName ? `${m.branchName} ${m.groupName}` : m.branchName
}

export function voteText(vote: { for: number; against: number; abstain: number }, passed: boolean | null): string {
  const counts = `同意 ${vote.for} 票，反对 ${vote.against} 票，弃权 ${vote.abstain} 票`
  return passed === null ? counts : `${counts}；${passed ? '通过' : '未通过'}`
}

export const FLAG_TEXT = {
  noQuorum: '到会有表决权的党员未过半数，本次表决不符合规定',
  countsExceedPresent: '票数之和超过实到有表决权人数，请核对',
} as const

function awayList(m: MeetingDto): string {
  const away = m.attendance.filter((a) => a.status !== 'present')
  if (away.length === 0) return '无'
  return away
    .map((a) => {
      const kind = a.status === 'leave' ? '请假' : '缺席'
      const reason = a.reason?.trim()
      return `${e(a.name)}（${kind}${reason ? `：${e(reason)}` : ''}）`
    })
    .join('；')
}

function headerTable(m: MeetingDto): string {
  const c = m.checks
  const row2 = (l1: string, v1: string, l2: string, v2: string) =>
    `<tr><th>${l1}</th><td>${v1}</td><th>${l2}</th><td>${v2}</td></tr>`
  const row1 = (l: string, v: string, cls = '') => `<tr><th>${l}</th><td colspan="3"${cls}>${v}</td></tr>`
  const rows = [
    row2('组织', e(organisationName(m)), '会议类型', MEETING_TYPE_NAMES[m.type] ?? e(m.type)),
    row1('会议主题', e(m.title), ' class="subject"'),
    row1('时间', e(meetingTime(m.startAt, m.endAt))),
    row1('地点', orNone(m.place)),
    row2('主持人', orNone(m.chairName), '记录人', orNone(m.recorderName)),
  ]
  if (m.type === 'lecture') rows.push(row2('授课人', orNone(m.lecturer), '题目', orNone(m.topic)))
  if (m.type === 'themeDay')
    rows.push(row2('主题', orNone(m.theme), '形式', m.themeForm ? THEME_FORM_NAMES[m.themeForm] : '无'))
  rows.push(
    `<tr><th>应到</th><td class="count">${c.expected} 人</td><th>实到</th><td class="count">${c.present} 人</td></tr>`,
    `<tr><th>请假</th><td class="count">${c.leave} 人</td><th>缺席</th><td class="count">${c.absent} 人</td></tr>`,
  )
  if (c.quorumApplies) {
    const verdict = c.quorumMet ? '已过半数' : '未过半数'
    rows.push(row1('表决人数', `应到有表决权的 ${c.expectedVoting} 人，实到 ${c.presentVoting} 人，${verdict}`))
  }
  rows.push(
    row1('缺席及请假人员和原因', awayList(m)),
    row1('列席人员', m.observers.length ? m.observers.map(e).join('、') : '无'),
  )
  return (
    '<table class="head"><colgroup><col class="label"><col><col class="label"><col></colgroup>' +
    `<tbody>${rows.join('')}</tbody></table>`
  )
}

function agendaHtml(m: MeetingDto): string {
  if (m.agenda.length === 0) return '<p class="empty">（无议题记录）</p>'
  return m.agenda
    .map((item, i) => {
      const check = m.checks.votes[i]
      let vote = '本议题未付表决'
      let flag = ''
      if (item.vote) {
        vote = e(voteText(item.vote, check?.passed ?? null))
        if (check?.flag) flag = `<span class="flag">【${FLAG_TEXT[check.flag]}】</span>`
      }
      return (
        '<div class="item">' +
        `<h3>议题${chineseNumber(i + 1)}：${e(item.topic)}</h3>` +
        '<p class="label">发言记录：</p>' +
        `<div class="speech">${item.record.trim() ? e(item.record.trim()) : '无'}</div>` +
        `<p class="field"><span class="label">不同意见：</span>${orNone(item.dissent)}</p>` +
        `<p class="field vote"><span class="label">表决：</span>${vote}${flag}</p>` +
        `<p class="field"><span class="label">决议：</span>${orNone(item.resolution)}</p>` +
        '</div>'
      )
    })
    .join('')
}

function followUpsHtml(m: MeetingDto): string {
  if (m.followUps.length === 0) return ''
  const rows = m.followUps
    .map(
      (f, i) =>
        `<tr><td class="n">${i + 1}</td><td>${e(f.text)}</td><td>${orNone(f.ownerName)}</td>` +
        `<td>${f.dueDate ? e(meetingTime(f.dueDate, null)) : '无'}</td></tr>`,
    )
    .join('')
  return (
    '<h2>议定事项</h2>' +
    '<table class="list"><colgroup><col class="n"><col><col class="owner"><col class="due"></colgroup>' +
    `<thead><tr><th>序号</th><th>事项</th><th>责任人</th><th>完成时限</th></tr></thead><tbody>${rows}</tbody></table>`
  )
}

function amendmentsHtml(m: MeetingDto): string {
  if (m.amendments.length === 0) return ''
  const items = m.amendments
    .map(
      (a, i) =>
        '<div class="amendment">' +
        `<p class="amend-head">更正${chineseNumber(i + 1)}（${e(shanghaiDateTime(a.at))}，更正人：${orNone(a.byName)}）</p>` +
        `<div class="speech">${e(a.text.trim())}</div>` +
        '</div>',
    )
    .join('')
  return `<div class="amendments"><h2>更正记录</h2>${items}</div>`
}

export function meetingRecordCss(): string {
  return `
.record h1 {
  margin: 0 0 5mm;
  font-size: 20pt;
  font-weight: 700;
  line-height: 1.4;
  text-align: center;
  letter-spacing: 0.08em;
}
.record h2 {
  margin: 6mm 0 2mm;
  font-size: 14pt;
  font-weight: 700;
  break-after: avoid;
}
.record h3 {
  margin: 4mm 0 1mm;
  font-size: 12pt;
  font-weight: 700;
  break-after: avoid;
}
.record p { margin: 0; }
.record h1 a { color: inherit; text-decoration: none; }
.record table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.record th, .record td { border: 0.25mm solid #000; padding: 1mm 2mm; vertical-align: middle; line-height: 1.45; }
.record th { font-weight: 700; text-align: center; }
.record tr { break-inside: avoid; }
table.head col.label { width: 30mm; }
table.head td { white-space: pre-wrap; }
table.head td.subject { font-weight: 700; }
table.list col.n { width: 15mm; }
table.list col.owner { width: 26mm; }
table.list col.due { width: 36mm; }
table.list td.n { text-align: center; }
.label { font-weight: 700; }
.speech { white-space: pre-wrap; text-indent: 0; padding-left: 2em; }
.field { padding-left: 0; }
.item { break-inside: auto; }
.flag { font-weight: 700; }
.vote .flag { display: inline; }
.closing { margin-top: 6mm; text-align: left; break-inside: avoid; }
.closing .adjourn { font-weight: 700; }
.signatures { display: flex; justify-content: space-between; margin-top: 10mm; break-before: avoid; }
.signatures span { white-space: pre; }
.amendments { margin-top: 8mm; border-top: 0.25mm solid #000; padding-top: 2mm; }
.amendment { margin-bottom: 3mm; break-inside: avoid; }
.draft-banner {
  margin: 0 0 3mm;
  padding: 1mm 2mm;
  border: 0.5mm solid #000;
  font-weight: 700;
  text-align: center;
}
/* Fixed boxes repeat on every printed page: each page of a draft says so. */
.draft-watermark {
  position: fixed;
  top: 95mm;
  left: 0;
  right: 0;
  text-align: center;
  font-size: 110pt;
  font-weight: 700;
  line-height: 1;
  letter-spacing: 0.3em;
  color: rgba(0, 0, 0, 0.09);
  transform: rotate(-30deg);
  pointer-events: none;
}
`
}

/**
 * The record as a section of a page: the same markup prints alone or inside the year book.
 * `markHref` makes the heading a link, for the year book to find the page it lands on.
 */
export function meetingRecordSection(m: MeetingDto, markHref?: string): string {
  const heading = `${e(m.branchName)}会议记录`
  const draft = m.status !== 'finalised'
  return (
    '<section class="record">' +
    (draft
      ? '<div class="draft-watermark" aria-hidden="true">草稿</div>' +
        '<p class="draft-banner">草稿 · 尚未定稿，不作为正式会议记录</p>'
      : '') +
    `<h1>${markHref ? `<a href="${e(markHref)}">${heading}</a>` : heading}</h1>` +
    headerTable(m) +
    '<h2>议题</h2>' +
    agendaHtml(m) +
    followUpsHtml(m) +
    '<div class="closing"><p class="adjourn">散会</p>' +
    '<p class="signatures"><span>主持人（签字）：______________</span><span>记录人（签字）：______________</span></p></div>' +
    amendmentsHtml(m) +
    '</section>'
  )
}

/** The text a reader sees, for the print log's privacy check. */
export function meetingRecordText(m: MeetingDto): string {
  return [
    m.branchName,
    m.groupName ?? '',
    m.title,
    m.place,
    m.chairName ?? '',
    m.recorderName ?? '',
    m.lecturer ?? '',
    m.topic ?? '',
    m.theme ?? '',
    ...m.attendance.map((a) => `${a.name} ${a.reason ?? ''}`),
    ...m.observers,
    ...m.agenda.flatMap((a) => [a.topic, a.record, a.dissent, a.resolution]),
    ...m.followUps.map((f) => `${f.text} ${f.ownerName ?? ''}`),
    ...m.amendments.map((a) => `${a.byName ?? ''} ${a.text}`),
  ].join('\n')
}

export function renderMeetingRecord(engine: Pick<PrintEngine, 'fontUrl' | 'fontSource'>, m: MeetingDto): PrintDocument {
  return printPage(engine, {
    title: `${m.title}（会议记录）`,
    paper: 'A4',
    css: pageCss() + meetingRecordCss(),
    bodyHtml: PAGE_NUMBER_GLYPHS + meetingRecordSection(m),
  })
}

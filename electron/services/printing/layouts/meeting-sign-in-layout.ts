/**
 * The sign-in sheet (签到表) of a meeting: the meeting named at the top, then one row a person with
 * room to sign. Filled, it lists the members expected (and 列席 guests) with a note of leave given;
 * blank, it has empty rows to write names in by hand, at least 20.
 */
import type { MeetingDto } from '../../../contract/party-dto'
import { escapeHtml, printPage } from '../print-html'
import type { PrintDocument, PrintEngine } from '../print-engine'
import { MEETING_TYPE_NAMES, PAGE_NUMBER_GLYPHS, meetingTime, pageCss } from './meeting-common'
import { organisationName } from './meeting-record-layout'

export const BLANK_SHEET_MIN_ROWS = 20

export interface SignInRow {
  name: string
  role: string
  note: string
}

export function signInRows(m: MeetingDto): SignInRow[] {
  const members = m.attendance.map((a) => ({
    name: a.name,
    role: a.voting ? '正式党员' : '预备党员',
    note: a.status === 'leave' ? `请假${a.reason?.trim() ? `：${a.reason.trim()}` : ''}` : '',
  }))
  const guests = m.observers.map((name) => ({ name, role: '列席', note: '' }))
  return [...members, ...guests]
}

export function blankRowCount(m: MeetingDto): number {
  return Math.max(m.attendance.length, BLANK_SHEET_MIN_ROWS)
}

/**
 * The frame every sign-in sheet shares (meetings, programmes): a centred title, two columns of
 * particulars, and a ruled table with rows tall enough to sign in with a pen.
 */
export const SIGN_IN_SHEET_CSS = `
h1 { margin: 0 0 4mm; font-size: 20pt; font-weight: 700; line-height: 1.4; text-align: center; letter-spacing: 0.08em; }
.meta { margin: 0 0 3mm; line-height: 1.6; display: grid; grid-template-columns: 1fr 1fr; column-gap: 6mm; }
.meta p { margin: 0; }
.meta .wide { grid-column: 1 / 3; }
.meta b { font-weight: 700; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.25mm solid #000; padding: 0 2mm; vertical-align: middle; line-height: 1.3; }
th { font-weight: 700; text-align: center; }
/* Room to sign with a pen; twenty rows and the heading fit one page. */
tbody tr { height: 9.5mm; }
thead tr { height: 8mm; }
tr { break-inside: avoid; }
td.note { font-size: 10.5pt; }
`

const css = `
col.n { width: 13mm; }
col.name { width: 30mm; }
col.role { width: 26mm; }
col.sign { width: 42mm; }
td.n, td.role { text-align: center; }
.sign-box { display: block; width: 34mm; height: 6.5mm; margin: 0 auto; border: 0.2mm solid #777; }
`

export function renderSignInSheet(
  engine: Pick<PrintEngine, 'fontUrl' | 'fontSource'>,
  m: MeetingDto,
  blank: boolean,
): PrintDocument {
  const e = escapeHtml
  const rows = blank
    ? Array.from({ length: blankRowCount(m) }, (_, i) => ({ n: i + 1, name: '', role: '', note: '' }))
    : signInRows(m).map((r, i) => ({ n: i + 1, ...r }))
  const body = rows
    .map(
      (r) =>
        `<tr><td class="n">${r.n}</td><td class="name">${e(r.name)}</td><td class="role">${e(r.role)}</td>` +
        `<td class="sign">${blank ? '' : '<span class="sign-box"></span>'}</td><td class="note">${e(r.note)}</td></tr>`,
    )
    .join('')
  const html =
    PAGE_NUMBER_GLYPHS +
    `<h1>${e(organisationName(m))}会议签到表</h1>` +
    '<div class="meta">' +
    `<p class="wide"><b>会议主题：</b>${e(m.title)}</p>` +
    `<p><b>会议类型：</b>${MEETING_TYPE_NAMES[m.type] ?? e(m.type)}</p>` +
    `<p><b>时间：</b>${e(meetingTime(m.startAt, m.endAt))}</p>` +
    `<p class="wide"><b>地点：</b>${e(m.place || '')}</p>` +
    '</div>' +
    '<table><colgroup><col class="n"><col class="name"><col class="role"><col class="sign"><col></colgroup>' +
    '<thead><tr><th>序号</th><th>姓名</th><th>身份</th><th>签到</th><th>备注</th></tr></thead>' +
    `<tbody>${body}</tbody></table>`
  return printPage(engine, {
    title: `${m.title}（${blank ? '空白' : ''}签到表）`,
    paper: 'A4',
    css: pageCss() + SIGN_IN_SHEET_CSS + css,
    bodyHtml: html,
  })
}

/**
 * The sign-in sheet (签到表) of a programme session, on the same page and type as the meeting
 * sheet (printing/layouts: pageCss, printPage). Blank: everyone enrolled, with empty boxes to
 * sign in and out by hand, and spare rows for walk-ins. Filled: what the counter recorded:
 * status, times and, for 五点半学校, who collected the child.
 */
import type { ProgrammeDto, RosterDto, RosterRowDto } from '../../contract/programme-dto'
import { escapeHtml, printPage } from '../printing/print-html'
import type { PrintDocument, PrintEngine } from '../printing/print-engine'
import { PAGE_NUMBER_GLYPHS, pageCss } from '../printing/layouts/meeting-common'
import { SIGN_IN_SHEET_CSS } from '../printing/layouts/meeting-sign-in-layout'

export const BLANK_SHEET_MIN_ROWS = 20

/** Printed documents are Chinese, as the station files them. */
export const PROGRAMME_TYPE_NAMES: Record<ProgrammeDto['type'], string> = {
  'after-school': '五点半学校',
  'day-care': '日间照料',
  'home-care': '居家养老',
  companionship: '爱心陪伴',
  'doctor-visit': '送医上门',
  'health-care': '健康关爱',
  'legal-visit': '送法上门',
  'integrity-rating': '季评诚信',
  custom: '',
}

export const ATTENDANCE_NAMES: Record<NonNullable<RosterRowDto['status']>, string> = {
  present: '出勤',
  late: '迟到',
  'left-early': '早退',
  'absent-notice': '请假',
  absent: '缺勤',
}

/** `2026-03-02T09:31:00.000Z` → `17:31` on the station's clock. */
function clock(iso: string | null): string {
  if (!iso) return ''
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16)
}

export function sheetTitle(r: RosterDto, blank: boolean): string {
  return `${r.programme.name} ${r.session.date}（${blank ? '空白' : ''}签到表）`
}

export function sheetRows(r: RosterDto, blank: boolean): string[][] {
  const rows = r.rows.map((row) =>
    blank
      ? [row.name, '', '', '', '']
      : [
          row.name,
          row.status ? ATTENDANCE_NAMES[row.status] : '',
          clock(row.signedInAt),
          [clock(row.signedOutAt), row.pickedUpBy ?? ''].filter(Boolean).join(' '),
          row.note ?? '',
        ],
  )
  const spare = blank ? Math.max(BLANK_SHEET_MIN_ROWS - rows.length, 3) : 0
  return [...rows, ...Array.from({ length: spare }, () => ['', '', '', '', ''])]
}

const css = `
col.n { width: 13mm; }
col.name { width: 28mm; }
col.status { width: 18mm; }
col.in { width: 30mm; }
col.out { width: 42mm; }
td.n, td.status, td.in { text-align: center; }
`

export function renderProgrammeSignInSheet(
  engine: Pick<PrintEngine, 'fontUrl' | 'fontSource'>,
  roster: RosterDto,
  blank: boolean,
): PrintDocument {
  const e = escapeHtml
  const pickUp = roster.programme.type === 'after-school'
  const typeName = PROGRAMME_TYPE_NAMES[roster.programme.type]
  const s = roster.session
  const body = sheetRows(roster, blank)
    .map(
      (cells, i) =>
        `<tr><td class="n">${i + 1}</td><td class="name">${e(cells[0]!)}</td><td class="status">${e(cells[1]!)}</td>` +
        `<td class="in">${e(cells[2]!)}</td><td class="out">${e(cells[3]!)}</td><td class="note">${e(cells[4]!)}</td></tr>`,
    )
    .join('')
  const html =
    PAGE_NUMBER_GLYPHS +
    `<h1>${e(roster.programme.name)}签到表</h1>` +
    '<div class="meta">' +
    `<p><b>项目：</b>${e(typeName || roster.programme.name)}</p>` +
    `<p><b>组织方：</b>${e(roster.programme.organiser)}</p>` +
    `<p><b>日期：</b>${e(s.date)} ${e(s.startTime)}—${e(s.endTime)}</p>` +
    `<p><b>地点：</b>${e(roster.programme.place)}</p>` +
    '</div>' +
    '<table><colgroup><col class="n"><col class="name"><col class="status"><col class="in"><col class="out"><col></colgroup>' +
    `<thead><tr><th>序号</th><th>姓名</th><th>状态</th><th>签到</th><th>${pickUp ? '签退及接送人' : '签退'}</th><th>备注</th></tr></thead>` +
    `<tbody>${body}</tbody></table>`
  return printPage(engine, {
    title: sheetTitle(roster, blank),
    paper: 'A4',
    css: pageCss() + SIGN_IN_SHEET_CSS + css,
    bodyHtml: html,
  })
}

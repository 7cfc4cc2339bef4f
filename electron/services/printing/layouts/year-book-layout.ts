/**
 * The year book of a branch: a cover (neither numbered nor counted), a table of contents, then
 * every finalised record of the year, each from a new page. Pages are numbered continuously from
 * the contents ("— 1 —") to the last record, as the book is bound.
 *
 * The contents' page numbers are given: the caller measures each record by rendering it alone
 * (same page, same CSS, so it takes the same pages inside the book) and the contents likewise.
 */
import type { MeetingDto } from '../../../contract/party-dto'
import { escapeHtml, printPage } from '../print-html'
import type { PrintDocument, PrintEngine } from '../print-engine'
import { MEETING_TYPE_NAMES, PAGE_NUMBER_GLYPHS, meetingDay, pageCss } from './meeting-common'
import { meetingRecordCss, meetingRecordSection } from './meeting-record-layout'
import { markAddress } from './year-book-pages'

export interface YearBookData {
  branchName: string
  year: number
  stationName: string
  meetings: MeetingDto[]
  /** The page (as numbered, contents = 1) each meeting starts on, in the same order. */
  startPages: number[]
}

const css = `
.cover {
  page: unnumbered;
  height: 240mm;
  display: flex;
  flex-direction: column;
  align-items: center;
  text-align: center;
}
.cover .branch { margin: 45mm 0 0; font-size: 26pt; font-weight: 700; line-height: 1.5; }
.cover .year { margin: 12mm 0 0; font-size: 22pt; font-weight: 700; }
.cover .name { margin: 10mm 0 0; font-size: 30pt; font-weight: 700; letter-spacing: 0.15em; }
.cover .count { margin: 20mm 0 0; font-size: 14pt; }
.cover .station { margin: auto 0 0; font-size: 16pt; }
.toc { break-before: page; }
.toc h1 { margin: 0 0 6mm; font-size: 20pt; font-weight: 700; text-align: center; letter-spacing: 1em; text-indent: 1em; }
.toc table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.toc th, .toc td { border: 0.25mm solid #000; padding: 1.2mm 2mm; line-height: 1.45; vertical-align: middle; }
.toc th { font-weight: 700; text-align: center; }
.toc tr { break-inside: avoid; }
.toc col.n { width: 15mm; }
.toc col.day { width: 36mm; }
.toc col.type { width: 30mm; }
.toc col.page { width: 16mm; }
.toc td.n, .toc td.page { text-align: center; }
.book-record { break-before: page; }
`

function coverHtml(d: YearBookData): string {
  const e = escapeHtml
  return (
    '<div class="cover">' +
    `<p class="branch">${e(d.branchName)}</p>` +
    `<p class="year">${d.year}年</p>` +
    '<p class="name">三会一课记录</p>' +
    `<p class="count">共 ${d.meetings.length} 次会议</p>` +
    `<p class="station">${e(d.stationName)}</p>` +
    '</div>'
  )
}

function tocHtml(d: YearBookData): string {
  const e = escapeHtml
  const rows = d.meetings
    .map(
      (m, i) =>
        `<tr><td class="n">${i + 1}</td><td>${e(meetingDay(m.startAt))}</td>` +
        `<td>${MEETING_TYPE_NAMES[m.type] ?? e(m.type)}</td><td>${e(m.title)}</td>` +
        `<td class="page">${d.startPages[i] ?? ''}</td></tr>`,
    )
    .join('')
  return (
    '<div class="toc"><h1>目录</h1>' +
    '<table><colgroup><col class="n"><col class="day"><col class="type"><col><col class="page"></colgroup>' +
    '<thead><tr><th>序号</th><th>日期</th><th>类型</th><th>会议主题</th><th>页码</th></tr></thead>' +
    `<tbody>${rows}</tbody></table></div>`
  )
}

type Engine = Pick<PrintEngine, 'fontUrl' | 'fontSource'>

function page(engine: Engine, title: string, bodyHtml: string): PrintDocument {
  return printPage(engine, {
    title,
    paper: 'A4',
    css: pageCss() + meetingRecordCss() + css,
    bodyHtml: PAGE_NUMBER_GLYPHS + bodyHtml,
  })
}

export function yearBookTitle(branchName: string, year: number): string {
  return `${branchName}${year}年三会一课记录`
}

/** The contents alone, to count the pages it takes (the `.toc` break before it is then void). */
export function renderYearBookContents(engine: Engine, d: YearBookData): PrintDocument {
  return page(engine, yearBookTitle(d.branchName, d.year), tocHtml(d))
}

/** With `marks`, each record's heading links to `markAddress(i)`: see year-book-pages.ts. */
export function renderYearBook(engine: Engine, d: YearBookData, options: { marks?: boolean } = {}): PrintDocument {
  const records = d.meetings
    .map(
      (m, i) => `<div class="book-record">${meetingRecordSection(m, options.marks ? markAddress(i) : undefined)}</div>`,
    )
    .join('')
  return page(engine, yearBookTitle(d.branchName, d.year), coverHtml(d) + tocHtml(d) + records)
}

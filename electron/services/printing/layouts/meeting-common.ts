/**
 * What the party documents (meeting record, sign-in sheet, year book) share: the A4 page with its
 * binding margin and "— 1 —" page numbers, the Chinese names of meeting types and forms, and the
 * way times are written in a record (2026年11月24日 14:30—16:00).
 */
import type { MeetingType, ThemeForm } from '../../../contract/party-dto'
import { formatChineseDate } from '../../../contract/rules/notice-variables'
import { SERIF } from '../fonts'

export const MEETING_TYPE_NAMES: Record<MeetingType, string> = {
  general: '支部党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  themeDay: '主题党日',
  lifeMeeting: '组织生活会',
  review: '民主评议党员',
}

export const THEME_FORM_NAMES: Record<ThemeForm, string> = {
  study: '学习',
  organisationalLife: '组织生活',
  democraticDeliberation: '民主议事',
  volunteer: '志愿服务',
}

/** Records are bound on the left at year end: the binding margin is the formal document's 28 mm. */
export const RECORD_PAGE = {
  marginTopMm: 22,
  marginRightMm: 20,
  marginBottomMm: 24,
  marginLeftMm: 28,
  bodyPt: 12,
  pageNumberPt: 12,
} as const

/** `2026-11-24T14:30` → `2026年11月24日 14:30`; the end alone when on the same day. */
export function meetingTime(startAt: string, endAt: string | null): string {
  const [startDay, startClock = ''] = startAt.split('T')
  const start = `${formatChineseDate(startDay)} ${startClock.slice(0, 5)}`.trim()
  if (!endAt) return start
  const [endDay, endClock = ''] = endAt.split('T')
  const end = endDay === startDay ? endClock.slice(0, 5) : `${formatChineseDate(endDay)} ${endClock.slice(0, 5)}`.trim()
  return `${start}—${end}`
}

export function meetingDay(startAt: string): string {
  return formatChineseDate(startAt.slice(0, 10))
}

const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** An instant (ISO, UTC) as a Shanghai date and time: `2026年11月25日 10:20`. */
export function shanghaiDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const part = (type: string) => SHANGHAI.formatToParts(d).find((p) => p.type === type)?.value ?? ''
  return `${formatChineseDate(`${part('year')}-${part('month')}-${part('day')}`)} ${part('hour')}:${part('minute')}`
}

const PAGE_NUMBER_STYLE = `
    font-family: ${SERIF}, serif;
    font-size: ${RECORD_PAGE.pageNumberPt}pt;
    line-height: 1;
    vertical-align: top;
    padding-top: 7mm;
    white-space: pre;`

/**
 * The page with its number centred at the foot: a bound book is read open, and a centred number
 * reads the same on either side. `unnumbered` names a page (the year book's cover) that neither
 * shows a number nor counts, so the page after it is "— 1 —".
 */
export function pageCss(): string {
  const p = RECORD_PAGE
  return `
@page {
  size: A4 portrait;
  margin: ${p.marginTopMm}mm ${p.marginRightMm}mm ${p.marginBottomMm}mm ${p.marginLeftMm}mm;
  @bottom-center { content: "— " counter(page) " —"; ${PAGE_NUMBER_STYLE} }
}
@page unnumbered {
  counter-increment: page 0;
  @bottom-center { content: none; }
}
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body {
  font-family: ${SERIF}, serif;
  font-size: ${p.bodyPt}pt;
  line-height: 1.7;
  text-align: justify;
  overflow-wrap: anywhere;
  line-break: strict;
}
/* The page numbers are laid out only when the page is printed, too late to fetch a font: the
   glyphs they use are laid out (unseen) with the document, so their font file is loaded by then. */
.page-number-glyphs {
  position: absolute;
  top: 0;
  left: 0;
  visibility: hidden;
  ${PAGE_NUMBER_STYLE}
}
`
}

export const PAGE_NUMBER_GLYPHS = '<div class="page-number-glyphs" aria-hidden="true">— 0123456789 —</div>\n'

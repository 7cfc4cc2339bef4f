/**
 * The issuer (署名), the date (成文日期) and the optional stamp area at the end of a notice.
 *
 * GB/T 9704-2012 7.3.5.1: the date sits four characters in from the right (右空四字) and the issuer
 * is centred over it; the stamp presses on both, which sit a little below its centre. An issuer so
 * long that centring it would bring it closer than two characters to the right edge is instead set
 * two characters in, with the date centred under it, and wraps rather than leaving the text block.
 */
import { escapeHtml } from '../print-html'
import { formatChineseDate } from '../../../contract/rules/notice-variables'

/** Width in character cells, close enough to choose between the two arrangements. */
function cells(text: string): number {
  let n = 0
  for (const ch of text) n += /[ -\u024f\u2000-\u206f]/.test(ch) && ch !== '\u2014' ? 0.55 : 1
  return n
}

export interface SignoffInput {
  issuer: string
  issueDate: string
  showStamp: boolean
}

export function signoffHtml(input: SignoffInput): string {
  const date = formatChineseDate(input.issueDate)
  const long = cells(input.issuer) - cells(date) > 4
  const stamp = input.showStamp
    ? '<div class="stamp" aria-hidden="true"></div><div class="stamp-label" aria-hidden="true">（盖章）</div>'
    : ''
  const issuer = input.issuer.trim() ? `<div class="issuer"><span>${escapeHtml(input.issuer.trim())}</span></div>` : ''
  return (
    `<div class="signoff${long ? ' signoff-long' : ''}${input.showStamp ? ' signoff-stamped' : ''}">` +
    `<div class="signoff-block">${stamp}${issuer}<div class="date">${escapeHtml(date)}</div></div>` +
    '</div>'
  )
}

export interface SignoffMetrics {
  char: string
  /** A length (calc(...) or em), not a bare number: the stamp is placed with it. */
  line: string
  /** Space between the body and the issuer: one blank line in the formal layout. */
  gap: string
  /** Right space of the date, in characters. */
  rightChars: number
  /** Diameter of the stamp circle: a real 机关 stamp is 42 mm. */
  stampSize: string
  /**
   * Room the circle may take below the date without reserving it: what the space under the
   * signoff (page margin, padding) gives. The rest is reserved, so the circle is not cut off where
   * the page's content area ends, nor crosses a slip's cut line. `null`: reserve nothing (the
   * formal layout keeps its grid and lets the circle be cut at the text block in the rare case the
   * date falls on the page's last line, rather than move the signoff to a new page).
   */
  stampRoomBelow: string | null
}

export function signoffCss(m: SignoffMetrics): string {
  return `
.signoff {
  display: flex;
  justify-content: flex-end;
  padding: 0 calc(${m.rightChars} * ${m.char}) 0 0;
  margin-top: ${m.gap};
  text-indent: 0;
  text-align: center;
  line-height: ${m.line};
  break-inside: avoid;
  break-before: avoid;
}
.signoff-block {
  position: relative;
  display: flex;
  flex-direction: column;
  align-items: center;
}
.date { white-space: nowrap; }
/* The issuer is centred over the date and does not widen the block: it may reach past the date on
   both sides, as on a stamped document. */
.issuer {
  align-self: stretch;
  display: flex;
  justify-content: center;
  contain: inline-size;
  white-space: nowrap;
}
.signoff-long { padding-right: calc(${Math.min(2, m.rightChars)} * ${m.char}); }
.signoff-long .signoff-block { max-width: calc(100% - ${Math.min(2, m.rightChars)} * ${m.char}); }
.signoff-long .issuer { contain: none; white-space: normal; text-wrap: balance; }
${
  m.stampRoomBelow === null
    ? ''
    : `.signoff-stamped { padding-bottom: max(0mm, calc(${m.stampSize} / 2 - ${m.line} * 0.8 - ${m.stampRoomBelow})); }`
}
/* The circle is an outline, which is ink, not layout: where the date falls on a page's last line
   the circle reaches into the bottom margin instead of adding an empty page (an absolutely
   positioned box reaching past the page would). */
.stamp {
  position: absolute;
  left: 50%;
  top: calc(50% - ${m.line} * 0.2);
  width: 2mm;
  height: 2mm;
  margin: -1mm 0 0 -1mm;
  border-radius: 50%;
  outline: 0.3mm dashed #9a9a9a;
  outline-offset: calc(${m.stampSize} / 2 - 1mm);
}
.stamp-label {
  position: absolute;
  left: 50%;
  /* Just above the issuer, in the blank space before the signoff: never over the text. */
  bottom: calc(100% + 0.5mm);
  transform: translateX(-50%);
  font-size: 9pt;
  line-height: 1;
  letter-spacing: 0.1em;
  color: #a8a8a8;
  white-space: nowrap;
}
`
}

/**
 * The household slip (入户通知单): two identical copies of the notice on one A4 sheet, one in each
 * half, with a dashed cut line between them. A copy never gets clipped: each is at least half a
 * sheet tall and grows with its text, so a text too long for half a page makes the document longer
 * than one page — which the print service refuses with a message, instead of cutting text off.
 */
import { escapeHtml } from '../print-html'
import { SERIF } from '../fonts'
import { markSalutation, richTextCss } from './rich-text-css'
import { signoffCss, signoffHtml } from './signoff'
import type { LayoutParts, NoticeContent } from './layout-parts'

export const SLIP = {
  halfHeightMm: 148.5,
  paddingMm: { top: 11, side: 18, bottom: 9 },
  titlePt: 17,
  bodyPt: 13,
} as const

/** Scissors drawn inline: no font on every PC has ✂, and the page may load nothing else. */
const SCISSORS =
  '<svg class="scissors" viewBox="0 0 24 24" width="12" height="12" aria-hidden="true">' +
  '<g fill="none" stroke="#444" stroke-width="1.6"><circle cx="5" cy="6" r="3"/><circle cx="5" cy="18" r="3"/>' +
  '<path d="M7.4 7.8 21 17M7.4 16.2 21 7"/></g></svg>'

export function slipLayout(content: NoticeContent, bodyFamily: string): LayoutParts {
  const s = SLIP
  const char = '1em'
  const line = '1.5'
  const css = `
@page { size: A4 portrait; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body {
  font-family: ${bodyFamily};
  font-size: ${s.bodyPt}pt;
  line-height: ${line};
  text-align: justify;
  text-autospace: no-autospace;
  line-break: strict;
  overflow-wrap: anywhere;
}
.copy {
  box-sizing: border-box;
  min-height: ${s.halfHeightMm}mm;
  padding: ${s.paddingMm.top}mm ${s.paddingMm.side}mm ${s.paddingMm.bottom}mm;
  display: flex;
  flex-direction: column;
  break-inside: avoid;
}
/* The second copy ends a hair above the sheet's edge, so rounding never adds a page. */
.cut + .copy { min-height: calc(${s.halfHeightMm}mm - 0.5mm); }
.title {
  margin: 0 0 3mm;
  font-family: ${SERIF}, serif;
  font-weight: 700;
  font-size: ${s.titlePt}pt;
  line-height: 1.35;
  letter-spacing: 0.05em;
  text-align: center;
  text-wrap: balance;
}
.body { flex: 0 0 auto; }
${richTextCss({ scope: '.body', char, line, paragraphGap: '0', tableFontSize: '11pt', keepLines: 2 })}
/* The issuer and date follow the text after a blank half line, as on a letter; the rest of the
   half stays blank. */
.signoff-wrap { padding-top: 0.75em; }
${signoffCss({ char, line: '1.5em', gap: '0', rightChars: 2, stampSize: '42mm', stampRoomBelow: `${SLIP.paddingMm.bottom - 3}mm` })}
.cut {
  position: relative;
  height: 0;
  border-top: 0.25mm dashed #555;
  break-before: avoid;
  break-after: avoid;
}
.cut-label {
  position: absolute;
  left: 50%;
  top: 0;
  transform: translate(-50%, -50%);
  padding: 0 2.5mm;
  background: #fff;
  font-family: ${SERIF}, serif;
  font-size: 9pt;
  line-height: 1;
  letter-spacing: 0.1em;
  color: #444;
  white-space: nowrap;
  display: flex;
  align-items: center;
  gap: 1.5mm;
}
.scissors { display: block; }
`
  const copy =
    '<section class="copy">' +
    `<h1 class="title">${escapeHtml(content.title)}</h1>` +
    `<div class="body">${markSalutation(content.bodyHtml)}</div>` +
    `<div class="signoff-wrap">${signoffHtml(content)}</div>` +
    '</section>'
  const bodyHtml = `${copy}<div class="cut" aria-hidden="true"><span class="cut-label">${SCISSORS}沿此线剪开</span></div>${copy}`
  return { css, bodyHtml }
}

/**
 * The formal document (GB/T 9704-2012) on A4: top margin 37 mm, left (binding) margin 28 mm, a
 * text block of 156 × 225 mm holding 22 lines of 28 characters in 三号 (16 pt); the title in 二号
 * (22 pt) with a blank line under it; the page number "— 1 —" in 四号 (14 pt) 7 mm under the text
 * block, odd pages right and even pages left, one character in.
 *
 * The grid: a line is 225/22 = 10.227 mm; a character cell is 156/28 = 5.571 mm, a little narrower
 * than a 16 pt glyph (5.644 mm), so the letter spacing is slightly negative. Paragraphs have no
 * space between them, so every line of text stays on the grid.
 */
import { escapeHtml } from '../print-html'
import { SERIF } from '../fonts'
import { markSalutation, richTextCss } from './rich-text-css'
import { signoffCss, signoffHtml } from './signoff'
import type { LayoutParts, NoticeContent } from './layout-parts'

export const FORMAL = {
  marginTopMm: 37,
  marginLeftMm: 28,
  marginRightMm: 26,
  marginBottomMm: 35,
  blockWidthMm: 156,
  blockHeightMm: 225,
  lines: 22,
  chars: 28,
  bodyPt: 16,
  titlePt: 22,
  pageNumberPt: 14,
  pageNumberGapMm: 7,
} as const

export function formalLayout(content: NoticeContent, bodyFamily: string): LayoutParts {
  const f = FORMAL
  const char = `calc(${f.blockWidthMm}mm / ${f.chars})`
  const line = `calc(${f.blockHeightMm}mm / ${f.lines})`
  // 28 cells must fit the line with room to spare, or rounding wraps the 28th character: a
  // hundredth of a millimetre less per cell, which justification gives back.
  const spacing = `calc(${f.blockWidthMm}mm / ${f.chars} - ${f.bodyPt}pt - 0.01mm)`
  const pageNumber = `
    content: "— " counter(page) " —";
    font-family: ${SERIF}, serif;
    font-size: ${f.pageNumberPt}pt;
    line-height: 1;
    vertical-align: top;
    padding-top: ${f.pageNumberGapMm}mm;
    white-space: pre;`
  const css = `
@page {
  size: A4 portrait;
  margin: ${f.marginTopMm}mm ${f.marginRightMm}mm ${f.marginBottomMm}mm ${f.marginLeftMm}mm;
}
@page :right {
  @bottom-right { ${pageNumber} text-align: right; padding-right: 1em; }
}
@page :left {
  @bottom-left { ${pageNumber} text-align: left; padding-left: 1em; }
}
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body {
  font-family: ${bodyFamily};
  font-size: ${f.bodyPt}pt;
  line-height: ${line};
  letter-spacing: ${spacing};
  text-align: justify;
  text-spacing-trim: space-all;
  text-autospace: no-autospace;
  font-kerning: none;
  line-break: strict;
  overflow-wrap: anywhere;
}
.title {
  margin: 0 0 ${line};
  font-family: ${SERIF}, serif;
  font-weight: 700;
  font-size: ${f.titlePt}pt;
  line-height: ${line};
  letter-spacing: 0;
  text-align: center;
  text-wrap: balance;
  break-after: avoid;
}
/* The page numbers are laid out only when the page is printed, too late to fetch a font: the
   glyphs they use are laid out (unseen) with the document, so their font file is loaded by then.
   Without it a PC whose 仿宋 sets the body would print blank page numbers. */
.page-number-glyphs {
  position: absolute;
  top: 0;
  left: 0;
  visibility: hidden;
  font-family: ${SERIF}, serif;
  font-size: ${f.pageNumberPt}pt;
  line-height: 1;
  white-space: pre;
}
${richTextCss({ scope: '.body', char, line, paragraphGap: '0', tableFontSize: '12pt', keepLines: 1 })}
${signoffCss({ char, line, gap: line, rightChars: 4, stampSize: '42mm', stampRoomBelow: null })}
`
  const bodyHtml =
    '<div class="page-number-glyphs" aria-hidden="true">— 0123456789 —</div>\n' +
    `<h1 class="title">${escapeHtml(content.title)}</h1>\n` +
    `<div class="body">${markSalutation(content.bodyHtml)}</div>\n` +
    signoffHtml(content)
  return { css, bodyHtml }
}

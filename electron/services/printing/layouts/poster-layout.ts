/**
 * The bulletin-board poster: A4 or A3, type large enough to read from two metres (title 42 pt and
 * body 22 pt on A4; everything √2 larger on A3, the same poster enlarged), title in the shipped
 * sans, 20 mm margins, issuer and date at the bottom right of the last page.
 */
import type { PaperSize } from '../../../contract/dto'
import { escapeHtml } from '../print-html'
import { SANS } from '../fonts'
import { markSalutation, richTextCss } from './rich-text-css'
import { signoffCss, signoffHtml } from './signoff'
import type { LayoutParts, NoticeContent } from './layout-parts'

export const POSTER = {
  marginMm: 20,
  titlePt: 42,
  bodyPt: 22,
  /** A3 is A4 enlarged by √2. */
  a3Scale: 1.414,
  pageHeightMm: { A4: 297, A3: 420 },
} as const

export function posterLayout(content: NoticeContent, bodyFamily: string, paper: PaperSize): LayoutParts {
  const p = POSTER
  const scale = paper === 'A3' ? p.a3Scale : 1
  const pt = (n: number) => `${Math.round(n * scale * 10) / 10}pt`
  const mm = (n: number) => `${Math.round(n * scale * 10) / 10}mm`
  const char = '1em'
  const line = '1.5'
  // Fills the first page, so a short poster has its issuer and date at the foot of the sheet; a
  // hair under the page so rounding never adds an empty page.
  const minHeight = `${p.pageHeightMm[paper] - 2 * p.marginMm - 1}mm`
  const css = `
@page { size: ${paper} portrait; margin: ${p.marginMm}mm; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body {
  font-family: ${bodyFamily};
  font-size: ${pt(p.bodyPt)};
  line-height: ${line};
  text-align: justify;
  text-autospace: no-autospace;
  line-break: strict;
  overflow-wrap: anywhere;
}
.sheet {
  display: flex;
  flex-direction: column;
  min-height: ${minHeight};
}
.title {
  margin: ${mm(6)} 0 ${mm(4)};
  font-family: ${SANS}, sans-serif;
  font-weight: 700;
  font-size: ${pt(p.titlePt)};
  line-height: 1.3;
  letter-spacing: 0.08em;
  text-indent: 0.08em;
  text-align: center;
  text-wrap: balance;
  break-after: avoid;
}
.title-rule {
  height: 0;
  margin: 0 0 ${mm(10)};
  border-top: ${mm(0.8)} solid #000;
  border-bottom: ${mm(0.3)} solid #000;
  padding-top: ${mm(0.9)};
  box-sizing: content-box;
}
.body { flex: 0 0 auto; }
${richTextCss({ scope: '.body', char, line, paragraphGap: '0.2em', tableFontSize: pt(18), keepLines: 2 })}
.signoff-wrap { margin-top: auto; padding-top: ${mm(12)}; }
${signoffCss({ char, line: '1.5em', gap: '0', rightChars: 2, stampSize: '42mm', stampRoomBelow: '0mm' })}
`
  const bodyHtml =
    '<div class="sheet">' +
    `<h1 class="title">${escapeHtml(content.title)}</h1>` +
    '<div class="title-rule"></div>' +
    `<div class="body">${markSalutation(content.bodyHtml)}</div>` +
    `<div class="signoff-wrap">${signoffHtml(content)}</div>` +
    '</div>'
  return { css, bodyHtml }
}

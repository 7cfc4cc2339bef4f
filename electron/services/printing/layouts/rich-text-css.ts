/**
 * How the rich-text editor's output (paragraphs, headings, lists, tables, alignment) looks on
 * paper, scoped to the element that holds the body. Each layout passes its own rhythm: the formal
 * layout keeps everything on its 22-line grid, the others use a relative line height.
 */
import { SANS } from '../fonts'

export interface RichTextMetrics {
  /** The selector of the body's container. */
  scope: string
  /** One character cell: what the first-line indent and list indents are made of. */
  char: string
  /** The paragraph line height. */
  line: string
  /** Space between paragraphs (0 on the formal grid). */
  paragraphGap: string
  /** Type size inside tables. */
  tableFontSize: string
  /**
   * Fewest lines of a paragraph left at the foot or carried to the head of a page. The formal
   * layout uses 1: every page holds its full 22 lines, as the standard's grid has it.
   */
  keepLines: number
}

/**
 * A first paragraph that only addresses the readers (各位居民：) is the 主送 line, set flush left
 * (GB/T 9704-2012 7.3.2), not indented like the text under it.
 */
export function markSalutation(bodyHtml: string): string {
  return bodyHtml.replace(/^(\s*)<p>([^<>]{1,60}[：:])<\/p>/, '$1<p class="salutation">$2</p>')
}

export function richTextCss(m: RichTextMetrics): string {
  const s = m.scope
  return `
${s} p, ${s} h1, ${s} h2, ${s} h3, ${s} h4, ${s} blockquote, ${s} ul, ${s} ol {
  margin: 0 0 ${m.paragraphGap};
}
${s} p, ${s} h1, ${s} h2, ${s} h3, ${s} h4 {
  text-indent: calc(2 * ${m.char});
  line-height: ${m.line};
  font-size: 1em;
  orphans: ${m.keepLines};
  widows: ${m.keepLines};
}
/* A centred or right-aligned line (a sub-heading, a signature typed into the body) is placed as
   typed, without the paragraph indent pushing it off centre. */
${s} p[style*="center"], ${s} p[style*="right"],
${s} h1[style*="center"], ${s} h1[style*="right"], ${s} h2[style*="center"], ${s} h2[style*="right"],
${s} h3[style*="center"], ${s} h3[style*="right"], ${s} h4[style*="center"], ${s} h4[style*="right"] {
  text-indent: 0;
}
${s} p.salutation { text-indent: 0; }
/* Headings follow the official order: level one in 黑体 (the shipped sans), level two bold, the
   rest in the body face; all in body size, so they stay in the rhythm of the text. */
${s} h1 { font-family: ${SANS}, sans-serif; font-weight: 400; }
${s} h2 { font-weight: 700; }
${s} h3, ${s} h4 { font-weight: 400; }
${s} h1, ${s} h2, ${s} h3, ${s} h4 { break-after: avoid; }
${s} strong, ${s} b { font-weight: 700; }
${s} ul, ${s} ol {
  padding: 0 0 0 calc(2 * ${m.char});
}
${s} li { line-height: ${m.line}; padding-left: calc(0.25 * ${m.char}); }
${s} li p, ${s} li ul, ${s} li ol { margin: 0; text-indent: 0; }
${s} li::marker { letter-spacing: 0; }
${s} blockquote {
  padding: 0 0 0 calc(2 * ${m.char});
}
${s} blockquote p { text-indent: 0; }
${s} hr { border: 0; border-top: 0.5pt solid #000; margin: calc(${m.line} / 2 - 0.25pt) 0; }
${s} table {
  width: 100%;
  border-collapse: collapse;
  margin: calc(${m.line} / 4) 0 calc(${m.line} / 4 + ${m.paragraphGap});
  font-size: ${m.tableFontSize};
  line-height: 1.45;
  letter-spacing: 0;
  text-align: left;
  text-indent: 0;
  table-layout: auto;
}
${s} th, ${s} td {
  border: 0.5pt solid #000;
  padding: 1mm 1.6mm;
  vertical-align: top;
  overflow-wrap: anywhere;
}
${s} th { font-weight: 700; text-align: center; vertical-align: middle; }
${s} th p, ${s} td p { margin: 0; text-indent: 0; line-height: inherit; }
${s} tr { break-inside: avoid; }
${s} thead { display: table-header-group; }
`
}

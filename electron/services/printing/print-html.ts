/**
 * The print-only page around every document: a strict CSP (no script, no network, fonts only from
 * the engine's source), the shipped fonts, and the document's own CSS. Every value that goes into
 * a page is escaped here or sanitised by `sanitiseRichText`; no template concatenates raw input.
 */
import sanitizeHtml from 'sanitize-html'
import { escapeHtml } from '../../contract/rules/notice-variables'
import type { PaperSize } from '../../contract/dto'
import { fontFaceCss } from './fonts'
import type { PrintDocument, PrintEngine } from './print-engine'

export { escapeHtml }

export interface PageShell {
  title: string
  paper: PaperSize
  /** The layout's CSS, including its `@page` rules. */
  css: string
  /** The document's body, already built from escaped values and sanitised rich text. */
  bodyHtml: string
}

export function printPage(engine: Pick<PrintEngine, 'fontUrl' | 'fontSource'>, shell: PageShell): PrintDocument {
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `font-src ${engine.fontSource}`,
    'img-src data:',
    "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(shell.title)}</title>
<style>
${fontFaceCss(engine.fontUrl, shell.title + shell.css + shell.bodyHtml)}
</style>
<style>
${shell.css}
</style>
</head>
<body>
${shell.bodyHtml}
</body>
</html>
`
  return { html, paper: shell.paper }
}

/**
 * What the rich-text editor may produce, and nothing else: text formatting, lists, tables and
 * alignment. Scripts, event handlers, images, links and foreign styles are removed; text that
 * merely looks like a tag (typed `<script>`) arrives escaped and stays text.
 */
export function sanitiseRichText(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      'p',
      'br',
      'strong',
      'b',
      'em',
      'i',
      'u',
      's',
      'span',
      'h1',
      'h2',
      'h3',
      'h4',
      'blockquote',
      'ul',
      'ol',
      'li',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'colgroup',
      'col',
      'hr',
    ],
    allowedAttributes: {
      p: ['style'],
      h1: ['style'],
      h2: ['style'],
      h3: ['style'],
      h4: ['style'],
      td: ['colspan', 'rowspan', 'style'],
      th: ['colspan', 'rowspan', 'style'],
      col: ['span', 'style'],
      ol: ['start'],
    },
    allowedStyles: {
      '*': { 'text-align': [/^(left|right|center|justify)$/] },
      col: { width: [/^\d+(\.\d+)?(px|%)$/] },
    },
    allowedSchemes: [],
    disallowedTagsMode: 'discard',
  })
}

/** The text of sanitised HTML, for search and for the sensitive-number check. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|li|tr|h[1-4]|blockquote)>|<br\s*\/?>/gi, '$&\n'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim()
}

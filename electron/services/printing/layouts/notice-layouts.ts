/**
 * Notice layouts: formal document (GB/T 9704-2012), bulletin-board poster (A4/A3), household slip
 * (two half-page copies on one A4 with a cut line). PLACEHOLDER: the layout helper replaces this.
 */
import type { NoticeLayout, PaperSize } from '../../../contract/dto'
import { escapeHtml, printPage } from '../print-html'
import type { PrintDocument, PrintEngine } from '../print-engine'

export interface NoticePrintData {
  title: string
  /** Already sanitised (sanitiseRichText) and with its variables filled. */
  bodyHtml: string
  issuer: string
  /** ISO date; printed as 2026年11月24日. */
  issueDate: string
  layout: NoticeLayout
  /** A3 only for posters; the others print on A4 whatever this says. */
  paper: PaperSize
  showStamp: boolean
  bodyFont: 'shipped' | 'fangsong'
}

export function renderNotice(
  engine: Pick<PrintEngine, 'fontUrl' | 'fontSource'>,
  data: NoticePrintData,
): PrintDocument {
  return printPage(engine, {
    title: data.title,
    paper: data.layout === 'poster' ? data.paper : 'A4',
    css: `@page { size: A4; margin: 37mm 26mm 35mm 28mm; } body { font-family: 'Noto Serif SC'; }`,
    bodyHtml: `<h1>${escapeHtml(data.title)}</h1>${data.bodyHtml}<p>${escapeHtml(data.issuer)}</p>`,
  })
}

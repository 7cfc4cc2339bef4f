/**
 * Notice layouts: formal document (GB/T 9704-2012), bulletin-board poster (A4/A3), household slip
 * (two half-page copies on one A4 with a cut line). Each builds CSS and markup from escaped values
 * and the already-sanitised body; `printPage` puts them in the CSP'd shell with the shipped fonts.
 */
import type { NoticeLayout, PaperSize } from '../../../contract/dto'
import { printPage } from '../print-html'
import { FANGSONG_STACK, SERIF } from '../fonts'
import type { PrintDocument, PrintEngine } from '../print-engine'
import { formalLayout } from './formal-layout'
import { posterLayout } from './poster-layout'
import { slipLayout } from './slip-layout'
import type { LayoutParts } from './layout-parts'

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

/** The body face: 仿宋 where the PC has it and the setting asks for it, else the shipped serif. */
export function bodyFontFamily(bodyFont: NoticePrintData['bodyFont']): string {
  return bodyFont === 'fangsong' ? FANGSONG_STACK : `${SERIF}, serif`
}

export function renderNotice(
  engine: Pick<PrintEngine, 'fontUrl' | 'fontSource'>,
  data: NoticePrintData,
): PrintDocument {
  const family = bodyFontFamily(data.bodyFont)
  const paper: PaperSize = data.layout === 'poster' ? data.paper : 'A4'
  let parts: LayoutParts
  switch (data.layout) {
    case 'formal':
      parts = formalLayout(data, family)
      break
    case 'poster':
      parts = posterLayout(data, family, paper)
      break
    case 'slip':
      parts = slipLayout(data, family)
      break
    default: {
      const never: never = data.layout
      throw new Error(`Unknown notice layout: ${String(never)}`)
    }
  }
  return printPage(engine, { title: data.title, paper, css: parts.css, bodyHtml: parts.bodyHtml })
}

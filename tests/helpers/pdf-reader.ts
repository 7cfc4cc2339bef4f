/**
 * Reads a PDF back with pdf.js, as geometry the print tests can assert on: each page's size in mm,
 * its text items with their baseline position in mm from the page's top-left corner and their
 * font size in pt, and the names of the fonts the PDF embeds.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextItem } from 'pdfjs-dist/types/src/display/api'

const MM_PER_PT = 25.4 / 72

export interface PdfTextItem {
  text: string
  /** Left edge of the item, mm from the page's left edge. */
  x: number
  /** Baseline, mm from the page's top edge. */
  y: number
  /** Advance width of the whole item, mm. */
  width: number
  /** The size the text is set in, pt. */
  fontSize: number
  /** The embedded font's name (`ABCDEF+NotoSerifSC-Regular`), when pdf.js reports it. */
  fontName: string
}

export interface PdfPage {
  /** 1-based, as printed. */
  number: number
  widthMm: number
  heightMm: number
  items: PdfTextItem[]
}

export interface PdfTextLine {
  /** Baseline, mm from the page top. */
  y: number
  /** Left edge of the first item, mm. */
  x: number
  /** Right edge of the last item, mm. */
  right: number
  text: string
  items: PdfTextItem[]
}

export interface PdfContent {
  pageCount: number
  pages: PdfPage[]
  /** The distinct embedded font names across all pages. */
  fonts: string[]
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({
    data: bytes.slice(),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  })
  const doc = await task.promise
  try {
    const pages: PdfPage[] = []
    const fonts = new Set<string>()
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const [, , w, h] = page.view
      // The operator list makes pdf.js load the fonts, so their real names can be read.
      await page.getOperatorList()
      const content = await page.getTextContent()
      const fontNames = new Map<string, string>()
      const nameOf = (id: string): string => {
        if (!fontNames.has(id)) {
          let name = id
          try {
            const font = page.commonObjs.get(id) as { name?: string } | null
            if (font?.name) name = font.name
          } catch {
            // Not loaded: keep pdf.js's internal id.
          }
          fontNames.set(id, name)
          fonts.add(name)
        }
        return fontNames.get(id)!
      }
      const items: PdfTextItem[] = []
      for (const raw of content.items) {
        if (!('str' in raw)) continue
        const item = raw as TextItem
        if (item.str === '') continue
        const [a, b, c, d, e, f] = item.transform as number[]
        void a
        void b
        items.push({
          text: item.str,
          x: e * MM_PER_PT,
          y: (h - f) * MM_PER_PT,
          width: item.width * MM_PER_PT,
          fontSize: Math.round(Math.hypot(c, d) * 100) / 100,
          fontName: nameOf(item.fontName),
        })
      }
      pages.push({ number: n, widthMm: w * MM_PER_PT, heightMm: h * MM_PER_PT, items })
      page.cleanup()
    }
    return { pageCount: doc.numPages, pages, fonts: [...fonts] }
  } finally {
    await doc.destroy()
  }
}

/** Only the number of pages. */
export async function pageCount(bytes: Uint8Array): Promise<number> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise
  try {
    return doc.numPages
  } finally {
    await doc.destroy()
  }
}

/**
 * The page's text items grouped into lines by baseline (within `tolerance` mm), top to bottom,
 * each line's items left to right.
 */
export function textLines(page: PdfPage, tolerance = 0.8): PdfTextLine[] {
  const sorted = [...page.items].sort((p, q) => p.y - q.y || p.x - q.x)
  const lines: PdfTextLine[] = []
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= tolerance)
    if (line) line.items.push(item)
    else lines.push({ y: item.y, x: 0, right: 0, text: '', items: [item] })
  }
  for (const line of lines) {
    line.items.sort((p, q) => p.x - q.x)
    line.x = line.items[0].x
    const last = line.items[line.items.length - 1]
    line.right = last.x + last.width
    line.text = line.items.map((i) => i.text).join('')
  }
  return lines.sort((p, q) => p.y - q.y)
}

/** Characters that occupy a full CJK cell: ideographs, kana, full-width forms and punctuation. */
export function countCjk(text: string): number {
  return [...text].filter((ch) =>
    /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2018-\u201d\u2026]/.test(ch),
  ).length
}

/**
 * The notice layouts rendered by real Chromium to real PDFs, read back with pdf.js and measured:
 * what GB/T 9704-2012 asks of the formal layout, the two copies of a household slip, the poster's
 * paper and type, and that markup typed into a notice prints as text.
 *
 * Set PRINT_TEST_OUT=/some/folder to keep the PDFs for looking at (pdftoppm -r 60 -png).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  createChromiumPrintEngine,
  fontFileFor,
  type ChromiumPrintEngine,
  TEST_PRINTERS,
} from '../helpers/chromium-print-engine'
import { countCjk, readPdf, textLines, type PdfContent, type PdfPage, type PdfTextLine } from '../helpers/pdf-reader'
import { renderNotice, type NoticePrintData } from '../../electron/services/printing/layouts/notice-layouts'
import { htmlToText, sanitiseRichText, escapeHtml } from '../../electron/services/printing/print-html'
import { FANGSONG_STACK, fontDirectories } from '../../electron/services/printing/fonts'

const PT = 25.4 / 72
/** What GB/T 9704-2012 asks for, written out here rather than taken from the layout under test. */
const FORMAL = {
  marginTopMm: 37,
  marginLeftMm: 28,
  blockWidthMm: 156,
  blockHeightMm: 225,
  lines: 22,
  chars: 28,
  titlePt: 22,
  bodyPt: 16,
  pageNumberPt: 14,
  pageNumberGapMm: 7,
}
const LINE = FORMAL.blockHeightMm / FORMAL.lines // 10.227 mm
const CELL = FORMAL.blockWidthMm / FORMAL.chars // 5.571 mm
const BLOCK_BOTTOM = FORMAL.marginTopMm + FORMAL.blockHeightMm // 262 mm
/** Noto CJK's ideographic em box reaches 0.88 em above the baseline (0.12 em below). */
const EM_ABOVE_BASELINE = 0.88

const PARAGRAPHS = [
  '为进一步做好辖区居民服务工作，幸福里社区党群服务中心定于2026年11月28日（星期六）上午9时在社区二楼会议室召开居民代表会议，请各位居民代表准时参加。',
  '会议将通报本季度社区工作情况，听取居民对小区环境整治、停车管理、加装电梯和居家养老服务的意见建议，并推选下一季度楼道长。请各楼栋提前收集居民意见，会上集中反映。',
  '因故不能参加的居民代表，请于11月26日前向所在网格员请假，并委托同楼栋居民代为出席。会议期间请将手机调至静音状态，自觉遵守会场秩序。',
  '社区将为行动不便的老年居民代表提供接送服务，需要接送的请提前一天告知网格员，并说明楼栋、单元和门牌号，以便统筹安排车辆和志愿者。',
]

function paragraphsHtml(paragraphs: string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')
}

function notice(overrides: Partial<NoticePrintData> = {}): NoticePrintData {
  return {
    title: '关于召开幸福里社区居民代表会议的通知',
    bodyHtml: paragraphsHtml(PARAGRAPHS),
    issuer: '幸福里社区党群服务中心',
    issueDate: '2026-11-24',
    layout: 'formal',
    paper: 'A4',
    showStamp: false,
    bodyFont: 'shipped',
    ...overrides,
  }
}

const noSpace = (s: string) => s.replace(/\s+/g, '')

let engine: ChromiumPrintEngine
const renderTimes: number[] = []

async function print(
  name: string,
  data: NoticePrintData,
): Promise<{ pdf: Uint8Array; content: PdfContent; html: string }> {
  const doc = renderNotice(engine, data)
  const started = performance.now()
  const pdf = await engine.toPdf(doc)
  renderTimes.push(performance.now() - started)
  const out = process.env.PRINT_TEST_OUT
  if (out) {
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, `${name}.pdf`), pdf)
  }
  return { pdf, content: await readPdf(pdf), html: doc.html }
}

/** Lines of the formal layout's text block (title, body, signoff), without the page number. */
function blockLines(page: PdfPage): PdfTextLine[] {
  return textLines(page).filter((l) => l.y < BLOCK_BOTTOM)
}

beforeAll(async () => {
  engine = await createChromiumPrintEngine()
}, 30_000)

afterAll(async () => {
  await engine?.close()
  if (renderTimes.length) {
    const avg = renderTimes.reduce((a, b) => a + b, 0) / renderTimes.length
    console.info(`print-layouts: ${renderTimes.length} PDFs, ${Math.round(avg)} ms each on average`)
  }
})

describe('formal layout (GB/T 9704-2012)', () => {
  // Long enough for two pages: the measurements and the page numbers come from one document.
  const body = [...PARAGRAPHS, ...PARAGRAPHS, ...PARAGRAPHS, '特此通知。']
  let content: PdfContent

  beforeAll(async () => {
    ;({ content } = await print('formal', notice({ bodyHtml: paragraphsHtml(body) })))
  }, 30_000)

  it('is A4 and runs to two pages', () => {
    expect(content.pageCount).toBe(2)
    for (const page of content.pages) {
      expect(page.widthMm).toBeCloseTo(210, 0)
      expect(page.heightMm).toBeCloseTo(297, 0)
    }
  })

  it('sets the title in 22 pt, centred in the text block on the first line', () => {
    const [title] = blockLines(content.pages[0])
    expect(title.text).toBe('关于召开幸福里社区居民代表会议的通知')
    for (const item of title.items) expect(item.fontSize).toBeCloseTo(FORMAL.titlePt, 1)
    const centre = (title.x + title.right) / 2
    expect(Math.abs(centre - (FORMAL.marginLeftMm + FORMAL.blockWidthMm / 2))).toBeLessThan(1)
    // Its 22 pt em box sits in the middle of the first 10.227 mm line, which starts at 37 mm.
    const emTop = title.y - EM_ABOVE_BASELINE * FORMAL.titlePt * PT
    expect(Math.abs(emTop - (FORMAL.marginTopMm + (LINE - FORMAL.titlePt * PT) / 2))).toBeLessThan(1)
  })

  it('starts the body on the third line of the grid (after the title and a blank line), in 16 pt', () => {
    const lines = blockLines(content.pages[0])
    const first = lines[1]
    expect(first.text.startsWith('为进一步做好辖区居民服务工作')).toBe(true)
    // Line box of the third line: 37 + 2 × 10.227 = 57.45 mm; the 16 pt em box (5.64 mm) centred
    // in it has its top 2.29 mm lower, at 59.75 mm; the baseline is 0.88 em under that (64.7 mm).
    const lineTop = FORMAL.marginTopMm + 2 * LINE
    const emTop = first.y - EM_ABOVE_BASELINE * FORMAL.bodyPt * PT
    expect(Math.abs(emTop - (lineTop + (LINE - FORMAL.bodyPt * PT) / 2))).toBeLessThan(1)
    for (const line of lines.slice(1))
      for (const item of line.items) expect(item.fontSize).toBeCloseTo(FORMAL.bodyPt, 1)
  })

  it('keeps a 28 mm left margin, a two-character first-line indent and 22 lines a page', () => {
    const lines = blockLines(content.pages[0]).slice(1)
    const starts = PARAGRAPHS.map((p) => p.slice(0, 8))
    const indented = lines.filter((l) => starts.some((s) => l.text.startsWith(s)))
    expect(indented.length).toBeGreaterThanOrEqual(4)
    const full = lines.filter((l) => !indented.includes(l))
    expect(full.length).toBeGreaterThan(10)
    for (const line of full) expect(Math.abs(line.x - FORMAL.marginLeftMm)).toBeLessThan(1)
    for (const line of indented) expect(Math.abs(line.x - (FORMAL.marginLeftMm + 2 * CELL))).toBeLessThan(1)
    // Page one: title, blank line, 20 body lines; page two starts at the top of the text block.
    expect(blockLines(content.pages[0])).toHaveLength(FORMAL.lines - 1)
    const pitch = (lines[lines.length - 1].y - lines[0].y) / (lines.length - 1)
    expect(pitch).toBeCloseTo(LINE, 1)
    const last = lines[lines.length - 1]
    expect(last.y).toBeLessThan(BLOCK_BOTTOM)
    expect(last.y).toBeGreaterThan(BLOCK_BOTTOM - LINE)
    const second = blockLines(content.pages[1])[0]
    expect(
      Math.abs(
        second.y - EM_ABOVE_BASELINE * FORMAL.bodyPt * PT - (FORMAL.marginTopMm + (LINE - FORMAL.bodyPt * PT) / 2),
      ),
    ).toBeLessThan(1)
  })

  it('puts at most 28 characters on a line, and fills full lines to the right edge of the 156 mm block', () => {
    let fullLines = 0
    for (const page of content.pages) {
      for (const line of blockLines(page)) {
        const n = countCjk(line.text)
        expect(n, line.text).toBeLessThanOrEqual(FORMAL.chars)
        if (n === FORMAL.chars) {
          fullLines++
          expect(Math.abs(line.right - (FORMAL.marginLeftMm + FORMAL.blockWidthMm))).toBeLessThan(1)
        }
      }
    }
    expect(fullLines).toBeGreaterThan(5)
  })

  it('numbers the pages "— 1 —" and "— 2 —" 7 mm under the text block, odd right and even left', () => {
    const numbers = content.pages.map((page) => textLines(page).filter((l) => l.y > BLOCK_BOTTOM))
    expect(numbers.map((n) => n.map((l) => l.text.replace(/\s+/g, ' ').trim()))).toEqual([['— 1 —'], ['— 2 —']])
    const [one, two] = numbers.map((n) => n[0])
    for (const n of [one, two]) {
      expect(n.items[0].fontSize).toBeCloseTo(FORMAL.pageNumberPt, 0)
      // The 14 pt line starts 7 mm under the block: its baseline lies within that line.
      expect(n.y).toBeGreaterThan(BLOCK_BOTTOM + FORMAL.pageNumberGapMm)
      expect(n.y).toBeLessThan(BLOCK_BOTTOM + FORMAL.pageNumberGapMm + FORMAL.pageNumberPt * PT + 0.5)
    }
    // One character (of the page number's size) in from the block's right / left edge.
    const em = FORMAL.pageNumberPt * PT
    expect(Math.abs(one.right - (FORMAL.marginLeftMm + FORMAL.blockWidthMm - em))).toBeLessThan(1)
    expect(Math.abs(two.x - (FORMAL.marginLeftMm + em))).toBeLessThan(1)
  })

  it('gives the Chinese text back exactly', () => {
    const printed = content.pages
      .flatMap((p) => blockLines(p))
      .map((l) => l.text)
      .join('')
    const expected = [
      '关于召开幸福里社区居民代表会议的通知',
      htmlToText(paragraphsHtml(body)),
      '幸福里社区党群服务中心',
      '2026年11月24日',
    ].join('')
    expect(noSpace(printed)).toBe(noSpace(expected))
  })

  it('sets the date four characters in from the right with the issuer centred over it', () => {
    const lines = blockLines(content.pages[1])
    const date = lines.find((l) => l.text === '2026年11月24日')!
    const issuer = lines.find((l) => l.text === '幸福里社区党群服务中心')!
    expect(date).toBeDefined()
    expect(issuer.y).toBeCloseTo(date.y - LINE, 0)
    const blockRight = FORMAL.marginLeftMm + FORMAL.blockWidthMm
    expect(Math.abs(blockRight - date.right - 4 * CELL)).toBeLessThan(1)
    expect(Math.abs((issuer.x + issuer.right) / 2 - (date.x + date.right) / 2)).toBeLessThan(0.5)
    // A blank line between the end of the text and the issuer.
    const lastText = lines[lines.indexOf(issuer) - 1]
    expect(issuer.y - lastText.y).toBeCloseTo(2 * LINE, 0)
  })

  it('embeds only the shipped serif', () => {
    expect(content.fonts.length).toBeGreaterThan(0)
    for (const font of content.fonts) expect(font).toMatch(/^[A-Z]{6}\+NotoSerifSC/)
  })
})

describe('formal layout with a stamp area', () => {
  it('draws the circle without taking a line: the notice that fills a page exactly stays one page', async () => {
    // Title, blank line, 17 body lines, blank line, issuer, date: the date is on line 22.
    const body = Array.from({ length: 17 }, (_, i) => `<p>第${i + 1}项事宜。</p>`).join('')
    const stamped = await print('formal-stamp-full', notice({ bodyHtml: body, showStamp: true }))
    expect(stamped.content.pageCount).toBe(1)
    const lines = blockLines(stamped.content.pages[0])
    expect(lines.map((l) => l.text)).toContain('（盖章）')
    const date = lines.find((l) => l.text === '2026年11月24日')!
    expect(date.y).toBeGreaterThan(BLOCK_BOTTOM - LINE)
    expect(stamped.html).toContain('class="stamp"')
  })
})

describe("formal layout with the editor's lists and tables", () => {
  it('sets the salutation flush left, indents lists and keeps a table inside the text block', async () => {
    const bodyHtml = sanitiseRichText(
      '<p>各位居民：</p><p>现将有关事项通知如下：</p>' +
        '<ul><li><p>幸福里小区1—6号楼</p></li><li><p>和平路12号院</p></li></ul>' +
        '<table><tbody><tr><th><p>楼栋</p></th><th><p>网格员</p></th><th><p>联系电话</p></th></tr>' +
        '<tr><td><p>1—3号楼</p></td><td><p>王秀英</p></td><td><p>0571-88001234</p></td></tr></tbody></table>' +
        '<p style="text-align:center">感谢您的理解与支持！</p>',
    )
    const { content } = await print('formal-rich', notice({ bodyHtml }))
    expect(content.pageCount).toBe(1)
    const lines = blockLines(content.pages[0])
    const at = (text: string) => lines.find((l) => noSpace(l.text).startsWith(text))!
    expect(Math.abs(at('各位居民：').x - FORMAL.marginLeftMm)).toBeLessThan(1)
    expect(Math.abs(at('现将有关事项').x - (FORMAL.marginLeftMm + 2 * CELL))).toBeLessThan(1)
    expect(at('幸福里小区').x).toBeGreaterThan(FORMAL.marginLeftMm + 2 * CELL)
    const row = at('楼栋')
    expect(row.x).toBeGreaterThan(FORMAL.marginLeftMm)
    const cell = at('1—3号楼')
    expect(cell.right).toBeLessThan(FORMAL.marginLeftMm + FORMAL.blockWidthMm)
    expect(cell.items[cell.items.length - 1].text).toContain('0571-88001234')
    for (const item of cell.items) expect(item.fontSize).toBeLessThan(FORMAL.bodyPt)
    const centred = at('感谢您的理解与支持')
    expect(Math.abs((centred.x + centred.right) / 2 - (FORMAL.marginLeftMm + FORMAL.blockWidthMm / 2))).toBeLessThan(
      1.5,
    )
  })
})

describe('formal layout with a long issuer', () => {
  it('sets an issuer too long to centre over the date two characters in from the right, the date under it', async () => {
    const issuer = '幸福里街道幸福里社区党群服务中心'
    const { content } = await print('formal-long-issuer', notice({ issuer, bodyHtml: paragraphsHtml(['特此通知。']) }))
    const lines = blockLines(content.pages[0])
    const name = lines.find((l) => l.text === issuer)!
    const date = lines.find((l) => l.text === '2026年11月24日')!
    const blockRight = FORMAL.marginLeftMm + FORMAL.blockWidthMm
    expect(Math.abs(blockRight - name.right - 2 * CELL)).toBeLessThan(1)
    expect(Math.abs((name.x + name.right) / 2 - (date.x + date.right) / 2)).toBeLessThan(0.5)
  })
})

describe('household slip', () => {
  it('prints the notice twice on one A4 page, one copy in each half', async () => {
    const { content } = await print(
      'slip',
      notice({ layout: 'slip', bodyHtml: paragraphsHtml(PARAGRAPHS.slice(0, 2)), showStamp: true }),
    )
    expect(content.pageCount).toBe(1)
    const [page] = content.pages
    expect(page.widthMm).toBeCloseTo(210, 0)
    expect(page.heightMm).toBeCloseTo(297, 0)
    const lines = textLines(page)
    const cut = lines.find((l) => l.text.includes('沿此线剪开'))!
    expect(cut).toBeDefined()
    expect(Math.abs(cut.y - 148.5)).toBeLessThan(3)
    const halves = [lines.filter((l) => l.y < 148.5), lines.filter((l) => l.y > 148.5)]
    const expected = noSpace(htmlToText(paragraphsHtml(PARAGRAPHS.slice(0, 2))))
    for (const half of halves) {
      // The stamp's and the cut line's small labels may share a baseline with the text.
      const text = noSpace(
        half
          .map((l) =>
            l.items
              .filter((i) => i.text !== '（盖章）' && !i.text.includes('沿此线剪开'))
              .map((i) => i.text)
              .join(''),
          )
          .join(''),
      )
      expect(text).toContain('关于召开幸福里社区居民代表会议的通知')
      expect(text).toContain(expected)
      expect(text).toContain('2026年11月24日')
    }
    // The second copy is the first moved down by half a sheet.
    const titles = lines.filter((l) => l.text === '关于召开幸福里社区居民代表会议的通知')
    expect(titles).toHaveLength(2)
    expect(titles[1].y - titles[0].y).toBeCloseTo(148.5, 0)
    for (const l of lines.filter((x) => !x.text.includes('（盖章）') && !x.text.includes('沿此线'))) {
      expect(l.items[0].fontSize).toBeGreaterThanOrEqual(12)
      expect(l.items[0].fontSize).toBeLessThanOrEqual(18)
    }
  })

  it('comes out longer than one page when the text does not fit half a sheet, instead of being cut off', async () => {
    const { content } = await print(
      'slip-too-long',
      notice({ layout: 'slip', bodyHtml: paragraphsHtml([...PARAGRAPHS, ...PARAGRAPHS]) }),
    )
    expect(content.pageCount).toBeGreaterThan(1)
    // Nothing is lost: both copies' text is all there, across the pages.
    const all = noSpace(
      content.pages
        .flatMap((p) => textLines(p))
        .map((l) => l.text)
        .join(''),
    )
    const body = noSpace(htmlToText(paragraphsHtml([...PARAGRAPHS, ...PARAGRAPHS])))
    expect(all.split(body)).toHaveLength(3)
  })
})

describe('poster', () => {
  it('prints on A3 with type scaled by √2 from A4 (title ≥ 40 pt × 1.41)', async () => {
    const { content, html } = await print(
      'poster-a3',
      notice({ layout: 'poster', paper: 'A3', bodyHtml: paragraphsHtml(PARAGRAPHS.slice(0, 1)) }),
    )
    expect(content.pageCount).toBe(1)
    const [page] = content.pages
    expect(page.widthMm).toBeCloseTo(297, 0)
    expect(Math.abs(page.heightMm - 420)).toBeLessThan(0.5)
    expect(html).toContain('size: A3 portrait')
    const lines = textLines(page)
    const titleSize = Math.max(...lines.flatMap((l) => l.items.map((i) => i.fontSize)))
    expect(titleSize).toBeGreaterThanOrEqual(40 * 1.41)
    const bodyLine = lines.find((l) => l.text.startsWith('为进一步'))!
    expect(bodyLine.items[0].fontSize).toBeGreaterThanOrEqual(22 * 1.41)
    // The issuer and date at the bottom right of the sheet.
    const date = lines.find((l) => l.text === '2026年11月24日')!
    expect(date.y).toBeGreaterThan(420 - 20 - 25)
    expect(date.right).toBeGreaterThan(297 / 2)
  })

  it('prints on A4 with a title of at least 40 pt and body of at least 22 pt', async () => {
    const { content } = await print(
      'poster-a4',
      notice({ layout: 'poster', paper: 'A4', bodyHtml: paragraphsHtml(PARAGRAPHS.slice(0, 1)), showStamp: true }),
    )
    expect(content.pageCount).toBe(1)
    expect(content.pages[0].widthMm).toBeCloseTo(210, 0)
    const lines = textLines(content.pages[0])
    expect(noSpace(lines[0].text)).toBe('关于召开幸福里社区')
    expect(lines[0].items[0].fontSize).toBeGreaterThanOrEqual(40)
    expect(lines.find((l) => l.text.startsWith('为进一步'))!.items[0].fontSize).toBeGreaterThanOrEqual(22)
  })
})

describe('markup in a notice', () => {
  it('prints typed <script> and <img onerror> as text', async () => {
    const typed = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>']
    // The editor stores typed angle brackets escaped; the title is a plain value.
    const { content, html } = await print(
      'typed-markup',
      notice({ title: '<script>alert(1)</script>', bodyHtml: paragraphsHtml(typed) }),
    )
    expect(content.pageCount).toBe(1)
    const text = content.pages[0].items.map((i) => i.text).join('')
    for (const t of typed) expect(text).toContain(t)
    expect(text.indexOf('<script>alert(1)</script>')).not.toBe(text.lastIndexOf('<script>alert(1)</script>'))
    expect(html).not.toMatch(/<script|<img/i)
  })

  it('strips a real <script> and <img onerror> from raw HTML and still prints the rest', async () => {
    const raw =
      '<p>请准时参加。</p><script>alert(1)</script><img src=x onerror="alert(1)"><p onclick="alert(2)">特此通知。</p>'
    const bodyHtml = sanitiseRichText(raw)
    const { content, html } = await print('sanitised', notice({ bodyHtml }))
    expect(html).not.toMatch(/<script|<img|onerror|onclick/i)
    expect(content.pageCount).toBe(1)
    const text = noSpace(
      textLines(content.pages[0])
        .map((l) => l.text)
        .join(''),
    )
    expect(text).toContain('请准时参加。特此通知。')
    expect(text).not.toContain('alert')
  })
})

describe('body font setting', () => {
  it('asks for 仿宋 first, and falls back to the shipped serif where the PC has none', async () => {
    const { content, html } = await print(
      'fangsong',
      notice({ bodyFont: 'fangsong', bodyHtml: paragraphsHtml(PARAGRAPHS.slice(0, 1)) }),
    )
    expect(html).toContain(`font-family: ${FANGSONG_STACK};`)
    expect(content.pageCount).toBe(1)
    const text = noSpace(
      blockLines(content.pages[0])
        .map((l) => l.text)
        .join(''),
    )
    expect(text).toContain(noSpace(PARAGRAPHS[0]))
    // No 仿宋 on this machine: every glyph comes from the shipped serif, none from a system font.
    for (const font of content.fonts) expect(font).toMatch(/^[A-Z]{6}\+NotoSerifSC/)
  })
})

describe('page numbers when the body is set in a system face', () => {
  it('still prints them: their glyphs are loaded with the document, not when the page is printed', async () => {
    const doc = renderNotice(
      engine,
      notice({ title: '通知', bodyFont: 'fangsong', bodyHtml: paragraphsHtml(['特此通知。']), issuer: '居委会' }),
    )
    // A stand-in for a PC with 仿宋: the body, issuer and date come from a system face, so no text on
    // screen needs the shipped serif's digits or dash; only the page number (laid out at print) does.
    const html = doc.html.replace(`font-family: ${FANGSONG_STACK};`, 'font-family: sans-serif;')
    expect(html).not.toBe(doc.html)
    const content = await readPdf(await engine.toPdf({ ...doc, html }))
    const number = textLines(content.pages[0]).filter((l) => l.y > BLOCK_BOTTOM)
    expect(number.map((l) => noSpace(l.text))).toEqual(['—1—'])
    expect(number[0].items[0].fontName).toMatch(/^[A-Z]{6}\+NotoSerifSC/)
  })
})

describe('test print engine', () => {
  it('serves the shipped font files and nothing else', () => {
    const dirs = fontDirectories()
    const shipped = join(
      dirs[0],
      readdirSync(dirs[0]).find((f) => f.endsWith('.woff2'))!,
    )
    expect(fontFileFor(engine.fontUrl(shipped), dirs)).toBe(shipped)
    expect(fontFileFor(engine.fontUrl('/etc/passwd'), dirs)).toBeNull()
    expect(fontFileFor(engine.fontUrl(join(dirs[0], '..', 'package.json')), dirs)).toBeNull()
    expect(fontFileFor('http://print.invalid/doc.html', dirs)).toBeNull()
  })

  it('offers its virtual printers and records what is printed', async () => {
    const printers = await engine.printers()
    expect(printers.filter((p) => p.isDefault)).toHaveLength(1)
    expect(printers.map((p) => p.name)).toEqual(TEST_PRINTERS.map((p) => p.name))
    const doc = renderNotice(engine, notice({ bodyHtml: paragraphsHtml(['特此通知。']) }))
    await engine.print(doc, { printer: printers[1].name, copies: 3 })
    expect(engine.jobs).toHaveLength(1)
    expect(engine.jobs[0]).toMatchObject({ printer: printers[1].name, copies: 3 })
    expect((await readPdf(engine.jobs[0].pdf)).pageCount).toBe(1)
    await expect(engine.print(doc, { printer: '不存在的打印机', copies: 1 })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'errors.print.printerMissing',
    })
  })
})

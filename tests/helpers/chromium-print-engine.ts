/**
 * A PrintEngine for the tests: Playwright driving the system Chromium, the engine Electron embeds,
 * so the PDFs the tests measure are laid out as the app lays them out.
 *
 * Each document is served at a fixed virtual origin (http://print.invalid/doc.html) and the shipped
 * fonts from the same origin, so the page's CSP (`font-src http://print.invalid`) is the one the app
 * uses with its own source. Nothing else is served: every other request is refused.
 *
 * `print()` is a test double of a physical printer: it renders the PDF and records the job.
 */
import { chromium, type Browser, type BrowserContext, type Route } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { relative, resolve, sep, isAbsolute } from 'node:path'
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/find-chromium.mjs'
import type { PrinterDto } from '../../electron/contract/dto'
import { AppError } from '../../electron/contract/errors'
import { fontDirectories } from '../../electron/services/printing/fonts'
import type { PrintDocument, PrintEngine } from '../../electron/services/printing/print-engine'

export const PRINT_ORIGIN = 'http://print.invalid'
const DOC_URL = `${PRINT_ORIGIN}/doc.html`
const FONT_PREFIX = `${PRINT_ORIGIN}/fonts/`

export const TEST_PRINTERS: readonly PrinterDto[] = [
  { name: '办公室打印机 (测试)', displayName: '办公室打印机 (测试)', isDefault: true },
  { name: 'A3 彩色打印机 (测试)', displayName: 'A3 彩色打印机 (测试)', isDefault: false },
]

export interface PrintJobRecord {
  printer: string
  copies: number
  pdf: Uint8Array
}

export interface ChromiumPrintEngine extends PrintEngine {
  close(): Promise<void>
  /** What was "printed", oldest first. */
  jobs: PrintJobRecord[]
}

/** The file a font URL names, if it lies inside one of the shipped font folders. */
export function fontFileFor(url: string, allowed: string[]): string | null {
  if (!url.startsWith(FONT_PREFIX)) return null
  let path: string
  try {
    path = resolve(decodeURIComponent(url.slice(FONT_PREFIX.length).split(/[?#]/)[0]))
  } catch {
    return null
  }
  const inside = allowed.some((dir) => {
    const rel = relative(dir, path)
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.includes(`..${sep}`)
  })
  return inside ? path : null
}

export async function createChromiumPrintEngine(): Promise<ChromiumPrintEngine> {
  const found = await findChromium()
  if ('missing' in found) throw new Error(found.missing)
  const browser: Browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS })
  const context: BrowserContext = await browser.newContext()
  const allowedDirs = fontDirectories().map((d) => resolve(d))
  // The HTML of the document each open page shows, by page: pages render concurrently.
  const documents = new WeakMap<object, string>()
  const fontCache = new Map<string, Buffer>()

  await context.route('**/*', async (route: Route) => {
    const request = route.request()
    const url = request.url()
    if (url === DOC_URL && request.isNavigationRequest()) {
      const html = documents.get(request.frame().page())
      if (html === undefined) return route.fulfill({ status: 404, body: '' })
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
    }
    const file = fontFileFor(url, allowedDirs)
    if (file) {
      let body = fontCache.get(file)
      if (!body) {
        try {
          body = await readFile(file)
        } catch {
          return route.fulfill({ status: 404, body: '' })
        }
        fontCache.set(file, body)
      }
      return route.fulfill({
        status: 200,
        contentType: 'font/woff2',
        body,
        headers: { 'access-control-allow-origin': '*' },
      })
    }
    if (url.startsWith(PRINT_ORIGIN)) return route.fulfill({ status: 404, body: '' })
    return route.abort('blockedbyclient')
  })

  async function toPdf(doc: PrintDocument): Promise<Uint8Array> {
    const page = await context.newPage()
    try {
      documents.set(page, doc.html)
      await page.goto(DOC_URL, { waitUntil: 'load' })
      // Electron relies on the load event (font loads delay it); here we also wait explicitly.
      // A string, as this file is compiled without the DOM library.
      await page.evaluate('document.fonts.ready.then(() => true)')
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
      return new Uint8Array(pdf)
    } finally {
      await page.close()
    }
  }

  const jobs: PrintJobRecord[] = []

  return {
    fontSource: PRINT_ORIGIN,
    fontUrl(absolutePath: string): string {
      return FONT_PREFIX + encodeURIComponent(absolutePath)
    },
    toPdf,
    async print(doc, options) {
      // As the app's engine says it, for a printer removed since the list was shown.
      if (!TEST_PRINTERS.some((p) => p.name === options.printer))
        throw new AppError('UNAVAILABLE', 'errors.print.printerMissing', { params: { printer: options.printer } })
      const pdf = await toPdf(doc)
      jobs.push({ printer: options.printer, copies: options.copies, pdf })
    },
    async printers() {
      return TEST_PRINTERS.map((p) => ({ ...p }))
    },
    jobs,
    async close() {
      await context.close().catch(() => undefined)
      await browser.close()
    },
  }
}

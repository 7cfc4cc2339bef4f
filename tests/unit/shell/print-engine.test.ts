/**
 * The Electron print engine against the fake `electron` module: what it asks of Electron (the
 * hidden window, its session, printToPDF, print) and what it leaves behind (no window, no file).
 * Whether Electron itself prints well is measured elsewhere, in Chromium through Playwright.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AppError } from '../../../electron/contract/errors'
import type { PrintDocument, PrintEngine } from '../../../electron/services/printing/print-engine'
import { fontDirectories } from '../../../electron/services/printing/fonts'
import { resetFake, type FakeBrowserWindow, type FakeElectronState, type FakeSession } from './fake-electron'

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule))

const { createElectronPrintEngine, toPrinterDto } =
  await import('../../../electron/main/printing/electron-print-engine')
const { isAllowedPrintUrl, PRINT_PARTITION } = await import('../../../electron/main/printing/print-session')

const doc: PrintDocument = {
  html: '<!doctype html><html><head><meta charset="utf-8"></head><body><p>王小明 幸福里3号楼</p></body></html>',
  paper: 'A4',
}
const PRINTERS = [
  { name: 'HP_LaserJet_1020', displayName: 'HP LaserJet 1020', description: '', options: {}, isDefault: true },
  { name: 'Canon_LBP2900', displayName: '', description: '', options: {} },
]

let state: FakeElectronState
let tempDir: string
let root: string

function engine(extra: Partial<Parameters<typeof createElectronPrintEngine>[0]> = {}): PrintEngine {
  return createElectronPrintEngine({ tempDir, settleQuietMs: 0, ...extra })
}

function printSession(): FakeSession {
  const session = state.partitions.get(PRINT_PARTITION)
  if (!session) throw new Error('no print session was set up')
  return session
}

async function appErrorOf(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

beforeEach(() => {
  state = resetFake()
  state.printers = PRINTERS.map((p) => ({ ...p }))
  root = mkdtempSync(join(tmpdir(), 'station-print-'))
  tempDir = join(root, 'print-tmp')
})
afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

describe('Electron print engine: PDF', () => {
  it('loads the document from a temp file into a hidden, script-less, sandboxed window and asks for the CSS page size', async () => {
    const seen: Array<{ path: string; html: string; window: FakeBrowserWindow }> = []
    state.onLoadFile = (window, path) => void seen.push({ path, html: readFileSync(path, 'utf8'), window })
    state.printToPdf = () => Promise.resolve(Buffer.from('%PDF-1.7 made'))

    const pdf = await engine().toPdf(doc)

    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 made')
    expect(state.windows).toHaveLength(1)
    const win = state.windows[0]!
    expect(win.options.show).toBe(false)
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      partition: PRINT_PARTITION,
    })
    expect(win.options.webPreferences?.preload).toBeUndefined()
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false)
    expect(seen).toHaveLength(1)
    expect(dirname(seen[0]!.path)).toBe(tempDir)
    expect(seen[0]!.html).toBe(doc.html)
    expect(seen[0]!.window).toBe(win)
    expect(state.pdfCalls).toEqual([
      {
        contentsId: win.webContents.id,
        options: expect.objectContaining({ preferCSSPageSize: true, printBackground: true }),
      },
    ])
    // Nothing of the page outlives the job.
    expect(win.destroyed).toBe(true)
    expect(existsSync(seen[0]!.path)).toBe(false)
    expect(readdirSync(tempDir)).toEqual([])
  })

  it('removes the temp file and destroys the window when printToPDF throws', async () => {
    state.printToPdf = () => Promise.reject(new Error('printing failed in the renderer'))
    await expect(engine().toPdf(doc)).rejects.toThrow('printing failed in the renderer')
    expect(state.windows).toHaveLength(1)
    expect(state.windows[0]!.destroyed).toBe(true)
    expect(readdirSync(tempDir)).toEqual([])
  })

  it('gives up on a page that never finishes loading, with a clear error instead of a hang', async () => {
    state.onLoadFile = () => new Promise<void>(() => undefined)
    const error = await appErrorOf(engine({ loadTimeoutMs: 50 }).toPdf(doc))
    expect(error.code).toBe('UNAVAILABLE')
    expect(error.message).toBe('errors.print.timeout')
    expect(error.params?.seconds).toBe(0)
    expect(state.pdfCalls).toHaveLength(0)
    expect(state.windows[0]!.destroyed).toBe(true)
    expect(readdirSync(tempDir)).toEqual([])
  })

  it('gives up on a PDF that never comes', async () => {
    state.printToPdf = () => new Promise<Buffer>(() => undefined)
    const error = await appErrorOf(engine({ outputTimeoutMs: 50 }).toPdf(doc))
    expect(error.code).toBe('UNAVAILABLE')
    expect(state.windows[0]!.destroyed).toBe(true)
    expect(readdirSync(tempDir)).toEqual([])
  })

  it('runs jobs one at a time: the second window opens after the first is gone', async () => {
    const events: string[] = []
    state.onLoadFile = (window) => void events.push(`load ${window.webContents.id}`)
    state.printToPdf = (contents) => {
      events.push(`pdf ${contents.id}`)
      return new Promise((done) => setTimeout(() => done(Buffer.from(`%PDF ${contents.id}`)), 20))
    }
    const e = engine()
    const [a, b] = await Promise.all([e.toPdf(doc), e.toPdf({ ...doc, html: doc.html.replace('王小明', '李四') })])
    expect(Buffer.from(a).toString()).toBe('%PDF 1')
    expect(Buffer.from(b).toString()).toBe('%PDF 2')
    expect(events).toEqual(['load 1', 'pdf 1', 'load 2', 'pdf 2'])
    expect(state.windows.every((w) => w.destroyed)).toBe(true)
  })

  it('a failed job does not stop the next one', async () => {
    let first = true
    state.printToPdf = () => {
      if (first) {
        first = false
        return Promise.reject(new Error('first fails'))
      }
      return Promise.resolve(Buffer.from('%PDF ok'))
    }
    const e = engine()
    const results = await Promise.allSettled([e.toPdf(doc), e.toPdf(doc)])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled'])
  })

  it('waits for font files still loading after the page has loaded before making the PDF', async () => {
    const fontFile = join(fontDirectories()[0]!, 'noto-serif-sc-119-400-normal.woff2')
    const events: string[] = []
    state.onLoadFile = () => {
      const { id, allowed } = printSession().request(pathToFileURL(fontFile).href)
      expect(allowed).toBe(true)
      setTimeout(() => {
        events.push('font loaded')
        printSession().complete(id)
      }, 80)
    }
    state.printToPdf = () => {
      events.push('printToPDF')
      return Promise.resolve(Buffer.from('%PDF'))
    }
    await engine({ settleQuietMs: 20 }).toPdf(doc)
    expect(events).toEqual(['font loaded', 'printToPDF'])
  })

  it('waits no longer than its limit for a font file that never comes', async () => {
    const fontFile = join(fontDirectories()[0]!, 'noto-serif-sc-119-400-normal.woff2')
    state.onLoadFile = () => void printSession().request(pathToFileURL(fontFile).href)
    const e = engine({ settleQuietMs: 10, settleMaxMs: 300 })
    const started = Date.now()
    await e.toPdf(doc)
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
    expect(state.pdfCalls).toHaveLength(1)
    // That request died with its window: the next job does not wait for it.
    state.onLoadFile = () => undefined
    const next = Date.now()
    await e.toPdf(doc)
    expect(Date.now() - next).toBeLessThan(200)
    expect(state.pdfCalls).toHaveLength(2)
  })

  it('addresses font files by file URL and allows file: fonts in the page CSP', () => {
    const e = engine()
    const font = join(fontDirectories()[0]!, 'a b.woff2')
    expect(e.fontUrl(font)).toBe(pathToFileURL(font).href)
    expect(e.fontSource).toBe('file:')
  })
})

describe('Electron print engine: the print session', () => {
  it('lets the page load its own document and the shipped fonts, and nothing else', async () => {
    const fontDir = fontDirectories()[1]!
    const answers: Record<string, boolean> = {}
    let documentPath = ''
    state.onLoadFile = (_window, path) => {
      documentPath = path
      const session = printSession()
      const ask = (label: string, url: string) => {
        const { id, allowed } = session.request(url)
        answers[label] = allowed
        if (allowed) session.complete(id)
      }
      ask('document', pathToFileURL(path).href)
      ask('font', pathToFileURL(join(fontDir, 'noto-sans-sc-0-700-normal.woff2')).href)
      ask('font folder twin', pathToFileURL(`${fontDir}-evil/x.woff2`).href)
      ask('climbing out of the font folder', `${pathToFileURL(fontDir).href}/../../../package.json`)
      ask('another temp file', pathToFileURL(join(tempDir, 'print-other.html')).href)
      ask('system file', pathToFileURL('/etc/passwd').href)
      ask('http', 'http://example.com/tracker.png')
      ask('https', 'https://fonts.googleapis.com/css')
      ask('data', 'data:text/html,<p>x</p>')
    }
    await engine().toPdf(doc)
    expect(answers).toEqual({
      document: true,
      font: true,
      'font folder twin': false,
      'climbing out of the font folder': false,
      'another temp file': false,
      'system file': false,
      http: false,
      https: false,
      data: false,
    })
    // Once the job is over, its document is no longer allowed either.
    expect(printSession().request(pathToFileURL(documentPath).href).allowed).toBe(false)
  })

  it('denies every permission to a print page', async () => {
    await engine().toPdf(doc)
    const session = printSession()
    const granted: boolean[] = []
    session.permissionRequestHandler?.({}, 'media', (ok: boolean) => granted.push(ok), {})
    expect(granted).toEqual([false])
    expect(session.permissionCheckHandler?.({}, 'media', 'file:///', {})).toBe(false)
  })

  it('refuses windows and navigation from the print page', async () => {
    let allowedNavigation = true
    let opened: unknown = null
    state.onLoadFile = (window) => {
      allowedNavigation = window.webContents.navigate('https://example.com/')
      opened = window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })
    }
    await engine().toPdf(doc)
    expect(allowedNavigation).toBe(false)
    expect(opened).toEqual({ action: 'deny' })
  })

  it('decides URLs by path, not by spelling', () => {
    const fonts = ['/opt/station/fonts/files']
    const docs = new Set(['/data/print-tmp/print-1.html'])
    expect(isAllowedPrintUrl('file:///data/print-tmp/print-1.html', docs, fonts)).toBe(true)
    expect(isAllowedPrintUrl('file:///data/print-tmp/./print-1.html#page=2', docs, fonts)).toBe(true)
    expect(isAllowedPrintUrl('file:///opt/station/fonts/files/a.woff2', docs, fonts)).toBe(true)
    expect(isAllowedPrintUrl('file:///opt/station/fonts/files/%2e%2e/%2e%2e/secret', docs, fonts)).toBe(false)
    expect(isAllowedPrintUrl('file:///opt/station/fonts/files', docs, fonts)).toBe(false)
    expect(isAllowedPrintUrl('file://otherhost/opt/station/fonts/files/a.woff2', docs, fonts)).toBe(false)
    expect(isAllowedPrintUrl('not a url', docs, fonts)).toBe(false)
    expect(isAllowedPrintUrl('FILE:///data/print-tmp/print-1.html', docs, fonts)).toBe(true)
    expect(isAllowedPrintUrl('file:///data/print-tmp/print-2.html', docs, fonts)).toBe(false)
  })
})

describe('Electron print engine: printers', () => {
  it('sends the document to the chosen printer silently, with the copies asked for', async () => {
    await engine().print(doc, { printer: 'Canon_LBP2900', copies: 3 })
    expect(state.printCalls).toHaveLength(1)
    const win = state.windows[0]!
    expect(state.printCalls[0]).toEqual({
      contentsId: win.webContents.id,
      options: expect.objectContaining({ silent: true, deviceName: 'Canon_LBP2900', copies: 3, printBackground: true }),
    })
    expect(win.loadedFiles).toHaveLength(1)
    expect(win.destroyed).toBe(true)
    expect(readdirSync(tempDir)).toEqual([])
  })

  it('turns a printer that refuses the job into UNAVAILABLE with the printer and the reason', async () => {
    state.printAnswer = { success: false, failureReason: 'Print job failed' }
    const error = await appErrorOf(engine().print(doc, { printer: 'HP_LaserJet_1020', copies: 1 }))
    expect(error.code).toBe('UNAVAILABLE')
    expect(error.message).toBe('errors.print.printerFailed')
    expect(error.params).toEqual({ printer: 'HP_LaserJet_1020', reason: 'Print job failed' })
    expect(state.windows[0]!.destroyed).toBe(true)
    expect(readdirSync(tempDir)).toEqual([])
  })

  it('refuses a printer that is not installed, before loading or printing anything', async () => {
    const error = await appErrorOf(engine().print(doc, { printer: 'Removed_Printer', copies: 1 }))
    expect(error.code).toBe('UNAVAILABLE')
    expect(error.message).toBe('errors.print.printerMissing')
    expect(error.params?.printer).toBe('Removed_Printer')
    expect(state.printCalls).toHaveLength(0)
    expect(state.windows[0]!.loadedFiles).toEqual([])
    expect(state.windows[0]!.destroyed).toBe(true)
    expect(readdirSync(tempDir)).toEqual([])
  })

  it('does not wait forever for a printer that never answers', async () => {
    state.printAnswer = 'never'
    const error = await appErrorOf(
      engine({ outputTimeoutMs: 50 }).print(doc, { printer: 'HP_LaserJet_1020', copies: 1 }),
    )
    expect(error.code).toBe('UNAVAILABLE')
    expect(state.windows[0]!.destroyed).toBe(true)
  })

  it('lists printers through the app window when it is open', async () => {
    const { electronModule } = await import('./fake-electron')
    const main = new electronModule.BrowserWindow({})
    const list = await engine({ getWindow: () => main as never }).printers()
    expect(list).toEqual([
      { name: 'HP_LaserJet_1020', displayName: 'HP LaserJet 1020', isDefault: true },
      { name: 'Canon_LBP2900', displayName: 'Canon_LBP2900', isDefault: false },
    ])
    expect(state.printerQueries).toEqual([main.webContents.id])
    expect(state.windows).toHaveLength(1)
  })

  it('lists printers through a hidden window when the app window is gone, and closes it', async () => {
    const list = await engine({ getWindow: () => null }).printers()
    expect(list.map((p) => p.name)).toEqual(['HP_LaserJet_1020', 'Canon_LBP2900'])
    expect(state.windows).toHaveLength(1)
    expect(state.windows[0]!.options.show).toBe(false)
    expect(state.windows[0]!.destroyed).toBe(true)
  })

  it('marks no printer default when Electron does not say', () => {
    expect(toPrinterDto({ name: 'a', displayName: 'A', description: '', options: {} })).toEqual({
      name: 'a',
      displayName: 'A',
      isDefault: false,
    })
  })
})

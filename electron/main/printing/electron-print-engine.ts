/**
 * The print engine inside the app: each document is loaded from a temporary file into a hidden,
 * script-less, sandboxed window in its own session, printed or turned into a PDF, and the window
 * and file are gone again. Jobs run one after another: an old PC has little memory to spare for
 * several hidden windows at once.
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, type PrinterInfo, type WebContents } from 'electron'
import { AppError } from '../../contract/errors'
import type { PrinterDto } from '../../contract/dto'
import { fontDirectories } from '../../services/printing/fonts'
import type { PrintDocument, PrintEngine } from '../../services/printing/print-engine'
import { hardenWebContents } from '../web-security'
import { createPrintSession, type PrintSession } from './print-session'

export interface ElectronPrintEngineOptions {
  /** Where documents are written while they print: the data folder's `print-tmp`. */
  tempDir: string
  /** The app's window, if open: its web contents list the printers without a hidden window. */
  getWindow?: () => BrowserWindow | null
  /** A document that has not loaded by then fails the job instead of hanging it (default 30 s). */
  loadTimeoutMs?: number
  /** The same for the PDF or the hand-over to the printer (default 120 s). */
  outputTimeoutMs?: number
  /** How long no font file may be loading before the page counts as laid out (default 150 ms). */
  settleQuietMs?: number
  /** The longest wait for those font files; then the page goes out as it is (default 5 s). */
  settleMaxMs?: number
  /** The folders whose files a print page may load (default: the shipped fonts). */
  fontDirs?: readonly string[]
  /** The session partition the hidden windows use (default 'print'). */
  partition?: string
}

/** The engine did not answer in time; the seconds are for the log, the message says what to do. */
function timedOut(seconds: number): AppError {
  return new AppError('UNAVAILABLE', 'errors.print.timeout', { params: { seconds } })
}

function printerFailed(printer: string, reason: string): AppError {
  return new AppError('UNAVAILABLE', 'errors.print.printerFailed', { params: { printer, reason } })
}

/** Rejects with `onTimeout()` when `work` has not settled within `ms`; `work` is left to settle unseen. */
function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms)
  })
  work.catch(() => undefined)
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/**
 * Electron 45's typings no longer declare `isDefault`; it is read only if the runtime provides it,
 * otherwise no printer is marked default and the person picks one.
 */
export function toPrinterDto(info: PrinterInfo): PrinterDto {
  const flag = (info as PrinterInfo & { isDefault?: unknown }).isDefault
  return { name: info.name, displayName: info.displayName || info.name, isDefault: flag === true }
}

function hiddenPrintWindow(partition: string): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    width: 800,
    height: 1100,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      javascript: false,
      spellcheck: false,
      partition,
    },
  })
  hardenWebContents(window.webContents, { allow: () => false })
  return window
}

export function createElectronPrintEngine(options: ElectronPrintEngineOptions): PrintEngine {
  const loadTimeoutMs = options.loadTimeoutMs ?? 30_000
  const outputTimeoutMs = options.outputTimeoutMs ?? 120_000
  const settleQuietMs = options.settleQuietMs ?? 150
  const settleMaxMs = options.settleMaxMs ?? 5_000
  let printSession: PrintSession | null = null
  const sessionFor = (): PrintSession =>
    (printSession ??= createPrintSession(options.fontDirs ?? fontDirectories(), options.partition))

  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job)
    queue = run.catch(() => undefined)
    return run
  }

  /** One job: the document in a temp file, loaded in a hidden window, handed to `output`. */
  const withLoadedDocument = <T>(
    doc: PrintDocument,
    output: (contents: WebContents) => Promise<T>,
    beforeLoad?: (contents: WebContents) => Promise<void>,
  ): Promise<T> =>
    serial(async () => {
      const guard = sessionFor()
      mkdirSync(options.tempDir, { recursive: true })
      // The page may hold names and addresses: readable by this user only, and removed below.
      const file = join(options.tempDir, `print-${randomUUID()}.html`)
      let window: BrowserWindow | null = null
      try {
        writeFileSync(file, doc.html, { encoding: 'utf8', mode: 0o600, flag: 'wx' })
        guard.allowDocument(file)
        window = hiddenPrintWindow(guard.partition)
        if (beforeLoad) await beforeLoad(window.webContents)
        await withTimeout(window.loadFile(file), loadTimeoutMs, () => timedOut(Math.round(loadTimeoutMs / 1000)))
        // A face still loading when the page is printed would leave blank space (the shipped
        // fonts use font-display: block), so the fonts the layout asked for come in first.
        await guard.settled({ quietMs: settleQuietMs, maxMs: settleMaxMs })
        return await withTimeout(output(window.webContents), outputTimeoutMs, () =>
          timedOut(Math.round(outputTimeoutMs / 1000)),
        )
      } finally {
        guard.forgetDocument(file)
        if (window && !window.isDestroyed()) window.destroy()
        rmSync(file, { force: true })
      }
    })

  const listPrinters = async (): Promise<PrinterDto[]> => {
    const main = options.getWindow?.()
    if (main && !main.isDestroyed()) return (await main.webContents.getPrintersAsync()).map(toPrinterDto)
    const window = hiddenPrintWindow(sessionFor().partition)
    try {
      return (await window.webContents.getPrintersAsync()).map(toPrinterDto)
    } finally {
      if (!window.isDestroyed()) window.destroy()
    }
  }

  return {
    fontUrl: (absolutePath) => pathToFileURL(absolutePath).href,
    fontSource: 'file:',

    toPdf: (doc) =>
      withLoadedDocument(doc, async (contents) => {
        const pdf = await contents.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          // Only for a page without `@page size`; every layout sets its own.
          pageSize: doc.paper,
          // Zero, so that a layout's `@page` margins alone place the text.
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
        })
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
      }),

    print: (doc, { printer, copies }) =>
      withLoadedDocument(
        doc,
        (contents) =>
          new Promise<void>((done, fail) => {
            contents.print(
              {
                silent: true,
                deviceName: printer,
                copies,
                collate: true,
                printBackground: true,
                // A printer takes its paper from the job's settings, not from the page's CSS.
                pageSize: doc.paper,
              },
              (success, failureReason) => (success ? done() : fail(printerFailed(printer, failureReason || 'unknown'))),
            )
          }),
        async (contents) => {
          // A printer removed since the list was shown: say so rather than let the driver guess.
          const installed = await contents.getPrintersAsync()
          if (!installed.some((p) => p.name === printer))
            throw new AppError('UNAVAILABLE', 'errors.print.printerMissing', { params: { printer } })
        },
      ),

    printers: listPrinters,
  }
}

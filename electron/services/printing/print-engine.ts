/**
 * The print engine: the one thing the print pipeline needs from a browser engine. Electron's
 * hidden window implements it in the app (electron/main/printing); the tests implement it with
 * Playwright driving Chromium, the same engine. Services never import `electron`.
 */
import type { PaperSize, PrinterDto } from '../../contract/dto'

/** A print-only page: complete HTML (no script, strict CSP) and the paper it is laid out for. */
export interface PrintDocument {
  html: string
  paper: PaperSize
}

export interface PrintEngine {
  /**
   * The URL under which a shipped font file (an absolute path) is loaded by this engine, and
   * the CSP source that allows it: `file:` in Electron, an http origin in the tests.
   */
  fontUrl(absolutePath: string): string
  readonly fontSource: string
  /** The document as PDF bytes: the page size and margins come from its `@page` CSS. */
  toPdf(doc: PrintDocument): Promise<Uint8Array>
  /** Sends the document to a system printer, without a dialog. */
  print(doc: PrintDocument, options: { printer: string; copies: number }): Promise<void>
  printers(): Promise<PrinterDto[]>
}

/** What the shell offers around printing: the save dialog and where documents go by default. */
export interface PrintHost {
  engine: PrintEngine
  /** Asks where to save a PDF; `null` when the person cancels. */
  chooseSavePath(suggestedPath: string): Promise<string | null>
  /** The folder a first PDF is suggested in (the user's Documents). */
  defaultFolder: string
}

/**
 * What the shell gives the print service: the hidden-window engine, the save dialog and the
 * Documents folder. Documents wait in `<dataDir>/print-tmp` only while they print.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { app, type BrowserWindow } from 'electron'
import type { PrintHost } from '../../services/printing/print-engine'
import { createElectronPrintEngine } from './electron-print-engine'
import { createSavePathChooser } from './save-dialog'

export const PRINT_TEMP_FOLDER = 'print-tmp'

export function printTempDir(dataDir: string): string {
  return join(dataDir, PRINT_TEMP_FOLDER)
}

/**
 * Removes what a crash or power cut left in the print folder: the pages may hold personal data.
 * Called at start, once this instance holds the single-instance lock (no other one is printing).
 */
export function clearPrintTemp(dataDir: string): void {
  // The folder goes with its contents; the engine makes it again for the next job.
  rmSync(printTempDir(dataDir), { recursive: true, force: true })
}

export interface PrintHostOptions {
  dataDir: string
  /** The app's window, the save dialog's parent; null before it opens or after it closes. */
  getWindow: () => BrowserWindow | null
}

export function createPrintHost(options: PrintHostOptions): PrintHost {
  return {
    engine: createElectronPrintEngine({ tempDir: printTempDir(options.dataDir), getWindow: options.getWindow }),
    chooseSavePath: createSavePathChooser(options.getWindow),
    defaultFolder: app.getPath('documents'),
  }
}

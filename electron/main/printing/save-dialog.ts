/**
 * Where a PDF is saved: the system's own save dialog (in the system's language), over the app's
 * window so that it cannot hide behind it.
 */
import { dialog, type BrowserWindow, type SaveDialogOptions } from 'electron'

/** A name typed without `.pdf` still makes a file that opens as a PDF. */
export function withPdfExtension(path: string): string {
  return /\.pdf$/i.test(path) ? path : `${path}.pdf`
}

export function createSavePathChooser(
  getWindow: () => BrowserWindow | null,
): (suggestedPath: string) => Promise<string | null> {
  return async (suggestedPath) => {
    const options: SaveDialogOptions = {
      defaultPath: suggestedPath,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    }
    const parent = getWindow()
    const answer =
      parent && !parent.isDestroyed()
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options)
    if (answer.canceled || !answer.filePath) return null
    return withPdfExtension(answer.filePath)
  }
}

/**
 * Files in and out of the renderer. Files travel over IPC as base64 strings; saving goes through
 * the browser's download, which Electron turns into its save dialog (and Playwright into a
 * `download` event), so the renderer never needs a path on the PC.
 */

/** Offers bytes from main as a file to save. */
export function downloadBase64(base64: string, fileName: string, mime: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // The download has started from the URL by now; revoking at once can cancel it in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A chosen file's bytes as base64, without the `data:…;base64,` prefix. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The preview's PDF, drawn by pdf.js. pdf.js and its worker are imported on first use: they are
 * several hundred KB that the first screen must not carry. This is the only module that names
 * pdfjs-dist, so component tests replace it whole.
 */

/** A PDF point is 1/72 in, a CSS pixel 1/96 in: at 100% a page shows at its printed size. */
export const CSS_PX_PER_PT = 96 / 72

export interface PageSize {
  /** CSS pixels at 100%. */
  width: number
  height: number
}

export interface RenderHandle {
  promise: Promise<void>
  cancel(): void
}

export interface PdfDocumentHandle {
  pageCount: number
  /** Each page's size at 100%, in page order. */
  pageSizes: PageSize[]
  /** Draws page `pageNumber` (1-based) at `scale` (1 = 100%), sharp on high-density screens. */
  render(pageNumber: number, canvas: HTMLCanvasElement, scale: number): RenderHandle
  destroy(): Promise<void>
}

type PdfJs = typeof import('pdfjs-dist')
let loading: Promise<PdfJs> | null = null

/**
 * pdf.js's modern build calls the newest JavaScript (Map#getOrInsertComputed, Uint8Array#toHex)
 * without polyfills; an engine older than that gets the legacy build, which brings them. Both are
 * separate lazy chunks: only the one this engine needs is ever loaded.
 */
export function needsLegacyPdfJs(): boolean {
  const map = Map.prototype as { getOrInsertComputed?: unknown }
  const bytes = Uint8Array.prototype as { toHex?: unknown }
  return typeof map.getOrInsertComputed !== 'function' || typeof bytes.toHex !== 'function'
}

async function load(): Promise<PdfJs> {
  const [lib, worker] = needsLegacyPdfJs()
    ? await Promise.all([
        import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJs>,
        import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'),
      ])
    : await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')])
  lib.GlobalWorkerOptions.workerSrc = worker.default
  return lib
}

function pdfjs(): Promise<PdfJs> {
  loading ??= load().catch((error: unknown) => {
    // A failed chunk load (a file missing from a broken install) may succeed on a later try.
    loading = null
    throw error
  })
  return loading
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export async function openPdf(base64: string): Promise<PdfDocumentHandle> {
  const lib = await pdfjs()
  const task = lib.getDocument({
    data: base64ToBytes(base64),
    // The renderer's CSP allows no eval; pdf.js would otherwise try compiling glyph outlines.
    isEvalSupported: false,
    // Our PDFs embed their fonts; nothing is fetched from elsewhere.
    useSystemFonts: false,
    stopAtErrors: false,
  })
  const doc = await task.promise
  const pages = await Promise.all(Array.from({ length: doc.numPages }, (_, i) => doc.getPage(i + 1)))
  const pageSizes = pages.map((page) => {
    const viewport = page.getViewport({ scale: CSS_PX_PER_PT })
    return { width: viewport.width, height: viewport.height }
  })

  return {
    pageCount: doc.numPages,
    pageSizes,
    render(pageNumber, canvas, scale) {
      const page = pages[pageNumber - 1]
      if (!page) return { promise: Promise.resolve(), cancel() {} }
      const ratio = window.devicePixelRatio || 1
      const viewport = page.getViewport({ scale: scale * CSS_PX_PER_PT })
      canvas.width = Math.floor(viewport.width * ratio)
      canvas.height = Math.floor(viewport.height * ratio)
      canvas.style.width = `${Math.floor(viewport.width)}px`
      canvas.style.height = `${Math.floor(viewport.height)}px`
      const task = page.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      })
      return {
        promise: task.promise.catch((error: unknown) => {
          // A render replaced by a newer one (zoom changed) is not a failure.
          if (error instanceof lib.RenderingCancelledException) return
          throw error
        }),
        cancel: () => task.cancel(),
      }
    },
    async destroy() {
      await task.destroy()
    },
  }
}

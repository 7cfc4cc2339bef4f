/**
 * Where each record of the year book starts, read from one rendering of the whole book: each
 * record's heading is a link to a mark address (`https://mark.invalid/r<n>`), which Chromium writes
 * into the PDF as a link annotation on the page the heading is on. A link changes nothing in the
 * layout, so the book without them breaks its pages in the same places.
 *
 * Chromium (Skia) writes the page tree and the annotations as plain objects; only content streams
 * are compressed. A PDF this reader cannot follow gives null, and the caller measures otherwise.
 */

export const MARK_ORIGIN = 'https://mark.invalid/r'

export function markAddress(index: number): string {
  return `${MARK_ORIGIN}${index}`
}

function objects(pdf: string): Map<number, string> {
  const map = new Map<number, string>()
  for (const m of pdf.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b([\s\S]*?)endobj/g)) {
    // A content stream may hold anything: only the dictionary before it is looked at.
    const body = m[2]
    const stream = body.indexOf('stream')
    map.set(Number(m[1]), stream >= 0 ? body.slice(0, stream) : body)
  }
  return map
}

const refs = (list: string): number[] => [...list.matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]))

/**
 * The physical page (1-based, cover included) on which each of `count` marks first appears, or
 * null when the PDF cannot be read this way or a mark is missing.
 */
export function markPages(pdfBytes: Uint8Array, count: number): number[] | null {
  const pdf = Buffer.from(pdfBytes.buffer, pdfBytes.byteOffset, pdfBytes.byteLength).toString('latin1')
  const objs = objects(pdf)
  const catalog = [...objs.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o))
  const root = catalog && /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)
  if (!root) return null
  const pages: number[] = []
  const walk = (id: number, depth: number): boolean => {
    const node = objs.get(id)
    if (!node || depth > 32) return false
    if (/\/Type\s*\/Pages\b/.test(node)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)
      if (!kids) return false
      return refs(kids[1]).every((k) => walk(k, depth + 1))
    }
    if (/\/Type\s*\/Page\b/.test(node)) {
      pages.push(id)
      return true
    }
    return false
  }
  if (!walk(Number(root[1]), 0)) return null
  // A heading at the top of a page can leave a sliver of its link (half a point high) at the foot
  // of the page before: each mark is on the page where its link is tallest.
  const found: Array<number | null> = Array.from({ length: count }, () => null)
  const tallest: number[] = Array.from({ length: count }, () => 0)
  pages.forEach((pageId, i) => {
    const annots = /\/Annots\s*\[([^\]]*)\]/.exec(objs.get(pageId) ?? '')
    if (!annots) return
    for (const a of refs(annots[1])) {
      const annot = objs.get(a) ?? ''
      const uri = /\/URI\s*\(([^)]*)\)/.exec(annot)
      if (!uri?.[1].startsWith(MARK_ORIGIN)) continue
      const n = Number(uri[1].slice(MARK_ORIGIN.length))
      const rect = /\/Rect\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(annot)
      const height = rect ? Math.abs(Number(rect[4]) - Number(rect[2])) : 0
      if (!Number.isInteger(n) || n < 0 || n >= count || !(height >= 2)) continue
      if (height > tallest[n]) {
        tallest[n] = height
        found[n] = i + 1
      }
    }
  })
  if (found.some((p) => p === null)) return null
  const result = found as number[]
  // Records follow one another: marks out of order mean something else was read.
  for (let i = 1; i < result.length; i++) if (result[i] <= result[i - 1]) return null
  return result
}

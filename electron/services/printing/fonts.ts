/**
 * The fonts the app ships for printing (@fontsource's Noto Serif SC and Noto Sans SC, SIL OFL), so
 * a page prints the same on every PC and in the tests. Their CSS is split by unicode-range into
 * ~100 files a weight, so Chromium loads only the parts a page uses, and embeds only those glyphs.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export const SERIF = "'Noto Serif SC'"
export const SANS = "'Noto Sans SC'"
/** 仿宋 under the names Windows and older Office installs use; the shipped serif after them. */
export const FANGSONG_STACK = `'FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', ${SERIF}, serif`

const FACES = [
  { pkg: '@fontsource/noto-serif-sc', weights: [400, 700] },
  { pkg: '@fontsource/noto-sans-sc', weights: [400, 700] },
] as const

const require = createRequire(import.meta.url)

/** The folders holding the shipped font files: the only files a print engine may serve. */
export function fontDirectories(): string[] {
  return FACES.map((f) => join(dirname(require.resolve(`${f.pkg}/package.json`)), 'files'))
}

/** One `@font-face` rule and the code points its file covers. */
interface FaceRule {
  css: string
  ranges: Array<[number, number]>
}

const ruleCache = new Map<string, FaceRule[]>()

function parseRanges(rule: string): Array<[number, number]> {
  const m = /unicode-range:\s*([^;]+);/.exec(rule)
  if (!m) return [[0, 0x10ffff]]
  return m[1].split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-')
    const a = parseInt(lo, 16)
    return [a, hi ? parseInt(hi, 16) : a]
  })
}

function faceRules(fontUrl: (absolutePath: string) => string): FaceRule[] {
  const key = fontUrl('/probe')
  const cached = ruleCache.get(key)
  if (cached) return cached
  const rules: FaceRule[] = []
  for (const face of FACES) {
    const root = dirname(require.resolve(`${face.pkg}/package.json`))
    for (const weight of face.weights) {
      const css = readFileSync(join(root, `${weight}.css`), 'utf8')
      for (const block of css.match(/@font-face\s*\{[^}]*\}/g) ?? []) {
        const rule = block
          // Drop the woff fallback, then point each woff2 at the engine's URL for it.
          .replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, '')
          .replace(
            /url\(\.\/files\/([^)]+\.woff2)\)/g,
            (_, file: string) => `url("${fontUrl(join(root, 'files', file))}")`,
          )
          // The page is laid out once for paper: wait for the real face rather than swap.
          .replace(/font-display:\s*swap/g, 'font-display: block')
        rules.push({ css: rule, ranges: parseRanges(rule) })
      }
    }
  }
  ruleCache.set(key, rules)
  return rules
}

/**
 * `@font-face` rules for the shipped fonts, each file addressed through `fontUrl` (the engine
 * decides how it is served). woff2 only: every Chromium the app runs in reads it. With `text`,
 * only the rules whose unicode-range covers one of its characters: the full set is ~430 KB of
 * CSS a page, and a notice needs a few dozen of its ~400 rules (rendering takes half as long).
 * The text must hold every character the page shows, CSS `content` included.
 */
export function fontFaceCss(fontUrl: (absolutePath: string) => string, text?: string): string {
  const rules = faceRules(fontUrl)
  if (text === undefined) return rules.map((r) => r.css).join('\n')
  const points = [...new Set(Array.from(text, (c) => c.codePointAt(0)!))].sort((a, b) => a - b)
  const covers = (ranges: Array<[number, number]>) =>
    ranges.some(([lo, hi]) => {
      // Binary search for the first code point >= lo.
      let l = 0
      let h = points.length
      while (l < h) {
        const mid = (l + h) >> 1
        if (points[mid] < lo) l = mid + 1
        else h = mid
      }
      return l < points.length && points[l] <= hi
    })
  return rules
    .filter((r) => covers(r.ranges))
    .map((r) => r.css)
    .join('\n')
}

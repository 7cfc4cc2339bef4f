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

const cssCache = new Map<string, string>()

/**
 * `@font-face` rules for the shipped fonts, each file addressed through `fontUrl` (the engine
 * decides how it is served). woff2 only: every Chromium the app runs in reads it.
 */
export function fontFaceCss(fontUrl: (absolutePath: string) => string): string {
  const key = fontUrl('/probe')
  const cached = cssCache.get(key)
  if (cached) return cached
  const parts: string[] = []
  for (const face of FACES) {
    const root = dirname(require.resolve(`${face.pkg}/package.json`))
    for (const weight of face.weights) {
      const css = readFileSync(join(root, `${weight}.css`), 'utf8')
      parts.push(
        css
          // Drop the woff fallback, then point each woff2 at the engine's URL for it.
          .replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, '')
          .replace(
            /url\(\.\/files\/([^)]+\.woff2)\)/g,
            (_, file: string) => `url("${fontUrl(join(root, 'files', file))}")`,
          )
          // The page is laid out once for paper: wait for the real face rather than swap.
          .replace(/font-display:\s*swap/g, 'font-display: block'),
      )
    }
  }
  const out = parts.join('\n')
  cssCache.set(key, out)
  return out
}

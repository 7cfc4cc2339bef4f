import { describe, expect, it } from 'vitest'
import { fontFaceCss } from '../../../electron/services/printing/fonts'

const url = (p: string) => `file://${p}`
const rules = (css: string) => css.match(/@font-face/g)?.length ?? 0

describe('fontFaceCss', () => {
  it('lists every shipped face without a text, woff2 only, waiting for the font rather than swapping', () => {
    const all = fontFaceCss(url)
    expect(rules(all)).toBeGreaterThan(300)
    expect(all).not.toMatch(/\.woff\)/)
    expect(all).not.toContain('font-display: swap')
    expect(all).toContain("font-family: 'Noto Serif SC'")
    expect(all).toContain("font-family: 'Noto Sans SC'")
  })

  it('keeps only the faces whose unicode-range covers the text', () => {
    const some = fontFaceCss(url, '关于召开居民代表会议的通知 — 1 —')
    expect(rules(some)).toBeGreaterThan(0)
    expect(rules(some)).toBeLessThan(rules(fontFaceCss(url)) / 4)
    // Each character must still be covered by a kept rule, in each family and weight.
    for (const family of ['Noto Serif SC', 'Noto Sans SC']) {
      for (const weight of [400, 700]) {
        const kept = some
          .split('@font-face')
          .filter((r) => r.includes(`'${family}'`) && r.includes(`font-weight: ${weight}`))
        for (const ch of '关于召开居民代表会议的通知—1') {
          const cp = ch.codePointAt(0)!
          const covered = kept.some((r) =>
            (/unicode-range:\s*([^;]+);/.exec(r)?.[1] ?? '').split(',').some((part) => {
              const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-')
              return cp >= parseInt(lo, 16) && cp <= parseInt(hi ?? lo, 16)
            }),
          )
          expect(covered, `${family} ${weight} covers ${ch}`).toBe(true)
        }
      }
    }
  })
})

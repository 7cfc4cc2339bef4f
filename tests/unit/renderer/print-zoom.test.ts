import { describe, expect, it } from 'vitest'
import { MAX_SCALE, MIN_SCALE, fitWidthScale, percent, zoomIn, zoomOut } from '@/print/zoom'
import { clampCopies, preselectPrinter } from '@/print/print-choices'
import { base64ToBytes, needsLegacyPdfJs } from '@/print/pdf-document'

describe('print preview zoom', () => {
  it('fits the widest page to the pane', () => {
    // A4 is 794 CSS px wide at 100%.
    expect(fitWidthScale(794, [794])).toBe(1)
    expect(fitWidthScale(900, [794, 1123])).toBeCloseTo(900 / 1123)
    expect(fitWidthScale(0, [794])).toBe(1)
    expect(fitWidthScale(500, [])).toBe(1)
    expect(fitWidthScale(10, [794])).toBe(MIN_SCALE)
  })

  it('steps in and out from wherever "fit" left it, within bounds', () => {
    expect(zoomIn(1)).toBe(1.1)
    expect(zoomIn(1.07)).toBe(1.1)
    expect(zoomOut(1.07)).toBe(1)
    expect(zoomOut(1)).toBe(0.9)
    expect(zoomIn(MAX_SCALE)).toBe(MAX_SCALE)
    expect(zoomOut(MIN_SCALE)).toBe(MIN_SCALE)
    expect(percent(1.066)).toBe('107%')
  })
})

describe('print choices', () => {
  const printers = [
    { name: 'a', displayName: 'A', isDefault: false },
    { name: 'b', displayName: 'B', isDefault: true },
  ]
  it('offers the printer used last, else the default, else the first', () => {
    expect(preselectPrinter(printers, 'a')).toBe('a')
    expect(preselectPrinter(printers, 'gone')).toBe('b')
    expect(preselectPrinter(printers, null)).toBe('b')
    expect(preselectPrinter([{ ...printers[0] }], null)).toBe('a')
    expect(preselectPrinter([], 'a')).toBeNull()
  })

  it('keeps copies whole and within 1–99', () => {
    expect(clampCopies(0)).toBe(1)
    expect(clampCopies(-3)).toBe(1)
    expect(clampCopies(100)).toBe(99)
    expect(clampCopies(2.6)).toBe(3)
    expect(clampCopies(null)).toBe(1)
    expect(clampCopies(Number.NaN)).toBe(1)
  })
})

describe('pdf.js for this engine', () => {
  it('takes the legacy build where the newest Map and Uint8Array methods are missing', () => {
    const map = Map.prototype as { getOrInsertComputed?: unknown }
    const bytes = Uint8Array.prototype as { toHex?: unknown }
    const saved = { map: map.getOrInsertComputed, bytes: bytes.toHex }
    try {
      map.getOrInsertComputed = function () {}
      bytes.toHex = function () {}
      expect(needsLegacyPdfJs()).toBe(false)
      delete map.getOrInsertComputed
      expect(needsLegacyPdfJs()).toBe(true)
      map.getOrInsertComputed = function () {}
      delete bytes.toHex
      expect(needsLegacyPdfJs()).toBe(true)
    } finally {
      if (saved.map) map.getOrInsertComputed = saved.map
      else delete map.getOrInsertComputed
      if (saved.bytes) bytes.toHex = saved.bytes
      else delete bytes.toHex
    }
  })

  it('decodes the base64 the preview arrives in', () => {
    expect([...base64ToBytes(btoa('%PDF-1.7'))]).toEqual([...Buffer.from('%PDF-1.7')])
  })
})

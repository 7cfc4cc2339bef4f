import { describe, expect, it } from 'vitest'
import {
  levelFor,
  previousQuarter,
  quarterOf,
  ratingTotals,
  thresholdsValid,
} from '../../../electron/contract/rules/integrity-rating'

describe('季评诚信 rules', () => {
  it('gives levels from the share of the maximum and names quarters', () => {
    expect(
      ratingTotals([
        { score: 9, maxScore: 10 },
        { score: 36, maxScore: 40 },
      ]),
    ).toEqual({ total: 45, max: 50, percent: 90 })
    expect(levelFor(90, { a: 90, b: 75 })).toBe('A')
    expect(levelFor(89.9, { a: 90, b: 75 })).toBe('B')
    expect(levelFor(74.9, { a: 90, b: 75 })).toBe('C')
    expect(quarterOf('2026-11-24')).toBe('2026-Q4')
    expect(quarterOf('2026-03-31')).toBe('2026-Q1')
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4')
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2')
  })

  it('accepts thresholds only when A is above B and both are shares of 100', () => {
    expect(thresholdsValid({ a: 90, b: 75 })).toBe(true)
    expect(thresholdsValid({ a: 75, b: 75 })).toBe(false)
    expect(thresholdsValid({ a: 101, b: 75 })).toBe(false)
    expect(thresholdsValid({ a: 90, b: 0 })).toBe(false)
  })
})

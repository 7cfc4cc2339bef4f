import { describe, expect, it } from 'vitest'
import { currentQuarter, quarterLabel, quarterParts, recentQuarters } from '@/views/ratings/quarters'

describe('the rating screen quarters', () => {
  it('starts from the Shanghai quarter and goes back across years', () => {
    // 2026-12-31 17:00 UTC is already 1 January 2027 in Shanghai.
    expect(currentQuarter(new Date('2026-12-31T17:00:00Z'))).toBe('2027-Q1')
    expect(recentQuarters(6, new Date('2026-05-01T02:00:00Z'))).toEqual([
      '2026-Q2',
      '2026-Q1',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
      '2025-Q1',
    ])
    expect(quarterParts('2026-Q3')).toEqual({ year: 2026, q: 3 })
  })

  it('names a quarter through the messages', () => {
    const t = (key: string, named?: Record<string, unknown>) =>
      key === 'ratings.quarterName'
        ? `${String(named?.year)}年${String(named?.q)}`
        : key === 'ratings.quarters.4'
          ? '第四季度'
          : key
    expect(quarterLabel(t, '2026-Q4')).toBe('2026年第四季度')
  })
})

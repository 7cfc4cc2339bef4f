import { describe, expect, it } from 'vitest'
import { ageOn, birthDateRange, shanghaiToday } from '../../../electron/contract/rules/dates'

describe('shanghaiToday', () => {
  it('turns over at 16:00 UTC, midnight in Shanghai', () => {
    expect(shanghaiToday(new Date('2026-11-24T15:59:59.999Z'))).toBe('2026-11-24')
    expect(shanghaiToday(new Date('2026-11-24T16:00:00.000Z'))).toBe('2026-11-25')
  })

  it('is already tomorrow in Shanghai just before UTC midnight, and still today just after', () => {
    expect(shanghaiToday(new Date('2026-12-31T23:59:00Z'))).toBe('2027-01-01')
    expect(shanghaiToday(new Date('2027-01-01T00:01:00Z'))).toBe('2027-01-01')
  })

  it('lands on a leap day', () => {
    expect(shanghaiToday(new Date('2028-02-28T16:00:00Z'))).toBe('2028-02-29')
  })
})

describe('ageOn', () => {
  it('counts a birthday on the day itself', () => {
    expect(ageOn('1980-06-15', '2026-06-14')).toBe(45)
    expect(ageOn('1980-06-15', '2026-06-15')).toBe(46)
    expect(ageOn('1980-06-15', '2026-06-16')).toBe(46)
  })

  it('is zero on the day of birth and through the first year', () => {
    expect(ageOn('2026-01-01', '2026-01-01')).toBe(0)
    expect(ageOn('2025-11-25', '2026-11-24')).toBe(0)
    expect(ageOn('2025-11-24', '2026-11-24')).toBe(1)
  })

  it('has someone born on a leap day turn a year older on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2023-02-28')).toBe(22)
    expect(ageOn('2000-02-29', '2023-03-01')).toBe(23)
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24)
  })
})

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10)
}

function inRange(birth: string, r: { from?: string; to?: string }): boolean {
  return (r.from === undefined || birth >= r.from) && (r.to === undefined || birth <= r.to)
}

describe('birthDateRange', () => {
  it('gives inclusive bounds on a birthday', () => {
    expect(birthDateRange('2026-06-15', 60, 69)).toEqual({ from: '1956-06-16', to: '1966-06-15' })
    expect(birthDateRange('2026-06-15', 60)).toEqual({ to: '1966-06-15' })
    expect(birthDateRange('2026-06-15', undefined, 0)).toEqual({ from: '2025-06-16' })
    expect(birthDateRange('2026-06-15')).toEqual({})
  })

  it('crosses a year end', () => {
    expect(birthDateRange('2027-01-01', undefined, 9)).toEqual({ from: '2017-01-02' })
    expect(birthDateRange('2026-12-31', undefined, 9)).toEqual({ from: '2017-01-01' })
  })

  // The property the list filter rests on: a birth date is in the range exactly when its age is.
  const days = [
    '2026-06-15',
    '2024-02-29',
    '2025-02-28',
    '2025-03-01',
    '2026-12-31',
    '2027-01-01',
    '2028-02-29',
    '2028-03-01',
  ]
  for (const day of days) {
    it(`agrees with ageOn for every birth date around the bounds on ${day}`, () => {
      for (const [min, max] of [
        [0, 0],
        [1, 1],
        [3, 3],
        [4, 4],
        [60, 69],
        [0, 150],
        [80, undefined],
        [undefined, 17],
      ] as Array<[number | undefined, number | undefined]>) {
        const r = birthDateRange(day, min, max)
        const anchors = [min, max].filter((v): v is number => v !== undefined)
        for (const years of anchors.flatMap((a) => [a, a + 1])) {
          const anchor = `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}-01-01`
          // Walk the whole year around each bound, day by day.
          for (let i = -400; i <= 800; i++) {
            const birth = addDays(anchor, i)
            if (birth > day) continue
            const age = ageOn(birth, day)
            const expected = (min === undefined || age >= min) && (max === undefined || age <= max)
            expect(
              inRange(birth, r),
              `${birth} on ${day}, age ${age}, range ${min}-${max} → ${JSON.stringify(r)}`,
            ).toBe(expected)
          }
        }
      }
    })
  }
})

/**
 * 季评诚信: a sole trader's quarterly integrity rating. Each criterion on the station's checklist
 * has a maximum; the total as a share of the checklist's maximum gives the level against the
 * station's thresholds (A ≥ 90 %, B ≥ 75 % by default, C below). Shared by the rating form (live
 * total and level) and the main process (which decides).
 */

export const RATING_LEVELS = ['A', 'B', 'C'] as const
export type RatingLevel = (typeof RATING_LEVELS)[number]

/** Percentages of the maximum score; A must be above B. */
export interface RatingThresholds {
  a: number
  b: number
}

export const DEFAULT_THRESHOLDS: RatingThresholds = { a: 90, b: 75 }

export function thresholdsValid(t: RatingThresholds): boolean {
  return t.b > 0 && t.a > t.b && t.a <= 100
}

/** Total, maximum and share (0–100, one decimal) of a set of scores. */
export function ratingTotals(scores: ReadonlyArray<{ score: number; maxScore: number }>): {
  total: number
  max: number
  percent: number
} {
  const total = scores.reduce((s, x) => s + x.score, 0)
  const max = scores.reduce((s, x) => s + x.maxScore, 0)
  const percent = max > 0 ? Math.round((total / max) * 1000) / 10 : 0
  return { total, max, percent }
}

export function levelFor(percent: number, t: RatingThresholds): RatingLevel {
  if (percent >= t.a) return 'A'
  if (percent >= t.b) return 'B'
  return 'C'
}

/** `2026-Q4`, the form the ratings are kept in. */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`

export function quarterOf(isoDate: string): Quarter {
  const year = Number(isoDate.slice(0, 4))
  const month = Number(isoDate.slice(5, 7))
  return `${year}-Q${Math.ceil(month / 3) as 1 | 2 | 3 | 4}`
}

export function parseQuarter(q: string): { year: number; quarter: 1 | 2 | 3 | 4 } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(q)
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 } : null
}

/** The quarter before, for "rate again from last quarter's scores". */
export function previousQuarter(q: Quarter): Quarter {
  const p = parseQuarter(q)!
  return p.quarter === 1 ? `${p.year - 1}-Q4` : `${p.year}-Q${(p.quarter - 1) as 1 | 2 | 3}`
}

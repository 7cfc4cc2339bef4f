/** The quarters the rating screen offers: the current one and the seven before, newest first. */
import { previousQuarter, quarterOf, type Quarter } from '@contract/rules/integrity-rating'
import { shanghaiToday } from '@contract/rules/dates'

export function currentQuarter(now: Date = new Date()): Quarter {
  return quarterOf(shanghaiToday(now))
}

export function recentQuarters(count = 8, now: Date = new Date()): Quarter[] {
  const list: Quarter[] = [currentQuarter(now)]
  while (list.length < count) list.push(previousQuarter(list[list.length - 1]!))
  return list
}

/** The quarter's year and number, for labels and for the print reference. */
export function quarterParts(q: string): { year: number; q: number } {
  return { year: Number(q.slice(0, 4)), q: Number(q.slice(6)) }
}

/** 2026年第四季度 / Q4 2026, in the user's language. */
export function quarterLabel(t: (key: string, named?: Record<string, unknown>) => string, q: string): string {
  const p = quarterParts(q)
  return t('ratings.quarterName', { year: p.year, q: t(`ratings.quarters.${p.q}`) })
}

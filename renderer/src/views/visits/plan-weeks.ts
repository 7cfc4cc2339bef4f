/** Groups a plan's visits by week (Monday to Sunday) for the plan screen. */
import type { VisitDto } from '@contract/visit-dto'

export interface PlanWeek {
  from: string
  to: string
  visits: VisitDto[]
}

/** Days since 1970-01-01 of an ISO date, read as a calendar date (no zone shifts it). */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000)
}
function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

export function mondayOf(date: string): string {
  const day = dayNumber(date)
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  return dateOf(day - ((day + 3) % 7))
}

export function groupByWeek(visits: VisitDto[]): PlanWeek[] {
  const weeks = new Map<string, PlanWeek>()
  for (const v of visits) {
    const from = mondayOf(v.startAt.slice(0, 10))
    const week = weeks.get(from) ?? { from, to: dateOf(dayNumber(from) + 6), visits: [] }
    week.visits.push(v)
    weeks.set(from, week)
  }
  return [...weeks.values()].sort((a, b) => a.from.localeCompare(b.from))
}

/** The Element Plus tag colour of a visit's status in lists (the history drawer colours 改期 apart). */
export const statusType = (s: VisitDto['status']) =>
  s === 'done' ? 'success' : s === 'confirmed' ? 'primary' : s === 'missed' ? 'danger' : 'info'

/** `2026-12-03T09:30` → `12-03 周四 09:30` style parts for a table cell. */
export function whenParts(local: string): { date: string; weekday: number; time: string } {
  const date = local.slice(0, 10)
  const day = dayNumber(date)
  return { date: date.slice(5), weekday: ((day + 3) % 7) + 1, time: local.slice(11, 16) }
}

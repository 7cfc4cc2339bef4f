/** The week the home-visit screen shows: Monday to Sunday, in Shanghai days. */
import { shanghaiToday } from '@contract/rules/dates'

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(day, weekday === 0 ? -6 : 1 - weekday)
}

export function weekRange(monday: string): { from: string; to: string } {
  return { from: monday, to: addDays(monday, 6) }
}

export function shiftWeek(monday: string, weeks: number): string {
  return addDays(monday, weeks * 7)
}

export function thisMonday(now: Date = new Date()): string {
  return mondayOf(shanghaiToday(now))
}

/**
 * The planner's clock: whole minutes of Asia/Shanghai wall-clock time since 1970-01-01 00:00.
 * Shanghai has had no DST since 1991, so a day is always 1,440 of these and weekday arithmetic
 * is plain division; no Date objects (and no machine time zone) inside the planner.
 */

export const MINUTES_PER_DAY = 1440

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export function dayOf(minute: number): number {
  return Math.floor(minute / MINUTES_PER_DAY)
}

export function minuteOfDay(minute: number): number {
  return minute - dayOf(minute) * MINUTES_PER_DAY
}

/** 1970-01-01 was a Thursday. */
export function weekdayOfDay(day: number): Weekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as Weekday
}

/** The Monday that starts the ISO week holding `day`: the key of weekly limits. */
export function weekOfDay(day: number): number {
  return day - (weekdayOfDay(day) - 1)
}

/** `YYYY-MM-DD` → day number. */
export function dayFromDate(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000)
}

export function dateFromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

/** `YYYY-MM-DDTHH:mm` (or with a space) → local minute. */
export function minuteFromLocal(value: string): number {
  const [date, time = '00:00'] = value.split(/[ T]/) as [string, string | undefined]
  const [h, m] = time.split(':').map(Number) as [number, number]
  return dayFromDate(date) * MINUTES_PER_DAY + h * 60 + m
}

export function localFromMinute(minute: number): string {
  const mod = minuteOfDay(minute)
  const hh = String(Math.floor(mod / 60)).padStart(2, '0')
  const mm = String(mod % 60).padStart(2, '0')
  return `${dateFromDay(dayOf(minute))}T${hh}:${mm}`
}

/** `HH:mm` → minutes after midnight. */
export function clockToMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number]
  return h * 60 + m
}

export function minutesToClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

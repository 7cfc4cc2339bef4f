/** Calendar dates as the station sees them: Asia/Shanghai, which has had no DST since 1991. */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** Today's date in Asia/Shanghai as `YYYY-MM-DD`, whatever the machine's time zone. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** The wall clock in Asia/Shanghai as `YYYY-MM-DD HH:mm` (a sheet's "exported at" line, file names). */
export function shanghaiDateTime(now: Date = new Date()): string {
  const iso = new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
}

/**
 * A wall-clock time plus minutes: (`2026-11-26`, `09:00`, 150) → `2026-11-26T11:30`. Local
 * times are kept as text without a zone, so the arithmetic runs in UTC where no DST can shift it.
 */
export function addLocalMinutes(date: string, hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  const at = new Date(`${date}T00:00:00Z`)
  at.setUTCMinutes(h * 60 + m + minutes)
  return at.toISOString().slice(0, 16)
}

/** Whole years between a birth date and a day (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/**
 * The same day `years` years earlier. 29 February becomes the 28th in a common year: a real date
 * that compares with every real birth date exactly as the impossible `YYYY-02-29` would.
 */
function yearsBefore(day: string, years: number): { y: number; m: number; d: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const year = y - years
  return { y: year, m, d: m === 2 && d === 29 && !isLeapYear(year) ? 28 : d }
}

/** The birth-date range for an age range on a given day, both ends inclusive real dates. */
export function birthDateRange(day: string, ageMin?: number, ageMax?: number): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {}
  if (ageMin !== undefined) {
    const t = yearsBefore(day, ageMin)
    out.to = iso(t.y, t.m, t.d)
  }
  if (ageMax !== undefined) {
    // Born on or before this day, ageMax + 1 years ago, makes one ageMax + 1: start the day after.
    // Date.UTC, not Date.parse: V8 reads an impossible `2023-02-29` as 1 March without complaint.
    const l = yearsBefore(day, ageMax + 1)
    const next = new Date(Date.UTC(l.y, l.m - 1, l.d + 1))
    out.from = iso(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate())
  }
  return out
}

/** Calendar dates as the station sees them: Asia/Shanghai, which has had no DST since 1991. */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** Today's date in Asia/Shanghai as `YYYY-MM-DD`, whatever the machine's time zone. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** Whole years between a birth date and a day (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** The birth-date range for an age range on a given day, both ends inclusive. */
export function birthDateRange(day: string, ageMin?: number, ageMax?: number): { from?: string; to?: string } {
  const [y, m, d] = day.split('-') as [string, string, string]
  const shift = (years: number) => `${String(Number(y) - years).padStart(4, '0')}-${m}-${d}`
  const out: { from?: string; to?: string } = {}
  if (ageMin !== undefined) out.to = shift(ageMin)
  if (ageMax !== undefined) {
    // Born after the day, ageMax + 1 years ago: the day itself would make them ageMax + 1.
    const limit = shift(ageMax + 1)
    const next = new Date(Date.parse(limit) + 86400000).toISOString().slice(0, 10)
    out.from = next
  }
  return out
}

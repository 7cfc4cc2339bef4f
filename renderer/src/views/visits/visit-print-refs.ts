/**
 * The print references of the visit printables: the overview names its month by the day number of
 * the month's first day (as the schedule sheet names its week by its Monday's), the certificate
 * its volunteer and, optionally, a year.
 */
const DAY_MS = 86_400_000

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS)
}

export function monthOverviewRef(date: string): { type: 'visit-overview'; id: number } {
  return { type: 'visit-overview', id: dayNumber(`${date.slice(0, 7)}-01`) }
}

export type CertificatePeriod = 'thisYear' | 'lastYear' | 'all'

/** The year the counter lives in (Asia/Shanghai), whatever the PC's clock zone. */
export function shanghaiYear(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear()
}

export function certificateRef(
  volunteerId: number,
  period: CertificatePeriod,
  now: Date = new Date(),
): { type: 'volunteer-hours-certificate'; id: number; year?: number } {
  const year = shanghaiYear(now)
  if (period === 'all') return { type: 'volunteer-hours-certificate', id: volunteerId }
  return { type: 'volunteer-hours-certificate', id: volunteerId, year: period === 'thisYear' ? year : year - 1 }
}

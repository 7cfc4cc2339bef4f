/**
 * The print references of the visit printables: the overview names its month by the day number of
 * the month's first day (as the schedule sheet names its week by its Monday's), the certificate
 * its volunteer and, optionally, a year.
 */
import { shanghaiToday } from '@contract/rules/dates'
import { dayNumber } from './plan-weeks'

/** The schedule sheets of the week starting on the Monday `from`. */
export function weekScheduleRef(from: string): { type: 'visit-schedule'; id: number } {
  return { type: 'visit-schedule', id: dayNumber(from) }
}

export function monthOverviewRef(date: string): { type: 'visit-overview'; id: number } {
  return { type: 'visit-overview', id: dayNumber(`${date.slice(0, 7)}-01`) }
}

export type CertificatePeriod = 'thisYear' | 'lastYear' | 'all'

/** The year the counter lives in (Asia/Shanghai), whatever the PC's clock zone. */
export function shanghaiYear(now: Date = new Date()): number {
  return Number(shanghaiToday(now).slice(0, 4))
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

/**
 * The renderer's print references for the visit printables: the overview's month as the day number
 * of its first day (what the main process checks), the certificate's year as the counter's
 * calendar year in Shanghai, also in the hours when UTC is still in the old year.
 */
import { describe, expect, it } from 'vitest'
import { dateFromDay } from '../../../electron/services/visits/planner'
import { certificateRef, monthOverviewRef, shanghaiYear } from '../../../renderer/src/views/visits/visit-print-refs'

describe('visit print references', () => {
  it('names a month by its first day, whatever day of it is chosen', () => {
    for (const day of ['2026-12-01', '2026-12-17', '2026-12-31']) {
      expect(dateFromDay(monthOverviewRef(day).id)).toBe('2026-12-01')
    }
    expect(dateFromDay(monthOverviewRef('2024-02-29').id)).toBe('2024-02-01')
  })

  it('takes this year and last year in Shanghai, and no year for all service', () => {
    // 2026-12-31 20:00 UTC is already 2027-01-01 04:00 in Shanghai.
    const newYear = new Date('2026-12-31T20:00:00Z')
    expect(shanghaiYear(newYear)).toBe(2027)
    expect(certificateRef(7, 'thisYear', newYear)).toEqual({ type: 'volunteer-hours-certificate', id: 7, year: 2027 })
    expect(certificateRef(7, 'lastYear', newYear)).toEqual({ type: 'volunteer-hours-certificate', id: 7, year: 2026 })
    expect(certificateRef(7, 'all', newYear)).toEqual({ type: 'volunteer-hours-certificate', id: 7 })
    expect(shanghaiYear(new Date('2026-12-31T15:59:00Z'))).toBe(2026)
  })
})

/**
 * 季评诚信 in the print pipeline: the quarter's results list (ref: `{ type: 'integrity-list', id:
 * quarter 1–4, year }`) and a business's certificate (ref: `{ type: 'integrity-certificate', id:
 * rating id }`), which only an A or B rating earns.
 */
import { AppError, notFoundError } from '../../contract/errors'
import { shanghaiToday } from '../../contract/rules/dates'
import { renderIntegrityCertificate, renderIntegrityList, quarterTitle } from '../printing/layouts/integrity-layouts'
import type { PrintService } from '../printing/print-service'
import type { SettingsService } from '../settings-service'
import type { RatingService } from './rating-service'

export function registerRatingPrintables(deps: {
  printing: PrintService
  ratings: RatingService
  settings: SettingsService
}): void {
  const { printing, ratings, settings } = deps

  printing.register('integrity-list', {
    permission: 'programmes.read',
    async build(ref) {
      if (!ref.year || ref.id > 4) throw notFoundError('quarter')
      const quarter = `${ref.year}-Q${ref.id}`
      const list = await ratings.quarterList(quarter)
      if (list.length === 0) throw new AppError('VALIDATION', 'errors.ratings.nothingRated', { params: { quarter } })
      const businesses = await ratings.businessesByIds(list.map((r) => r.businessId))
      const s = await settings.get()
      const rows = list.map((r) => ({ ...r, operatorName: businesses.get(r.businessId)?.operatorName ?? '' }))
      const document = renderIntegrityList(printing.engine(), {
        quarter,
        station: s.stationName,
        community: s.community,
        ratings: rows,
        today: shanghaiToday(),
      })
      return {
        title: `${quarterTitle(quarter)}诚信经营评定结果`,
        document,
        records: list.map((r) => `business-rating:${r.id}`),
        text: rows.map((r) => `${r.businessName} ${r.operatorName}`).join('\n'),
      }
    },
  })

  printing.register('integrity-certificate', {
    permission: 'programmes.read',
    async build(ref) {
      const rating = await ratings.get(ref.id)
      if (rating.level === 'C') throw new AppError('VALIDATION', 'errors.ratings.noCertificate')
      const business = (await ratings.businessesByIds([rating.businessId])).get(rating.businessId)
      const s = await settings.get()
      const document = renderIntegrityCertificate(printing.engine(), {
        rating,
        operatorName: business?.operatorName ?? '',
        station: s.stationName,
        issuedOn: shanghaiToday(),
      })
      return {
        title: `${rating.businessName} ${quarterTitle(rating.quarter)}诚信经营证书`,
        document,
        records: [`business-rating:${rating.id}`],
        text: `${rating.businessName} ${business?.operatorName ?? ''}`,
      }
    },
  })
}

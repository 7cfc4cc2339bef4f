import { z } from 'zod'
import { BUSINESS_STATUSES } from './rating-dto'
import { isoDate, optionalText, requiredText, schemas, searchText } from './schemas'

const id = schemas.byId.shape.id
const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, { error: 'validation.ratings.quarter' })
const score = z.number({ error: 'validation.required' }).min(0, { error: 'validation.ratings.scoreRange' })

const businessData = z.object({
  name: requiredText(80),
  // 统一社会信用代码: 18 characters of digits and capitals (GB 32100); checked for shape only.
  creditCode: optionalText(18)
    .transform((v) => v?.toUpperCase())
    .refine((v) => v === undefined || /^[0-9A-HJ-NP-RTUWXY]{18}$/.test(v), { error: 'validation.ratings.creditCode' }),
  operatorName: requiredText(40),
  phone: optionalText(20),
  address: optionalText(120),
  category: optionalText(30),
  status: z.enum(BUSINESS_STATUSES).default('active'),
  notes: optionalText(500),
})

export const ratingSchemas = {
  businessQuery: z.object({
    q: searchText(60),
    status: z.enum(BUSINESS_STATUSES).optional(),
    /** Each business comes with its rating of this quarter (none yet: `rating: null`). */
    quarter: quarter.optional(),
    level: z.enum(['A', 'B', 'C', 'unrated']).optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(20),
  }),
  businessSave: z.object({
    id: id.optional(),
    data: businessData,
    expectedUpdatedAt: z.string().max(40).optional(),
  }),
  criterionSave: z.object({
    id: id.optional(),
    name: requiredText(40),
    maxScore: z
      .number()
      .int()
      .min(1, { error: 'validation.ratings.maxScore' })
      .max(100, { error: 'validation.ratings.maxScore' }),
    sort: z.number().int().min(0).max(999).default(0),
  }),
  thresholds: z
    .object({ a: z.number().min(1).max(100), b: z.number().min(1).max(100) })
    .refine((t) => t.a > t.b, { error: 'validation.ratings.thresholdOrder', path: ['a'] }),
  rate: z.object({
    businessId: id,
    quarter,
    ratedOn: isoDate,
    scores: z
      .array(z.object({ criterionId: id, score, note: optionalText(200) }))
      .min(1)
      .max(50),
    notes: optionalText(500),
    /** Re-rating a quarter: the rating's `updatedAt` when the form was opened. */
    expectedUpdatedAt: z.string().max(40).optional(),
  }),
}

export type BusinessQuery = z.output<typeof ratingSchemas.businessQuery>
export type BusinessSave = z.output<typeof ratingSchemas.businessSave>
export type RateInput = z.output<typeof ratingSchemas.rate>

/** 季评诚信 (issue 5): sole traders, the station's checklist, quarterly ratings. */
import type { RatingLevel, RatingThresholds } from './rules/integrity-rating'

export const BUSINESS_STATUSES = ['active', 'closed'] as const
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number]

export interface RatingSummaryDto {
  id: number
  quarter: string
  total: number
  max: number
  percent: number
  level: RatingLevel
}

export interface BusinessDto {
  id: number
  name: string
  /** 统一社会信用代码 (18 characters), where the trader has one. */
  creditCode: string | null
  operatorName: string
  /** Masked, like every mobile number leaving main. */
  phone: string | null
  address: string | null
  category: string | null
  status: BusinessStatus
  notes: string | null
  /** The rating of the quarter asked for (or the latest, when none was asked for). */
  rating: RatingSummaryDto | null
  updatedAt: string
}

export interface CriterionDto {
  id: number
  name: string
  maxScore: number
  sort: number
  archived: boolean
}

export interface RatingScoreDto {
  criterionId: number
  /** As the criterion was named when rated: a later rename does not rewrite history. */
  name: string
  maxScore: number
  score: number
  note: string | null
}

export interface RatingDto extends RatingSummaryDto {
  businessId: number
  businessName: string
  scores: RatingScoreDto[]
  notes: string | null
  ratedBy: string | null
  /** ISO date of the inspection. */
  ratedOn: string
  updatedAt: string
}

export type ThresholdsDto = RatingThresholds

/** 季评诚信, the quarterly integrity rating of sole traders (issue 5); merged by channels.ts. */
import { read, returns, write } from './channel-def'
import type { Page } from './dto'
import type { BusinessDto, CriterionDto, RatingDto, ThresholdsDto } from './rating-dto'
import { ratingSchemas } from './rating-schemas'
import { schemas } from './schemas'

export const ratingChannels = {
  'businesses:list': read(ratingSchemas.businessQuery, 'programmes.read', returns<Page<BusinessDto>>()),
  'businesses:save': write(ratingSchemas.businessSave, 'programmes.write', returns<BusinessDto>()),
  /** Every quarter's rating of one business, newest first. */
  'businesses:history': read(schemas.byId, 'programmes.read', returns<RatingDto[]>()),

  'ratings:criteria': read(schemas.none, 'programmes.read', returns<CriterionDto[]>()),
  'ratings:save-criterion': write(ratingSchemas.criterionSave, 'programmes.write', returns<CriterionDto[]>()),
  'ratings:archive-criterion': write(schemas.byId, 'programmes.write', returns<CriterionDto[]>()),
  'ratings:thresholds': read(schemas.none, 'programmes.read', returns<ThresholdsDto>()),
  'ratings:set-thresholds': write(ratingSchemas.thresholds, 'programmes.write', returns<ThresholdsDto>()),
  'ratings:get': read(schemas.byId, 'programmes.read', returns<RatingDto>()),
  /** Rates a business for a quarter, or re-rates it (the audit keeps the earlier scores). */
  'ratings:rate': write(ratingSchemas.rate, 'programmes.write', returns<RatingDto>()),
}

import type { DomainHandlers } from '../types'

/** 季评诚信: sole traders and their quarterly integrity ratings (issue 5). */
export const ratingHandlers: DomainHandlers<'businesses'> & DomainHandlers<'ratings'> = {
  'businesses:list': (input, { services }) => services.ratings.listBusinesses(input),
  'businesses:save': (input, { services, call }) => services.ratings.saveBusiness(call, input),
  'businesses:history': (input, { services }) => services.ratings.history(input.id),
  'ratings:criteria': (_, { services }) => services.ratings.criteria(),
  'ratings:save-criterion': (input, { services, call }) => services.ratings.saveCriterion(call, input),
  'ratings:archive-criterion': (input, { services, call }) => services.ratings.archiveCriterion(call, input.id),
  'ratings:thresholds': (_, { services }) => services.ratings.thresholds(),
  'ratings:set-thresholds': (input, { services, call }) => services.ratings.setThresholds(call, input),
  'ratings:get': (input, { services }) => services.ratings.get(input.id),
  'ratings:rate': (input, { services, call }) => services.ratings.rate(call, input),
}

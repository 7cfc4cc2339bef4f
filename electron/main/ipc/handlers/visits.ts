import type { DomainHandlers } from '../types'

/** Volunteers and elderly-care visits (issue 7). Add a prefix to the type when a new family of channels appears. */
export const visitHandlers: DomainHandlers<'volunteers'> & DomainHandlers<'visits'> & DomainHandlers<'visit-plans'> & DomainHandlers<'points'> = {}

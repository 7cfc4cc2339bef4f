import type { DomainHandlers } from '../types'

/** Service programmes (issue 5). Add a prefix to the type when a new family of channels appears. */
export const programmeHandlers: DomainHandlers<'programmes'> & DomainHandlers<'sessions'> & DomainHandlers<'enrolments'> & DomainHandlers<'appointments'> = {}

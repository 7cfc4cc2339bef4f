import type { DomainHandlers } from '../types'

/** Excel/CSV import of resident rosters (issue 4). */
export const importHandlers: DomainHandlers<'import'> = {}

import type { DomainHandlers } from '../types'

/** Lists exported to xlsx (issue 4). */
export const exportHandlers: DomainHandlers<'export'> = {
  'export:list': (input, { services, call }) => services.exports.exportList(call, input),
}

import type { DomainHandlers } from '../types'

export const noticeHandlers: DomainHandlers<'notices'> & DomainHandlers<'notice-templates'> = {
  'notice-templates:list': (_, { services }) => services.notices.listTemplates(),
  'notice-templates:save': (input, { services, call }) => services.notices.saveTemplate(call, input),
  'notice-templates:archive': (input, { services, call }) => services.notices.archiveTemplate(call, input.id),
  'notices:list': (input, { services }) => services.notices.list(input),
  'notices:get': (input, { services }) => services.notices.get(input.id),
  'notices:create': (input, { services, call }) => services.notices.create(call, input),
  'notices:update': (input, { services, call }) =>
    services.notices.update(call, input.id, input.data, input.expectedUpdatedAt),
  'notices:issue': (input, { services, call }) => services.notices.issue(call, input.id),
  'notices:revise': (input, { services, call }) => services.notices.revise(call, input.id),
  'notices:copy': (input, { services, call }) => services.notices.copy(call, input.id),
  'notices:discard': (input, { services, call }) => services.notices.discard(call, input.id),
}

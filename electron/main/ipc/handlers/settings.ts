import type { DomainHandlers } from '../types'

export const settingsHandlers: DomainHandlers<'settings'> & DomainHandlers<'audit'> = {
  'settings:get': (_, { services }) => services.settings.get(),
  'settings:update': (input, { services, call }) => services.settings.update(call, input),
  'audit:list': (input, { services }) => services.audit.list(input),
}

import type { DomainHandlers } from '../types'

export const settingsHandlers: DomainHandlers<'settings'> = {
  'settings:get': (_, { services }) => services.settings.get(),
  'settings:update': (input, { services, call }) => services.settings.update(call, input),
}

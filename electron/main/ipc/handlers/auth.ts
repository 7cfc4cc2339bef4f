import type { DomainHandlers } from '../types'

export const authHandlers: DomainHandlers<'auth'> & DomainHandlers<'app'> = {
  'app:info': (_, { services }) => services.info,
  'auth:state': (_, { services, sender }) => services.auth.state(sender),
  'auth:setup': (input, { services, sender, call }) => services.auth.setup(call, sender, input),
  'auth:login': (input, { services, sender, call }) => services.auth.login(call, sender, input),
  'auth:logout': (_, { services, sender, call }) => services.auth.logout(call, sender),
  'auth:lock': (_, { services, sender }) => services.auth.lock(sender),
  'auth:unlock': (input, { services, sender, call }) => services.auth.unlock(call, sender, input.password),
}

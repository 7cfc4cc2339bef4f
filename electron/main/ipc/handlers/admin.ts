import { exportAudit } from '../../../services/audit-export'
import type { DomainHandlers } from '../types'

/** Accounts and the audit log (issue 4). */
export const adminHandlers: DomainHandlers<'accounts'> & DomainHandlers<'audit'> = {
  'accounts:list': (_, { services }) => services.auth.listAccounts(),
  'accounts:create': (input, { services, call }) => services.auth.createAccount(call, input),
  'accounts:update': (input, { services, call }) => services.auth.updateAccount(call, input),
  'accounts:set-active': (input, { services, call }) => services.auth.setActive(call, input.id, input.active),
  'accounts:reset-password': (input, { services, call }) => services.auth.resetPassword(call, input.id, input.password),
  'accounts:change-password': (input, { services, call, sender }) =>
    services.auth.changeOwnPassword(call, sender, input),
  'accounts:replace-password': (input, { services, call, sender }) =>
    services.auth.replaceTemporaryPassword(call, sender, input),

  'audit:list': (input, { services }) => services.audit.list(input),
  'audit:facets': (_, { services }) => services.audit.facets(),
  'audit:export': (input, { services, call }) => exportAudit(services.audit, call, input, services.now),
}

import type { DomainHandlers } from '../types'

/** Accounts, the audit log, backups and restore (issue 4). */
export const adminHandlers: DomainHandlers<'accounts'> & DomainHandlers<'audit'> = {
  'accounts:list': (_, { services }) => services.auth.listAccounts(),
  'accounts:create': (input, { services, call }) => services.auth.createAccount(call, input),
  'audit:list': (input, { services }) => services.audit.list(input),
}

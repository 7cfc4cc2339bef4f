/** Accounts, the audit log, backups and restore: the administrator's channels (issue 4). */
import { schemas } from './schemas'
import { read, returns, write } from './channel-def'
import type { AccountDto, AuditEntryDto, Page } from './dto'

export const adminChannels = {
  'accounts:list': read(schemas.none, 'accounts.manage', returns<AccountDto[]>()),
  'accounts:create': write(schemas.accountCreate, 'accounts.manage', returns<AccountDto>()),

  'audit:list': read(schemas.auditQuery, 'audit.read', returns<Page<AuditEntryDto>>()),
}

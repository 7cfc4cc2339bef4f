/** Accounts, the audit log, backups and restore: the administrator's channels (issue 4). */
import { schemas } from './schemas'
import { read, returns, write } from './channel-def'
import type { AccountDto, AuditEntryDto, Page } from './dto'
import { backupSchemas } from './backup-schemas'
import type { BackupOverviewDto, ManualBackupDto, RestoreCheckDto, RestoreStagedDto } from './backup-dto'

export const adminChannels = {
  'accounts:list': read(schemas.none, 'accounts.manage', returns<AccountDto[]>()),
  'accounts:create': write(schemas.accountCreate, 'accounts.manage', returns<AccountDto>()),

  'audit:list': read(schemas.auditQuery, 'audit.read', returns<Page<AuditEntryDto>>()),

  /** The backups in the data folder, how many daily ones are kept, and the last restore's outcome. */
  'backups:overview': read(schemas.none, 'backups.create', returns<BackupOverviewDto>()),
  /** A checked backup to a folder chosen in the system dialog (null: cancelled), or the data folder. */
  'backups:create': write(backupSchemas.create, 'backups.create', returns<ManualBackupDto | null>()),
  /** How many daily backups are kept; older ones are deleted at once. */
  'backups:set-keep-daily': write(backupSchemas.keepDaily, 'settings.write', returns<BackupOverviewDto>()),
  /** Checks a listed backup or a file chosen in the dialog (null: cancelled); refused files fail. */
  'backups:check': read(backupSchemas.check, 'backups.restore', returns<RestoreCheckDto | null>()),
  /** Backs up the current data, stages the checked file and restarts the app, which swaps it in. */
  'backups:restore': write(backupSchemas.restore, 'backups.restore', returns<RestoreStagedDto>()),
}

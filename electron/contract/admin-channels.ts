/** Accounts, the audit log, backups and restore: the administrator's channels (issue 4). */
import { schemas } from './schemas'
import { read, returns, write } from './channel-def'
import type { AuditEntryDto, Page, SessionDto } from './dto'
import { adminSchemas } from './admin-schemas'
import type { AuditExportDto, AuditFacetsDto, ManagedAccountDto, PasswordResetDto } from './admin-dto'
import { backupSchemas } from './backup-schemas'
import type { BackupOverviewDto, ManualBackupDto, RestoreCheckDto, RestoreStagedDto } from './backup-dto'

export const adminChannels = {
  /** Every account, with its grid scope and whether it must replace its password. */
  'accounts:list': read(schemas.none, 'accounts.manage', returns<ManagedAccountDto[]>()),
  'accounts:create': write(adminSchemas.accountCreate, 'accounts.manage', returns<ManagedAccountDto>()),
  /** Name, role and grid scope; the account's open sessions end (they carry the old role). */
  'accounts:update': write(adminSchemas.accountUpdate, 'accounts.manage', returns<ManagedAccountDto>()),
  /** Disable (open sessions end at once) or re-enable; never oneself or the last administrator. */
  'accounts:set-active': write(adminSchemas.accountSetActive, 'accounts.manage', returns<ManagedAccountDto>()),
  /** A temporary password (typed, or generated and returned once) to be replaced at next sign-in. */
  'accounts:reset-password': write(adminSchemas.passwordReset, 'accounts.manage', returns<PasswordResetDto>()),
  /** One's own password, the current one required. */
  'accounts:change-password': write(adminSchemas.passwordChange, 'signedIn', returns<null>()),
  /**
   * Public: an account that must replace its password has no session (so every other channel is
   * refused) until this call, which checks the temporary password like a sign-in and opens one.
   */
  'accounts:replace-password': write(adminSchemas.passwordReplace, 'public', returns<SessionDto>()),

  /** The audit log, newest first, by account, kind, action and Shanghai days. */
  'audit:list': read(adminSchemas.auditQuery, 'audit.read', returns<Page<AuditEntryDto>>()),
  /** The kinds, actions and accounts the log holds, for the filters. */
  'audit:facets': read(schemas.none, 'audit.read', returns<AuditFacetsDto>()),
  /** The filtered log as xlsx; the export is itself a row of the log. */
  'audit:export': write(adminSchemas.auditExport, 'audit.read', returns<AuditExportDto>()),

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

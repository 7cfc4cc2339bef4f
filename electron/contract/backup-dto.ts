/** Backups and restore: what the backups screen shows (issue 4). */

/** daily / quit / before a migration are automatic; manual is a person's; prerestore is taken before a restore. */
export const BACKUP_KINDS = ['daily', 'quit', 'manual', 'migration', 'prerestore'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

export interface BackupDto {
  /** The file's name in the data folder's `backups` (never a full path: the renderer gets no paths). */
  name: string
  kind: BackupKind
  bytes: number
  /** When it was taken (ISO), read from its name. */
  at: string
}

/** A manual backup just written: the file and the folder it went to (shown to the person). */
export interface ManualBackupDto extends BackupDto {
  folder: string
  /** How long the snapshot and its check took, for the message. */
  millis: number
}

/** What a backup holds, counted at the check, for the restore confirmation. */
export interface BackupCountsDto {
  residents: number
  households: number
  notices: number
  meetings: number
  partyMembers: number
  accounts: number
}

/** Why a file is refused as a backup of this app. */
export const RESTORE_REFUSALS = ['notFound', 'notDatabase', 'corrupt', 'foreign', 'tooNew', 'unreadable'] as const
export type RestoreRefusal = (typeof RESTORE_REFUSALS)[number]

/** A file checked and accepted for restore; `token` names it for `backups:restore`. */
export interface RestoreCheckDto {
  token: string
  fileName: string
  bytes: number
  /** When the backup was taken (from its name), else the file's modification time. */
  takenAt: string
  /** The newest audit entry in it: the last change it holds. */
  lastChangeAt: string | null
  /** The last migration applied to it: its schema version. */
  schemaVersion: string
  /** Older than this build: it is brought up to date (after its own backup) when the app restarts. */
  needsMigration: boolean
  counts: BackupCountsDto
}

/** The backups screen: the list, the kept number of daily backups, and the last restore's outcome. */
export interface BackupOverviewDto {
  backups: BackupDto[]
  keepDaily: number
  /** Where the automatic backups are kept. */
  folder: string
  lastRestore: RestoreOutcomeDto | null
}

/** What happened at the start after a restore was staged. */
export type RestoreOutcomeDto =
  | { status: 'done'; at: string; fileName: string; preRestoreBackup: string | null }
  | { status: 'failed'; at: string; fileName: string; reason: string }

/** After staging: the app restarts to swap the files. */
export interface RestoreStagedDto {
  fileName: string
  preRestoreBackup: string
}

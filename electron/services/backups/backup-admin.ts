/**
 * The backups screen's service: the list, manual backups to a chosen folder, how many daily
 * backups are kept, and restore. A restore is checked, preceded by a backup of the current data,
 * and then only staged (a checked copy and a marker next to the database): the swap happens at
 * the next start, before the database is opened (restore-swap.ts), and the app restarts for it.
 */
import { randomUUID } from 'node:crypto'
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Sequelize } from 'sequelize'
import type { Models } from '../../../database/models'
import type {
  BackupDto,
  BackupOverviewDto,
  ManualBackupDto,
  RestoreCheckDto,
  RestoreStagedDto,
} from '../../contract/backup-dto'
import { AppError } from '../../contract/errors'
import type { AuditService } from '../audit-service'
import { parseBackupName, type BackupInfo, type BackupService } from '../backup-service'
import type { CallContext } from '../context'
import type { SettingsService } from '../settings-service'
import { inspectBackupFile, type BackupSummary } from './backup-inspector'
import type { BackupHost } from './backup-host'
import { MARKER_FILE, PENDING_FILE, readRestoreResult, sha256Of, type PendingRestoreMarker } from './restore-swap'
import { openRaw, sqlString } from './sqlite-file'

/** The settings row that holds how many daily backups are kept (not part of SettingsDto). */
export const KEEP_DAILY_KEY = 'backups.keepDaily'

export interface BackupAdminDeps {
  sequelize: Sequelize
  models: Models
  audit: AuditService
  settings: SettingsService
  backups: BackupService
  dataDir: string
  /** This build's migrations, oldest first: a backup with others is from a newer version. */
  migrations: readonly string[]
  host: BackupHost | null
  now: () => Date
}

function toDto(b: BackupInfo): BackupDto {
  return { name: basename(b.file), kind: b.kind, bytes: b.bytes, at: b.at }
}

export function createBackupAdmin(deps: BackupAdminDeps) {
  const { backups, host } = deps
  const isSqlite = deps.sequelize.getDialect() === 'sqlite'
  /** Files checked in this session, by token: the renderer never holds a path. */
  const checked = new Map<string, string>()
  let lastFolder: string | null = null

  function requireSqlite(): void {
    if (!isSqlite) throw new AppError('UNAVAILABLE', 'errors.admin.backups.notSqlite')
  }
  function requireHost(): BackupHost {
    if (!host) throw new AppError('UNAVAILABLE', 'errors.admin.backups.noDialog')
    return host
  }

  async function checkFile(file: string): Promise<BackupSummary> {
    const result = await inspectBackupFile(file, deps.migrations)
    if (!result.ok) {
      throw new AppError('VALIDATION', `errors.admin.backups.refused.${result.refusal}`, {
        params: { file: basename(file) },
      })
    }
    return result.summary
  }

  const admin = {
    /** Reads the kept number from settings; called once at start, after the migrations. */
    async loadKeepDaily(): Promise<void> {
      const row = await deps.models.Setting.findByPk(KEEP_DAILY_KEY)
      const n = row ? Number(JSON.parse(row.value)) : NaN
      if (Number.isInteger(n) && n >= 1) backups.setKeepDaily(n)
    },

    overview(): BackupOverviewDto {
      return {
        backups: backups.list().map(toDto),
        keepDaily: backups.keepDaily,
        folder: backups.folder,
        lastRestore: readRestoreResult(deps.dataDir),
      }
    },

    /** A checked backup to a folder chosen in the dialog, or to the data folder; null: cancelled. */
    async createManual(ctx: CallContext, destination: 'choose' | 'data'): Promise<ManualBackupDto | null> {
      requireSqlite()
      let folder = backups.folder
      if (destination === 'choose') {
        const chosen = await requireHost().chooseFolder(lastFolder ?? backups.folder)
        if (!chosen) return null
        folder = chosen
      }
      const started = Date.now()
      const { stationName } = await deps.settings.get()
      const made = await backups.create('manual', folder, stationName)
      const millis = Date.now() - started
      if (destination === 'choose') lastFolder = folder
      await deps.audit.record(ctx, {
        action: 'backup',
        entity: 'backup',
        entityId: basename(made.file),
        after: { folder, bytes: made.bytes },
      })
      return { ...toDto(made), folder, millis }
    },

    async setKeepDaily(ctx: CallContext, keepDaily: number): Promise<BackupOverviewDto> {
      const before = backups.keepDaily
      await deps.sequelize.transaction(async (transaction) => {
        await deps.models.Setting.upsert({ key: KEEP_DAILY_KEY, value: JSON.stringify(keepDaily) }, { transaction })
        await deps.audit.record(
          ctx,
          { action: 'update', entity: 'settings', entityId: KEEP_DAILY_KEY, before, after: keepDaily },
          transaction,
        )
      })
      backups.setKeepDaily(keepDaily)
      backups.prune()
      return admin.overview()
    },

    /**
     * Checks a listed backup (by name) or one chosen in the dialog; refused files throw
     * `errors.admin.backups.refused.<why>`. Null: the dialog was cancelled.
     */
    async check(source: { name?: string }): Promise<RestoreCheckDto | null> {
      requireSqlite()
      let file: string
      if (source.name !== undefined) {
        const listed = backups.list().find((b) => basename(b.file) === source.name)
        if (!listed)
          throw new AppError('NOT_FOUND', 'errors.admin.backups.refused.notFound', { params: { file: source.name } })
        file = listed.file
      } else {
        const chosen = await requireHost().chooseBackupFile(lastFolder ?? backups.folder)
        if (!chosen) return null
        file = chosen
        lastFolder = dirname(chosen)
      }
      const summary = await checkFile(file)
      const token = randomUUID()
      checked.set(token, file)
      return {
        token,
        fileName: basename(file),
        bytes: summary.bytes,
        takenAt: parseBackupName(basename(file))?.at ?? summary.mtime,
        lastChangeAt: summary.lastChangeAt,
        schemaVersion: summary.schemaVersion,
        needsMigration: summary.needsMigration,
        counts: summary.counts,
      }
    },

    /**
     * Checks the file again, backs up the current data, and stages a checked copy for the swap at
     * the next start; then asks the shell to restart. Nothing of the current data changes here.
     */
    async stage(ctx: CallContext, token: string): Promise<RestoreStagedDto> {
      requireSqlite()
      const file = checked.get(token)
      if (!file) throw new AppError('NOT_FOUND', 'errors.admin.backups.checkAgain')
      const pre = await backups.create('prerestore')
      const pending = join(deps.dataDir, PENDING_FILE)
      const partial = `${pending}.partial`
      const markerFile = join(deps.dataDir, MARKER_FILE)
      const cleanUp = () => {
        rmSync(partial, { force: true })
        rmSync(pending, { force: true })
        rmSync(markerFile, { force: true })
      }
      let summary: BackupSummary
      try {
        cleanUp()
        // A copy made by SQLite, not by bytes: a chosen file in WAL mode with its -wal beside it
        // comes across whole, and the copy stands alone.
        const source = await openRaw(file)
        try {
          await source.exec(`VACUUM INTO ${sqlString(partial)}`)
        } finally {
          await source.close()
        }
      } catch {
        cleanUp()
        // The chosen file may have gone bad since its check (a stick pulled out): say so, if so.
        await checkFile(file)
        throw new AppError('UNAVAILABLE', 'errors.admin.backups.stageFailed', { params: { path: deps.dataDir } })
      }
      // The copy itself is checked again (the file may have changed since the person saw it):
      // what is swapped in is exactly what passed.
      try {
        summary = await checkFile(partial)
      } catch (error) {
        cleanUp()
        if (error instanceof AppError)
          throw new AppError(error.code, error.message, { params: { file: basename(file) } })
        throw error
      }
      try {
        renameSync(partial, pending)
        const marker: PendingRestoreMarker = {
          fileName: basename(file),
          stagedAt: deps.now().toISOString(),
          preRestoreBackup: basename(pre.file),
          bytes: summary.bytes,
          sha256: sha256Of(pending),
        }
        writeFileSync(`${markerFile}.tmp`, JSON.stringify(marker, null, 2))
        renameSync(`${markerFile}.tmp`, markerFile)
      } catch {
        cleanUp()
        throw new AppError('UNAVAILABLE', 'errors.admin.backups.stageFailed', { params: { path: deps.dataDir } })
      }
      checked.delete(token)
      await deps.audit.record(ctx, {
        action: 'restore',
        entity: 'backup',
        entityId: basename(file),
        after: { preRestoreBackup: basename(pre.file), counts: summary.counts, schemaVersion: summary.schemaVersion },
      })
      host?.restart()
      return { fileName: basename(file), preRestoreBackup: basename(pre.file) }
    },
  }
  return admin
}

export type BackupAdmin = ReturnType<typeof createBackupAdmin>

/**
 * Backups of the SQLite file: SQLite's own online snapshot (`VACUUM INTO`, never a plain copy of a
 * live WAL database), written under a temporary name, checked with `integrity_check` on the copy,
 * and only then given its real name, so a backup that exists is a good one. Automatic backups:
 * once a day at the first start, at quit and before a migration; the newest daily ones are kept.
 * Manual ones go to a folder the person chooses (a USB stick) and carry the station's name.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import sqlite3 from 'sqlite3'
import type { Sequelize } from 'sequelize'
import { AppError } from '../contract/errors'
import { BACKUP_KINDS, type BackupKind } from '../contract/backup-dto'
import { snapshotTo } from '../../database/sqlite-specific'

export type { BackupKind } from '../contract/backup-dto'

export interface BackupInfo {
  file: string
  kind: BackupKind
  bytes: number
  at: string
}

export const DEFAULT_KEEP_DAILY = 30
const KEEP_QUIT = 10
const NAME = new RegExp(`^(.+)-(${BACKUP_KINDS.join('|')})-(\\d{8}-\\d{6})\\.sqlite3$`)

/** `20261124-153000` in Asia/Shanghai: names sort by time and read as the station's clock. */
export function backupStamp(now: Date): string {
  const s = new Date(now.getTime() + 8 * 3600_000).toISOString()
  return `${s.slice(0, 10).replace(/-/g, '')}-${s.slice(11, 19).replace(/:/g, '')}`
}

/** The time a backup's name says it was taken (its stamp is Shanghai time), as ISO. */
function stampToIso(stamp: string): string {
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}+08:00`
  return new Date(iso).toISOString()
}

/** A backup's kind and time from its name, or null for a file that is not one of ours. */
export function parseBackupName(name: string): { kind: BackupKind; at: string; stamp: string } | null {
  const m = NAME.exec(name)
  return m ? { kind: m[2] as BackupKind, at: stampToIso(m[3]!), stamp: m[3]! } : null
}

/** The station's name as the start of a file name: characters Windows refuses in names dropped. */
export function fileLabel(text: string): string {
  const safe = [...text]
    .filter((ch) => ch >= ' ' && !'\\/:*?"<>|'.includes(ch))
    .join('')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 40)
  return safe || 'station'
}

/** Why a backup failed, for the message: a folder that cannot be written, a full disk, or else. */
export function backupFailureReason(error: unknown): 'folder' | 'full' | 'other' {
  const text = `${(error as NodeJS.ErrnoException)?.code ?? ''} ${(error as Error)?.message ?? error}`
  if (/ENOSPC|SQLITE_FULL|disk is full/i.test(text)) return 'full'
  if (/EACCES|EPERM|EROFS|ENOTDIR|ENOENT|SQLITE_CANTOPEN|SQLITE_READONLY|unable to open|readonly/i.test(text))
    return 'folder'
  return 'other'
}

/** Clean-up that must not hide the error being reported (a path under a file throws ENOTDIR). */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true })
  } catch {
    // nothing was written there
  }
}

/** `PRAGMA integrity_check` on a closed file, read-only. */
export function integrityOk(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) return resolve(false)
      db.get('PRAGMA integrity_check', (error, row: Record<string, string> | undefined) => {
        db.close(() => resolve(!error && !!row && Object.values(row)[0] === 'ok'))
      })
    })
  })
}

export function createBackupService(deps: {
  sequelize: Sequelize
  dataDir: string
  now: () => Date
  /** How many daily backups to keep (the newest). */
  keepDaily?: number
}) {
  const folder = join(deps.dataDir, 'backups')
  let keepDaily = deps.keepDaily ?? DEFAULT_KEEP_DAILY

  const service = {
    folder,

    get keepDaily(): number {
      return keepDaily
    },

    /** The station's setting, read once the settings table can be read (after the migrations). */
    setKeepDaily(n: number): void {
      keepDaily = Math.max(1, Math.floor(n))
    },

    /**
     * Writes one checked backup into `targetDir` (the data folder's `backups` by default), named
     * `<label>-<kind>-<Shanghai date>-<time>.sqlite3`. A folder that cannot be written or a full
     * disk fails with `errors.admin.backups.<reason>` and leaves no half-written file.
     */
    async create(kind: BackupKind, targetDir: string = folder, label = 'station'): Promise<BackupInfo> {
      const at = deps.now()
      const name = `${fileLabel(label)}-${kind}-${backupStamp(at)}.sqlite3`
      const partial = join(targetDir, `.${name}.partial`)
      const file = join(targetDir, name)
      try {
        mkdirSync(targetDir, { recursive: true })
        removeQuietly(partial)
        await snapshotTo(deps.sequelize, partial)
        if (!(await integrityOk(partial))) throw new Error('integrity_check failed on the copy')
        renameSync(partial, file)
      } catch (error) {
        removeQuietly(partial)
        const reason = backupFailureReason(error)
        throw new AppError(reason === 'other' ? 'INTERNAL' : 'UNAVAILABLE', `errors.admin.backups.${reason}`, {
          params: { path: targetDir, reason },
        })
      }
      if (kind === 'quit') service.prune()
      return { file, kind, bytes: statSync(file).size, at: at.toISOString() }
    },

    /** Backups in the data folder's `backups`, newest first. */
    list(): BackupInfo[] {
      let names: string[]
      try {
        names = readdirSync(folder)
      } catch {
        return []
      }
      return names
        .map((n) => ({ n, p: parseBackupName(n) }))
        .filter((x): x is { n: string; p: NonNullable<ReturnType<typeof parseBackupName>> } => !!x.p)
        .sort((a, b) => b.p.stamp.localeCompare(a.p.stamp))
        .flatMap(({ n, p }) => {
          const file = join(folder, n)
          try {
            return [{ file, kind: p.kind, bytes: statSync(file).size, at: p.at }]
          } catch {
            return [] // removed meanwhile
          }
        })
    },

    /** The first start of a Shanghai day takes the daily backup; then the oldest beyond `keepDaily` go. */
    async ensureDaily(): Promise<BackupInfo | null> {
      const today = backupStamp(deps.now()).slice(0, 8)
      const done = service
        .list()
        .some((b) => b.kind === 'daily' && basename(b.file).startsWith(`station-daily-${today}-`))
      const made = done ? null : await service.create('daily')
      service.prune()
      return made
    },

    /**
     * Deletes daily backups beyond the newest `keepDaily`, and quit backups beyond the newest ten
     * (one per closing would otherwise pile up). Manual, migration and pre-restore backups stay.
     */
    prune(): void {
      // Half-written copies a crash or a power cut left behind: this instance holds the
      // single-instance lock, so no other process is writing one now.
      try {
        for (const n of readdirSync(folder))
          if (n.startsWith('.') && n.endsWith('.partial')) removeQuietly(join(folder, n))
      } catch {
        // no folder yet
      }
      const all = service.list()
      const beyond = (kind: BackupKind, keep: number) => all.filter((b) => b.kind === kind).slice(keep)
      for (const old of [...beyond('daily', keepDaily), ...beyond('quit', KEEP_QUIT)]) rmSync(old.file, { force: true })
    },
  }
  return service
}

export type BackupService = ReturnType<typeof createBackupService>

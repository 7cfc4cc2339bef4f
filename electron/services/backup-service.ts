/**
 * Backups of the SQLite file: SQLite's own online snapshot (`VACUUM INTO`, never a plain copy of a
 * live WAL database), written under a temporary name, checked with `integrity_check` on the copy,
 * and only then given its real name, so a backup that exists is a good one. Automatic backups:
 * once a day at the first start, at quit and before a migration; the newest daily ones are kept.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import sqlite3 from 'sqlite3'
import type { Sequelize } from 'sequelize'
import { AppError } from '../contract/errors'
import { snapshotTo } from '../../database/sqlite-specific'

export type BackupKind = 'daily' | 'quit' | 'manual' | 'migration'

export interface BackupInfo {
  file: string
  kind: BackupKind
  bytes: number
  at: string
}

const KEEP_QUIT = 10
const NAME = /^station-(daily|quit|manual|migration)-(\d{8}-\d{6})\.sqlite3$/

/** `20261124-153000` in Asia/Shanghai: names sort by time and read as the station's clock. */
function stamp(now: Date): string {
  const s = new Date(now.getTime() + 8 * 3600_000).toISOString()
  return `${s.slice(0, 10).replace(/-/g, '')}-${s.slice(11, 19).replace(/:/g, '')}`
}

/** Why a backup failed, for the message: a folder that cannot be written, a full disk, or else. */
function reasonOf(error: unknown): 'folder' | 'full' | 'other' {
  const text = `${(error as NodeJS.ErrnoException)?.code ?? ''} ${(error as Error)?.message ?? error}`
  if (/ENOSPC|SQLITE_FULL|disk is full/i.test(text)) return 'full'
  if (/EACCES|EPERM|EROFS|ENOTDIR|ENOENT|SQLITE_CANTOPEN|SQLITE_READONLY|unable to open/i.test(text)) return 'folder'
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

function integrityOk(file: string): Promise<boolean> {
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
  const keepDaily = deps.keepDaily ?? 30

  const service = {
    folder,

    /** Writes one checked backup into `targetDir` (the data folder's `backups` by default). */
    async create(kind: BackupKind, targetDir: string = folder): Promise<BackupInfo> {
      const at = deps.now()
      const name = `station-${kind}-${stamp(at)}.sqlite3`
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
        throw new AppError('INTERNAL', 'errors.backupFailed', { params: { path: targetDir, reason: reasonOf(error) } })
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
        .map((n) => ({ n, m: NAME.exec(n) }))
        .filter((x): x is { n: string; m: RegExpExecArray } => !!x.m)
        .sort((a, b) => b.m[2]!.localeCompare(a.m[2]!))
        .map(({ n, m }) => {
          const file = join(folder, n)
          return { file, kind: m[1] as BackupKind, bytes: statSync(file).size, at: statSync(file).mtime.toISOString() }
        })
    },

    /** The first start of a Shanghai day takes the daily backup; then the oldest beyond `keepDaily` go. */
    async ensureDaily(): Promise<BackupInfo | null> {
      const today = stamp(deps.now()).slice(0, 8)
      const done = service
        .list()
        .some((b) => b.kind === 'daily' && basename(b.file).startsWith(`station-daily-${today}-`))
      const made = done ? null : await service.create('daily')
      service.prune()
      return made
    },

    /**
     * Deletes daily backups beyond the newest `keepDaily`, and quit backups beyond the newest ten
     * (one per closing would otherwise pile up). Manual and migration backups stay.
     */
    prune(): void {
      const all = service.list()
      const beyond = (kind: BackupKind, keep: number) => all.filter((b) => b.kind === kind).slice(keep)
      for (const old of [...beyond('daily', keepDaily), ...beyond('quit', KEEP_QUIT)]) rmSync(old.file, { force: true })
    },
  }
  return service
}

export type BackupService = ReturnType<typeof createBackupService>

/**
 * The swap a staged restore waits for: at the next start, before the database is opened, the
 * checked copy takes the database's name and the old file steps aside. If the restored file then
 * fails to open or migrate, the old one goes back and the person is told (restore-result.json).
 * Every step is a rename in the data folder, and the marker goes last, so a power cut at any point
 * is finished (or undone) by the next start; the database name is never left empty, which would
 * otherwise open as a fresh, empty database.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RestoreOutcomeDto } from '../../contract/backup-dto'

export const PENDING_FILE = 'restore-pending.sqlite3'
export const MARKER_FILE = 'restore-pending.json'
export const RESULT_FILE = 'restore-result.json'

/** What staging wrote next to the checked copy. */
export interface PendingRestoreMarker {
  fileName: string
  stagedAt: string
  preRestoreBackup: string
  bytes: number
  sha256: string
}

const SIDECARS = ['', '-wal', '-shm']

export function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

function moveWithSidecars(from: string, to: string): void {
  for (const s of SIDECARS) {
    rmSync(to + s, { force: true })
    if (existsSync(from + s)) renameSync(from + s, to + s)
  }
}

function removeWithSidecars(file: string): void {
  for (const s of SIDECARS) rmSync(file + s, { force: true })
}

export function readRestoreResult(dataDir: string): RestoreOutcomeDto | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, RESULT_FILE), 'utf8')) as RestoreOutcomeDto
  } catch {
    return null
  }
}

export interface RestoreSwap {
  marker: PendingRestoreMarker
  /** The restored file opened and migrated: the old one is no longer needed. */
  commit(): void
  /** The restored file failed: the old database goes back under its name (the database is closed). */
  rollback(reason: string): void
}

/**
 * Performs a staged restore's swap, if one is waiting. Returns null when there is none, or when
 * the staged copy no longer matches what was checked (then it is discarded and the data stays).
 */
export function swapInPendingRestore(dataDir: string, databaseFile: string, now: () => Date): RestoreSwap | null {
  const markerFile = join(dataDir, MARKER_FILE)
  const pending = join(dataDir, PENDING_FILE)
  const replaced = `${databaseFile}.replaced`
  const writeResult = (outcome: RestoreOutcomeDto) =>
    writeFileSync(join(dataDir, RESULT_FILE), JSON.stringify(outcome, null, 2))

  // A copy that was still being written when the app stopped was never checked.
  rmSync(`${pending}.partial`, { force: true })
  if (!existsSync(markerFile)) {
    // A copy without its marker is a staging that never finished: it was never confirmed whole.
    rmSync(pending, { force: true })
    return null
  }
  let marker: PendingRestoreMarker
  try {
    marker = JSON.parse(readFileSync(markerFile, 'utf8')) as PendingRestoreMarker
  } catch {
    rmSync(pending, { force: true })
    rmSync(markerFile, { force: true })
    return null
  }
  const fail = (reason: string) => {
    rmSync(markerFile, { force: true })
    writeResult({ status: 'failed', at: now().toISOString(), fileName: marker.fileName, reason })
  }

  if (existsSync(pending)) {
    let whole = false
    try {
      whole = sha256Of(pending) === marker.sha256
    } catch {
      whole = false
    }
    if (!whole) {
      rmSync(pending, { force: true })
      fail('damaged')
      return null
    }
    if (existsSync(databaseFile)) moveWithSidecars(databaseFile, replaced)
    else removeWithSidecars(replaced)
    renameSync(pending, databaseFile)
  } else if (!existsSync(databaseFile) && existsSync(replaced)) {
    // Cannot happen with atomic renames; if it does, the old data goes back rather than nothing.
    moveWithSidecars(replaced, databaseFile)
    fail('damaged')
    return null
  } else if (!existsSync(replaced)) {
    fail('damaged')
    return null
  }
  // Here the restored file has the database's name and the old one is at `.replaced`.

  return {
    marker,
    commit() {
      removeWithSidecars(replaced)
      rmSync(markerFile, { force: true })
      writeResult({
        status: 'done',
        at: now().toISOString(),
        fileName: marker.fileName,
        preRestoreBackup: marker.preRestoreBackup,
      })
    },
    rollback(reason: string) {
      removeWithSidecars(databaseFile)
      moveWithSidecars(replaced, databaseFile)
      fail(reason)
    },
  }
}

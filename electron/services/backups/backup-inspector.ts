/**
 * Checks a file before it may replace the station's data: is it SQLite, is it whole (its header's
 * page count against its size, then `integrity_check`), is it this app's database (the migration
 * table and the core tables), and is its schema not newer than this build. Read-only throughout.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import type { BackupCountsDto, RestoreRefusal } from '../../contract/backup-dto'
import { openRaw } from './sqlite-file'

export interface BackupSummary {
  bytes: number
  mtime: string
  lastChangeAt: string | null
  schemaVersion: string
  needsMigration: boolean
  counts: BackupCountsDto
}

export type InspectResult =
  { ok: true; summary: BackupSummary } | { ok: false; refusal: RestoreRefusal; detail?: string }

const HEADER = 'SQLite format 3\u0000'
/** Tables every version of this app has had since its first migration. */
const CORE_TABLES = ['schema_migrations', 'accounts', 'residents', 'households', 'places', 'audit_log', 'settings']
const COUNTED: Record<keyof BackupCountsDto, string> = {
  residents: 'residents',
  households: 'households',
  notices: 'notices',
  meetings: 'meetings',
  partyMembers: 'party_members',
  accounts: 'accounts',
}

/** Reads the 100-byte header: the magic string, and whether the file holds every page it declares. */
function headerProblem(file: string, size: number): RestoreRefusal | null {
  if (size < 100) return 'notDatabase'
  const buf = Buffer.alloc(100)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, buf, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  if (buf.toString('latin1', 0, 16) !== HEADER) return 'notDatabase'
  const rawPageSize = buf.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
  const pages = buf.readUInt32BE(28)
  // The page count is valid only when the two change counters agree (SQLite ≥ 3.7.0 writes both).
  const valid = buf.readUInt32BE(24) === buf.readUInt32BE(92)
  if (valid && pages > 0 && size < pages * pageSize) return 'corrupt'
  return null
}

function refusalOf(error: unknown): RestoreRefusal {
  const text = String((error as Error)?.message ?? error)
  if (/NOTADB|not a database/i.test(text)) return 'notDatabase'
  if (/CORRUPT|malformed/i.test(text)) return 'corrupt'
  return 'unreadable'
}

/** Sequelize writes dates to SQLite as `2026-11-24 01:00:00.000 +00:00`. */
function isoOf(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const text = String(value)
  const ms = Date.parse(text.replace(' ', 'T').replace(/ ?\+00:00$/, 'Z'))
  return Number.isNaN(ms)
    ? Number.isNaN(Date.parse(text))
      ? null
      : new Date(text).toISOString()
    : new Date(ms).toISOString()
}

/** `known`: this build's migrations, oldest first. */
export async function inspectBackupFile(file: string, known: readonly string[]): Promise<InspectResult> {
  let size: number
  let mtime: string
  try {
    const st = statSync(file)
    if (!st.isFile()) return { ok: false, refusal: 'unreadable' }
    size = st.size
    mtime = st.mtime.toISOString()
  } catch (error) {
    return { ok: false, refusal: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'notFound' : 'unreadable' }
  }
  let problem: RestoreRefusal | null
  try {
    problem = headerProblem(file, size)
  } catch {
    return { ok: false, refusal: 'unreadable' }
  }
  if (problem) return { ok: false, refusal: problem }

  let db
  try {
    db = await openRaw(file)
  } catch (error) {
    return { ok: false, refusal: refusalOf(error) }
  }
  try {
    const check = await db.all<Record<string, string>>('PRAGMA integrity_check')
    const first = check[0] ? Object.values(check[0])[0] : undefined
    if (first !== 'ok') return { ok: false, refusal: 'corrupt', detail: String(first ?? '') }
    const tables = new Set(
      (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")).map((r) => r.name),
    )
    const missing = CORE_TABLES.filter((t) => !tables.has(t))
    if (missing.length > 0) return { ok: false, refusal: 'foreign', detail: `missing ${missing.join(', ')}` }
    const applied = (await db.all<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map(
      (r) => r.name,
    )
    if (!applied.includes(known[0] ?? '')) return { ok: false, refusal: 'foreign', detail: 'no initial migration' }
    const unknown = applied.filter((name) => !known.includes(name))
    if (unknown.length > 0) return { ok: false, refusal: 'tooNew', detail: unknown.join(', ') }
    const counts = {} as BackupCountsDto
    for (const [key, table] of Object.entries(COUNTED) as Array<[keyof BackupCountsDto, string]>) {
      counts[key] = tables.has(table)
        ? ((await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n ?? 0)
        : 0
    }
    const last = (await db.all<{ at: unknown }>('SELECT MAX(at) AS at FROM audit_log'))[0]?.at
    return {
      ok: true,
      summary: {
        bytes: size,
        mtime,
        lastChangeAt: isoOf(last),
        schemaVersion: applied[applied.length - 1] ?? '',
        needsMigration: known.some((name) => !applied.includes(name)),
        counts,
      },
    }
  } catch (error) {
    return { ok: false, refusal: refusalOf(error) }
  } finally {
    await db.close()
  }
}

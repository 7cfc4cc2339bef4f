/**
 * Everything that only SQLite needs, in one place, so that a PostgreSQL deployment can skip it:
 * pragmas on every connection Sequelize opens, the file checks at start, and online snapshots.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import type { Sequelize } from 'sequelize'

interface RawSqliteConnection {
  configure(option: 'busyTimeout', value: number): void
  exec(sql: string, cb: (err: Error | null) => void): void
}

const BUSY_TIMEOUT_MS = 5000

/**
 * Sequelize opens one sqlite3 handle per transaction and one default handle; each must get the
 * busy timeout (pragmas are per connection). WAL mode is stored in the file, so once is enough.
 */
export function applySqliteConnectionSettings(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as {
    getConnection(options?: unknown): Promise<RawSqliteConnection>
  }
  const configured = new WeakSet<object>()
  const original = manager.getConnection.bind(manager)
  manager.getConnection = async (options?: unknown) => {
    const connection = await original(options)
    if (!configured.has(connection)) {
      configured.add(connection)
      connection.configure('busyTimeout', BUSY_TIMEOUT_MS)
    }
    return connection
  }
}

/** Run once on the default connection after opening. */
export async function initialiseSqliteFile(sequelize: Sequelize): Promise<void> {
  await sequelize.query('PRAGMA journal_mode = WAL')
  await sequelize.query('PRAGMA synchronous = NORMAL')
  await sequelize.query('PRAGMA foreign_keys = ON')
}

export type SqliteFileProblem = 'notDatabase' | 'corrupt' | 'locked' | 'unreadable'

const SQLITE_HEADER = 'SQLite format 3\u0000'

/**
 * Checks an existing file's header before Sequelize touches it: sqlite3 happily "opens" any file
 * and fails only at the first query, and a zero-length file would silently become a new database.
 */
export function checkSqliteHeader(file: string): SqliteFileProblem | null {
  let size: number
  try {
    size = statSync(file).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    return 'unreadable'
  }
  if (size === 0) return null
  if (size < 100) return 'notDatabase'
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const buf = Buffer.alloc(16)
    readSync(fd, buf, 0, 16, 0)
    return buf.toString('latin1') === SQLITE_HEADER ? null : 'notDatabase'
  } catch {
    return 'unreadable'
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** `quick_check` reads every page's structure; far cheaper than `integrity_check` at start. */
export async function quickCheck(sequelize: Sequelize): Promise<boolean> {
  const [rows] = await sequelize.query('PRAGMA quick_check')
  const first = (rows as Array<Record<string, string>>)[0]
  return !!first && Object.values(first)[0] === 'ok'
}

/** A consistent snapshot of a live WAL database (never a plain file copy). */
export async function snapshotTo(sequelize: Sequelize, target: string): Promise<void> {
  await sequelize.query('VACUUM INTO :target', { replacements: { target } })
}

/** Maps a driver error to a problem a person can act on. */
export function classifySqliteError(error: unknown): SqliteFileProblem {
  const text = String((error as { message?: string })?.message ?? error)
  if (/SQLITE_BUSY|database is locked/i.test(text)) return 'locked'
  if (/SQLITE_NOTADB|file is not a database/i.test(text)) return 'notDatabase'
  if (/SQLITE_CORRUPT|malformed/i.test(text)) return 'corrupt'
  return 'unreadable'
}

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
 * busy timeout and `synchronous = NORMAL` (pragmas are per connection; NORMAL is safe in WAL mode
 * and spares every write transaction an fsync). WAL mode is stored in the file, so once is enough.
 * Sequelize itself turns on foreign keys on each handle.
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
      // A transaction's handle: queued before its BEGIN, the way Sequelize queues foreign_keys.
      // Not on the default handle, which opens files that may yet be refused (and this pragma waits
      // on a locked file): prepareSqliteForWrites sets it there.
      const uuid = (options as { uuid?: unknown } | undefined)?.uuid
      if (typeof uuid === 'string' && uuid !== 'default')
        connection.exec('PRAGMA synchronous = NORMAL', () => undefined)
    }
    return connection
  }
}

/**
 * One write transaction at a time, queued in this process. Sequelize gives each SQLite transaction
 * its own handle, and sqlite3 runs statements on libuv's four pool threads; a handle waiting for
 * the write lock sleeps on a pool thread. With several transactions waiting, the one holding the
 * lock can find no free thread to COMMIT on, and all of them time out with SQLITE_BUSY (seen with
 * ten sign-in attempts at once). Queuing here instead of in SQLite keeps every pool thread free.
 * Managed transactions only (the callback form), which is all this code base uses; writes outside
 * a transaction must not exist (the audit service opens one when it is given none).
 */
export function serialiseWriteTransactions(sequelize: Sequelize): void {
  let tail: Promise<unknown> = Promise.resolve()
  const original = sequelize.transaction.bind(sequelize) as (...args: unknown[]) => Promise<unknown>
  ;(sequelize as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (
    ...args: unknown[]
  ) => {
    if (typeof args[args.length - 1] !== 'function') return original(...args)
    const run = tail.then(
      () => original(...args),
      () => original(...args),
    )
    tail = run.catch(() => undefined)
    return run
  }
}

/**
 * Sequelize retries SQLITE_BUSY five times by default, each after the full busy timeout: a file
 * another program holds would keep the start-up window blank for 25 seconds. At start, one wait
 * is enough to tell "locked".
 */
const ONCE = { retry: { max: 1 } }

/**
 * Checks run when the file is opened. They only read: a file that turns out to be refused (too new,
 * another program's) must be left exactly as it was found.
 */
export async function checkSqliteFile(sequelize: Sequelize): Promise<'corrupt' | null> {
  return (await quickCheck(sequelize)) ? null : 'corrupt'
}

/**
 * Switches the file to WAL. This writes the file header, so the migrator calls it only once it has
 * accepted the file (known schema version, our own tables).
 */
export async function prepareSqliteForWrites(sequelize: Sequelize): Promise<void> {
  await sequelize.query('PRAGMA journal_mode = WAL', ONCE)
  await sequelize.query('PRAGMA synchronous = NORMAL', ONCE)
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
  const [rows] = await sequelize.query('PRAGMA quick_check', ONCE)
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

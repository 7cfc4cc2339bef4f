import { readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sqlite3 from 'sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseOpenError, openDatabase } from '../../database/connection'
import { appliedMigrations, migrate } from '../../database/migrator'
import { migrations, type Migration } from '../../database/migrations'
import { createServiceContainer, DATABASE_FILE_NAME } from '../../electron/services/container'
import { setupAdmin, tempContainer, tempDir, type TempContainer } from '../helpers/temp-container'
import { residentInput } from './fixtures'

const cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!()
})

function dir(): string {
  const d = tempDir()
  cleanup.push(() => rmSync(d, { recursive: true, force: true }))
  return d
}

async function container(dataDir?: string): Promise<TempContainer> {
  const t = await tempContainer(dataDir ? { dataDir } : {})
  cleanup.push(() => t.dispose())
  return t
}

/** Runs SQL on a file with a plain sqlite3 handle, outside the app. */
function rawExec(file: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => {
      if (err) return reject(err)
      db.exec(sql, (e) => db.close((c) => (e || c ? reject(e ?? c) : resolve())))
    })
  })
}

/** Everything about a folder that "left untouched" promises: names, sizes, bytes and times. */
function fingerprint(folder: string) {
  return readdirSync(folder)
    .sort()
    .map((name) => {
      const st = statSync(join(folder, name))
      return {
        name,
        size: st.size,
        mtimeMs: st.mtimeMs,
        bytes: st.isFile() ? readFileSync(join(folder, name)).toString('base64') : null,
      }
    })
}

async function openError(p: Promise<unknown>): Promise<DatabaseOpenError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DatabaseOpenError)
  return error as DatabaseOpenError
}

/** A closed, migrated database file with some data in it. */
async function realDatabase(residents = 0): Promise<{ dataDir: string; file: string }> {
  const dataDir = dir()
  const services = await createServiceContainer({ dataDir })
  if (residents > 0) {
    const admin = await setupAdmin(services)
    for (let i = 0; i < residents; i++) {
      await services.residents.create(
        admin,
        residentInput({ name: `居民${i}`, notes: '备注'.repeat(200), mobile: `138${String(i).padStart(8, '0')}` }),
      )
    }
  }
  await services.close()
  return { dataDir, file: join(dataDir, DATABASE_FILE_NAME) }
}

/** What a fresh database holds once migrated: every migration this build ships, in order. */
const ALL_MIGRATIONS = migrations.map((m) => m.name)

describe('migrations', () => {
  it('migrates a fresh folder and records each migration, once', async () => {
    const t = await container()
    expect(await appliedMigrations(t.services.sequelize)).toEqual(ALL_MIGRATIONS)
    expect(t.services.info.schemaVersion).toBe(ALL_MIGRATIONS.at(-1))
    const tables = (await t.services.sequelize.query(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
      { type: 'SELECT' as never },
    )) as unknown as Array<{
      name: string
    }>
    expect(tables.map((x) => x.name)).toEqual(
      expect.arrayContaining([
        'accounts',
        'audit_log',
        'households',
        'notice_templates',
        'notices',
        'places',
        'print_jobs',
        'resident_search',
        'resident_tags',
        'residents',
        'schema_migrations',
        'settings',
        'tags',
      ]),
    )
    // No migration snapshot for a brand-new file: only the day's first-start backup.
    expect(readdirSync(join(t.dataDir, 'backups')).filter((n) => n.includes('migration'))).toEqual([])
    expect(readdirSync(join(t.dataDir, 'backups')).filter((n) => n.includes('daily'))).toHaveLength(1)

    const services = await t.restart()
    expect(await appliedMigrations(services.sequelize)).toEqual(ALL_MIGRATIONS)
    expect(await migrate(services.sequelize, { location: 'test' })).toEqual({
      applied: [],
      current: ALL_MIGRATIONS.at(-1),
    })
  })

  it('runs beforeMigrate (where the container takes its snapshot) only when a database with a schema has something pending', async () => {
    const fresh = await openDatabase({ dialect: 'sqlite', file: join(dir(), 'fresh.sqlite3') })
    cleanup.push(() => fresh.close())
    const calls: string[][] = []
    await migrate(fresh, { location: 'fresh', beforeMigrate: async (pending) => void calls.push(pending) })
    await migrate(fresh, { location: 'fresh', beforeMigrate: async (pending) => void calls.push(pending) })
    expect(calls).toEqual([])

    const { file } = await realDatabase(1)
    const sequelize = await openDatabase({ dialect: 'sqlite', file })
    cleanup.push(() => sequelize.close())
    const seen: string[][] = []
    const extra: Migration = {
      name: '0002-extra',
      up: async ({ sequelize: sq, transaction }) =>
        void (await sq.query('CREATE TABLE extra (x INTEGER)', { transaction })),
      down: async () => undefined,
    }
    const report = await migrate(sequelize, {
      location: file,
      migrations: [...migrations, extra],
      beforeMigrate: async (pending) => void seen.push(pending),
    })
    expect(seen).toEqual([['0002-extra']])
    expect(report).toEqual({ applied: ['0002-extra'], current: '0002-extra' })
  })

  it('refuses a database written by a newer version and leaves the file untouched', async () => {
    const { dataDir, file } = await realDatabase(3)
    await rawExec(
      file,
      "INSERT INTO schema_migrations (name, applied_at) VALUES ('9999-future', '2030-01-01T00:00:00.000Z')",
    )
    const before = fingerprint(dataDir)
    const e = await openError(createServiceContainer({ dataDir }))
    expect(e.problem).toBe('tooNew')
    expect(e.location).toBe(file)
    expect(e.detail).toContain('9999-future')
    expect(fingerprint(dataDir)).toEqual(before)
  })

  it('leaves a newer database in rollback-journal mode untouched too (no switch to WAL first)', async () => {
    const dataDir = dir()
    const file = join(dataDir, DATABASE_FILE_NAME)
    await rawExec(
      file,
      `PRAGMA journal_mode = DELETE;
       CREATE TABLE schema_migrations (name VARCHAR(255) PRIMARY KEY, applied_at VARCHAR(32) NOT NULL);
       INSERT INTO schema_migrations VALUES ('0001-initial', '2026-01-01'), ('0002-from-the-future', '2030-01-01');
       CREATE TABLE residents (id INTEGER PRIMARY KEY, name TEXT);`,
    )
    const before = fingerprint(dataDir)
    const e = await openError(createServiceContainer({ dataDir }))
    expect(e.problem).toBe('tooNew')
    expect(fingerprint(dataDir)).toEqual(before)
  })

  it('refuses a SQLite file of another program rather than adding our tables to it', async () => {
    const dataDir = dir()
    const file = join(dataDir, DATABASE_FILE_NAME)
    await rawExec(
      file,
      "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES ('x');",
    )
    const before = fingerprint(dataDir)
    const e = await openError(createServiceContainer({ dataDir }))
    expect(e.problem).toBe('notDatabase')
    expect(fingerprint(dataDir)).toEqual(before)
  })

  it('rolls back a migration that fails half-way: no half-applied tables, nothing recorded', async () => {
    const { file } = await realDatabase()
    const sequelize = await openDatabase({ dialect: 'sqlite', file })
    cleanup.push(() => sequelize.close())
    const ok: Migration = {
      name: '0002-ok',
      up: async ({ queryInterface, transaction }) => {
        await queryInterface.createTable('first_ok', { id: { type: 'INTEGER', primaryKey: true } }, { transaction })
      },
      down: async () => undefined,
    }
    const broken: Migration = {
      name: '0003-broken',
      up: async ({ sequelize: sq, queryInterface, transaction }) => {
        await queryInterface.createTable('half_a', { id: { type: 'INTEGER', primaryKey: true } }, { transaction })
        await sq.query('INSERT INTO half_a (id) VALUES (1)', { transaction })
        await queryInterface.addColumn('residents', 'half_column', { type: 'TEXT' }, { transaction })
        throw new Error('boom half-way')
      },
      down: async () => undefined,
    }
    const e = await openError(migrate(sequelize, { location: file, migrations: [...migrations, ok, broken] }))
    expect(e.problem).toBe('migrationFailed')
    expect(e.detail).toContain('boom half-way')
    const tables = (await sequelize.query("SELECT name FROM sqlite_master WHERE name IN ('first_ok', 'half_a')", {
      type: 'SELECT' as never,
    })) as unknown[]
    expect(tables).toEqual([])
    const columns = (await sequelize.query(
      "SELECT name FROM pragma_table_info('residents') WHERE name = 'half_column'",
      { type: 'SELECT' as never },
    )) as unknown[]
    expect(columns).toEqual([])
    expect(await appliedMigrations(sequelize)).toEqual(ALL_MIGRATIONS)
  })

  it('rolls back a failing first migration on a new file: no tables at all', async () => {
    const file = join(dir(), 'new.sqlite3')
    const sequelize = await openDatabase({ dialect: 'sqlite', file })
    cleanup.push(() => sequelize.close())
    const broken: Migration = {
      name: '0001-broken',
      up: async ({ queryInterface, transaction }) => {
        await queryInterface.createTable('half_a', { id: { type: 'INTEGER', primaryKey: true } }, { transaction })
        await queryInterface.createTable('half_b', { id: { type: 'INTEGER', primaryKey: true } }, { transaction })
        throw new Error('boom')
      },
      down: async () => undefined,
    }
    expect((await openError(migrate(sequelize, { location: file, migrations: [broken] }))).problem).toBe(
      'migrationFailed',
    )
    const tables = (await sequelize.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'half%'", {
      type: 'SELECT' as never,
    })) as unknown[]
    expect(tables).toEqual([])
    expect(await appliedMigrations(sequelize)).toEqual([])
  })
})

describe('files that cannot be opened', () => {
  it('refuses a file that is not a database and leaves it untouched', async () => {
    const dataDir = dir()
    const file = join(dataDir, DATABASE_FILE_NAME)
    const garbage = Buffer.alloc(8192)
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256
    writeFileSync(file, garbage)
    const before = fingerprint(dataDir)
    const e = await openError(createServiceContainer({ dataDir }))
    expect(e.problem).toBe('notDatabase')
    expect(e.location).toBe(file)
    expect(fingerprint(dataDir)).toEqual(before)
  })

  it('refuses a short text file too', async () => {
    const dataDir = dir()
    writeFileSync(join(dataDir, DATABASE_FILE_NAME), '姓名,身份证号\n张三,11010519491231002X\n')
    const before = fingerprint(dataDir)
    expect((await openError(createServiceContainer({ dataDir }))).problem).toBe('notDatabase')
    expect(fingerprint(dataDir)).toEqual(before)
  })

  it('never replaces a truncated database with an empty one', async () => {
    const { dataDir, file } = await realDatabase(60)
    const size = statSync(file).size
    expect(size).toBeGreaterThan(100_000)
    truncateSync(file, Math.floor(size / 2))
    const before = fingerprint(dataDir)
    const e = await openError(createServiceContainer({ dataDir }))
    expect(['corrupt', 'notDatabase']).toContain(e.problem)
    expect(fingerprint(dataDir)).toEqual(before)
  })

  it('treats a zero-byte file as a new database', async () => {
    // SQLite itself treats an empty file as an empty database (it writes the header on the first
    // write), and an empty file holds no data to lose: an interrupted first start leaves one.
    const dataDir = dir()
    const file = join(dataDir, DATABASE_FILE_NAME)
    writeFileSync(file, '')
    const t = await container(dataDir)
    expect(await appliedMigrations(t.services.sequelize)).toEqual(ALL_MIGRATIONS)
    expect(statSync(file).size).toBeGreaterThan(0)
  })

  it('reports a database another program holds an exclusive lock on as locked', async () => {
    const { dataDir, file } = await realDatabase()
    const holder = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(db)))
    })
    cleanup.push(() => new Promise<void>((resolve) => holder.close(() => resolve())))
    await new Promise<void>((resolve, reject) =>
      holder.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE held (x INTEGER);', (e) =>
        e ? reject(e) : resolve(),
      ),
    )
    const e = await openError(createServiceContainer({ dataDir }))
    expect(e.problem).toBe('locked')
    // One busy timeout, not Sequelize's five retries of it.
  }, 30_000)
})

describe('connection settings', () => {
  async function pragma(t: TempContainer, name: string, transaction?: unknown): Promise<unknown> {
    const rows = (await t.services.sequelize.query(`PRAGMA ${name}`, {
      type: 'SELECT' as never,
      transaction: transaction as never,
    })) as unknown as Array<Record<string, unknown>>
    return Object.values(rows[0] ?? {})[0]
  }

  it('uses WAL, foreign keys, a busy timeout and synchronous NORMAL on the default connection and inside a transaction', async () => {
    const t = await container()
    expect(await pragma(t, 'journal_mode')).toBe('wal')
    expect(await pragma(t, 'foreign_keys')).toBe(1)
    expect(await pragma(t, 'busy_timeout')).toBeGreaterThanOrEqual(1000)
    expect(await pragma(t, 'synchronous')).toBe(1) // NORMAL
    await t.services.sequelize.transaction(async (transaction) => {
      expect(await pragma(t, 'journal_mode', transaction)).toBe('wal')
      expect(await pragma(t, 'foreign_keys', transaction)).toBe(1)
      expect(await pragma(t, 'busy_timeout', transaction)).toBeGreaterThanOrEqual(1000)
      expect(await pragma(t, 'synchronous', transaction)).toBe(1)
    })
  })

  it('enforces foreign keys inside a transaction', async () => {
    const t = await container()
    const insert = t.services.sequelize.transaction((transaction) =>
      t.services.sequelize.query(
        "INSERT INTO households (place_id, created_at, updated_at) VALUES (9999, '2026-01-01', '2026-01-01')",
        { transaction },
      ),
    )
    await expect(insert).rejects.toThrow(/FOREIGN KEY/)
    await expect(
      t.services.sequelize.query(
        "INSERT INTO households (place_id, created_at, updated_at) VALUES (9999, '2026-01-01', '2026-01-01')",
      ),
    ).rejects.toThrow(/FOREIGN KEY/)
  })
})

describe('many writes at once', () => {
  let t: TempContainer | undefined
  afterEach(async () => {
    await t?.dispose()
    t = undefined
  })

  // sqlite3 runs statements on four pool threads; transactions waiting in SQLite for the write lock
  // used to occupy all of them, so the one holding the lock could not commit (SQLITE_BUSY for all).
  it('lands forty concurrent writes, each with its audit row, without a busy error', async () => {
    t = await tempContainer()
    const s = t.services
    const admin = await setupAdmin(s)
    const names = Array.from({ length: 40 }, (_, i) => `并发${String(i).padStart(2, '0')}`)
    const results = await Promise.allSettled(names.map((name) => s.residents.create(admin, residentInput({ name }))))
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    const [rows] = await s.sequelize.query("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'resident'")
    expect(Number((rows as Array<{ n: number }>)[0]!.n)).toBe(40)
  })
})

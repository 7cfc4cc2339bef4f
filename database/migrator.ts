/**
 * Runs pending migrations with umzug, all in one transaction: a failure part-way leaves the file as
 * it was. A database that has migrations this build does not know was written by a newer version
 * of the app and is refused (never "downgraded").
 */
import { Umzug, type UmzugStorage } from 'umzug'
import type { Sequelize, Transaction } from 'sequelize'
import { migrations as allMigrations, type Migration, type MigrationContext } from './migrations'
import { DatabaseOpenError, isSqlite } from './connection'
import { prepareSqliteForWrites } from './sqlite-specific'

const META_TABLE = 'schema_migrations'

/** umzug's SequelizeStorage writes outside our transaction; this one writes inside it. */
class TransactionalStorage implements UmzugStorage<MigrationContext> {
  constructor(private readonly sequelize: Sequelize) {}

  async ensureTable(transaction: Transaction): Promise<void> {
    await this.sequelize.query(
      `CREATE TABLE IF NOT EXISTS ${META_TABLE} (name VARCHAR(255) PRIMARY KEY, applied_at VARCHAR(32) NOT NULL)`,
      { transaction },
    )
  }
  async executed({ context }: { context: MigrationContext }): Promise<string[]> {
    await this.ensureTable(context.transaction)
    const [rows] = await this.sequelize.query(`SELECT name FROM ${META_TABLE} ORDER BY name`, {
      transaction: context.transaction,
    })
    return (rows as Array<{ name: string }>).map((r) => r.name)
  }
  async logMigration({ name, context }: { name: string; context: MigrationContext }): Promise<void> {
    await this.sequelize.query(`INSERT INTO ${META_TABLE} (name, applied_at) VALUES (:name, :at)`, {
      replacements: { name, at: new Date().toISOString() },
      transaction: context.transaction,
    })
  }
  async unlogMigration({ name, context }: { name: string; context: MigrationContext }): Promise<void> {
    await this.sequelize.query(`DELETE FROM ${META_TABLE} WHERE name = :name`, {
      replacements: { name },
      transaction: context.transaction,
    })
  }
}

function makeUmzug(sequelize: Sequelize, transaction: Transaction, list: readonly Migration[]) {
  const context: MigrationContext = { sequelize, queryInterface: sequelize.getQueryInterface(), transaction }
  return new Umzug<MigrationContext>({
    migrations: list.map((m) => ({ name: m.name, up: () => m.up(context), down: () => m.down(context) })),
    context,
    storage: new TransactionalStorage(sequelize),
    logger: undefined,
  })
}

export interface MigrationReport {
  applied: string[]
  current: string
}

async function tableNames(sequelize: Sequelize): Promise<string[]> {
  const tables = (await sequelize.getQueryInterface().showAllTables({ retry: { max: 1 } } as never)) as Array<
    string | { tableName: string }
  >
  return tables.map((t) => (typeof t === 'string' ? t : t.tableName))
}

/** Names applied to this database, read without writing anything (no table yet: none). */
export async function appliedMigrations(sequelize: Sequelize): Promise<string[]> {
  if (!(await tableNames(sequelize)).includes(META_TABLE)) return []
  const [rows] = await sequelize.query(`SELECT name FROM ${META_TABLE} ORDER BY name`)
  return (rows as Array<{ name: string }>).map((r) => r.name)
}

/**
 * Brings the schema up to date. Before anything is written, the file must be ours and not newer
 * than this build: a refused file is left exactly as it was found. `beforeMigrate` runs only when
 * something is pending on a database that already has a schema: the container passes a snapshot
 * (backup) function there.
 */
export async function migrate(
  sequelize: Sequelize,
  options: {
    location: string
    migrations?: readonly Migration[]
    beforeMigrate?: (pending: string[]) => Promise<void>
  },
): Promise<MigrationReport> {
  const list = options.migrations ?? allMigrations
  const known = new Set(list.map((m) => m.name))
  const tables = await tableNames(sequelize)
  if (!tables.includes(META_TABLE) && tables.some((t) => !t.startsWith('sqlite_'))) {
    // Tables but no migration record: another program's database. Adding ours to it would mix
    // two programs' data in one file.
    throw new DatabaseOpenError('notDatabase', options.location, `no ${META_TABLE} table`)
  }
  const executed = await appliedMigrations(sequelize)
  const unknown = executed.filter((name) => !known.has(name))
  if (unknown.length > 0) throw new DatabaseOpenError('tooNew', options.location, unknown.join(', '))
  if (isSqlite(sequelize)) await prepareSqliteForWrites(sequelize)
  const pending = list.map((m) => m.name).filter((name) => !executed.includes(name))
  if (pending.length > 0 && options.beforeMigrate && executed.length > 0) await options.beforeMigrate(pending)
  let applied: string[] = []
  if (pending.length > 0) {
    try {
      // The migration record's table is created inside this transaction too: a failed first start
      // leaves an empty file, not one that looks half-ours.
      applied = await sequelize.transaction(async (t) => {
        const done = await makeUmzug(sequelize, t, list).up()
        return done.map((m) => m.name)
      })
    } catch (error) {
      throw new DatabaseOpenError('migrationFailed', options.location, (error as Error).message)
    }
  }
  return { applied, current: list[list.length - 1]?.name ?? '' }
}

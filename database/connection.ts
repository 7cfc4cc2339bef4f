/**
 * Opens the station's database. SQLite by default (one file in the data folder); the same models
 * run on PostgreSQL when `STATION_DATABASE_URL` points at a server (several counters, a street
 * office). Any problem opening the file becomes a {@link DatabaseOpenError}, which the shell shows
 * in a window with the path and what to do: never a blank window, never a fresh empty database.
 */
import { Sequelize, Transaction } from 'sequelize'
import sqlite3 from 'sqlite3'
import {
  applySqliteConnectionSettings,
  serialiseWriteTransactions,
  checkSqliteFile,
  checkSqliteHeader,
  classifySqliteError,
  type SqliteFileProblem,
} from './sqlite-specific'

export type DatabaseProblem = SqliteFileProblem | 'tooNew' | 'migrationFailed'

export class DatabaseOpenError extends Error {
  constructor(
    readonly problem: DatabaseProblem,
    readonly location: string,
    readonly detail?: string,
  ) {
    super(`database ${problem}: ${location}${detail ? ` (${detail})` : ''}`)
    this.name = 'DatabaseOpenError'
  }
}

export type DatabaseConfig = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string }

export async function openDatabase(config: DatabaseConfig): Promise<Sequelize> {
  if (config.dialect === 'postgres') {
    const sequelize = new Sequelize(config.url, { dialect: 'postgres', logging: false })
    await sequelize.authenticate()
    return sequelize
  }
  const headerProblem = checkSqliteHeader(config.file)
  if (headerProblem) throw new DatabaseOpenError(headerProblem, config.file)
  const sequelize = new Sequelize({
    dialect: 'sqlite',
    dialectModule: sqlite3,
    storage: config.file,
    logging: false,
    // Sequelize's default pool would open several handles; SQLite wants one writer.
    pool: { max: 1, min: 0, idle: 10_000 },
    transactionType: Transaction.TYPES.IMMEDIATE,
  })
  applySqliteConnectionSettings(sequelize)
  serialiseWriteTransactions(sequelize)
  try {
    // Read-only here: WAL is switched on by the migrator once it has accepted the file.
    const problem = await checkSqliteFile(sequelize)
    if (problem) throw new DatabaseOpenError(problem, config.file)
  } catch (error) {
    await sequelize.close().catch(() => undefined)
    if (error instanceof DatabaseOpenError) throw error
    throw new DatabaseOpenError(classifySqliteError(error), config.file, String((error as Error).message))
  }
  return sequelize
}

export function isSqlite(sequelize: Sequelize): boolean {
  return sequelize.getDialect() === 'sqlite'
}

/**
 * The service container: opens the database, migrates it (after a snapshot), builds every
 * service once, and closes them in order. Plain Node, no `electron` import: the Electron main
 * process, the tests, the end-to-end harness and the benchmark all build the app through this.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Sequelize } from 'sequelize'
import { openDatabase, isSqlite, type DatabaseConfig } from '../../database/connection'
import { migrate } from '../../database/migrator'
import { defineModels, type Models } from '../../database/models'
import { snapshotTo } from '../../database/sqlite-specific'
import { createAuditService } from './audit-service'
import { createAuthService } from './auth-service'
import { createHouseholdService } from './household-service'
import { createPlaceService } from './place-service'
import { createResidentService, type ResidentService } from './resident-service'
import { createSessionStore } from './session-store'
import { createSettingsService } from './settings-service'
import { createTagService } from './tag-service'

export const DATABASE_FILE_NAME = 'station.sqlite3'

export interface ContainerOptions {
  /** The folder that holds the database file and its backups. */
  dataDir: string
  /** A PostgreSQL URL instead of the SQLite file (several counters on one server). */
  databaseUrl?: string
  appVersion?: string
  /** Injected clock, so lockout and "today" are testable. */
  now?: () => Date
}

export async function createServiceContainer(options: ContainerOptions) {
  const now = options.now ?? (() => new Date())
  mkdirSync(options.dataDir, { recursive: true })
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME)
  const config: DatabaseConfig = options.databaseUrl
    ? { dialect: 'postgres', url: options.databaseUrl }
    : { dialect: 'sqlite', file: databaseFile }
  const location = options.databaseUrl ? options.databaseUrl.replace(/\/\/[^@]*@/, '//***@') : databaseFile
  const sequelize: Sequelize = await openDatabase(config)
  let report
  try {
    report = await migrate(sequelize, {
      location,
      beforeMigrate: async (pending) => {
        if (!isSqlite(sequelize)) return
        const backupDir = join(options.dataDir, 'backups')
        mkdirSync(backupDir, { recursive: true })
        const stamp = new Date().toISOString().replace(/[:.]/g, '-')
        await snapshotTo(sequelize, join(backupDir, `before-${pending[0]}-${stamp}.sqlite3`))
      },
    })
  } catch (error) {
    await sequelize.close().catch(() => undefined)
    throw error
  }

  const models: Models = defineModels(sequelize)
  const audit = createAuditService(models, now)
  const sessions = createSessionStore()
  const settings = createSettingsService(models, audit)
  const auth = createAuthService({ models, audit, sessions, settings, now })
  const tags = createTagService(models, audit)
  // Places and residents depend on each other: a renamed place re-indexes its residents' addresses.
  let residentsRef: ResidentService | null = null
  const places = createPlaceService({
    sequelize,
    models,
    audit,
    onAddressesChanged: (path, transaction) => residentsRef!.reindexUnderPlace(path, transaction),
  })
  const residents = createResidentService({ sequelize, models, audit, places, now })
  residentsRef = residents
  const households = createHouseholdService({ sequelize, models, audit, places, residents, now })
  try {
    await tags.seedDefaults()
  } catch (error) {
    await sequelize.close().catch(() => undefined)
    throw error
  }

  return {
    sequelize,
    models,
    audit,
    sessions,
    settings,
    auth,
    tags,
    places,
    households,
    residents,
    info: {
      version: options.appVersion ?? '0.0.0',
      dataDir: options.dataDir,
      databaseFile: location,
      schemaVersion: report.current,
    },
    now,
    async close(): Promise<void> {
      await sequelize.close()
    },
  }
}

export type ServiceContainer = Awaited<ReturnType<typeof createServiceContainer>>

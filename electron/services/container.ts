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
import { createAuditService } from './audit-service'
import { createBackupService } from './backup-service'
import { createBackupAdmin } from './backups/backup-admin'
import type { BackupHost } from './backups/backup-host'
import { swapInPendingRestore } from './backups/restore-swap'
import { migrations as knownMigrations } from '../../database/migrations'
import { createAuthService } from './auth-service'
import { createHouseholdService } from './household-service'
import { createPlaceService } from './place-service'
import { createResidentService, type ResidentService } from './resident-service'
import { createSessionStore } from './session-store'
import { createSettingsService } from './settings-service'
import { createTagService } from './tag-service'
import { createNoticeService } from './notice-service'
import type { PrintHost } from './printing/print-engine'
import { createPrintService } from './printing/print-service'
import { createComplianceService } from './party/compliance-service'
import { createMeetingService } from './party/meeting-service'
import { createOrganisationService } from './party/organisation-service'
import { registerPartyPrintables } from './party/party-printables'
import { createExportService } from './exports/export-service'
import { registerListExporters } from './exports/list-exporters'
import { createImportService } from './imports/import-service'
import type { ModuleDeps } from './module-deps'
import { createProgrammeServices } from './programmes'
import { createRatingService } from './ratings/rating-service'
import { createHomeVisitService } from './home-visits/home-visit-service'
import { registerRatingPrintables } from './ratings/rating-printables'
import { createVisitServices } from './visits'

export const DATABASE_FILE_NAME = 'station.sqlite3'

export interface ContainerOptions {
  /** The folder that holds the database file and its backups. */
  dataDir: string
  /** A PostgreSQL URL instead of the SQLite file (several counters on one server). */
  databaseUrl?: string
  appVersion?: string
  /** Injected clock, so lockout and "today" are testable. */
  now?: () => Date
  /** Daily backups kept in the data folder's `backups` (default 30). */
  keepDailyBackups?: number
  /** The print engine and save dialog (Electron's, or Chromium's in the tests); none: no printing. */
  print?: PrintHost
  /** The folder and file dialogs and the restart, for manual backups and restore; none: neither. */
  backupHost?: BackupHost
}

export async function createServiceContainer(options: ContainerOptions) {
  const now = options.now ?? (() => new Date())
  mkdirSync(options.dataDir, { recursive: true })
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME)
  const config: DatabaseConfig = options.databaseUrl
    ? { dialect: 'postgres', url: options.databaseUrl }
    : { dialect: 'sqlite', file: databaseFile }
  const location = options.databaseUrl ? options.databaseUrl.replace(/\/\/[^@]*@/, '//***@') : databaseFile
  // A restore staged before the last restart is swapped in now, before the file is opened.
  const swap = options.databaseUrl ? null : swapInPendingRestore(options.dataDir, databaseFile, now)
  const openAndMigrate = async () => {
    const sequelize: Sequelize = await openDatabase(config)
    const backups = createBackupService({
      sequelize,
      dataDir: options.dataDir,
      now,
      keepDaily: options.keepDailyBackups,
    })
    try {
      const report = await migrate(sequelize, {
        location,
        // A checked snapshot before any schema change; if it cannot be taken, nothing is migrated.
        beforeMigrate: async () => {
          if (isSqlite(sequelize)) await backups.create('migration')
        },
      })
      return { sequelize, backups, report }
    } catch (error) {
      await sequelize.close().catch(() => undefined)
      throw error
    }
  }
  let opened: Awaited<ReturnType<typeof openAndMigrate>>
  let restored = false
  try {
    opened = await openAndMigrate()
    restored = swap !== null
  } catch (error) {
    if (!swap) throw error
    // The restored file would not open: the previous database goes back and stays in use.
    swap.rollback((error as { problem?: string }).problem ?? 'unreadable')
    opened = await openAndMigrate()
  }
  if (restored) swap?.commit()
  const { sequelize, backups, report } = opened

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
  const notices = createNoticeService({ models, audit, settings, now })
  const printing = createPrintService({ models, settings, notices, host: options.print ?? null, now })
  const organisation = createOrganisationService({ sequelize, models, audit, now })
  const meetings = createMeetingService({ sequelize, models, audit, notices, settings, now })
  const compliance = createComplianceService({ sequelize, models, audit, now })
  registerPartyPrintables({ printing, meetings, organisation, settings, models })
  const deps: ModuleDeps = {
    sequelize,
    models,
    audit,
    settings,
    places,
    residents,
    tags,
    notices,
    printing,
    backups,
    dataDir: options.dataDir,
    now,
  }
  const imports = createImportService(deps)
  const exports = createExportService(deps)
  const programmes = createProgrammeServices(deps)
  registerListExporters(exports, { models, residents, organisation, meetings, notices, printing, programmes })
  const visits = createVisitServices(deps)
  const ratings = createRatingService(deps)
  const homeVisits = createHomeVisitService(deps)
  registerRatingPrintables({ printing, ratings, settings })
  const backupAdmin = createBackupAdmin({
    sequelize,
    models,
    audit,
    settings,
    backups,
    dataDir: options.dataDir,
    migrations: knownMigrations.map((m) => m.name),
    host: options.backupHost ?? null,
    now,
  })
  try {
    await tags.seedDefaults()
    await notices.seedTemplates()
    await ratings.seedCriteria()
    if (options.keepDailyBackups === undefined) await backupAdmin.loadKeepDaily()
    // The restored data's own log says when and from which file it came back.
    if (restored && swap) {
      await audit.record(
        { actor: null, channel: 'backups:restore' },
        { action: 'restored', entity: 'backup', entityId: swap.marker.fileName, after: swap.marker },
      )
    }
  } catch (error) {
    await sequelize.close().catch(() => undefined)
    throw error
  }
  // The day's first start takes the daily backup. A failure (a full disk) must not keep the
  // counter from working: it is kept here for the shell to log and, later, to show.
  let dailyBackupError: unknown = null
  try {
    if (isSqlite(sequelize)) await backups.ensureDaily()
  } catch (error) {
    dailyBackupError = error
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
    notices,
    printing,
    organisation,
    meetings,
    compliance,
    backups,
    backupAdmin,
    imports,
    exports,
    programmes,
    visits,
    ratings,
    homeVisits,
    dailyBackupError,
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

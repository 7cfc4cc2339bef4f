/**
 * What a module's services may use from the core: one bag, so a new module wires itself in
 * container.ts with one line and picks what it needs.
 */
import type { Sequelize } from 'sequelize'
import type { Models } from '../../database/models'
import type { AuditService } from './audit-service'
import type { BackupService } from './backup-service'
import type { NoticeService } from './notice-service'
import type { PlaceService } from './place-service'
import type { PrintService } from './printing/print-service'
import type { ResidentService } from './resident-service'
import type { SettingsService } from './settings-service'
import type { TagService } from './tag-service'

export interface ModuleDeps {
  sequelize: Sequelize
  models: Models
  audit: AuditService
  settings: SettingsService
  places: PlaceService
  residents: ResidentService
  tags: TagService
  notices: NoticeService
  printing: PrintService
  backups: BackupService
  /** The folder holding the database file and its backups. */
  dataDir: string
  now: () => Date
}

/**
 * Sequelize models, defined per connection (a factory, not module-level classes) so that tests and
 * the benchmark can hold several databases open in one process. Tables are created by migrations
 * only; these definitions must match them.
 */
import { defineNoticeModels, type NoticeModels } from './notices'
export type { NoticeModel, NoticeTemplateModel, PrintJobModel } from './notices'
import { definePartyModels, type PartyModels } from './party'
import { defineProgrammeModels, type ProgrammeModels } from './programmes'
import { defineRatingModels, type RatingModels } from './ratings'
import { defineHomeVisitModels, type HomeVisitModels } from './home-visits'
import { defineVisitModels, type VisitModels } from './visits'
export type * from './party'
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize'

type Creation<T extends object, K extends keyof T> = Optional<T, K>
type Row<T extends object, K extends keyof T> = Model<T, Creation<T, K>> & T

export interface AccountRow {
  id: number
  username: string
  displayName: string
  role: 'admin' | 'staff' | 'secretary' | 'coordinator'
  passwordHash: string
  passwordSalt: string
  failedAttempts: number
  lockedUntil: Date | null
  active: boolean
  /** The password was given by an administrator: nothing but replacing it until it is. */
  mustChangePassword: boolean
  /** JSON array of grid place ids the account is limited to; null: every grid. */
  gridScope: string | null
  createdAt: Date
  updatedAt: Date
}

export interface AuditRow {
  id: number
  at: Date
  accountId: number | null
  channel: string
  action: string
  entity: string
  entityId: string | null
  before: string | null
  after: string | null
}

export interface SettingRow {
  key: string
  value: string
}

export interface PlaceRow {
  id: number
  parentId: number | null
  kind: string
  name: string
  sort: number
  /** Materialised path of ids, `/1/4/9/`, so a subtree is one indexed prefix query. */
  path: string
  archivedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export interface HouseholdRow {
  id: number
  placeId: number
  headResidentId: number | null
  archivedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export interface ResidentRow {
  id: number
  name: string
  namePinyin: string
  nameInitials: string
  gender: 'M' | 'F' | null
  idNumber: string | null
  birthDate: string | null
  ethnicity: string | null
  mobile: string | null
  landline: string | null
  hukouAddress: string | null
  politicalStatus: string | null
  householdId: number | null
  relationToHead: string | null
  notes: string | null
  archivedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export interface TagRow {
  id: number
  name: string
  sensitive: boolean
  sort: number
  archivedAt: Date | null
}

export interface ResidentTagRow {
  residentId: number
  tagId: number
}

export type AccountModel = Row<
  AccountRow,
  'id' | 'failedAttempts' | 'lockedUntil' | 'active' | 'mustChangePassword' | 'gridScope' | 'createdAt' | 'updatedAt'
>
export type AuditModel = Row<AuditRow, 'id' | 'at' | 'accountId' | 'entityId' | 'before' | 'after'>
export type SettingModel = Row<SettingRow, never>
export type PlaceModel = Row<PlaceRow, 'id' | 'sort' | 'path' | 'archivedAt' | 'createdAt' | 'updatedAt'>
export type HouseholdModel = Row<HouseholdRow, 'id' | 'headResidentId' | 'archivedAt' | 'createdAt' | 'updatedAt'>
export type ResidentModel = Row<
  ResidentRow,
  | 'id'
  | 'gender'
  | 'idNumber'
  | 'birthDate'
  | 'ethnicity'
  | 'mobile'
  | 'landline'
  | 'hukouAddress'
  | 'politicalStatus'
  | 'householdId'
  | 'relationToHead'
  | 'notes'
  | 'archivedAt'
  | 'createdAt'
  | 'updatedAt'
>
export type TagModel = Row<TagRow, 'id' | 'sensitive' | 'sort' | 'archivedAt'>
export type ResidentTagModel = Row<ResidentTagRow, never>

export interface Models extends NoticeModels, PartyModels, ProgrammeModels, VisitModels, RatingModels, HomeVisitModels {
  sequelize: Sequelize
  Account: ModelStatic<AccountModel>
  Audit: ModelStatic<AuditModel>
  Setting: ModelStatic<SettingModel>
  Place: ModelStatic<PlaceModel>
  Household: ModelStatic<HouseholdModel>
  Resident: ModelStatic<ResidentModel>
  Tag: ModelStatic<TagModel>
  ResidentTag: ModelStatic<ResidentTagModel>
}

const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }
const archivedAt = { type: DataTypes.DATE, allowNull: true }
const common = { underscored: true }

export function defineModels(sequelize: Sequelize): Models {
  const Account = sequelize.define<AccountModel>(
    'Account',
    {
      id,
      username: { type: DataTypes.STRING(32), allowNull: false, unique: true },
      displayName: { type: DataTypes.STRING(32), allowNull: false },
      role: { type: DataTypes.STRING(16), allowNull: false },
      passwordHash: { type: DataTypes.STRING(256), allowNull: false },
      passwordSalt: { type: DataTypes.STRING(64), allowNull: false },
      failedAttempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      lockedUntil: { type: DataTypes.DATE, allowNull: true },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      mustChangePassword: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      gridScope: { type: DataTypes.TEXT, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { ...common, tableName: 'accounts' },
  )

  const Audit = sequelize.define<AuditModel>(
    'Audit',
    {
      id,
      at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
      accountId: { type: DataTypes.INTEGER, allowNull: true },
      channel: { type: DataTypes.STRING(64), allowNull: false },
      action: { type: DataTypes.STRING(32), allowNull: false },
      entity: { type: DataTypes.STRING(32), allowNull: false },
      entityId: { type: DataTypes.STRING(40), allowNull: true },
      before: { type: DataTypes.TEXT, allowNull: true },
      after: { type: DataTypes.TEXT, allowNull: true },
    },
    { ...common, tableName: 'audit_log', timestamps: false },
  )

  const Setting = sequelize.define<SettingModel>(
    'Setting',
    { key: { type: DataTypes.STRING(64), primaryKey: true }, value: { type: DataTypes.TEXT, allowNull: false } },
    { ...common, tableName: 'settings', timestamps: false },
  )

  const Place = sequelize.define<PlaceModel>(
    'Place',
    {
      id,
      parentId: { type: DataTypes.INTEGER, allowNull: true },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      name: { type: DataTypes.STRING(40), allowNull: false },
      sort: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      path: { type: DataTypes.STRING(255), allowNull: false, defaultValue: '' },
      archivedAt,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { ...common, tableName: 'places' },
  )

  const Household = sequelize.define<HouseholdModel>(
    'Household',
    {
      id,
      placeId: { type: DataTypes.INTEGER, allowNull: false },
      headResidentId: { type: DataTypes.INTEGER, allowNull: true },
      archivedAt,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { ...common, tableName: 'households' },
  )

  const Resident = sequelize.define<ResidentModel>(
    'Resident',
    {
      id,
      name: { type: DataTypes.STRING(40), allowNull: false },
      namePinyin: { type: DataTypes.STRING(160), allowNull: false },
      nameInitials: { type: DataTypes.STRING(40), allowNull: false },
      gender: { type: DataTypes.STRING(1), allowNull: true },
      idNumber: { type: DataTypes.STRING(18), allowNull: true },
      birthDate: { type: DataTypes.DATEONLY, allowNull: true },
      ethnicity: { type: DataTypes.STRING(20), allowNull: true },
      mobile: { type: DataTypes.STRING(11), allowNull: true },
      landline: { type: DataTypes.STRING(24), allowNull: true },
      hukouAddress: { type: DataTypes.STRING(120), allowNull: true },
      politicalStatus: { type: DataTypes.STRING(20), allowNull: true },
      householdId: { type: DataTypes.INTEGER, allowNull: true },
      relationToHead: { type: DataTypes.STRING(20), allowNull: true },
      notes: { type: DataTypes.TEXT, allowNull: true },
      archivedAt,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { ...common, tableName: 'residents' },
  )

  const Tag = sequelize.define<TagModel>(
    'Tag',
    {
      id,
      name: { type: DataTypes.STRING(20), allowNull: false, unique: true },
      sensitive: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      sort: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      archivedAt,
    },
    { ...common, tableName: 'tags', timestamps: false },
  )

  const ResidentTag = sequelize.define<ResidentTagModel>(
    'ResidentTag',
    {
      residentId: { type: DataTypes.INTEGER, primaryKey: true },
      tagId: { type: DataTypes.INTEGER, primaryKey: true },
    },
    { ...common, tableName: 'resident_tags', timestamps: false },
  )

  return {
    sequelize,
    Account,
    Audit,
    Setting,
    Place,
    Household,
    Resident,
    Tag,
    ResidentTag,
    ...defineNoticeModels(sequelize),
    ...definePartyModels(sequelize),
    ...defineProgrammeModels(sequelize),
    ...defineVisitModels(sequelize),
    ...defineRatingModels(sequelize),
    ...defineHomeVisitModels(sequelize),
  }
}

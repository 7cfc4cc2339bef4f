/** Models of the visit tables (migration 0006): volunteers, people to visit, plans, visits, logs, points. */
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize'

type Row<T extends object, K extends keyof T> = Model<T, Optional<T, K>> & T
type Stamped = 'id' | 'createdAt' | 'updatedAt'

export interface VolunteerRow {
  id: number
  residentId: number | null
  name: string
  mobile: string | null
  /** JSON string[] */
  skills: string
  /** JSON string[] */
  dialects: string
  gridId: number | null
  /** JSON Array<{ weekday, from: 'HH:mm', to: 'HH:mm' }> */
  availability: string
  maxPerWeek: number
  status: 'active' | 'paused' | 'left'
  notes: string | null
  createdAt: Date
  updatedAt: Date
}
export interface VolunteerExceptionRow {
  id: number
  volunteerId: number
  fromAt: string
  toAt: string
  reason: string | null
}
export interface ServiceRecordRow {
  id: number
  volunteerId: number
  kind: 'visit' | 'service' | 'training' | 'commendation'
  date: string
  hours: number | string
  title: string
  visitId: number | null
  createdAt: Date
  accountId: number | null
}
export interface VisitPersonRow {
  id: number
  residentId: number
  tier: 'high' | 'key' | 'general'
  /** JSON Array<{ weekday?, from: 'HH:mm', to: 'HH:mm' }> */
  preferredWindows: string
  riskNotes: string | null
  /** JSON number[] */
  usualVolunteerIds: string
  active: boolean
  createdAt: Date
  updatedAt: Date
}
export interface MajorChangeRow {
  id: number
  personId: number
  at: string
  kind: string
  note: string | null
  createdAt: Date
  accountId: number | null
}
export interface VisitPlanRow {
  id: number
  periodFrom: string
  periodTo: string
  generatedAt: Date
  accountId: number | null
  stats: string
  unassigned: string
}
export type VisitStatus = 'planned' | 'confirmed' | 'done' | 'missed' | 'moved'
export interface VisitRow {
  id: number
  planId: number | null
  personId: number
  kind: 'regular' | 'urgent'
  startAt: string
  endAt: string
  windowFrom: string | null
  windowTo: string | null
  status: VisitStatus
  createdAt: Date
  updatedAt: Date
}
export interface VisitVolunteerRow {
  visitId: number
  volunteerId: number
}
export interface VisitLogRow {
  id: number
  visitId: number
  outcome: 'done' | 'missed' | 'moved'
  durationMinutes: number | null
  health: string | null
  living: string | null
  needs: string | null
  loggedAt: Date
  accountId: number | null
}
export interface VisitFollowUpRow {
  id: number
  visitId: number
  personId: number
  text: string
  ownerAccountId: number | null
  dueDate: string
  closedAt: Date | null
  closedNote: string | null
  createdAt: Date
  updatedAt: Date
}
export interface CatalogueItemRow {
  id: number
  name: string
  cost: number
  active: boolean
  createdAt: Date
  updatedAt: Date
}
export interface PointsEntryRow {
  id: number
  volunteerId: number
  seq: number
  at: Date
  kind: 'earned' | 'redeemed' | 'adjusted'
  points: number
  balanceAfter: number
  reason: string
  visitId: number | null
  itemId: number | null
  accountId: number | null
}

export type VolunteerModel = Row<
  VolunteerRow,
  Stamped | 'residentId' | 'mobile' | 'gridId' | 'notes' | 'skills' | 'dialects'
>
export type VolunteerExceptionModel = Row<VolunteerExceptionRow, 'id' | 'reason'>
export type ServiceRecordModel = Row<ServiceRecordRow, 'id' | 'visitId' | 'accountId' | 'createdAt'>
export type VisitPersonModel = Row<VisitPersonRow, Stamped | 'riskNotes' | 'active'>
export type MajorChangeModel = Row<MajorChangeRow, 'id' | 'note' | 'accountId' | 'createdAt'>
export type VisitPlanModel = Row<VisitPlanRow, 'id' | 'accountId'>
export type VisitModel = Row<VisitRow, Stamped | 'planId' | 'windowFrom' | 'windowTo'>
export type VisitVolunteerModel = Row<VisitVolunteerRow, never>
export type VisitLogModel = Row<VisitLogRow, 'id' | 'durationMinutes' | 'health' | 'living' | 'needs' | 'accountId'>
export type VisitFollowUpModel = Row<VisitFollowUpRow, Stamped | 'ownerAccountId' | 'closedAt' | 'closedNote'>
export type CatalogueItemModel = Row<CatalogueItemRow, Stamped | 'active'>
export type PointsEntryModel = Row<PointsEntryRow, 'id' | 'visitId' | 'itemId' | 'accountId'>

export interface VisitModels {
  Volunteer: ModelStatic<VolunteerModel>
  VolunteerException: ModelStatic<VolunteerExceptionModel>
  ServiceRecord: ModelStatic<ServiceRecordModel>
  VisitPerson: ModelStatic<VisitPersonModel>
  MajorChange: ModelStatic<MajorChangeModel>
  VisitPlan: ModelStatic<VisitPlanModel>
  Visit: ModelStatic<VisitModel>
  VisitVolunteer: ModelStatic<VisitVolunteerModel>
  VisitLog: ModelStatic<VisitLogModel>
  VisitFollowUp: ModelStatic<VisitFollowUpModel>
  CatalogueItem: ModelStatic<CatalogueItemModel>
  PointsEntry: ModelStatic<PointsEntryModel>
}

const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }
const int = (allowNull = false) => ({ type: DataTypes.INTEGER, allowNull })
const str = (n: number, allowNull = true) => ({ type: DataTypes.STRING(n), allowNull })
const txt = (allowNull = false) => ({ type: DataTypes.TEXT, allowNull })
// Functions, not shared objects: Sequelize writes each attribute's column name into its definition.
const json = () => ({ type: DataTypes.TEXT, allowNull: false, defaultValue: '[]' })
const date = (allowNull = true) => ({ type: DataTypes.DATE, allowNull })
const stamps = () => ({ createdAt: date(false), updatedAt: date(false) })
const common = { underscored: true }
const appendOnly = { ...common, timestamps: false }

export function defineVisitModels(sequelize: Sequelize): VisitModels {
  return {
    Volunteer: sequelize.define<VolunteerModel>(
      'Volunteer',
      {
        id,
        residentId: int(true),
        name: str(40, false),
        mobile: str(11),
        skills: json(),
        dialects: json(),
        gridId: int(true),
        availability: json(),
        maxPerWeek: int(),
        status: str(8, false),
        notes: txt(true),
        ...stamps(),
      },
      { ...common, tableName: 'volunteers' },
    ),
    VolunteerException: sequelize.define<VolunteerExceptionModel>(
      'VolunteerException',
      { id, volunteerId: int(), fromAt: str(16, false), toAt: str(16, false), reason: str(80) },
      { ...appendOnly, tableName: 'volunteer_exceptions' },
    ),
    ServiceRecord: sequelize.define<ServiceRecordModel>(
      'ServiceRecord',
      {
        id,
        volunteerId: int(),
        kind: str(16, false),
        date: str(10, false),
        hours: { type: DataTypes.DECIMAL(6, 2), allowNull: false },
        title: str(120, false),
        visitId: int(true),
        createdAt: date(false),
        accountId: int(true),
      },
      { ...common, tableName: 'volunteer_service_records', updatedAt: false },
    ),
    VisitPerson: sequelize.define<VisitPersonModel>(
      'VisitPerson',
      {
        id,
        residentId: int(),
        tier: str(8, false),
        preferredWindows: json(),
        riskNotes: txt(true),
        usualVolunteerIds: json(),
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        ...stamps(),
      },
      { ...common, tableName: 'visit_people' },
    ),
    MajorChange: sequelize.define<MajorChangeModel>(
      'MajorChange',
      {
        id,
        personId: int(),
        at: str(16, false),
        kind: str(24, false),
        note: str(200),
        createdAt: date(false),
        accountId: int(true),
      },
      { ...common, tableName: 'visit_major_changes', updatedAt: false },
    ),
    VisitPlan: sequelize.define<VisitPlanModel>(
      'VisitPlan',
      {
        id,
        periodFrom: str(10, false),
        periodTo: str(10, false),
        generatedAt: date(false),
        accountId: int(true),
        stats: txt(),
        unassigned: txt(),
      },
      { ...appendOnly, tableName: 'visit_plans' },
    ),
    Visit: sequelize.define<VisitModel>(
      'Visit',
      {
        id,
        planId: int(true),
        personId: int(),
        kind: str(8, false),
        startAt: str(16, false),
        endAt: str(16, false),
        windowFrom: str(16),
        windowTo: str(16),
        status: str(10, false),
        ...stamps(),
      },
      { ...common, tableName: 'visits' },
    ),
    VisitVolunteer: sequelize.define<VisitVolunteerModel>(
      'VisitVolunteer',
      { visitId: { ...int(), primaryKey: true }, volunteerId: { ...int(), primaryKey: true } },
      { ...appendOnly, tableName: 'visit_volunteers' },
    ),
    VisitLog: sequelize.define<VisitLogModel>(
      'VisitLog',
      {
        id,
        visitId: int(),
        outcome: str(8, false),
        durationMinutes: int(true),
        health: str(500),
        living: str(500),
        needs: str(500),
        loggedAt: date(false),
        accountId: int(true),
      },
      { ...appendOnly, tableName: 'visit_logs' },
    ),
    VisitFollowUp: sequelize.define<VisitFollowUpModel>(
      'VisitFollowUp',
      {
        id,
        visitId: int(),
        personId: int(),
        text: str(300, false),
        ownerAccountId: int(true),
        dueDate: str(10, false),
        closedAt: date(),
        closedNote: str(200),
        ...stamps(),
      },
      { ...common, tableName: 'visit_follow_ups' },
    ),
    CatalogueItem: sequelize.define<CatalogueItemModel>(
      'CatalogueItem',
      {
        id,
        name: str(60, false),
        cost: int(),
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        ...stamps(),
      },
      { ...common, tableName: 'points_catalogue' },
    ),
    PointsEntry: sequelize.define<PointsEntryModel>(
      'PointsEntry',
      {
        id,
        volunteerId: int(),
        seq: int(),
        at: date(false),
        kind: str(10, false),
        points: int(),
        balanceAfter: int(),
        reason: str(200, false),
        visitId: int(true),
        itemId: int(true),
        accountId: int(true),
      },
      { ...appendOnly, tableName: 'points_ledger' },
    ),
  }
}

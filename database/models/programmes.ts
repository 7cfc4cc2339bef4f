/** Models of the programme tables (migration 0005): programmes, sessions, enrolments, contacts, attendance. */
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize'

type Row<T extends object, K extends keyof T> = Model<T, Optional<T, K>> & T

export interface ProgrammeRow {
  id: number
  name: string
  type: string
  customType: string | null
  organiserKind: string
  organiser: string
  place: string
  capacity: number
  ageMin: number | null
  ageMax: number | null
  /** JSON array of tag ids. */
  requiredTagIds: string
  feeMode: string
  feeCents: number | null
  /** JSON array of ISO weekdays (1 = Monday). */
  weekdays: string
  startTime: string
  endTime: string
  termStart: string
  termEnd: string
  notes: string | null
  archivedAt: Date | null
  createdAt: Date
  updatedAt: Date
}
export interface ProgrammeSessionRow {
  id: number
  programmeId: number
  date: string
  startTime: string
  endTime: string
  status: 'scheduled' | 'cancelled'
  origin: 'schedule' | 'added'
  note: string | null
  createdAt: Date
  updatedAt: Date
}
export interface EnrolmentRow {
  id: number
  programmeId: number
  residentId: number
  status: 'enrolled' | 'waiting' | 'left'
  requestedAt: Date
  enrolledAt: Date | null
  promotedAt: Date | null
  leftAt: Date | null
  leftReason: string | null
  overrideReason: string | null
  allergies: string | null
  medication: string | null
  notes: string | null
  createdAt: Date
  updatedAt: Date
}
export interface ProgrammeContactRow {
  id: number
  enrolmentId: number
  sort: number
  name: string
  relation: string
  phone: string | null
  guardian: boolean
  canPickUp: boolean
}
export interface ProgrammeAttendanceRow {
  sessionId: number
  enrolmentId: number
  status: string
  signedInAt: Date | null
  signedOutAt: Date | null
  pickedUpBy: string | null
  note: string | null
  recordedBy: number | null
  createdAt: Date
  updatedAt: Date
}

export type ProgrammeModel = Row<ProgrammeRow, 'id' | 'archivedAt' | 'createdAt' | 'updatedAt'>
export type ProgrammeSessionModel = Row<ProgrammeSessionRow, 'id' | 'note' | 'createdAt' | 'updatedAt'>
export type EnrolmentModel = Row<
  EnrolmentRow,
  'id' | 'enrolledAt' | 'promotedAt' | 'leftAt' | 'leftReason' | 'createdAt' | 'updatedAt'
>
export type ProgrammeContactModel = Row<ProgrammeContactRow, 'id'>
export type ProgrammeAttendanceModel = Row<
  ProgrammeAttendanceRow,
  'signedInAt' | 'signedOutAt' | 'pickedUpBy' | 'note' | 'recordedBy' | 'createdAt' | 'updatedAt'
>

export interface ProgrammeModels {
  Programme: ModelStatic<ProgrammeModel>
  ProgrammeSession: ModelStatic<ProgrammeSessionModel>
  Enrolment: ModelStatic<EnrolmentModel>
  ProgrammeContact: ModelStatic<ProgrammeContactModel>
  ProgrammeAttendance: ModelStatic<ProgrammeAttendanceModel>
}

const options = { underscored: true, timestamps: true }
const pk = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }
const str = (n: number, allowNull = true) => ({ type: DataTypes.STRING(n), allowNull })
const int = (allowNull = true) => ({ type: DataTypes.INTEGER, allowNull })
// A function, not a shared object: Sequelize writes each attribute's column name into its definition.
const date = () => ({ type: DataTypes.DATE, allowNull: true })

export function defineProgrammeModels(sequelize: Sequelize): ProgrammeModels {
  const Programme = sequelize.define<ProgrammeModel>(
    'Programme',
    {
      id: pk,
      name: str(60, false),
      type: str(20, false),
      customType: str(30),
      organiserKind: str(10, false),
      organiser: str(80, false),
      place: str(80, false),
      capacity: int(false),
      ageMin: int(),
      ageMax: int(),
      requiredTagIds: { type: DataTypes.TEXT, allowNull: false },
      feeMode: str(8, false),
      feeCents: int(),
      weekdays: str(20, false),
      startTime: str(5, false),
      endTime: str(5, false),
      termStart: str(10, false),
      termEnd: str(10, false),
      notes: str(500),
      archivedAt: date(),
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { ...options, tableName: 'programmes' },
  )
  const ProgrammeSession = sequelize.define<ProgrammeSessionModel>(
    'ProgrammeSession',
    {
      id: pk,
      programmeId: int(false),
      date: str(10, false),
      startTime: str(5, false),
      endTime: str(5, false),
      status: str(10, false),
      origin: str(10, false),
      note: str(100),
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { ...options, tableName: 'programme_sessions' },
  )
  const Enrolment = sequelize.define<EnrolmentModel>(
    'Enrolment',
    {
      id: pk,
      programmeId: int(false),
      residentId: int(false),
      status: str(10, false),
      requestedAt: { type: DataTypes.DATE, allowNull: false },
      enrolledAt: date(),
      promotedAt: date(),
      leftAt: date(),
      leftReason: str(200),
      overrideReason: str(200),
      allergies: str(300),
      medication: str(300),
      notes: str(300),
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { ...options, tableName: 'programme_enrolments' },
  )
  const ProgrammeContact = sequelize.define<ProgrammeContactModel>(
    'ProgrammeContact',
    {
      id: pk,
      enrolmentId: int(false),
      sort: int(false),
      name: str(40, false),
      relation: str(20, false),
      phone: str(20),
      guardian: { type: DataTypes.BOOLEAN, allowNull: false },
      canPickUp: { type: DataTypes.BOOLEAN, allowNull: false },
    },
    { ...options, timestamps: false, tableName: 'programme_contacts' },
  )
  const ProgrammeAttendance = sequelize.define<ProgrammeAttendanceModel>(
    'ProgrammeAttendance',
    {
      sessionId: { type: DataTypes.INTEGER, primaryKey: true },
      enrolmentId: { type: DataTypes.INTEGER, primaryKey: true },
      status: str(16, false),
      signedInAt: date(),
      signedOutAt: date(),
      pickedUpBy: str(40),
      note: str(100),
      recordedBy: int(),
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { ...options, tableName: 'programme_attendance' },
  )
  return { Programme, ProgrammeSession, Enrolment, ProgrammeContact, ProgrammeAttendance }
}

/** Models of the 送医上门 / 送法上门 tables (migration 0008). */
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize'

type Row<T extends object, K extends keyof T> = Model<T, Optional<T, K>> & T

export interface VisitProviderRow {
  id: number
  kind: 'doctor' | 'lawyer'
  name: string
  organisation: string | null
  phone: string | null
  archivedAt: Date | null
  createdAt: Date
  updatedAt: Date
}
export interface VisitSlotRow {
  id: number
  providerId: number
  startAt: string
  endAt: string
  createdAt: Date
  updatedAt: Date
}
export interface VisitBookingRow {
  id: number
  slotId: number
  residentId: number
  place: 'home' | 'station'
  reason: string | null
  status: 'booked' | 'done' | 'cancelled' | 'noShow'
  followUp: boolean
  outcome: string | null
  outcomeBy: number | null
  outcomeRole: string | null
  createdAt: Date
  updatedAt: Date
}

export type VisitProviderModel = Row<VisitProviderRow, 'id' | 'archivedAt' | 'createdAt' | 'updatedAt'>
export type VisitSlotModel = Row<VisitSlotRow, 'id' | 'createdAt' | 'updatedAt'>
export type VisitBookingModel = Row<
  VisitBookingRow,
  'id' | 'status' | 'followUp' | 'outcome' | 'outcomeBy' | 'outcomeRole' | 'createdAt' | 'updatedAt'
>

export interface HomeVisitModels {
  VisitProvider: ModelStatic<VisitProviderModel>
  VisitSlot: ModelStatic<VisitSlotModel>
  VisitBooking: ModelStatic<VisitBookingModel>
}

const stamps = { createdAt: DataTypes.DATE, updatedAt: DataTypes.DATE }
const o = (tableName: string) => ({ underscored: true, tableName, timestamps: true })

export function defineHomeVisitModels(sequelize: Sequelize): HomeVisitModels {
  const VisitProvider = sequelize.define<VisitProviderModel>(
    'VisitProvider',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      kind: { type: DataTypes.STRING(10), allowNull: false },
      name: { type: DataTypes.STRING(40), allowNull: false },
      organisation: { type: DataTypes.STRING(80), allowNull: true },
      phone: { type: DataTypes.STRING(20), allowNull: true },
      archivedAt: { type: DataTypes.DATE, allowNull: true },
      ...stamps,
    },
    o('visit_providers'),
  )
  const VisitSlot = sequelize.define<VisitSlotModel>(
    'VisitSlot',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      providerId: { type: DataTypes.INTEGER, allowNull: false },
      startAt: { type: DataTypes.STRING(16), allowNull: false },
      endAt: { type: DataTypes.STRING(16), allowNull: false },
      ...stamps,
    },
    o('visit_slots'),
  )
  const VisitBooking = sequelize.define<VisitBookingModel>(
    'VisitBooking',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      slotId: { type: DataTypes.INTEGER, allowNull: false },
      residentId: { type: DataTypes.INTEGER, allowNull: false },
      place: { type: DataTypes.STRING(10), allowNull: false },
      reason: { type: DataTypes.STRING(200), allowNull: true },
      status: { type: DataTypes.STRING(10), allowNull: false, defaultValue: 'booked' },
      followUp: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      outcome: { type: DataTypes.TEXT, allowNull: true },
      outcomeBy: { type: DataTypes.INTEGER, allowNull: true },
      outcomeRole: { type: DataTypes.STRING(20), allowNull: true },
      ...stamps,
    },
    o('visit_bookings'),
  )
  return { VisitProvider, VisitSlot, VisitBooking }
}

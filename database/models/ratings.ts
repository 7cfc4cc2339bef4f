/** Models of the 季评诚信 tables (migration 0007): businesses, the checklist, ratings. */
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize'

type Row<T extends object, K extends keyof T> = Model<T, Optional<T, K>> & T

export interface BusinessRow {
  id: number
  name: string
  creditCode: string | null
  operatorName: string
  phone: string | null
  address: string | null
  category: string | null
  status: 'active' | 'closed'
  notes: string | null
  createdAt: Date
  updatedAt: Date
}
export interface RatingCriterionRow {
  id: number
  name: string
  maxScore: number
  sort: number
  archivedAt: Date | null
  createdAt: Date
  updatedAt: Date
}
export interface BusinessRatingRow {
  id: number
  businessId: number
  quarter: string
  ratedOn: string
  /** JSON: the scores as rated, with each criterion's name and maximum at the time. */
  scores: string
  total: number
  maxScore: number
  percent: number
  level: 'A' | 'B' | 'C'
  notes: string | null
  ratedBy: number | null
  createdAt: Date
  updatedAt: Date
}

export type BusinessModel = Row<BusinessRow, 'id' | 'createdAt' | 'updatedAt'>
export type RatingCriterionModel = Row<RatingCriterionRow, 'id' | 'sort' | 'archivedAt' | 'createdAt' | 'updatedAt'>
export type BusinessRatingModel = Row<BusinessRatingRow, 'id' | 'createdAt' | 'updatedAt'>

export interface RatingModels {
  Business: ModelStatic<BusinessModel>
  RatingCriterion: ModelStatic<RatingCriterionModel>
  BusinessRating: ModelStatic<BusinessRatingModel>
}

const options = { underscored: true, timestamps: true }

export function defineRatingModels(sequelize: Sequelize): RatingModels {
  const Business = sequelize.define<BusinessModel>(
    'Business',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(80), allowNull: false },
      creditCode: { type: DataTypes.STRING(18), allowNull: true },
      operatorName: { type: DataTypes.STRING(40), allowNull: false },
      phone: { type: DataTypes.STRING(20), allowNull: true },
      address: { type: DataTypes.STRING(120), allowNull: true },
      category: { type: DataTypes.STRING(30), allowNull: true },
      status: { type: DataTypes.STRING(10), allowNull: false },
      notes: { type: DataTypes.STRING(500), allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { ...options, tableName: 'businesses' },
  )
  const RatingCriterion = sequelize.define<RatingCriterionModel>(
    'RatingCriterion',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(40), allowNull: false },
      maxScore: { type: DataTypes.INTEGER, allowNull: false },
      sort: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      archivedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { ...options, tableName: 'rating_criteria' },
  )
  const BusinessRating = sequelize.define<BusinessRatingModel>(
    'BusinessRating',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      businessId: { type: DataTypes.INTEGER, allowNull: false },
      quarter: { type: DataTypes.STRING(7), allowNull: false },
      ratedOn: { type: DataTypes.STRING(10), allowNull: false },
      scores: { type: DataTypes.TEXT, allowNull: false },
      total: { type: DataTypes.FLOAT, allowNull: false },
      maxScore: { type: DataTypes.FLOAT, allowNull: false },
      percent: { type: DataTypes.FLOAT, allowNull: false },
      level: { type: DataTypes.STRING(1), allowNull: false },
      notes: { type: DataTypes.STRING(500), allowNull: true },
      ratedBy: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { ...options, tableName: 'business_ratings' },
  )
  return { Business, RatingCriterion, BusinessRating }
}

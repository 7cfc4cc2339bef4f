import { DataTypes } from 'sequelize'
import type { Migration } from './types'

const pk = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false }
const stamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
}
const text = (n: number, allowNull = true) => ({ type: DataTypes.STRING(n), allowNull })

/**
 * 季评诚信: sole traders, the station's checklist, one rating per business and quarter. A rating
 * keeps its scores as rated (criterion name and maximum included), so a later change to the
 * checklist does not rewrite history.
 */
export const integrityRatings: Migration = {
  name: '0007-integrity-ratings',
  async up({ queryInterface: qi, transaction }) {
    const o = { transaction }
    await qi.createTable(
      'businesses',
      {
        id: pk,
        name: text(80, false),
        credit_code: text(18),
        operator_name: text(40, false),
        phone: text(20),
        address: text(120),
        category: text(30),
        status: { type: DataTypes.STRING(10), allowNull: false, defaultValue: 'active' },
        notes: text(500),
        ...stamps,
      },
      o,
    )
    await qi.addIndex('businesses', ['credit_code'], { ...o, unique: true, name: 'businesses_credit_code' })
    await qi.addIndex('businesses', ['status', 'name'], o)
    await qi.createTable(
      'rating_criteria',
      {
        id: pk,
        name: text(40, false),
        max_score: { type: DataTypes.INTEGER, allowNull: false },
        sort: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        archived_at: { type: DataTypes.DATE, allowNull: true },
        ...stamps,
      },
      o,
    )
    await qi.createTable(
      'business_ratings',
      {
        id: pk,
        business_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'businesses', key: 'id' } },
        quarter: { type: DataTypes.STRING(7), allowNull: false },
        rated_on: { type: DataTypes.STRING(10), allowNull: false },
        scores: { type: DataTypes.TEXT, allowNull: false },
        total: { type: DataTypes.FLOAT, allowNull: false },
        max_score: { type: DataTypes.FLOAT, allowNull: false },
        percent: { type: DataTypes.FLOAT, allowNull: false },
        level: { type: DataTypes.STRING(1), allowNull: false },
        notes: text(500),
        rated_by: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'accounts', key: 'id' } },
        ...stamps,
      },
      o,
    )
    await qi.addIndex('business_ratings', ['business_id', 'quarter'], {
      ...o,
      unique: true,
      name: 'business_ratings_business_quarter',
    })
    await qi.addIndex('business_ratings', ['quarter', 'level'], o)
  },
  async down({ queryInterface: qi, transaction }) {
    await qi.dropTable('business_ratings', { transaction })
    await qi.dropTable('rating_criteria', { transaction })
    await qi.dropTable('businesses', { transaction })
  },
}

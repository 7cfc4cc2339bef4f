import { DataTypes } from 'sequelize'
import type { Migration } from './types'

const pk = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false }
const stamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
}
const text = (n: number, allowNull = true) => ({ type: DataTypes.STRING(n), allowNull })
const ref = (model: string, allowNull = false) => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model, key: 'id' },
})

/**
 * 送医上门 / 送法上门: visiting doctors and lawyers, the slots they offer, and bookings. A slot
 * has at most one live booking (a partial unique index: cancelled ones do not count), so two
 * counters cannot book the same slot.
 */
export const homeVisits: Migration = {
  name: '0008-home-visits',
  async up({ queryInterface: qi, sequelize, transaction }) {
    const o = { transaction }
    await qi.createTable(
      'visit_providers',
      {
        id: pk,
        kind: text(10, false),
        name: text(40, false),
        organisation: text(80),
        phone: text(20),
        archived_at: { type: DataTypes.DATE, allowNull: true },
        ...stamps,
      },
      o,
    )
    await qi.createTable(
      'visit_slots',
      {
        id: pk,
        provider_id: ref('visit_providers'),
        start_at: text(16, false),
        end_at: text(16, false),
        ...stamps,
      },
      o,
    )
    await qi.addIndex('visit_slots', ['start_at', 'provider_id'], o)
    await qi.addIndex('visit_slots', ['provider_id', 'start_at'], {
      ...o,
      unique: true,
      name: 'visit_slots_provider_start',
    })
    await qi.createTable(
      'visit_bookings',
      {
        id: pk,
        slot_id: ref('visit_slots'),
        resident_id: ref('residents'),
        place: text(10, false),
        reason: text(200),
        status: { type: DataTypes.STRING(10), allowNull: false, defaultValue: 'booked' },
        follow_up: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        outcome: { type: DataTypes.TEXT, allowNull: true },
        outcome_by: ref('accounts', true),
        outcome_role: text(20),
        ...stamps,
      },
      o,
    )
    await qi.addIndex('visit_bookings', ['resident_id'], o)
    // One live booking a slot; both SQLite and PostgreSQL take a partial index.
    await sequelize.query(
      "CREATE UNIQUE INDEX visit_bookings_live_slot ON visit_bookings (slot_id) WHERE status <> 'cancelled'",
      { transaction },
    )
  },
  async down({ queryInterface: qi, transaction }) {
    await qi.dropTable('visit_bookings', { transaction })
    await qi.dropTable('visit_slots', { transaction })
    await qi.dropTable('visit_providers', { transaction })
  },
}

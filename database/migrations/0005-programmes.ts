import { DataTypes } from 'sequelize'
import type { Migration } from './types'

const pk = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false }
const stamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
}
const ref = (model: string, allowNull = false) => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model, key: 'id' },
})
const text = (n: number, allowNull = true) => ({ type: DataTypes.STRING(n), allowNull })
const date = (allowNull = true) => ({ type: DataTypes.DATE, allowNull })

/** Service programmes, their sessions, enrolments (with contacts) and attendance (issue 5). */
export const programmes: Migration = {
  name: '0005-programmes',
  async up({ queryInterface: qi, transaction }) {
    const o = { transaction }
    await qi.createTable(
      'programmes',
      {
        id: pk,
        name: text(60, false),
        type: text(20, false),
        custom_type: text(30),
        organiser_kind: text(10, false),
        organiser: text(80, false),
        place: text(80, false),
        capacity: { type: DataTypes.INTEGER, allowNull: false },
        age_min: { type: DataTypes.INTEGER, allowNull: true },
        age_max: { type: DataTypes.INTEGER, allowNull: true },
        // JSON arrays: a handful of ids and weekdays, always read with the programme.
        required_tag_ids: { type: DataTypes.TEXT, allowNull: false, defaultValue: '[]' },
        fee_mode: text(8, false),
        // 分 (cents): money is never a float in the database.
        fee_cents: { type: DataTypes.INTEGER, allowNull: true },
        weekdays: text(20, false),
        start_time: text(5, false),
        end_time: text(5, false),
        term_start: text(10, false),
        term_end: text(10, false),
        notes: text(500),
        archived_at: date(),
        ...stamps,
      },
      o,
    )
    await qi.createTable(
      'programme_sessions',
      {
        id: pk,
        programme_id: ref('programmes'),
        date: text(10, false),
        start_time: text(5, false),
        end_time: text(5, false),
        status: text(10, false),
        origin: text(10, false),
        note: text(100),
        ...stamps,
      },
      o,
    )
    await qi.addIndex('programme_sessions', ['programme_id', 'date'], o)
    await qi.createTable(
      'programme_enrolments',
      {
        id: pk,
        programme_id: ref('programmes'),
        resident_id: ref('residents'),
        status: text(10, false),
        // The waiting list's order: first asked, first moved in.
        requested_at: date(false),
        enrolled_at: date(),
        promoted_at: date(),
        left_at: date(),
        left_reason: text(200),
        override_reason: text(200),
        allergies: text(300),
        medication: text(300),
        notes: text(300),
        ...stamps,
      },
      o,
    )
    await qi.addIndex('programme_enrolments', ['programme_id', 'status'], o)
    await qi.addIndex('programme_enrolments', ['resident_id'], o)
    await qi.createTable(
      'programme_contacts',
      {
        id: pk,
        enrolment_id: ref('programme_enrolments'),
        sort: { type: DataTypes.INTEGER, allowNull: false },
        name: text(40, false),
        relation: text(20, false),
        phone: text(20),
        guardian: { type: DataTypes.BOOLEAN, allowNull: false },
        can_pick_up: { type: DataTypes.BOOLEAN, allowNull: false },
      },
      o,
    )
    await qi.addIndex('programme_contacts', ['enrolment_id'], o)
    await qi.createTable(
      'programme_attendance',
      {
        session_id: { ...ref('programme_sessions'), primaryKey: true },
        enrolment_id: { ...ref('programme_enrolments'), primaryKey: true },
        status: text(16, false),
        signed_in_at: date(),
        signed_out_at: date(),
        picked_up_by: text(40),
        note: text(100),
        recorded_by: ref('accounts', true),
        ...stamps,
      },
      o,
    )
    await qi.addIndex('programme_attendance', ['enrolment_id'], o)
  },
  async down({ queryInterface: qi, transaction }) {
    for (const t of [
      'programme_attendance',
      'programme_contacts',
      'programme_enrolments',
      'programme_sessions',
      'programmes',
    ])
      await qi.dropTable(t, { transaction })
  },
}

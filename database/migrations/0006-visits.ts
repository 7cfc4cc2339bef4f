import { DataTypes, Op } from 'sequelize'
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
const int = (allowNull = false) => ({ type: DataTypes.INTEGER, allowNull })
/** Lists and windows kept as JSON text: always read and written whole, never queried inside. */
const json = () => ({ type: DataTypes.TEXT, allowNull: false, defaultValue: '[]' })
/** Local Asia/Shanghai wall-clock time, `YYYY-MM-DDTHH:mm`: sorts as text, reads as the station reads it. */
const local = (allowNull = false) => ({ type: DataTypes.STRING(16), allowNull })

/**
 * Volunteers and their service records, people to visit, major changes, visit plans and visits
 * with their volunteers and logs, follow-up items, and the points ledger with its catalogue.
 */
export const visits: Migration = {
  name: '0006-visits',
  async up({ queryInterface: qi, transaction }) {
    const o = { transaction }
    await qi.createTable(
      'volunteers',
      {
        id: pk,
        resident_id: ref('residents', true),
        name: text(40, false),
        mobile: text(11),
        skills: json(),
        dialects: json(),
        grid_id: ref('places', true),
        availability: json(),
        max_per_week: int(),
        status: text(8, false),
        notes: { type: DataTypes.TEXT, allowNull: true },
        ...stamps,
      },
      o,
    )
    await qi.addIndex('volunteers', ['status'], o)
    await qi.addIndex('volunteers', ['resident_id'], o)
    await qi.createTable(
      'volunteer_exceptions',
      { id: pk, volunteer_id: ref('volunteers'), from_at: local(), to_at: local(), reason: text(80) },
      o,
    )
    await qi.addIndex('volunteer_exceptions', ['volunteer_id'], o)
    await qi.createTable(
      'volunteer_service_records',
      {
        id: pk,
        volunteer_id: ref('volunteers'),
        kind: text(16, false),
        date: text(10, false),
        hours: { type: DataTypes.DECIMAL(6, 2), allowNull: false, defaultValue: 0 },
        title: text(120, false),
        visit_id: int(true),
        created_at: { type: DataTypes.DATE, allowNull: false },
        account_id: ref('accounts', true),
      },
      o,
    )
    await qi.addIndex('volunteer_service_records', ['volunteer_id', 'date'], o)
    await qi.createTable(
      'visit_people',
      {
        id: pk,
        resident_id: ref('residents'),
        tier: text(8, false),
        preferred_windows: json(),
        // Sensitive (health, family circumstances): masked in lists, shown whole only on request.
        risk_notes: { type: DataTypes.TEXT, allowNull: true },
        usual_volunteer_ids: json(),
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        ...stamps,
      },
      o,
    )
    await qi.addIndex('visit_people', ['resident_id'], { ...o, unique: true, name: 'visit_people_resident_unique' })
    await qi.createTable(
      'visit_major_changes',
      {
        id: pk,
        person_id: ref('visit_people'),
        at: local(),
        kind: text(24, false),
        note: text(200),
        created_at: { type: DataTypes.DATE, allowNull: false },
        account_id: ref('accounts', true),
      },
      o,
    )
    await qi.addIndex('visit_major_changes', ['person_id', 'at'], o)
    await qi.createTable(
      'visit_plans',
      {
        id: pk,
        period_from: text(10, false),
        period_to: text(10, false),
        generated_at: { type: DataTypes.DATE, allowNull: false },
        account_id: ref('accounts', true),
        stats: { type: DataTypes.TEXT, allowNull: false },
        unassigned: { type: DataTypes.TEXT, allowNull: false },
      },
      o,
    )
    await qi.addIndex('visit_plans', ['period_from', 'period_to'], o)
    await qi.createTable(
      'visits',
      {
        id: pk,
        plan_id: ref('visit_plans', true),
        person_id: ref('visit_people'),
        kind: text(8, false),
        start_at: local(),
        end_at: local(),
        window_from: local(true),
        window_to: local(true),
        status: text(10, false),
        ...stamps,
      },
      o,
    )
    await qi.addIndex('visits', ['start_at'], o)
    await qi.addIndex('visits', ['person_id', 'start_at'], o)
    await qi.createTable(
      'visit_volunteers',
      { visit_id: { ...ref('visits'), primaryKey: true }, volunteer_id: { ...ref('volunteers'), primaryKey: true } },
      o,
    )
    await qi.addIndex('visit_volunteers', ['volunteer_id'], o)
    await qi.createTable(
      'visit_logs',
      {
        id: pk,
        visit_id: ref('visits'),
        outcome: text(8, false),
        duration_minutes: int(true),
        health: text(500),
        living: text(500),
        needs: text(500),
        logged_at: { type: DataTypes.DATE, allowNull: false },
        account_id: ref('accounts', true),
      },
      o,
    )
    await qi.addIndex('visit_logs', ['visit_id'], o)
    await qi.createTable(
      'visit_follow_ups',
      {
        id: pk,
        visit_id: ref('visits'),
        person_id: ref('visit_people'),
        text: text(300, false),
        owner_account_id: ref('accounts', true),
        due_date: text(10, false),
        closed_at: { type: DataTypes.DATE, allowNull: true },
        closed_note: text(200),
        ...stamps,
      },
      o,
    )
    await qi.addIndex('visit_follow_ups', ['closed_at', 'due_date'], o)
    await qi.createTable(
      'points_catalogue',
      {
        id: pk,
        name: text(60, false),
        cost: int(),
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        ...stamps,
      },
      o,
    )
    // Append-only. `seq` numbers each volunteer's entries 1, 2, 3 … and is unique with the
    // volunteer: two redemptions computed from the same balance both claim the same seq, and the
    // second insert fails instead of spending the points twice. The CHECK is the last line.
    await qi.createTable(
      'points_ledger',
      {
        id: pk,
        volunteer_id: ref('volunteers'),
        seq: int(),
        at: { type: DataTypes.DATE, allowNull: false },
        kind: text(10, false),
        points: int(),
        balance_after: int(),
        reason: text(200, false),
        visit_id: ref('visits', true),
        item_id: ref('points_catalogue', true),
        account_id: ref('accounts', true),
      },
      o,
    )
    await qi.addIndex('points_ledger', ['volunteer_id', 'seq'], {
      ...o,
      unique: true,
      name: 'points_ledger_volunteer_seq',
    })
    if (qi.sequelize.getDialect() === 'sqlite') {
      for (const sql of [
        `CREATE TRIGGER points_ledger_not_negative BEFORE INSERT ON points_ledger
         WHEN NEW.balance_after < 0 BEGIN SELECT RAISE(ABORT, 'points balance would go negative'); END`,
        `CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger
         BEGIN SELECT RAISE(ABORT, 'points ledger is append-only'); END`,
        `CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_ledger
         BEGIN SELECT RAISE(ABORT, 'points ledger is append-only'); END`,
      ])
        await qi.sequelize.query(sql, o)
    } else {
      await qi.addConstraint('points_ledger', {
        type: 'check',
        fields: ['balance_after'],
        where: { balance_after: { [Op.gte]: 0 } },
        ...o,
      })
    }
  },
  async down({ queryInterface: qi, transaction }) {
    const o = { transaction }
    for (const t of [
      'points_ledger',
      'points_catalogue',
      'visit_follow_ups',
      'visit_logs',
      'visit_volunteers',
      'visits',
      'visit_plans',
      'visit_major_changes',
      'visit_people',
      'volunteer_service_records',
      'volunteer_exceptions',
      'volunteers',
    ])
      await qi.dropTable(t, o)
  },
}

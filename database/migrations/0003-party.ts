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

/** Party branches, groups, members and their history; meetings with everything recorded in them. */
export const party: Migration = {
  name: '0003-party',
  async up({ queryInterface: qi, transaction }) {
    const o = { transaction }
    await qi.createTable(
      'party_branches',
      { id: pk, name: text(60, false), archived_at: { type: DataTypes.DATE, allowNull: true }, ...stamps },
      o,
    )
    await qi.createTable(
      'party_members',
      {
        id: pk,
        resident_id: ref('residents', true),
        name: text(40, false),
        gender: text(1),
        branch_id: ref('party_branches'),
        // No foreign key: groups and members refer to each other (a group's leader is a member).
        group_id: { type: DataTypes.INTEGER, allowNull: true },
        kind: text(16, false),
        joined_date: text(10),
        full_date: text(10),
        status: text(16, false),
        inflow_origin: text(80),
        inflow_date: text(10),
        inflow_contact: text(80),
        outflow_destination: text(80),
        outflow_date: text(10),
        notes: { type: DataTypes.TEXT, allowNull: true },
        ...stamps,
      },
      o,
    )
    await qi.addIndex('party_members', ['branch_id', 'status'], o)
    await qi.addIndex('party_members', ['resident_id'], o)
    await qi.createTable(
      'party_groups',
      {
        id: pk,
        branch_id: ref('party_branches'),
        name: text(40, false),
        leader_member_id: ref('party_members', true),
        archived_at: { type: DataTypes.DATE, allowNull: true },
        ...stamps,
      },
      o,
    )
    await qi.createTable(
      'party_member_history',
      {
        id: pk,
        member_id: ref('party_members'),
        at: { type: DataTypes.DATE, allowNull: false },
        change: text(16, false),
        effective_date: text(10),
        detail: text(200),
        account_id: ref('accounts', true),
      },
      o,
    )
    await qi.addIndex('party_member_history', ['member_id'], o)
    await qi.createTable(
      'committee_seats',
      { id: pk, branch_id: ref('party_branches'), member_id: ref('party_members'), role: text(24, false) },
      o,
    )
    await qi.addIndex('committee_seats', ['branch_id'], o)
    await qi.createTable(
      'meetings',
      {
        id: pk,
        branch_id: ref('party_branches'),
        group_id: ref('party_groups', true),
        type: text(16, false),
        title: text(120, false),
        // Shanghai wall-clock time, YYYY-MM-DDTHH:mm: compliance periods are prefixes of it.
        start_at: text(16, false),
        end_at: text(16),
        place: text(80, false),
        chair_member_id: ref('party_members', true),
        recorder_member_id: ref('party_members', true),
        lecturer: text(40),
        topic: text(120),
        theme: text(120),
        theme_form: text(32),
        // JSON array of names (列席).
        observers: { type: DataTypes.TEXT, allowNull: false, defaultValue: '[]' },
        status: text(16, false),
        finalised_at: { type: DataTypes.DATE, allowNull: true },
        finalised_by: ref('accounts', true),
        discarded_at: { type: DataTypes.DATE, allowNull: true },
        ...stamps,
      },
      o,
    )
    await qi.addIndex('meetings', ['branch_id', 'start_at'], o)
    await qi.createTable(
      'meeting_attendance',
      {
        meeting_id: { ...ref('meetings'), primaryKey: true },
        member_id: { ...ref('party_members'), primaryKey: true },
        // The name and voting right as they were at the meeting, so later changes do not rewrite it.
        name: text(40, false),
        voting: { type: DataTypes.BOOLEAN, allowNull: false },
        status: text(16, false),
        reason: text(100),
      },
      o,
    )
    await qi.addIndex('meeting_attendance', ['member_id'], o)
    await qi.createTable(
      'meeting_agenda_items',
      {
        id: pk,
        meeting_id: ref('meetings'),
        sort: { type: DataTypes.INTEGER, allowNull: false },
        topic: text(200, false),
        record: { type: DataTypes.TEXT, allowNull: false },
        dissent: { type: DataTypes.TEXT, allowNull: false },
        vote_for: { type: DataTypes.INTEGER, allowNull: true },
        vote_against: { type: DataTypes.INTEGER, allowNull: true },
        vote_abstain: { type: DataTypes.INTEGER, allowNull: true },
        resolution: { type: DataTypes.TEXT, allowNull: false },
      },
      o,
    )
    await qi.addIndex('meeting_agenda_items', ['meeting_id'], o)
    await qi.createTable(
      'meeting_follow_ups',
      {
        id: pk,
        meeting_id: ref('meetings'),
        sort: { type: DataTypes.INTEGER, allowNull: false },
        text: text(200, false),
        owner_member_id: ref('party_members', true),
        due_date: text(10),
        done_date: text(10),
      },
      o,
    )
    await qi.addIndex('meeting_follow_ups', ['meeting_id'], o)
    await qi.createTable(
      'meeting_attachments',
      {
        id: pk,
        meeting_id: ref('meetings'),
        file_name: text(200, false),
        mime: text(40, false),
        size: { type: DataTypes.INTEGER, allowNull: false },
        // Stored in the database, so a backup holds the record and its scans together.
        data: { type: DataTypes.BLOB, allowNull: false },
        added_at: { type: DataTypes.DATE, allowNull: false },
        account_id: ref('accounts', true),
      },
      o,
    )
    await qi.addIndex('meeting_attachments', ['meeting_id'], o)
    await qi.createTable(
      'meeting_amendments',
      {
        id: pk,
        meeting_id: ref('meetings'),
        at: { type: DataTypes.DATE, allowNull: false },
        account_id: ref('accounts', true),
        text: { type: DataTypes.TEXT, allowNull: false },
      },
      o,
    )
    await qi.addIndex('meeting_amendments', ['meeting_id'], o)
    await qi.createTable(
      'meeting_requirements',
      {
        id: pk,
        branch_id: ref('party_branches'),
        type: text(16, false),
        period: text(8, false),
        times_per_period: { type: DataTypes.INTEGER, allowNull: false },
      },
      o,
    )
    await qi.addIndex('meeting_requirements', ['branch_id', 'type'], { ...o, unique: true })
    await qi.createTable(
      'meeting_exemptions',
      {
        id: pk,
        branch_id: ref('party_branches'),
        type: text(16, false),
        group_id: ref('party_groups', true),
        year: { type: DataTypes.INTEGER, allowNull: false },
        period: { type: DataTypes.INTEGER, allowNull: false },
        reason: text(200, false),
        account_id: ref('accounts', true),
        at: { type: DataTypes.DATE, allowNull: false },
      },
      o,
    )
    await qi.addIndex('meeting_exemptions', ['branch_id', 'year'], o)
  },
  async down({ queryInterface: qi, transaction }) {
    for (const table of [
      'meeting_exemptions',
      'meeting_requirements',
      'meeting_amendments',
      'meeting_attachments',
      'meeting_follow_ups',
      'meeting_agenda_items',
      'meeting_attendance',
      'meetings',
      'committee_seats',
      'party_member_history',
      'party_groups',
      'party_members',
      'party_branches',
    ]) {
      await qi.dropTable(table, { transaction })
    }
  },
}

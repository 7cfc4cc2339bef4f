import { DataTypes, Op } from 'sequelize'
import type { Migration } from './types'
import { createResidentSearchIndex, dropResidentSearchIndex } from '../search/resident-search'

const pk = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false }
const stamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
}

/** Accounts, audit, settings, places, households, residents and the tag dictionary. */
export const initial: Migration = {
  name: '0001-initial',
  async up({ queryInterface: qi, transaction, sequelize }) {
    const o = { transaction }
    await qi.createTable(
      'accounts',
      {
        id: pk,
        username: { type: DataTypes.STRING(32), allowNull: false, unique: true },
        display_name: { type: DataTypes.STRING(32), allowNull: false },
        role: { type: DataTypes.STRING(16), allowNull: false },
        password_hash: { type: DataTypes.STRING(256), allowNull: false },
        password_salt: { type: DataTypes.STRING(64), allowNull: false },
        failed_attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        locked_until: { type: DataTypes.DATE, allowNull: true },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        ...stamps,
      },
      o,
    )
    await qi.createTable(
      'audit_log',
      {
        id: pk,
        at: { type: DataTypes.DATE, allowNull: false },
        account_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'accounts', key: 'id' } },
        channel: { type: DataTypes.STRING(64), allowNull: false },
        action: { type: DataTypes.STRING(32), allowNull: false },
        entity: { type: DataTypes.STRING(32), allowNull: false },
        entity_id: { type: DataTypes.STRING(40), allowNull: true },
        before: { type: DataTypes.TEXT, allowNull: true },
        after: { type: DataTypes.TEXT, allowNull: true },
      },
      o,
    )
    await qi.addIndex('audit_log', ['entity', 'entity_id'], o)
    await qi.addIndex('audit_log', ['at'], o)
    await qi.createTable(
      'settings',
      { key: { type: DataTypes.STRING(64), primaryKey: true }, value: { type: DataTypes.TEXT, allowNull: false } },
      o,
    )
    await qi.createTable(
      'places',
      {
        id: pk,
        parent_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'places', key: 'id' } },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        name: { type: DataTypes.STRING(40), allowNull: false },
        sort: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        path: { type: DataTypes.STRING(255), allowNull: false, defaultValue: '' },
        archived_at: { type: DataTypes.DATE, allowNull: true },
        ...stamps,
      },
      o,
    )
    await qi.addIndex('places', ['parent_id'], o)
    await qi.addIndex('places', ['path'], o)
    await qi.createTable(
      'households',
      {
        id: pk,
        place_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'places', key: 'id' } },
        head_resident_id: { type: DataTypes.INTEGER, allowNull: true },
        archived_at: { type: DataTypes.DATE, allowNull: true },
        ...stamps,
      },
      o,
    )
    await qi.addIndex('households', ['place_id'], o)
    await qi.createTable(
      'residents',
      {
        id: pk,
        name: { type: DataTypes.STRING(40), allowNull: false },
        name_pinyin: { type: DataTypes.STRING(160), allowNull: false },
        name_initials: { type: DataTypes.STRING(40), allowNull: false },
        gender: { type: DataTypes.STRING(1), allowNull: true },
        id_number: { type: DataTypes.STRING(18), allowNull: true },
        birth_date: { type: DataTypes.DATEONLY, allowNull: true },
        ethnicity: { type: DataTypes.STRING(20), allowNull: true },
        mobile: { type: DataTypes.STRING(11), allowNull: true },
        landline: { type: DataTypes.STRING(24), allowNull: true },
        hukou_address: { type: DataTypes.STRING(120), allowNull: true },
        political_status: { type: DataTypes.STRING(20), allowNull: true },
        household_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'households', key: 'id' } },
        relation_to_head: { type: DataTypes.STRING(20), allowNull: true },
        notes: { type: DataTypes.TEXT, allowNull: true },
        archived_at: { type: DataTypes.DATE, allowNull: true },
        ...stamps,
      },
      o,
    )
    // A partial unique index: many residents have no ID number on file; those that do, differ.
    await qi.addIndex('residents', ['id_number'], {
      ...o,
      unique: true,
      where: { id_number: { [Op.ne]: null } },
      name: 'residents_id_number_unique',
    })
    // Covering indexes for the resident list (database/repositories/resident-queries.ts): each
    // holds what a page or a count needs, so neither reads the rows of residents it passes over.
    await qi.addIndex('residents', ['name_pinyin', 'name_initials', 'archived_at', 'household_id', 'birth_date'], {
      ...o,
      name: 'residents_name_pinyin',
    })
    await qi.addIndex('residents', ['name', 'name_pinyin', 'archived_at', 'household_id'], {
      ...o,
      name: 'residents_name',
    })
    await qi.addIndex(
      'residents',
      ['household_id', 'archived_at', 'birth_date', 'name_pinyin', 'political_status', 'gender'],
      {
        ...o,
        name: 'residents_household_id',
      },
    )
    // The archived are few: counting everyone active is "all minus these".
    await qi.addIndex('residents', ['archived_at'], {
      ...o,
      where: { archived_at: { [Op.ne]: null } },
      name: 'residents_archived',
    })
    await qi.addIndex('residents', ['birth_date', 'archived_at'], { ...o, name: 'residents_birth_date' })
    await qi.addIndex('residents', ['political_status', 'archived_at'], { ...o, name: 'residents_political_status' })
    await qi.addIndex('residents', ['gender', 'archived_at'], { ...o, name: 'residents_gender' })
    await qi.addIndex('residents', ['mobile'], o)
    await qi.createTable(
      'tags',
      {
        id: pk,
        name: { type: DataTypes.STRING(20), allowNull: false, unique: true },
        sensitive: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        sort: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        archived_at: { type: DataTypes.DATE, allowNull: true },
      },
      o,
    )
    await qi.createTable(
      'resident_tags',
      {
        resident_id: {
          type: DataTypes.INTEGER,
          primaryKey: true,
          references: { model: 'residents', key: 'id' },
          onDelete: 'CASCADE',
        },
        tag_id: {
          type: DataTypes.INTEGER,
          primaryKey: true,
          references: { model: 'tags', key: 'id' },
          onDelete: 'CASCADE',
        },
      },
      o,
    )
    await qi.addIndex('resident_tags', ['tag_id', 'resident_id'], o)
    await createResidentSearchIndex(sequelize, transaction)
  },
  async down({ queryInterface: qi, transaction, sequelize }) {
    const o = { transaction }
    await dropResidentSearchIndex(sequelize, transaction)
    for (const table of [
      'resident_tags',
      'tags',
      'residents',
      'households',
      'places',
      'settings',
      'audit_log',
      'accounts',
    ]) {
      await qi.dropTable(table, o)
    }
  },
}

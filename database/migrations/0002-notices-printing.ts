import { DataTypes } from 'sequelize'
import type { Migration } from './types'

const pk = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false }
const stamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
}

/** Notice templates, notices with their versions, and the print log. */
export const noticesPrinting: Migration = {
  name: '0002-notices-printing',
  async up({ queryInterface: qi, transaction }) {
    const o = { transaction }
    await qi.createTable(
      'notice_templates',
      {
        id: pk,
        builtin_key: { type: DataTypes.STRING(32), allowNull: true, unique: true },
        name: { type: DataTypes.STRING(40), allowNull: false },
        title: { type: DataTypes.STRING(120), allowNull: false },
        body_html: { type: DataTypes.TEXT, allowNull: false },
        layout: { type: DataTypes.STRING(16), allowNull: false },
        paper: { type: DataTypes.STRING(4), allowNull: false, defaultValue: 'A4' },
        archived_at: { type: DataTypes.DATE, allowNull: true },
        ...stamps,
      },
      o,
    )
    await qi.createTable(
      'notices',
      {
        id: pk,
        // Versions of one notice share a series: the id of its first version.
        series_id: { type: DataTypes.INTEGER, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
        template_id: {
          type: DataTypes.INTEGER,
          allowNull: true,
          references: { model: 'notice_templates', key: 'id' },
        },
        status: { type: DataTypes.STRING(16), allowNull: false },
        title: { type: DataTypes.STRING(120), allowNull: false },
        body_html: { type: DataTypes.TEXT, allowNull: false },
        // The body without tags, for search.
        body_text: { type: DataTypes.TEXT, allowNull: false },
        issuer: { type: DataTypes.STRING(60), allowNull: false },
        issue_date: { type: DataTypes.STRING(10), allowNull: false },
        layout: { type: DataTypes.STRING(16), allowNull: false },
        paper: { type: DataTypes.STRING(4), allowNull: false, defaultValue: 'A4' },
        show_stamp: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        issued_at: { type: DataTypes.DATE, allowNull: true },
        issued_by: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'accounts', key: 'id' } },
        created_by: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'accounts', key: 'id' } },
        discarded_at: { type: DataTypes.DATE, allowNull: true },
        ...stamps,
      },
      o,
    )
    await qi.addIndex('notices', ['series_id', 'version'], { ...o, unique: true })
    await qi.addIndex('notices', ['issue_date'], o)
    await qi.createTable(
      'print_jobs',
      {
        id: pk,
        at: { type: DataTypes.DATE, allowNull: false },
        account_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'accounts', key: 'id' } },
        document_type: { type: DataTypes.STRING(32), allowNull: false },
        document_id: { type: DataTypes.INTEGER, allowNull: false },
        document_title: { type: DataTypes.STRING(200), allowNull: false },
        // JSON array of record references ("notice:12", "resident:345").
        records: { type: DataTypes.TEXT, allowNull: false },
        copies: { type: DataTypes.INTEGER, allowNull: false },
        target: { type: DataTypes.STRING(8), allowNull: false },
        target_name: { type: DataTypes.STRING(1000), allowNull: false },
        page_count: { type: DataTypes.INTEGER, allowNull: false },
        // JSON array of the kinds of sensitive numbers the person confirmed printing.
        sensitive_confirmed: { type: DataTypes.TEXT, allowNull: false },
      },
      o,
    )
    await qi.addIndex('print_jobs', ['at'], o)
    await qi.addIndex('print_jobs', ['document_type', 'document_id'], o)
  },
  async down({ queryInterface: qi, transaction }) {
    await qi.dropTable('print_jobs', { transaction })
    await qi.dropTable('notices', { transaction })
    await qi.dropTable('notice_templates', { transaction })
  },
}

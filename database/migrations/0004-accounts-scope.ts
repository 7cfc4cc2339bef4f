import { DataTypes } from 'sequelize'
import type { Migration } from './types'

/**
 * Accounts: the password the administrator gave must be replaced at the next sign-in, and a
 * grid scope (a JSON array of grid place ids; null: every grid). The audit log gains an index
 * for the screen's "by account" filter, newest first.
 */
export const accountsScope: Migration = {
  name: '0004-accounts-scope',
  async up({ queryInterface: qi, transaction }) {
    const o = { transaction }
    await qi.addColumn(
      'accounts',
      'must_change_password',
      { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      o,
    )
    await qi.addColumn('accounts', 'grid_scope', { type: DataTypes.TEXT, allowNull: true }, o)
    await qi.addIndex('audit_log', ['account_id', 'at'], { ...o, name: 'audit_log_account_at' })
  },
  async down({ queryInterface: qi, transaction }) {
    const o = { transaction }
    await qi.removeIndex('audit_log', 'audit_log_account_at', o)
    await qi.removeColumn('accounts', 'grid_scope', o)
    await qi.removeColumn('accounts', 'must_change_password', o)
  },
}

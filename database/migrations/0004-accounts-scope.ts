import type { Migration } from './types'

/** Accounts: grid scope, must-change-password (issue 4). Placeholder until its owner fills it. */
export const accountsScope: Migration = {
  name: '0004-accounts-scope',
  async up() {},
  async down() {},
}

import type { QueryInterface, Sequelize, Transaction } from 'sequelize'

/** What every migration receives: one transaction spans the whole run, so a failure changes nothing. */
export interface MigrationContext {
  sequelize: Sequelize
  queryInterface: QueryInterface
  transaction: Transaction
}

export interface Migration {
  name: string
  up(ctx: MigrationContext): Promise<void>
  down(ctx: MigrationContext): Promise<void>
}

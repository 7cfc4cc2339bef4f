/** Models of the visit tables. Placeholder until its owner fills it. */
import type { Sequelize } from 'sequelize'

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface VisitModels {}

export function defineVisitModels(_sequelize: Sequelize): VisitModels {
  return {}
}

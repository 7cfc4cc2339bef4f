/** Models of the programme tables. Placeholder until its owner fills it. */
import type { Sequelize } from 'sequelize'

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProgrammeModels {}

export function defineProgrammeModels(_sequelize: Sequelize): ProgrammeModels {
  return {}
}

/**
 * "Contains this text" for search boxes, the same on SQLite and PostgreSQL: `%` and `_` typed by
 * a person are text, not wildcards. Neither database has an escape character for LIKE unless one
 * is named, so the condition carries `ESCAPE '\'` itself.
 */
import { Op, type Sequelize, type WhereOptions } from 'sequelize'

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** A where condition: `column` contains `text` (case as the database compares it). */
export function columnContains(sequelize: Sequelize, column: string, text: string): WhereOptions {
  const pattern = sequelize.literal(`${sequelize.escape(`%${escapeLike(text)}%`)} ESCAPE '\\'`)
  return sequelize.where(sequelize.col(column), Op.like, pattern) as WhereOptions
}

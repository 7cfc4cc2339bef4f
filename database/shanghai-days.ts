/**
 * A date filter in Shanghai days on a timestamp column. Timestamps are stored in UTC, so a print
 * at 07:00 on the 24th is stored as the 23rd: the day starts at 00:00 +08:00, and `to` includes
 * its whole day. Shared by every log screen that filters by date (print log, audit log).
 */
import { Op, type WhereOptions } from 'sequelize'

export function withinShanghaiDays<T>(column: keyof T & string, from?: string, to?: string): WhereOptions<T>[] {
  const and: WhereOptions<T>[] = []
  if (from) and.push({ [column]: { [Op.gte]: new Date(`${from}T00:00:00+08:00`) } } as WhereOptions<T>)
  if (to) {
    const end = new Date(`${to}T00:00:00+08:00`)
    end.setUTCDate(end.getUTCDate() + 1)
    and.push({ [column]: { [Op.lt]: end } } as WhereOptions<T>)
  }
  return and
}

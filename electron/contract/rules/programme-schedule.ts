/**
 * Which days a weekly programme meets, from the public-holiday calendar in chinese-days (the
 * State Council's yearly notice, maintained upstream; never a hand-typed list).
 *
 * The rule, as the station runs it:
 *  - a session falls on each of the programme's weekdays within the term, unless that day is a
 *    public holiday (法定节假日 or a day of its bridged break: chinese-days names it a festival);
 *  - a make-up working day (调休上班, a Saturday or Sunday the notice turns into a workday) gets a
 *    session when the programme meets on every workday, Monday to Friday: schools and offices
 *    work that day, so children still need 五点半学校 and elders day care. chinese-days does not
 *    say which weekday's timetable a make-up day follows, so a programme meeting on only some
 *    weekdays gets no session there; staff add a single session if the day needs one;
 *  - an ordinary weekend keeps a weekend programme's sessions.
 */
// The default export: the package's CommonJS build has no named exports Node's ESM loader can see.
import chineseDays from 'chinese-days'

const { getDayDetail, isWorkday } = chineseDays

/** 1 = Monday … 7 = Sunday (ISO), as staff read a timetable. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export function weekdayOf(day: string): Weekday {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay()
  return (d === 0 ? 7 : d) as Weekday
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** A festival day off: chinese-days names holidays and make-up days `English,中文,days`. */
export function isPublicHoliday(day: string): boolean {
  const detail = getDayDetail(day)
  return !detail.work && detail.name.includes(',')
}

/** A Saturday or Sunday worked in exchange for a holiday (调休上班). */
export function isMakeUpWorkday(day: string): boolean {
  return weekdayOf(day) >= 6 && isWorkday(day)
}

/** The festival a day belongs to, in Chinese (春节, 国庆节), or null. */
export function festivalName(day: string): string | null {
  const name = getDayDetail(day).name
  return name.includes(',') ? (name.split(',')[1] ?? null) : null
}

export interface SkippedDay {
  date: string
  reason: 'holiday'
  festival: string | null
}

export interface ScheduleResult {
  dates: string[]
  /** Days the timetable names that the holiday calendar took away: shown to staff. */
  skipped: SkippedDay[]
}

const WORKWEEK: Weekday[] = [1, 2, 3, 4, 5]

/** The session dates of a weekly timetable over a term, both ends inclusive. */
export function sessionDates(weekdays: readonly Weekday[], termStart: string, termEnd: string): ScheduleResult {
  const wanted = new Set(weekdays)
  const everyWorkday = WORKWEEK.every((d) => wanted.has(d))
  const dates: string[] = []
  const skipped: SkippedDay[] = []
  for (let day = termStart; day <= termEnd; day = addDays(day, 1)) {
    const wd = weekdayOf(day)
    if (wanted.has(wd) || (everyWorkday && isMakeUpWorkday(day))) {
      if (isPublicHoliday(day)) skipped.push({ date: day, reason: 'holiday', festival: festivalName(day) })
      else if (wanted.has(wd) || isMakeUpWorkday(day)) dates.push(day)
    }
  }
  return { dates, skipped }
}

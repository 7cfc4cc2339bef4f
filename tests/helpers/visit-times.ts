/**
 * How a plan's visits sit in the day, measured from the input and the plan alone (the property
 * tests and the benchmark share it): starts by hour, starts at 09:00 or at the first minute of
 * the person's window, visits over the after-lunch nap, preferred-window hits, and the idle time
 * a volunteer waits between two visits of a day beyond the travel time.
 */
import {
  dayOf,
  MINUTES_PER_DAY,
  weekOfDay,
  weekdayOfDay,
  type PlanResult,
  type PlannerInput,
} from '../../electron/services/visits/planner'

const NAP = { from: 12 * 60, to: 14 * 60 }

export interface StartTimeStats {
  visits: number
  /** Starts by hour of day (index 0–23). */
  byHour: number[]
  /** Starts at the station's first minute (dayHours.from, 09:00 by default). */
  atDayStart: number
  /** Starts at the first minute of the person's window they fall in (preferred window or day hours). */
  atWindowStart: number
  /** Starts not on a quarter hour. */
  offQuarter: number
  /** Visits with any minute in 12:00–14:00. */
  inNap: number
  /** Visits of people with a preferred window, and of those, how many start (and end) inside one. */
  withPreferred: number
  preferredHits: number
  /** Volunteer-days with two or more visits, and the idle minutes beyond travel summed over them. */
  chainedDays: number
  idleMinutes: number
  /** The most visits under way at the same quarter hour on any one day. */
  peakAtOnce: number
}

export function startTimeStats(input: PlannerInput, result: PlanResult): StartTimeStats {
  const people = new Map(input.people.map((p) => [p.id, p]))
  const { dayHours, durationMinutes: dur, bufferMinutes: buffer } = input.settings
  const s: StartTimeStats = {
    visits: result.visits.length,
    byHour: Array.from({ length: 24 }, () => 0),
    atDayStart: 0,
    atWindowStart: 0,
    offQuarter: 0,
    inNap: 0,
    withPreferred: 0,
    preferredHits: 0,
    chainedDays: 0,
    idleMinutes: 0,
    peakAtOnce: 0,
  }
  const byVolunteerDay = new Map<string, number[]>()
  const underWay = new Map<number, number>()
  for (const v of result.visits) {
    const day = dayOf(v.start)
    const from = v.start - day * MINUTES_PER_DAY
    s.byHour[Math.floor(from / 60)]!++
    if (from === dayHours.from) s.atDayStart++
    if (from % 15 !== 0) s.offQuarter++
    if (from < NAP.to && from + dur > NAP.from) s.inNap++
    const own = (people.get(v.personId)?.preferredWindows ?? []).filter(
      (w) => w.weekday === undefined || w.weekday === weekdayOfDay(day),
    )
    // An urgent visit may fall outside the person's window, in the station's day hours.
    const holding = [...own, dayHours].find((w) => w.from <= from && w.to >= from + dur)
    if (holding && holding.from === from) s.atWindowStart++
    if ((people.get(v.personId)?.preferredWindows.length ?? 0) > 0) {
      s.withPreferred++
      if (own.some((w) => w.from <= from && w.to >= from + dur)) s.preferredHits++
    }
    for (const id of v.volunteerIds) {
      const key = `${id}:${day}`
      byVolunteerDay.set(key, [...(byVolunteerDay.get(key) ?? []), v.start])
    }
    for (let q = Math.floor(v.start / 15); q * 15 < v.end; q++) underWay.set(q, (underWay.get(q) ?? 0) + 1)
  }
  for (const starts of byVolunteerDay.values()) {
    if (starts.length < 2) continue
    s.chainedDays++
    starts.sort((a, b) => a - b)
    for (let i = 1; i < starts.length; i++) s.idleMinutes += Math.max(0, starts[i]! - starts[i - 1]! - dur - buffer)
  }
  s.peakAtOnce = Math.max(0, ...underWay.values())
  return s
}

/** `09 ███ 123` lines for the hours that have starts. */
export function hourHistogram(byHour: number[]): string {
  const max = Math.max(1, ...byHour)
  return byHour
    .map((n, h) =>
      n === 0 ? '' : `${String(h).padStart(2, '0')}:00 ${'█'.repeat(Math.round((40 * n) / max)).padEnd(40)} ${n}`,
    )
    .filter(Boolean)
    .join('\n')
}

type Visit = PlanResult['visits'][number]

/**
 * Starts the visit could have instead, given every other visit where it is: on the step grid,
 * inside its due window and `allowed`, every volunteer of it available and away from their
 * other visits by the travel time, under their weekly limit on another week, and the person not
 * visited otherwise that day. Recomputed from the input, not from the planner's bookkeeping.
 */
export function otherStarts(
  input: PlannerInput,
  result: PlanResult,
  v: Visit,
  allowed: (start: number) => boolean,
): number[] {
  const { durationMinutes: dur, bufferMinutes: buffer, stepMinutes: step } = input.settings
  const all = [...input.fixed, ...result.visits].filter((o) => o.key !== v.key)
  const out: number[] = []
  for (let s = Math.ceil(v.windowFrom / step) * step; s + dur <= v.windowTo; s += step) {
    if (s === v.start || !allowed(s)) continue
    const day = dayOf(s)
    if (all.some((o) => o.personId === v.personId && dayOf(o.start) === day)) continue
    const free = v.volunteerIds.every((id) => {
      const vol = input.volunteers.find((x) => x.id === id)
      if (!vol || vol.status !== 'active') return false
      const from = s - day * MINUTES_PER_DAY
      if (!vol.availability.some((w) => w.weekday === weekdayOfDay(day) && w.from <= from && w.to >= from + dur))
        return false
      if (vol.exceptions.some((x) => x.from < s + dur && x.to > s)) return false
      const theirs = all.filter((o) => o.volunteerIds.includes(id))
      if (theirs.some((o) => s < o.end + buffer && s + dur + buffer > o.start)) return false
      return theirs.filter((o) => weekOfDay(dayOf(o.start)) === weekOfDay(day)).length < vol.maxPerWeek
    })
    if (free) out.push(s)
  }
  return out
}

function insideWindows(input: PlannerInput, personId: number, start: number, urgent: boolean): boolean {
  const person = input.people.find((p) => p.id === personId)!
  const day = dayOf(start)
  const from = start - day * MINUTES_PER_DAY
  const { dayHours, durationMinutes: dur } = input.settings
  const windows =
    urgent || person.preferredWindows.length === 0
      ? [dayHours]
      : person.preferredWindows.filter((w) => w.weekday === undefined || w.weekday === weekdayOfDay(day))
  return windows.some((w) => w.from <= from && w.to >= from + dur)
}

function inNap(start: number, dur: number): boolean {
  const from = start - dayOf(start) * MINUTES_PER_DAY
  return from < NAP.to && from + dur > NAP.from
}

/** Urgent visits outside the person's own window although a start inside it was free. */
export function missedOwnWindows(input: PlannerInput, result: PlanResult): string[] {
  const out: string[] = []
  for (const v of result.visits) {
    const person = input.people.find((p) => p.id === v.personId)!
    if (v.kind !== 'urgent' || person.preferredWindows.length === 0) continue
    if (insideWindows(input, v.personId, v.start, false)) continue
    // An urgent visit keeps to the station's day hours even when the person's window runs later.
    const better = otherStarts(
      input,
      result,
      v,
      (s) => insideWindows(input, v.personId, s, false) && insideWindows(input, v.personId, s, true),
    )
    if (better.length > 0)
      out.push(`${v.key}: outside the person's window, but ${better.length} starts inside were free`)
  }
  return out
}

/** Visits over the 12:00–14:00 nap although a start that day outside it (and as good for the person's window) was free. */
export function avoidableNaps(input: PlannerInput, result: PlanResult): string[] {
  const dur = input.settings.durationMinutes
  const out: string[] = []
  for (const v of result.visits) {
    if (!inNap(v.start, dur)) continue
    const urgent = v.kind === 'urgent'
    const ownNow = insideWindows(input, v.personId, v.start, false)
    const better = otherStarts(
      input,
      result,
      v,
      (s) =>
        dayOf(s) === dayOf(v.start) &&
        !inNap(s, dur) &&
        insideWindows(input, v.personId, s, urgent) &&
        (!urgent || !ownNow || insideWindows(input, v.personId, s, false)),
    )
    if (better.length > 0) out.push(`${v.key}: over the nap, but ${better.length} starts that day were free`)
  }
  return out
}

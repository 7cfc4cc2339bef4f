/**
 * A manual move (calendar drag or edit) checked against the planner's rules. Each broken rule is
 * named, with the volunteer and the visit it clashes with, so the calendar can show the conflict;
 * an empty list means the move keeps every rule.
 */
import { PlannerCalendar } from './calendar'
import { dayOf, MINUTES_PER_DAY, weekdayOfDay } from './time'
import type { MoveRule } from '../../../contract/rules/visit-codes'
import type { PlannerInput } from './types'

export { MOVE_RULES, type MoveRule } from '../../../contract/rules/visit-codes'

export interface MoveConflict {
  rule: MoveRule
  volunteerId?: number
  /** The other visit a double booking or too-short travel time clashes with. */
  otherKey?: string
}

export interface PlanVisitRef {
  key: string
  personId: number
  start: number
  end: number
  volunteerIds: number[]
  /** The window the tier asks the visit to fall in, when the visit came from a demand. */
  windowFrom?: number
  windowTo?: number
  urgent?: boolean
}

export interface VisitMove {
  key: string
  start: number
  volunteerIds: number[]
}

export function checkMove(input: PlannerInput, visits: PlanVisitRef[], move: VisitMove): MoveConflict[] {
  const moved = visits.find((v) => v.key === move.key)
  if (!moved) throw new Error(`unknown visit ${move.key}`)
  const cal = new PlannerCalendar(input)
  for (const v of visits) if (v.key !== move.key) cal.book({ ...v, fixed: true })
  const duration = moved.end - moved.start
  const start = move.start
  const end = start + duration
  const day = dayOf(start)
  const conflicts: MoveConflict[] = []
  const person = input.people.find((p) => p.id === moved.personId)

  if (move.volunteerIds.length === 0) conflicts.push({ rule: 'no-volunteer' })
  if (person && input.settings.tiers[person.tier].twoVolunteers && move.volunteerIds.length < 2) {
    conflicts.push({ rule: 'needs-two-volunteers' })
  }
  for (const id of move.volunteerIds) {
    const v = cal.volunteer(id)
    if (!v || v.status !== 'active') {
      conflicts.push({ rule: 'volunteer-inactive', volunteerId: id })
      continue
    }
    const from = start - day * MINUTES_PER_DAY
    const to = end - day * MINUTES_PER_DAY
    const weekly = v.availability.some((w) => w.weekday === weekdayOfDay(day) && w.from <= from && w.to >= to)
    if (!weekly) conflicts.push({ rule: 'volunteer-unavailable', volunteerId: id })
    if (v.exceptions.some((x) => x.from < end && x.to > start))
      conflicts.push({ rule: 'volunteer-away', volunteerId: id })
    if (!cal.underLimit(id, day)) conflicts.push({ rule: 'weekly-limit', volunteerId: id })
    const clash = cal.bookingsOf(id).find((b) => b.start < end && b.end > start)
    if (clash) conflicts.push({ rule: 'double-booked', volunteerId: id, otherKey: clash.key })
    else {
      const near = cal.conflictAt(id, start, end)
      if (near) conflicts.push({ rule: 'travel-buffer', volunteerId: id, otherKey: near.key })
    }
  }
  if (moved.windowFrom !== undefined && moved.windowTo !== undefined) {
    if (start < moved.windowFrom || end > moved.windowTo) conflicts.push({ rule: 'outside-due-window' })
  }
  const windows = cal.windowsFor(moved.personId, day, moved.urgent ?? false)
  const from = start - day * MINUTES_PER_DAY
  if (!windows.some((w) => w.from <= from && w.to >= from + duration))
    conflicts.push({ rule: 'outside-preferred-window' })
  return conflicts
}

/**
 * The planner's working state: who is booked when, how many visits each volunteer has in each
 * week, how busy each day is overall. Booking and unbooking are symmetric so the repair pass can
 * try a swap and undo it.
 */
import { dayOf, MINUTES_PER_DAY, weekdayOfDay, weekOfDay } from './time'
import type { DayWindow, PlannerInput, PlannerPerson, PlannerSettings, PlannerVolunteer, VisitDemand } from './types'

export interface Booking {
  key: string
  personId: number
  start: number
  end: number
  volunteerIds: number[]
  fixed: boolean
}

interface VolunteerState {
  volunteer: PlannerVolunteer
  /** Availability windows indexed by ISO weekday (index 0 unused). */
  byWeekday: DayWindow[][]
  byDay: Map<number, Booking[]>
  byWeek: Map<number, number>
  total: number
}

export class PlannerCalendar {
  readonly settings: PlannerSettings
  private readonly volunteers = new Map<number, VolunteerState>()
  private readonly bookings = new Map<string, Booking>()
  private readonly dayLoad = new Map<number, number>()
  private readonly personDays = new Map<number, Map<number, number>>()
  private readonly personWindows = new Map<number, DayWindow[][]>()
  private readonly dayHoursByWeekday: DayWindow[][]

  constructor(input: PlannerInput) {
    this.settings = input.settings
    const hours = input.settings.dayHours
    this.dayHoursByWeekday = [[], ...[1, 2, 3, 4, 5, 6, 7].map(() => [{ from: hours.from, to: hours.to }])]
    for (const v of input.volunteers) {
      const byWeekday: DayWindow[][] = [[], [], [], [], [], [], [], []]
      for (const w of v.availability) byWeekday[w.weekday]!.push({ from: w.from, to: w.to })
      this.volunteers.set(v.id, { volunteer: v, byWeekday, byDay: new Map(), byWeek: new Map(), total: 0 })
    }
    for (const p of input.people) this.personWindows.set(p.id, windowsByWeekday(p, this.dayHoursByWeekday))
  }

  volunteer(id: number): PlannerVolunteer | undefined {
    return this.volunteers.get(id)?.volunteer
  }

  totalOf(id: number): number {
    return this.volunteers.get(id)?.total ?? 0
  }

  booking(key: string): Booking | undefined {
    return this.bookings.get(key)
  }

  bookingsOf(volunteerId: number): Booking[] {
    const state = this.volunteers.get(volunteerId)
    if (!state) return []
    return [...state.byDay.values()].flat()
  }

  /** Every booking, kept and planned, in booking order. */
  allBookings(): Booking[] {
    return [...this.bookings.values()]
  }

  /** The volunteer's bookings on one day (a copy, in booking order). */
  bookingsOn(volunteerId: number, day: number): Booking[] {
    return [...(this.volunteers.get(volunteerId)?.byDay.get(day) ?? [])]
  }

  weekCount(volunteerId: number, day: number, ignoreKey?: string): number {
    const state = this.volunteers.get(volunteerId)
    if (!state) return 0
    let n = state.byWeek.get(weekOfDay(day)) ?? 0
    if (ignoreKey) {
      const b = this.bookings.get(ignoreKey)
      if (b && b.volunteerIds.includes(volunteerId) && weekOfDay(dayOf(b.start)) === weekOfDay(day)) n--
    }
    return n
  }

  underLimit(volunteerId: number, day: number, ignoreKey?: string): boolean {
    const state = this.volunteers.get(volunteerId)
    return !!state && this.weekCount(volunteerId, day, ignoreKey) < state.volunteer.maxPerWeek
  }

  volunteerDayCount(volunteerId: number, day: number): number {
    return this.volunteers.get(volunteerId)?.byDay.get(day)?.length ?? 0
  }

  load(day: number): number {
    return this.dayLoad.get(day) ?? 0
  }

  personVisitedOn(personId: number, day: number): boolean {
    return (this.personDays.get(personId)?.get(day) ?? 0) > 0
  }

  /** The person's windows for a weekday; an urgent visit uses the station's day hours. */
  windowsFor(personId: number, day: number, urgent: boolean): DayWindow[] {
    const weekday = weekdayOfDay(day)
    if (urgent) return this.dayHoursByWeekday[weekday]!
    return this.personWindows.get(personId)?.[weekday] ?? this.dayHoursByWeekday[weekday]!
  }

  /** Whether [start, end) lies in one of the person's own windows (the station's day hours if they name none). */
  insideOwnWindow(personId: number, start: number, end: number): boolean {
    const day = dayOf(start)
    const from = start - day * MINUTES_PER_DAY
    const to = end - day * MINUTES_PER_DAY
    return this.windowsFor(personId, day, false).some((w) => w.from <= from && w.to >= to)
  }

  /** Whether the volunteer's weekly availability covers [start, end) and no exception touches it. */
  availableAt(volunteerId: number, start: number, end: number): boolean {
    const state = this.volunteers.get(volunteerId)
    if (!state || state.volunteer.status !== 'active') return false
    const day = dayOf(start)
    const from = start - day * MINUTES_PER_DAY
    const to = end - day * MINUTES_PER_DAY
    if (!state.byWeekday[weekdayOfDay(day)]!.some((w) => w.from <= from && w.to >= to)) return false
    return !state.volunteer.exceptions.some((x) => x.from < end && x.to > start)
  }

  /** Whether [start, end) plus the travel buffer on both sides touches another booking of the volunteer. */
  conflictAt(volunteerId: number, start: number, end: number, ignoreKey?: string): Booking | undefined {
    const state = this.volunteers.get(volunteerId)
    if (!state) return undefined
    const buffer = this.settings.bufferMinutes
    const day = dayOf(start)
    // A booking on a neighbouring day can only touch this one through a buffer across midnight.
    for (const d of [day - 1, day, day + 1]) {
      for (const b of state.byDay.get(d) ?? []) {
        if (b.key !== ignoreKey && start < b.end + buffer && end + buffer > b.start) return b
      }
    }
    return undefined
  }

  /**
   * Start times on `day` for a demand with this volunteer: inside the demand's window, the
   * person's windows and the volunteer's availability, on the step grid, outside exceptions.
   * Bookings and limits are not looked at here.
   */
  *candidateStarts(demand: VisitDemand, volunteerId: number, day: number): Generator<number> {
    const state = this.volunteers.get(volunteerId)
    if (!state || state.volunteer.status !== 'active') return
    const weekday = weekdayOfDay(day)
    const avail = state.byWeekday[weekday]!
    if (avail.length === 0) return
    const dayStart = day * MINUTES_PER_DAY
    const { durationMinutes: dur, stepMinutes: step } = this.settings
    for (const pw of this.windowsFor(demand.personId, day, demand.kind === 'urgent')) {
      for (const aw of avail) {
        const lo = Math.max(pw.from, aw.from, demand.from - dayStart)
        const hi = Math.min(pw.to, aw.to, demand.to - dayStart) - dur
        for (let s = Math.ceil(lo / step) * step; s <= hi; s += step) {
          const start = dayStart + s
          if (!state.volunteer.exceptions.some((x) => x.from < start + dur && x.to > start)) yield start
        }
      }
    }
  }

  /** Whether the person's own windows leave any start inside the demand's window. */
  demandHasRoom(demand: VisitDemand): boolean {
    const dur = this.settings.durationMinutes
    for (let day = dayOf(demand.from); day * MINUTES_PER_DAY < demand.to; day++) {
      const dayStart = day * MINUTES_PER_DAY
      for (const pw of this.windowsFor(demand.personId, day, demand.kind === 'urgent')) {
        const lo = Math.max(pw.from, demand.from - dayStart)
        const hi = Math.min(pw.to, demand.to - dayStart) - dur
        const s = Math.ceil(lo / this.settings.stepMinutes) * this.settings.stepMinutes
        if (s <= hi) return true
      }
    }
    return false
  }

  book(b: Booking): void {
    this.bookings.set(b.key, b)
    const day = dayOf(b.start)
    for (const id of b.volunteerIds) {
      const state = this.volunteers.get(id)
      if (!state) continue
      const list = state.byDay.get(day) ?? []
      list.push(b)
      state.byDay.set(day, list)
      const week = weekOfDay(day)
      state.byWeek.set(week, (state.byWeek.get(week) ?? 0) + 1)
      state.total++
    }
    this.dayLoad.set(day, this.load(day) + 1)
    const days = this.personDays.get(b.personId) ?? new Map<number, number>()
    days.set(day, (days.get(day) ?? 0) + 1)
    this.personDays.set(b.personId, days)
  }

  unbook(key: string): Booking | undefined {
    const b = this.bookings.get(key)
    if (!b) return undefined
    this.bookings.delete(key)
    const day = dayOf(b.start)
    for (const id of b.volunteerIds) {
      const state = this.volunteers.get(id)
      if (!state) continue
      const list = state.byDay.get(day) ?? []
      state.byDay.set(
        day,
        list.filter((x) => x.key !== key),
      )
      const week = weekOfDay(day)
      state.byWeek.set(week, (state.byWeek.get(week) ?? 1) - 1)
      state.total--
    }
    this.dayLoad.set(day, this.load(day) - 1)
    const days = this.personDays.get(b.personId)
    days?.set(day, (days.get(day) ?? 1) - 1)
    return b
  }
}

function windowsByWeekday(p: PlannerPerson, dayHours: DayWindow[][]): DayWindow[][] {
  if (p.preferredWindows.length === 0) return dayHours
  const out: DayWindow[][] = [[], [], [], [], [], [], [], []]
  for (const w of p.preferredWindows) {
    for (let wd = 1; wd <= 7; wd++)
      if (w.weekday === undefined || w.weekday === wd) out[wd]!.push({ from: w.from, to: w.to })
  }
  return out
}

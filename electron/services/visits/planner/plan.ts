/**
 * The visit planner: a greedy pass over the demands, most constrained first (urgent, then
 * narrow windows, pairs before singles), each given the best volunteer of the first preference
 * group that has one free (last time's volunteers, the usual ones, the person's grid, everyone
 * else), on the least busy day; then a repair pass that frees a volunteer for an unassigned visit
 * by moving one of their visits to someone else; then a pass that picks each visit's time of day
 * (retime.ts). What still cannot be placed is returned with the reason, never dropped.
 */
import { PlannerCalendar, type Booking } from './calendar'
import { computeDemands } from './demand'
import { retimeVisits } from './retime'
import { dayOf, MINUTES_PER_DAY, weekOfDay } from './time'
import type { PlannedVisit, PlannerInput, PlannerPerson, PlanResult, UnassignedVisit, VisitDemand } from './types'

interface Choice {
  start: number
  volunteerIds: number[]
}

/** How long a chain of displaced visits the repair pass tries, and how many moves in all per visit. */
const REPAIR_DEPTH = 6
const REPAIR_BUDGET = 300
/** Outweighs every other part of a slot's cost: an urgent visit goes outside the person's window only when it must. */
const URGENT_OUTSIDE_OWN_WINDOW = 1000

export function planVisits(input: PlannerInput): PlanResult {
  return new Planner(input).run()
}

class Planner {
  private readonly cal: PlannerCalendar
  private readonly people = new Map<number, PlannerPerson>()
  private readonly byGrid = new Map<number | null, number[]>()
  private readonly active: number[]
  private readonly continuity = new Map<number, Set<number>>()
  private readonly planned = new Map<string, PlannedVisit>()
  private readonly demandByKey = new Map<string, VisitDemand>()
  private readonly meanLoad: number

  constructor(private readonly input: PlannerInput) {
    this.cal = new PlannerCalendar(input)
    for (const p of input.people) {
      this.people.set(p.id, p)
      this.continuity.set(p.id, new Set(p.lastVolunteerIds))
    }
    this.active = input.volunteers.filter((v) => v.status === 'active' && v.maxPerWeek > 0).map((v) => v.id)
    for (const id of this.active) {
      const grid = this.cal.volunteer(id)!.gridId
      const list = this.byGrid.get(grid) ?? []
      list.push(id)
      this.byGrid.set(grid, list)
    }
    for (const f of input.fixed) this.cal.book({ ...f, fixed: true })
    const days = input.period.toDay - input.period.fromDay + 1
    this.meanLoad = Math.max(1, input.people.length / Math.max(1, days))
  }

  run(): PlanResult {
    const { demands, coveredByFixed } = computeDemands(this.input)
    for (const d of demands) this.demandByKey.set(d.key, d)
    const ordered = [...demands].sort(
      (a, b) =>
        rank(a) - rank(b) ||
        a.to - a.from - (b.to - b.from) ||
        b.volunteersNeeded - a.volunteersNeeded ||
        a.from - b.from,
    )
    const pending: VisitDemand[] = []
    for (const d of ordered) if (!this.tryPlace(d)) pending.push(d)

    let left = pending.filter((d) => !(d.volunteersNeeded === 1 && this.repair(d)))
    // Times of day last: placement packs each day from its first minute (that finds the most
    // assignments), then retimeVisits spreads the day without changing any volunteer.
    // Moving visits can open room for one still unplaced, so those are tried again, and their
    // reasons are worked out on the final calendar so "all booked" stays true.
    for (;;) {
      retimeVisits(this.cal, this.planned, this.people)
      const still = left.filter((d) => !this.tryPlace(d))
      if (still.length === left.length) break
      left = still
    }
    const unassigned = left.map((d) => this.explain(d))

    const visits = [...this.planned.values()].sort((a, b) => a.start - b.start || a.personId - b.personId)
    const person = (id: number) => this.people.get(id)!
    return {
      visits,
      unassigned,
      stats: {
        demanded: demands.length + coveredByFixed,
        coveredByFixed,
        assigned: visits.length,
        unassigned: unassigned.length,
        crossGrid: visits.filter((v) => !v.sameGrid && person(v.personId).gridId !== null).length,
        keptLastVolunteer: visits.filter((v) => v.keptLastVolunteer).length,
        withLastVolunteer: visits.filter((v) => (this.previousOf(v) ?? []).length > 0).length,
      },
    }
  }

  private previousVolunteers = new Map<string, number[]>()
  private previousOf(v: PlannedVisit): number[] | undefined {
    return this.previousVolunteers.get(v.key)
  }

  private tryPlace(d: VisitDemand, exclude?: number): boolean {
    const choice = d.volunteersNeeded === 2 ? this.findPair(d, exclude) : this.findSingle(d, exclude)
    if (!choice) return false
    this.commit(d, choice)
    return true
  }

  private commit(d: VisitDemand, choice: Choice): void {
    const person = this.people.get(d.personId)!
    const before = [...(this.continuity.get(d.personId) ?? [])]
    const end = choice.start + this.cal.settings.durationMinutes
    this.cal.book({
      key: d.key,
      personId: d.personId,
      start: choice.start,
      end,
      volunteerIds: choice.volunteerIds,
      fixed: false,
    })
    this.previousVolunteers.set(d.key, before)
    this.planned.set(d.key, {
      key: d.key,
      personId: d.personId,
      kind: d.kind,
      tier: d.tier,
      start: choice.start,
      end,
      volunteerIds: choice.volunteerIds,
      sameGrid:
        person.gridId !== null && choice.volunteerIds.every((id) => this.cal.volunteer(id)!.gridId === person.gridId),
      keptLastVolunteer: choice.volunteerIds.some((id) => before.includes(id)),
      windowFrom: d.from,
      windowTo: d.to,
    })
    // Continuity within the period: the next visit prefers whoever came this time.
    this.continuity.set(d.personId, new Set([...before, ...choice.volunteerIds]))
  }

  private uncommit(key: string): Booking | undefined {
    this.planned.delete(key)
    this.previousVolunteers.delete(key)
    return this.cal.unbook(key)
  }

  /** Preference groups, best first; each volunteer appears once. */
  private groups(d: VisitDemand, exclude?: number): number[][] {
    const person = this.people.get(d.personId)!
    const seen = new Set<number>(exclude === undefined ? [] : [exclude])
    const take = (ids: Iterable<number>) => {
      const out: number[] = []
      for (const id of ids) {
        if (seen.has(id)) continue
        const v = this.cal.volunteer(id)
        if (!v || v.status !== 'active' || v.maxPerWeek <= 0) continue
        seen.add(id)
        out.push(id)
      }
      return out
    }
    const last = take(this.continuity.get(d.personId) ?? [])
    const usual = take(person.usualVolunteerIds)
    const grid = take(this.byGrid.get(person.gridId) ?? [])
    const rest = take(this.active)
    return [last, usual, grid, rest]
  }

  private *days(d: VisitDemand): Generator<number> {
    for (let day = dayOf(d.from); day * MINUTES_PER_DAY < d.to; day++) yield day
  }

  /**
   * The volunteer's best slot for the demand: the day least busy for them and for the station, at
   * its first free start (the time of day is chosen later, by retimeVisits). An urgent visit may
   * use the station's day hours, but a start inside the person's own window, on either day of its
   * 24 hours, comes first, so that the choice of volunteer already looks for it.
   */
  private bestSlot(d: VisitDemand, volunteerId: number, ignoreKey?: string): { start: number; cost: number } | null {
    const dur = this.cal.settings.durationMinutes
    const ownFirst = d.kind === 'urgent' && this.people.get(d.personId)!.preferredWindows.length > 0
    let best: { start: number; cost: number } | null = null
    for (const day of this.days(d)) {
      if (this.cal.personVisitedOn(d.personId, day)) continue
      if (!this.cal.underLimit(volunteerId, day, ignoreKey)) continue
      const cost = 3 * this.cal.volunteerDayCount(volunteerId, day) + this.cal.load(day) / this.meanLoad
      if (best && cost >= best.cost) continue
      let start: number | undefined
      let outside = false
      for (const s of this.cal.candidateStarts(d, volunteerId, day)) {
        if (this.cal.conflictAt(volunteerId, s, s + dur, ignoreKey)) continue
        if (!ownFirst || this.cal.insideOwnWindow(d.personId, s, s + dur)) {
          start = s
          outside = false
          break
        }
        if (start === undefined) {
          start = s
          outside = true
        }
      }
      if (start === undefined) continue
      const total = cost + (outside ? URGENT_OUTSIDE_OWN_WINDOW : 0)
      if (!best || total < best.cost) best = { start, cost: total }
    }
    return best
  }

  private findSingle(d: VisitDemand, exclude?: number): Choice | null {
    for (const group of this.groups(d, exclude)) {
      let best: { id: number; start: number; cost: number } | null = null
      for (const id of group) {
        const slot = this.bestSlot(d, id)
        if (!slot) continue
        const v = this.cal.volunteer(id)!
        const cost = slot.cost + (4 * this.cal.weekCount(id, dayOf(slot.start))) / v.maxPerWeek
        if (!best || cost < best.cost) best = { id, start: slot.start, cost }
      }
      if (best) return { start: best.start, volunteerIds: [best.id] }
    }
    return null
  }

  /** Two volunteers at the same time: the first by preference, the second the best free then. */
  private findPair(d: VisitDemand, exclude?: number): Choice | null {
    const candidates = this.groups(d, exclude).flat()
    const dur = this.cal.settings.durationMinutes
    const firsts = candidates.slice(0, 60)
    for (const first of firsts) {
      const days = [...this.days(d)]
        .filter((day) => !this.cal.personVisitedOn(d.personId, day) && this.cal.underLimit(first, day))
        .sort((a, b) => this.cal.load(a) - this.cal.load(b) || a - b)
      for (const day of days) {
        for (const start of this.cal.candidateStarts(d, first, day)) {
          if (this.cal.conflictAt(first, start, start + dur)) continue
          for (const second of candidates) {
            if (second === first || !this.cal.underLimit(second, day)) continue
            if (!this.cal.availableAt(second, start, start + dur)) continue
            if (this.cal.conflictAt(second, start, start + dur)) continue
            return { start, volunteerIds: [first, second] }
          }
        }
      }
    }
    return null
  }

  /**
   * Frees a volunteer for `d` by moving one of their planned single visits elsewhere; that visit
   * may in turn displace another (an augmenting chain, `REPAIR_DEPTH` long at most). Visits
   * already moved in this chain stay put, and every step is undone when the chain fails.
   */
  private repair(
    d: VisitDemand,
    depth = REPAIR_DEPTH,
    locked = new Set<string>([d.key]),
    budget = { left: REPAIR_BUDGET },
  ): boolean {
    for (const id of this.groups(d).flat()) {
      if (!this.freeSomewhere(d, id)) continue
      const weeks = new Set([...this.days(d)].map(weekOfDay))
      const blockers = this.cal
        .bookingsOf(id)
        .filter(
          (b) => !b.fixed && !locked.has(b.key) && b.volunteerIds.length === 1 && weeks.has(weekOfDay(dayOf(b.start))),
        )
      for (const blocker of blockers) {
        if (--budget.left < 0) return false
        const blockerDemand = this.demandByKey.get(blocker.key)
        const blockerPlan = this.planned.get(blocker.key)
        if (!blockerDemand || !blockerPlan) continue
        const previous = this.previousVolunteers.get(blocker.key) ?? []
        this.uncommit(blocker.key)
        const slot = this.bestSlot(d, id)
        if (slot) {
          this.commit(d, { start: slot.start, volunteerIds: [id] })
          if (this.tryPlace(blockerDemand)) return true
          if (depth > 1 && this.repair(blockerDemand, depth - 1, new Set([...locked, blocker.key]), budget)) return true
          this.uncommit(d.key)
        }
        // Put the blocker back exactly as it was.
        this.cal.book(blocker)
        this.planned.set(blocker.key, blockerPlan)
        this.previousVolunteers.set(blocker.key, previous)
      }
    }
    return false
  }

  /** Free (availability and exceptions) at some possible time of the demand, bookings aside. */
  private freeSomewhere(d: VisitDemand, id: number): boolean {
    for (const day of this.days(d)) {
      if (!this.cal.candidateStarts(d, id, day).next().done) return true
    }
    return false
  }

  private explain(d: VisitDemand): UnassignedVisit {
    const person = this.people.get(d.personId)!
    let available = 0
    let atLimit = 0
    let sameGridAtLimit = 0
    for (const id of this.active) {
      let free = false
      let underLimit = false
      for (const day of this.days(d)) {
        if (this.cal.candidateStarts(d, id, day).next().done) continue
        free = true
        if (this.cal.underLimit(id, day)) {
          underLimit = true
          break
        }
      }
      if (!free) continue
      available++
      if (!underLimit) {
        atLimit++
        if (person.gridId !== null && this.cal.volunteer(id)!.gridId === person.gridId) sameGridAtLimit++
      }
    }
    const reason = !this.cal.demandHasRoom(d)
      ? 'no-time-in-preferred-window'
      : available === 0
        ? 'no-volunteer-available'
        : d.volunteersNeeded === 2 && this.findSingle(d)
          ? 'no-second-volunteer'
          : atLimit === available
            ? 'all-at-weekly-limit'
            : 'all-booked'
    return {
      key: d.key,
      personId: d.personId,
      kind: d.kind,
      tier: d.tier,
      windowFrom: d.from,
      windowTo: d.to,
      reason,
      detail: { availableVolunteers: available, atLimit, sameGridAtLimit },
    }
  }
}

function rank(d: VisitDemand): number {
  return d.kind === 'urgent' ? 0 : 1
}

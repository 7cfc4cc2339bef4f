/**
 * The time-of-day pass. Placement (plan.ts) puts each visit at the earliest free start of its day:
 * earliest-fit packs a volunteer's time best, so it finds the most assignments, but it piles the
 * station's visits at the first minute of the day. This pass runs after every visit has its day
 * and volunteers and moves visits within their day, to a start that keeps every rule (the
 * volunteer's hours and absences, the person's windows, the due window, travel time to the
 * volunteer's other visits). Volunteers never change here and nothing is unassigned, so it cannot
 * cost an assignment or continuity; only an urgent visit may change day (within its 24 hours, to
 * reach the person's own window), and then the weekly limits and one visit a day per person are
 * checked again.
 *
 * Among the starts that keep the rules it minimises one cost, whose weights are ordered so each
 * goal outranks the next (see the constants): an urgent visit inside the person's own preferred
 * window; no visit over the after-lunch nap; a volunteer's visits on a day chained with only the
 * travel time between them, and visits in one grid next to each other; the station's visits spread
 * over the day (fewer visits under way at the same quarter hour); then a start spread over the
 * visit's possible range rather than its first minute.
 *
 * First each volunteer's day is re-laid as a chain (every order of up to four visits, every
 * possible first start, each next visit at the first free start after the travel time); then each
 * visit, pairs included, is moved alone if that is cheaper. The current time is always one of
 * the choices and is kept on a tie, so the pass is deterministic and never makes a plan worse.
 */
import type { PlannerCalendar } from './calendar'
import { dayOf, MINUTES_PER_DAY } from './time'
import type { PlannedVisit, PlannerPerson, VisitDemand } from './types'

/** Elderly people nap after lunch: DOMAIN.md names no visiting hours, so the station avoids 12:00–14:00. */
export const NAP_TIME = { from: 12 * 60, to: 14 * 60 } as const

/** Occupancy is counted per quarter hour (the printed sheet's unit). */
const SLOT = 15
const SLOTS_PER_DAY = MINUTES_PER_DAY / SLOT

/** An urgent visit (day hours allowed) outside the person's own window: only when nothing else fits. */
const W_URGENT_OUTSIDE_PREFERRED = 1_000_000
/** Per minute of a visit inside nap time: a quarter hour of it costs more than any gap or spread. */
const W_NAP_MINUTE = 1000
/** Per idle minute between two of a volunteer's visits beyond the travel time. */
const W_GAP_MINUTE = 2
/** Going from one grid to another between two visits in a row. */
const W_GRID_SWITCH = 40
/** Per quarter hour of the visit, per other visit of the station under way then. */
const W_OCCUPANCY = 1
/**
 * Per minute away from the visit's own target start, a fixed point of its possible range taken
 * from a hash of its key: on a quiet day most starts cost the same, and without this every such
 * visit would take the same start (the first minute, or the middle) again. A hash keeps it
 * deterministic and spreads the visits evenly over their ranges.
 */
const W_TARGET = 0.01
/** Chains of more visits keep their order (6! orders would cost too much for little). */
const MAX_PERMUTED = 4
/** Re-laying the chains twice lets the later ones' moves feed back to the earlier ones. */
const CHAIN_SWEEPS = 2
/** Rounds of the last pass over visits still over the nap or outside an urgent person's window. */
const FINAL_ROUNDS = 5

/** What never changes for a visit during the pass: its day, people, volunteers and possible starts. */
interface Item {
  visit: PlannedVisit
  grid: number | null
  /** Possible starts on its day, ascending, bookings aside. */
  starts: number[]
  /** For each start, the part of the cost that does not depend on other visits. */
  fixedCost: Float64Array
  /** Where in its possible range the visit leans when the station is equally quiet (see W_TARGET). */
  target: number
}

/** A volunteer's other visits that day, ascending by start, with their persons' grids. */
interface Anchors {
  starts: number[]
  grids: Array<number | null>
}

const NO_ANCHORS: Anchors = { starts: [], grids: [] }

export function retimeVisits(
  cal: PlannerCalendar,
  planned: Map<string, PlannedVisit>,
  people: Map<number, PlannerPerson>,
): void {
  new Retimer(cal, planned, people).run()
}

class Retimer {
  private readonly dur: number
  private readonly buffer: number
  /** Per day, how many visits (planned or kept) are under way in each quarter hour. */
  private readonly occupancy = new Map<number, Int32Array>()
  private readonly items = new Map<string, Item>()

  constructor(
    private readonly cal: PlannerCalendar,
    private readonly planned: Map<string, PlannedVisit>,
    private readonly people: Map<number, PlannerPerson>,
  ) {
    this.dur = cal.settings.durationMinutes
    this.buffer = cal.settings.bufferMinutes
  }

  run(): void {
    const visits = [...this.planned.values()].sort(byStartThenKey)
    if (visits.length === 0) return
    for (const v of visits) this.items.set(v.key, this.item(v))
    for (const b of this.cal.allBookings()) this.occupy(b.start, b.end, 1)

    // Chains only where a volunteer has two or more visits to lay out; a lone visit is moveAlone's.
    const volunteerDays = new Map<string, { volunteerId: number; day: number }>()
    for (const v of visits) {
      for (const id of v.volunteerIds) {
        const day = dayOf(v.start)
        if (this.cal.volunteerDayCount(id, day) > 1) volunteerDays.set(`${day}:${id}`, { volunteerId: id, day })
      }
    }
    const order = [...volunteerDays.values()].sort((a, b) => a.day - b.day || a.volunteerId - b.volunteerId)
    for (let sweep = 0; sweep < CHAIN_SWEEPS; sweep++) {
      for (const { volunteerId, day } of order) this.relayChain(volunteerId, day)
    }
    for (const v of [...this.planned.values()].sort(byStartThenKey)) this.moveAlone(v.key)
    // Visits still over the nap or outside an urgent person's window go once more, until none
    // moves: a move after theirs may have freed a better time. Only those move here, so no other
    // visit can become one of them.
    let left = [...this.planned.values()].filter((v) => this.penalised(v)).map((v) => v.key)
    for (let round = 0; round < FINAL_ROUNDS && left.length > 0; round++) {
      let moved = false
      for (const key of left) {
        const before = this.planned.get(key)!.start
        this.moveAlone(key)
        if (this.planned.get(key)!.start !== before) moved = true
      }
      if (!moved) break
      left = left.filter((key) => this.penalised(this.planned.get(key)!))
    }
  }

  /** Over the nap, or an urgent visit outside the person's own window. */
  private penalised(v: PlannedVisit): boolean {
    const from = v.start - dayOf(v.start) * MINUTES_PER_DAY
    if (from < NAP_TIME.to && from + this.dur > NAP_TIME.from) return true
    return v.kind === 'urgent' && !this.cal.insideOwnWindow(v.personId, v.start, v.end)
  }

  /** Re-lays one volunteer's single visits on one day as the cheapest chain. */
  private relayChain(volunteerId: number, day: number): void {
    const movable = this.cal
      .bookingsOn(volunteerId, day)
      .filter((b) => !b.fixed && b.volunteerIds.length === 1 && this.items.has(b.key))
      .sort(byStartThenKey)
      .map((b) => this.items.get(b.key)!)
    if (movable.length === 0) return
    for (const it of movable) this.take(it.visit)
    const anchors = this.anchors(volunteerId, day)

    const k = movable.length
    let best = movable.map((it) => it.visit.start)
    let bestOrder = movable
    let bestCost = this.chainCost(movable, best, anchors)
    const chain = new Array<number>(k)
    for (const chainOrder of k <= MAX_PERMUTED ? permutations(movable) : [movable]) {
      const first = chainOrder[0]!
      for (const t of first.starts) {
        if (!this.buildChain(volunteerId, chainOrder, t, chain)) continue
        const cost = this.chainCost(chainOrder, chain, anchors)
        if (cost < bestCost - 1e-9) {
          best = [...chain]
          bestOrder = chainOrder
          bestCost = cost
        }
      }
    }
    bestOrder.forEach((it, i) => this.put(it.visit, best[i]!))
  }

  /** The first visit at `t`, each next one at its first free start after the travel time; false if one does not fit. */
  private buildChain(volunteerId: number, chainOrder: Item[], t: number, out: number[]): boolean {
    if (this.cal.conflictAt(volunteerId, t, t + this.dur)) return false
    out[0] = t
    let cursor = t + this.dur + this.buffer
    for (let i = 1; i < chainOrder.length; i++) {
      const starts = chainOrder[i]!.starts
      let chosen = -1
      for (let j = lowerBound(starts, cursor); j < starts.length; j++) {
        if (!this.cal.conflictAt(volunteerId, starts[j]!, starts[j]! + this.dur)) {
          chosen = starts[j]!
          break
        }
      }
      if (chosen < 0) return false
      out[i] = chosen
      cursor = chosen + this.dur + this.buffer
    }
    return true
  }

  /**
   * One visit (a pair's too) to its cheapest start given everything else as it now is. An urgent
   * visit may also change day within its 24 hours, to reach the person's own window; then the
   * weekly limits and "one visit a day per person" are checked again.
   */
  private moveAlone(key: string): void {
    const it = this.items.get(key)!
    const visit = it.visit
    this.take(visit)
    const day = dayOf(visit.start)
    const anchorsByDay = new Map<number, Anchors[]>()
    const cost = (start: number, fixedCost: number) => {
      const d = dayOf(start)
      let anchors = anchorsByDay.get(d)
      if (!anchors) {
        anchors = visit.volunteerIds.map((id) => this.anchors(id, d)).filter((a) => a.starts.length > 0)
        anchorsByDay.set(d, anchors)
      }
      let n = fixedCost + this.occupancyCost(start)
      for (const a of anchors) n += this.shapeCost([it], [start], a)
      return n
    }
    let bestStart = visit.start
    let bestCost = cost(visit.start, it.fixedCost[lowerBound(it.starts, visit.start)]!)
    const consider = (start: number, fixedCost: number) => {
      if (start === visit.start) return
      if (visit.volunteerIds.some((id) => this.cal.conflictAt(id, start, start + this.dur))) return
      const c = cost(start, fixedCost)
      if (c < bestCost - 1e-9) {
        bestStart = start
        bestCost = c
      }
    }
    for (let i = 0; i < it.starts.length; i++) consider(it.starts[i]!, it.fixedCost[i]!)
    if (visit.kind === 'urgent') {
      for (const o of this.otherDayOptions(visit, it.target)) consider(o.start, o.fixedCost)
    }
    this.put(visit, bestStart)
    if (dayOf(bestStart) !== day) this.items.set(key, this.item(this.planned.get(key)!))
  }

  /** An urgent visit's possible starts on the other days of its 24 hours (the visit is off the calendar). */
  private otherDayOptions(visit: PlannedVisit, target: number): Array<{ start: number; fixedCost: number }> {
    const out: Array<{ start: number; fixedCost: number }> = []
    const current = dayOf(visit.start)
    for (let day = dayOf(visit.windowFrom); day * MINUTES_PER_DAY < visit.windowTo; day++) {
      if (day === current || this.cal.personVisitedOn(visit.personId, day)) continue
      if (!visit.volunteerIds.every((id) => this.cal.underLimit(id, day))) continue
      for (const start of this.startsOn(visit, day)) {
        out.push({ start, fixedCost: this.fixedCostAt(visit, start, target) })
      }
    }
    return out
  }

  private chainCost(chainOrder: Item[], starts: number[], anchors: Anchors): number {
    let n = this.shapeCost(chainOrder, starts, anchors)
    chainOrder.forEach((it, i) => {
      n += it.fixedCost[lowerBound(it.starts, starts[i]!)]! + this.occupancyCost(starts[i]!)
    })
    return n
  }

  /**
   * Idle time beyond travel and grid changes over a volunteer's whole day: the chain (ascending)
   * merged with the day's other visits (kept visits and pairs included).
   */
  private shapeCost(chainOrder: Item[], starts: number[], anchors: Anchors): number {
    let n = 0
    let prevStart = Number.NaN
    let prevGrid: number | null = null
    let i = 0
    let j = 0
    while (i < chainOrder.length || j < anchors.starts.length) {
      const fromChain = j >= anchors.starts.length || (i < chainOrder.length && starts[i]! <= anchors.starts[j]!)
      const start = fromChain ? starts[i]! : anchors.starts[j]!
      const grid = fromChain ? chainOrder[i++]!.grid : anchors.grids[j++]!
      if (!Number.isNaN(prevStart)) {
        n += W_GAP_MINUTE * Math.max(0, start - prevStart - this.dur - this.buffer)
        if (grid !== prevGrid) n += W_GRID_SWITCH
      }
      prevStart = start
      prevGrid = grid
    }
    return n
  }

  private occupancyCost(start: number): number {
    const day = dayOf(start)
    const occ = this.occupancy.get(day)
    if (!occ) return 0
    const from = start - day * MINUTES_PER_DAY
    const to = from + this.dur
    let n = 0
    for (let slot = Math.floor(from / SLOT); slot * SLOT < to && slot < SLOTS_PER_DAY; slot++) n += occ[slot]!
    return W_OCCUPANCY * n
  }

  /** The cost of a start that does not depend on other visits: preferred window (urgent), nap time, distance from the target. */
  private fixedCostAt(visit: PlannedVisit, start: number, target: number): number {
    const day = dayOf(start)
    const from = start - day * MINUTES_PER_DAY
    const to = from + this.dur
    let n = 0
    // Urgent visits may use the station's day hours, but the person's own window comes first.
    if (visit.kind === 'urgent' && !this.cal.insideOwnWindow(visit.personId, start, start + this.dur))
      n += W_URGENT_OUTSIDE_PREFERRED
    n += W_NAP_MINUTE * Math.max(0, Math.min(to, NAP_TIME.to) - Math.max(from, NAP_TIME.from))
    return n + W_TARGET * Math.abs(start - target)
  }

  private item(v: PlannedVisit): Item {
    const starts = this.startsOn(v, dayOf(v.start))
    // The placed start is always possible; keeping it in the list keeps the pass safe if a rule
    // here ever differed from placement's.
    if (!starts.includes(v.start)) starts.splice(lowerBound(starts, v.start), 0, v.start)
    const target = starts[Math.floor((hash(v.key) / 2 ** 32) * starts.length)]!
    const fixedCost = new Float64Array(starts.length)
    starts.forEach((s, i) => (fixedCost[i] = this.fixedCostAt(v, s, target)))
    return { visit: v, grid: this.people.get(v.personId)?.gridId ?? null, starts, fixedCost, target }
  }

  private anchors(volunteerId: number, day: number): Anchors {
    if (this.cal.volunteerDayCount(volunteerId, day) === 0) return NO_ANCHORS
    const list = this.cal.bookingsOn(volunteerId, day).sort((a, b) => a.start - b.start)
    return {
      starts: list.map((b) => b.start),
      grids: list.map((b) => this.people.get(b.personId)?.gridId ?? null),
    }
  }

  /** The visit's possible starts on a day, ascending: its windows and every volunteer's hours, bookings aside. */
  private startsOn(v: PlannedVisit, day: number): number[] {
    const demand: VisitDemand = {
      key: v.key,
      personId: v.personId,
      kind: v.kind,
      tier: v.tier,
      from: v.windowFrom,
      to: v.windowTo,
      volunteersNeeded: v.volunteerIds.length === 2 ? 2 : 1,
    }
    const [first, ...others] = v.volunteerIds
    const out = new Set<number>()
    for (const s of this.cal.candidateStarts(demand, first!, day)) {
      if (others.every((id) => this.cal.availableAt(id, s, s + this.dur))) out.add(s)
    }
    return [...out].sort((a, b) => a - b)
  }

  /** Lifts a visit off the calendar and the occupancy count. */
  private take(v: PlannedVisit): void {
    this.cal.unbook(v.key)
    this.occupy(v.start, v.end, -1)
  }

  /** Puts a visit back at `start`. */
  private put(v: PlannedVisit, start: number): void {
    const moved: PlannedVisit = { ...v, start, end: start + this.dur }
    this.planned.set(v.key, moved)
    this.items.get(v.key)!.visit = moved
    this.cal.book({
      key: moved.key,
      personId: moved.personId,
      start: moved.start,
      end: moved.end,
      volunteerIds: moved.volunteerIds,
      fixed: false,
    })
    this.occupy(moved.start, moved.end, 1)
  }

  private occupy(start: number, end: number, delta: number): void {
    const day = dayOf(start)
    let occ = this.occupancy.get(day)
    if (!occ) {
      occ = new Int32Array(SLOTS_PER_DAY)
      this.occupancy.set(day, occ)
    }
    const from = start - day * MINUTES_PER_DAY
    const to = Math.min(end - day * MINUTES_PER_DAY, MINUTES_PER_DAY)
    for (let slot = Math.floor(from / SLOT); slot * SLOT < to; slot++) occ[slot]! += delta
  }
}

function byStartThenKey(a: { start: number; key: string }, b: { start: number; key: string }): number {
  return a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}

/** FNV-1a over the key's characters: a stable 32-bit number per visit. */
function hash(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** The first index whose value is ≥ x (values ascending). */
function lowerBound(values: number[], x: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (values[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Every order of the items, in a fixed sequence (the given order first). */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items]
  const out: T[][] = []
  items.forEach((item, i) => {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) out.push([item, ...rest])
  })
  return out
}

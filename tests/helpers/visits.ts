/**
 * Seeded instances for the visit planner (property tests and the benchmark) and an independent
 * checker of a plan: the checker recomputes every rule from the input, it does not reuse the
 * planner's own bookkeeping, so a planner bug shows as a violation.
 */
import {
  DEFAULT_PLANNER_SETTINGS,
  MINUTES_PER_DAY,
  UNASSIGNED_REASONS,
  VISIT_TIERS,
  dayOf,
  weekOfDay,
  weekdayOfDay,
  type DayWindow,
  type FixedVisit,
  type PlanResult,
  type PlannerInput,
  type PlannerPerson,
  type PlannerSettings,
  type PlannerVolunteer,
  type VisitTier,
  type Weekday,
} from '../../electron/services/visits/planner'

/** mulberry32: small, fast, and the same sequence on every Node version. */
export function seededRandom(seed: number): Rng {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  }
}

export interface Rng {
  next(): number
  int(lo: number, hi: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

const H = 60
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7]

export interface InstanceShape {
  people: number
  volunteers: number
  grids: number
  /** First day of the period (a day number) and its length in days. */
  fromDay: number
  days: number
  /** How many weekdays each volunteer gives, and how many visits a week they take at most. */
  daysPerWeek: [number, number]
  maxPerWeek: [number, number]
  tierWeights: Record<VisitTier, number>
  /** Share of people with a narrow preferred window; share of volunteers with an exception. */
  narrowPreferences: number
  exceptions: number
  twoVolunteersForHigh: boolean
  majorChanges: number
  fixedShare: number
}

export const MONDAY_2026_11_30 = Math.floor(Date.UTC(2026, 10, 30) / 86_400_000)
export const DECEMBER_2026 = { fromDay: Math.floor(Date.UTC(2026, 11, 1) / 86_400_000), days: 31 }

export function randomInstance(rng: Rng, shape: Partial<InstanceShape> = {}): PlannerInput {
  const s: InstanceShape = {
    people: rng.int(5, 40),
    volunteers: rng.int(2, 15),
    grids: rng.int(1, 4),
    fromDay: MONDAY_2026_11_30 + rng.int(0, 6),
    days: rng.pick([7, 14, 31]),
    daysPerWeek: [1, 5],
    maxPerWeek: [1, 5],
    tierWeights: { high: 0.3, key: 0.4, general: 0.3 },
    narrowPreferences: 0.4,
    exceptions: 0.3,
    twoVolunteersForHigh: rng.chance(0.3),
    majorChanges: 0.05,
    fixedShare: 0.05,
    ...shape,
  }
  const settings: PlannerSettings = {
    ...DEFAULT_PLANNER_SETTINGS,
    durationMinutes: rng.pick([45, 60, 90]),
    bufferMinutes: rng.pick([0, 15, 30]),
    tiers: {
      high: { intervalDays: 7, twoVolunteers: s.twoVolunteersForHigh },
      key: { intervalDays: 30, twoVolunteers: false },
      general: { intervalDays: 91, twoVolunteers: false },
    },
  }
  const toDay = s.fromDay + s.days - 1
  const volunteers: PlannerVolunteer[] = []
  for (let i = 0; i < s.volunteers; i++) {
    const days = shuffle(rng, WEEKDAYS).slice(0, rng.int(s.daysPerWeek[0], s.daysPerWeek[1]))
    const availability = days.flatMap((weekday) => {
      const from = rng.pick([8, 9, 10, 13, 14]) * H
      const windows = [{ weekday, from, to: from + rng.int(2, 5) * H }]
      if (rng.chance(0.2)) windows.push({ weekday, from: 15 * H, to: 18 * H })
      return windows
    })
    const exceptions: PlannerVolunteer['exceptions'] = []
    if (rng.chance(s.exceptions)) {
      const from = (s.fromDay + rng.int(0, s.days - 1)) * MINUTES_PER_DAY + rng.int(0, 23) * H
      exceptions.push({ from, to: from + rng.int(4, 24 * 5) * H })
    }
    volunteers.push({
      id: i + 1,
      gridId: rng.int(1, s.grids),
      availability,
      exceptions,
      maxPerWeek: rng.int(s.maxPerWeek[0], s.maxPerWeek[1]),
      status: rng.chance(0.9) ? 'active' : rng.pick(['paused', 'left'] as const),
    })
  }
  const people: PlannerPerson[] = []
  for (let i = 0; i < s.people; i++) {
    const tier = weightedTier(rng, s.tierWeights)
    const preferredWindows: DayWindow[] = []
    if (rng.chance(s.narrowPreferences)) {
      const from = rng.pick([9, 10, 14, 15]) * H
      preferredWindows.push({ from, to: from + rng.int(2, 3) * H })
      if (rng.chance(0.3)) preferredWindows[0]!.weekday = rng.pick(WEEKDAYS)
    }
    const interval = settings.tiers[tier].intervalDays
    const lastVisitDay = rng.chance(0.8) ? s.fromDay - rng.int(1, interval + 10) : undefined
    const gridId = rng.int(1, s.grids)
    // Last time's volunteer mostly lives in the person's grid, as a station's usually does.
    const neighbours = volunteers.filter((v) => v.gridId === gridId)
    const last =
      volunteers.length === 0 || lastVisitDay === undefined
        ? []
        : [neighbours.length > 0 && rng.chance(0.8) ? rng.pick(neighbours).id : rng.int(1, volunteers.length)]
    people.push({
      id: i + 1,
      tier,
      gridId,
      preferredWindows,
      lastVisitDay,
      lastVolunteerIds: last,
      usualVolunteerIds: rng.chance(0.3) && volunteers.length > 0 ? [rng.int(1, volunteers.length)] : [],
      majorChangeAt: rng.chance(s.majorChanges)
        ? (s.fromDay + rng.int(0, s.days - 1)) * MINUTES_PER_DAY + rng.int(8, 20) * H
        : undefined,
    })
  }
  const fixed: FixedVisit[] = []
  for (const p of people) {
    if (!rng.chance(s.fixedShare) || volunteers.length === 0) continue
    const start = (s.fromDay + rng.int(0, s.days - 1)) * MINUTES_PER_DAY + rng.int(9, 15) * H
    fixed.push({
      key: `fixed:${p.id}`,
      personId: p.id,
      start,
      end: start + settings.durationMinutes,
      volunteerIds: [rng.int(1, volunteers.length)],
    })
  }
  return { period: { fromDay: s.fromDay, toDay }, people, volunteers, fixed, settings }
}

/**
 * An instance with more volunteer time than the demands need, by construction: every grid has
 * volunteers covering every weekday's visiting hours, their weekly capacity is at least twice
 * the most visits a week can ask of the grid, and people's windows always overlap those hours.
 */
export function ampleInstance(rng: Rng): PlannerInput {
  const grids = rng.int(1, 3)
  const fromDay = MONDAY_2026_11_30 + rng.int(0, 6)
  const days = rng.pick([7, 14, 31])
  const settings: PlannerSettings = {
    ...DEFAULT_PLANNER_SETTINGS,
    tiers: {
      high: { intervalDays: 7, twoVolunteers: rng.chance(0.3) },
      key: { intervalDays: 30, twoVolunteers: false },
      general: { intervalDays: 91, twoVolunteers: false },
    },
  }
  const people: PlannerPerson[] = []
  const volunteers: PlannerVolunteer[] = []
  let nextVolunteer = 1
  for (let g = 1; g <= grids; g++) {
    const count = rng.int(3, 25)
    const grid: PlannerPerson[] = []
    for (let i = 0; i < count; i++) {
      const from = rng.pick([9, 10, 14]) * H
      grid.push({
        id: people.length + grid.length + 1,
        tier: weightedTier(rng, { high: 0.3, key: 0.4, general: 0.3 }),
        gridId: g,
        preferredWindows: rng.chance(0.5) ? [{ from, to: from + 3 * H }] : [],
        lastVisitDay: rng.chance(0.7) ? fromDay - rng.int(1, 6) : undefined,
        lastVolunteerIds: [],
        usualVolunteerIds: [],
      })
    }
    // A week asks at most one visit per person (two volunteers for a pair), plus room: twice that.
    const perWeek = grid.reduce((n, p) => n + (settings.tiers[p.tier].twoVolunteers ? 2 : 1), 0)
    const maxPerWeek = 5
    const needed = Math.max(2, Math.ceil((2 * perWeek) / maxPerWeek))
    for (let i = 0; i < needed; i++) {
      volunteers.push({
        id: nextVolunteer++,
        gridId: g,
        availability: WEEKDAYS.map((weekday) => ({ weekday, from: 8 * H, to: 18 * H })),
        exceptions: [],
        maxPerWeek,
        status: 'active',
      })
    }
    people.push(...grid)
  }
  return { period: { fromDay, toDay: fromDay + days - 1 }, people, volunteers, fixed: [], settings }
}

/**
 * An instance with a hidden solution and no slack: each person's weekly visit is planted on a
 * volunteer, weekday and hour; that volunteer is available exactly then (one visit long) and
 * takes exactly as many visits a week as were planted on them. With `preferences`, each person
 * also asks for a window around their planted hour, so the order of placement matters more.
 */
export function plantedInstance(rng: Rng, preferences: boolean): PlannerInput {
  const settings: PlannerSettings = { ...DEFAULT_PLANNER_SETTINGS, dayHours: { from: 8 * H, to: 19 * H } }
  const count = rng.int(3, 12)
  const volunteers: PlannerVolunteer[] = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    gridId: rng.int(1, 2),
    availability: [],
    exceptions: [],
    maxPerWeek: 0,
    status: 'active' as const,
  }))
  const people: PlannerPerson[] = []
  const taken = new Set<string>()
  const target = rng.int(count, count * 3)
  for (let tries = 0; people.length < target && tries < target * 20; tries++) {
    const v = rng.pick(volunteers)
    const weekday = rng.int(1, 5) as Weekday
    const hour = rng.pick([9, 11, 14, 16])
    if (taken.has(`${v.id}:${weekday}:${hour}`)) continue
    taken.add(`${v.id}:${weekday}:${hour}`)
    v.availability.push({ weekday, from: hour * H, to: hour * H + settings.durationMinutes })
    v.maxPerWeek++
    people.push({
      id: people.length + 1,
      tier: 'high',
      gridId: rng.int(1, 2),
      preferredWindows: preferences ? [{ from: (hour - rng.int(0, 2)) * H, to: (hour + 1 + rng.int(0, 2)) * H }] : [],
      lastVolunteerIds: [],
      usualVolunteerIds: [],
    })
  }
  return {
    period: { fromDay: MONDAY_2026_11_30, toDay: MONDAY_2026_11_30 + 6 },
    people,
    volunteers,
    fixed: [],
    settings,
  }
}

/** The benchmark's month: 2,000 people, 300 volunteers, 20 grids, a realistic tier mix. */
export function benchInstance(seed: number, people = 2000, volunteerCount = 300): PlannerInput {
  const rng = seededRandom(seed)
  return randomInstance(rng, {
    people,
    volunteers: volunteerCount,
    grids: 20,
    fromDay: DECEMBER_2026.fromDay,
    days: DECEMBER_2026.days,
    daysPerWeek: [2, 5],
    maxPerWeek: [2, 6],
    tierWeights: { high: 0.15, key: 0.45, general: 0.4 },
    narrowPreferences: 0.3,
    exceptions: 0.15,
    twoVolunteersForHigh: false,
    majorChanges: 0.01,
    fixedShare: 0.02,
  })
}

function weightedTier(rng: Rng, weights: Record<VisitTier, number>): VisitTier {
  let x = rng.next() * VISIT_TIERS.reduce((n, t) => n + weights[t], 0)
  for (const t of VISIT_TIERS) {
    x -= weights[t]
    if (x < 0) return t
  }
  return 'general'
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** How many regular visits a person's tier asks for in the period, computed without the planner. */
export function expectedRegularVisits(person: PlannerPerson, input: PlannerInput): number {
  const { fromDay, toDay } = input.period
  const interval = input.settings.tiers[person.tier].intervalDays
  const last = person.lastVisitDay
  if (last === undefined || last + interval < fromDay) {
    const firstDeadline = fromDay + interval - 1
    return firstDeadline > toDay ? 1 : 1 + Math.floor((toDay - firstDeadline) / interval)
  }
  return Math.max(0, Math.floor((toDay - last) / interval))
}

function personWindows(input: PlannerInput, personId: number, day: number, urgent: boolean): DayWindow[] {
  const person = input.people.find((p) => p.id === personId)!
  const hours = [{ from: input.settings.dayHours.from, to: input.settings.dayHours.to }]
  if (urgent || person.preferredWindows.length === 0) return hours
  return person.preferredWindows.filter((w) => w.weekday === undefined || w.weekday === weekdayOfDay(day))
}

function volunteerFree(v: PlannerVolunteer, start: number, end: number): boolean {
  const day = dayOf(start)
  const from = start - day * MINUTES_PER_DAY
  const to = end - day * MINUTES_PER_DAY
  return (
    v.status === 'active' &&
    v.availability.some((w) => w.weekday === weekdayOfDay(day) && w.from <= from && w.to >= to) &&
    !v.exceptions.some((x) => x.from < end && x.to > start)
  )
}

/** Every rule of a plan, checked from the input alone; returns the violations found. */
export function violations(input: PlannerInput, result: PlanResult): string[] {
  const out: string[] = []
  const dur = input.settings.durationMinutes
  const volunteer = new Map(input.volunteers.map((v) => [v.id, v]))
  const all = [
    ...input.fixed.map((f) => ({ ...f, planned: false })),
    ...result.visits.map((v) => ({ ...v, planned: true })),
  ]

  for (const v of result.visits) {
    const person = input.people.find((p) => p.id === v.personId)!
    const needed = input.settings.tiers[person.tier].twoVolunteers ? 2 : 1
    if (v.volunteerIds.length !== needed) out.push(`${v.key}: ${v.volunteerIds.length} volunteers, needs ${needed}`)
    if (new Set(v.volunteerIds).size !== v.volunteerIds.length) out.push(`${v.key}: the same volunteer twice`)
    if (v.end - v.start !== dur) out.push(`${v.key}: lasts ${v.end - v.start} min`)
    if (v.start < v.windowFrom || v.end > v.windowTo) out.push(`${v.key}: starts outside its window`)
    if (v.start < input.period.fromDay * MINUTES_PER_DAY || v.end > (input.period.toDay + 1) * MINUTES_PER_DAY)
      out.push(`${v.key}: outside the period`)
    const day = dayOf(v.start)
    const from = v.start - day * MINUTES_PER_DAY
    if (!personWindows(input, v.personId, day, v.kind === 'urgent').some((w) => w.from <= from && w.to >= from + dur))
      out.push(`${v.key}: outside the person's windows`)
    for (const id of v.volunteerIds) {
      const vol = volunteer.get(id)
      if (!vol || !volunteerFree(vol, v.start, v.end)) out.push(`${v.key}: volunteer ${id} not available then`)
    }
  }

  // No volunteer in two places at once, travel buffer included (kept visits count too).
  const byVolunteer = new Map<number, typeof all>()
  for (const v of all) for (const id of v.volunteerIds) byVolunteer.set(id, [...(byVolunteer.get(id) ?? []), v])
  for (const [id, list] of byVolunteer) {
    const sorted = [...list].sort((a, b) => a.start - b.start)
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length && sorted[j]!.start < sorted[i]!.end + input.settings.bufferMinutes; j++) {
        if (sorted[i]!.planned || sorted[j]!.planned)
          out.push(`volunteer ${id}: ${sorted[i]!.key} and ${sorted[j]!.key} overlap or leave no travel time`)
      }
    }
    // Weekly limits: the planner may not add a visit to a week already full with kept ones.
    const weeks = new Map<number, { total: number; planned: number }>()
    for (const v of list) {
      const w = weekOfDay(dayOf(v.start))
      const c = weeks.get(w) ?? { total: 0, planned: 0 }
      c.total++
      if (v.planned) c.planned++
      weeks.set(w, c)
    }
    const max = volunteer.get(id)?.maxPerWeek ?? 0
    for (const [w, c] of weeks)
      if (c.planned > 0 && c.total > max) out.push(`volunteer ${id}: ${c.total} visits in week ${w}, limit ${max}`)
  }

  // Tiers: each person's regular visits, planned + kept + reported, equal what the tier asks for.
  for (const p of input.people) {
    const expected = expectedRegularVisits(p, input)
    const planned = result.visits.filter((v) => v.personId === p.id && v.kind === 'regular').length
    const missing = result.unassigned.filter((u) => u.personId === p.id && u.kind === 'regular').length
    const windows = new Set(
      [...result.visits, ...result.unassigned]
        .filter((v) => v.personId === p.id && v.kind === 'regular')
        .map((v) => v.windowFrom),
    )
    const coveredByFixed = expected - windows.size
    const fixedCount = input.fixed.filter((f) => f.personId === p.id).length
    if (planned + missing + coveredByFixed !== expected || coveredByFixed < 0 || coveredByFixed > fixedCount)
      out.push(`person ${p.id}: tier asks ${expected}, planned ${planned}, reported ${missing}, kept ${coveredByFixed}`)
    if (windows.size !== planned + missing) out.push(`person ${p.id}: two visits in one window`)
    const urgent =
      p.majorChangeAt !== undefined &&
      p.majorChangeAt < (input.period.toDay + 1) * MINUTES_PER_DAY &&
      p.majorChangeAt + MINUTES_PER_DAY > input.period.fromDay * MINUTES_PER_DAY
    const urgentSeen = [...result.visits, ...result.unassigned].filter(
      (v) => v.personId === p.id && v.kind === 'urgent',
    )
    const urgentKept = input.fixed.some(
      (f) =>
        f.personId === p.id &&
        p.majorChangeAt !== undefined &&
        f.start >= p.majorChangeAt &&
        f.start < p.majorChangeAt + MINUTES_PER_DAY,
    )
    if (urgent && urgentSeen.length + (urgentKept && urgentSeen.length === 0 ? 1 : 0) !== 1)
      out.push(`person ${p.id}: urgent visit missing`)
    for (const u of urgentSeen)
      if ('start' in u && (u.start < p.majorChangeAt! || u.start >= p.majorChangeAt! + MINUTES_PER_DAY))
        out.push(`person ${p.id}: urgent visit not within 24 h`)
  }

  // Reasons: known codes, and the strong ones true.
  for (const u of result.unassigned) {
    if (!UNASSIGNED_REASONS.includes(u.reason)) out.push(`${u.key}: unknown reason ${u.reason}`)
    const starts = possibleStarts(input, u.personId, u.windowFrom, u.windowTo, u.kind === 'urgent')
    const freeVolunteers = input.volunteers.filter(
      (v) => v.maxPerWeek > 0 && starts.some((s) => volunteerFree(v, s, s + dur)),
    )
    if (u.reason === 'no-volunteer-available' && freeVolunteers.length > 0)
      out.push(`${u.key}: says no one is available, but volunteer ${freeVolunteers[0]!.id} is`)
    if (u.reason === 'no-time-in-preferred-window' && starts.length > 0)
      out.push(`${u.key}: says no room, but ${starts.length} starts fit`)
    if (u.reason === 'all-at-weekly-limit') {
      for (const v of freeVolunteers) {
        for (const s of starts.filter((s) => volunteerFree(v, s, s + dur))) {
          const w = weekOfDay(dayOf(s))
          const n = (byVolunteer.get(v.id) ?? []).filter((x) => weekOfDay(dayOf(x.start)) === w).length
          if (n < v.maxPerWeek) out.push(`${u.key}: says all at limit, but volunteer ${v.id} has ${n}/${v.maxPerWeek}`)
        }
      }
    }
  }
  return [...new Set(out)]
}

function possibleStarts(input: PlannerInput, personId: number, from: number, to: number, urgent: boolean): number[] {
  const { durationMinutes: dur, stepMinutes: step } = input.settings
  const out: number[] = []
  for (let day = dayOf(from); day * MINUTES_PER_DAY < to; day++) {
    for (const w of personWindows(input, personId, day, urgent)) {
      for (let m = Math.ceil(w.from / step) * step; m + dur <= w.to; m += step) {
        const s = day * MINUTES_PER_DAY + m
        if (s >= from && s + dur <= to) out.push(s)
      }
    }
  }
  return out
}

/** A small community in a real database: two grids, residents with households, built through the services. */
export async function seedVisitCommunity(
  services: import('../../electron/services/container').ServiceContainer,
  ctx: import('../../electron/services/context').CallContext,
  residentsPerGrid = 4,
): Promise<{ grids: number[]; residents: number[][] }> {
  const community = await services.places.create(ctx, { parentId: null, kind: 'community', name: '幸福社区' })
  const grids: number[] = []
  const residents: number[][] = []
  const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄']
  for (let g = 0; g < 2; g++) {
    const grid = await services.places.create(ctx, { parentId: community.id, kind: 'grid', name: `${g + 1}网格` })
    grids.push(grid.id)
    const ids: number[] = []
    for (let i = 0; i < residentsPerGrid; i++) {
      const compound = await services.places.create(ctx, {
        parentId: grid.id,
        kind: 'compound',
        name: `${g + 1}-${i + 1}号院`,
      })
      const household = await services.households.create(ctx, compound.id)
      const r = await services.models.Resident.create({
        name: `${surnames[(g * residentsPerGrid + i) % surnames.length]}奶奶${g}${i}`,
        namePinyin: 'nainai',
        nameInitials: 'nn',
        householdId: household.id,
        createdAt: new Date(),
        updatedAt: new Date(),
      })
      ids.push(r.id)
    }
    residents.push(ids)
  }
  return { grids, residents }
}

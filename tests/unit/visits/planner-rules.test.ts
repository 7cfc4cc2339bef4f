/** The planner's rules on small hand-made instances, each built so one rule decides the outcome. */
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PLANNER_SETTINGS,
  MINUTES_PER_DAY,
  checkMove,
  dayOf,
  planVisits,
  weekOfDay,
  weekdayOfDay,
  type PlannerInput,
  type PlannerPerson,
  type PlannerVolunteer,
  type Weekday,
} from '../../../electron/services/visits/planner'
import { MONDAY_2026_11_30 as MONDAY, violations } from '../../helpers/visits'

const H = 60
const everyDay = (from = 9 * H, to = 17 * H) =>
  ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((weekday) => ({ weekday, from, to }))

function volunteer(id: number, over: Partial<PlannerVolunteer> = {}): PlannerVolunteer {
  return { id, gridId: 1, availability: everyDay(), exceptions: [], maxPerWeek: 5, status: 'active', ...over }
}

function person(id: number, over: Partial<PlannerPerson> = {}): PlannerPerson {
  return {
    id,
    tier: 'high',
    gridId: 1,
    preferredWindows: [],
    lastVisitDay: MONDAY - 1,
    lastVolunteerIds: [],
    usualVolunteerIds: [],
    ...over,
  }
}

function week(people: PlannerPerson[], volunteers: PlannerVolunteer[], over: Partial<PlannerInput> = {}): PlannerInput {
  return {
    period: { fromDay: MONDAY, toDay: MONDAY + 6 },
    people,
    volunteers,
    fixed: [],
    settings: DEFAULT_PLANNER_SETTINGS,
    ...over,
  }
}

describe('continuity and grids', () => {
  it("keeps last time's volunteer when they can come, even from another grid", () => {
    const input = week(
      [person(1, { lastVolunteerIds: [2] })],
      [volunteer(1), volunteer(2, { gridId: 9 }), volunteer(3)],
    )
    const result = planVisits(input)
    expect(result.visits.map((v) => v.volunteerIds)).toEqual([[2]])
    expect(result.visits[0]!.keptLastVolunteer).toBe(true)
    expect(result.stats.keptLastVolunteer).toBe(1)
    expect(result.stats.crossGrid).toBe(1)
  })

  it('takes someone else, from the same grid, when the last volunteer is away', () => {
    const away = { from: MONDAY * MINUTES_PER_DAY, to: (MONDAY + 7) * MINUTES_PER_DAY }
    const input = week(
      [person(1, { lastVolunteerIds: [2] })],
      [volunteer(1, { gridId: 9 }), volunteer(2, { exceptions: [away] }), volunteer(3)],
    )
    const result = planVisits(input)
    expect(result.visits.map((v) => v.volunteerIds)).toEqual([[3]])
    expect(result.visits[0]!.sameGrid).toBe(true)
    expect(result.visits[0]!.keptLastVolunteer).toBe(false)
  })

  it('keeps the same volunteer across the weeks of a month', () => {
    const input = week([person(1)], [volunteer(1), volunteer(2), volunteer(3)], {
      period: { fromDay: MONDAY, toDay: MONDAY + 27 },
    })
    const result = planVisits(input)
    expect(result.visits).toHaveLength(4)
    expect(new Set(result.visits.map((v) => v.volunteerIds[0])).size).toBe(1)
    expect(result.visits.slice(1).every((v) => v.keptLastVolunteer)).toBe(true)
  })
})

describe('tiers and spreading', () => {
  it('puts a weekly visit in each week of a month and one visit for a monthly person', () => {
    const input = week(
      [
        person(1),
        person(2, { tier: 'key', lastVisitDay: undefined }),
        person(3, { tier: 'general', lastVisitDay: MONDAY - 30 }),
      ],
      [volunteer(1)],
      {
        period: { fromDay: MONDAY, toDay: MONDAY + 27 },
      },
    )
    const result = planVisits(input)
    const weeks = result.visits.filter((v) => v.personId === 1).map((v) => weekOfDay(dayOf(v.start)))
    expect(weeks).toEqual([MONDAY, MONDAY + 7, MONDAY + 14, MONDAY + 21])
    expect(result.visits.filter((v) => v.personId === 2)).toHaveLength(1)
    // Quarterly, visited 30 days ago: not due this month.
    expect(result.visits.filter((v) => v.personId === 3)).toHaveLength(0)
    expect(violations(input, result)).toEqual([])
  })

  it('spreads monthly visits over the month rather than piling them on the first day', () => {
    const people = Array.from({ length: 30 }, (_, i) => person(i + 1, { tier: 'key', lastVisitDay: undefined }))
    const volunteers = Array.from({ length: 10 }, (_, i) => volunteer(i + 1))
    const input = week(people, volunteers, { period: { fromDay: MONDAY, toDay: MONDAY + 29 } })
    const result = planVisits(input)
    const perDay = new Map<number, number>()
    for (const v of result.visits) perDay.set(dayOf(v.start), (perDay.get(dayOf(v.start)) ?? 0) + 1)
    expect(result.visits).toHaveLength(30)
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(2)
  })

  it('plans a visit within 24 hours of a major change, in station hours', () => {
    const changeAt = (MONDAY + 2) * MINUTES_PER_DAY + 20 * H
    const input = week(
      [person(1, { tier: 'general', lastVisitDay: MONDAY - 10, majorChangeAt: changeAt })],
      [volunteer(1)],
    )
    const result = planVisits(input)
    expect(result.visits).toHaveLength(1)
    expect(result.visits[0]!.kind).toBe('urgent')
    expect(result.visits[0]!.start).toBeGreaterThanOrEqual(changeAt)
    expect(result.visits[0]!.start).toBeLessThan(changeAt + MINUTES_PER_DAY)
  })

  it('books two volunteers at the same time when the tier asks for two', () => {
    const settings = {
      ...DEFAULT_PLANNER_SETTINGS,
      tiers: { ...DEFAULT_PLANNER_SETTINGS.tiers, high: { intervalDays: 7, twoVolunteers: true } },
    }
    const input = week(
      [person(1)],
      [volunteer(1), volunteer(2, { availability: [{ weekday: 3, from: 14 * H, to: 16 * H }] })],
      { settings },
    )
    const result = planVisits(input)
    expect(result.visits).toHaveLength(1)
    expect([...result.visits[0]!.volunteerIds].sort()).toEqual([1, 2])
    expect(weekdayOfDay(dayOf(result.visits[0]!.start))).toBe(3)
    const alone = planVisits(week([person(1)], [volunteer(1)], { settings }))
    expect(alone.unassigned.map((u) => u.reason)).toEqual(['no-second-volunteer'])
  })
})

describe('kept visits on re-planning', () => {
  it('keeps a confirmed visit: it covers its window and holds its volunteer', () => {
    const start = (MONDAY + 1) * MINUTES_PER_DAY + 10 * H
    const fixed = [{ key: 'kept', personId: 1, start, end: start + 60, volunteerIds: [1] }]
    const input = week(
      [person(1), person(2)],
      [volunteer(1, { availability: [{ weekday: 2, from: 10 * H, to: 12 * H + 30 }] })],
      { fixed },
    )
    const result = planVisits(input)
    expect(result.stats.coveredByFixed).toBe(1)
    expect(result.visits.filter((v) => v.personId === 1)).toHaveLength(0)
    // Person 2 can only fit after the kept visit and its travel time.
    expect(result.visits.map((v) => v.start - dayOf(v.start) * MINUTES_PER_DAY)).toEqual([11 * H + 30])
  })
})

describe('reasons for visits left unassigned', () => {
  it('no one available in the window', () => {
    const input = week(
      [person(1, { preferredWindows: [{ weekday: 1, from: 9 * H, to: 11 * H }] })],
      [volunteer(1, { availability: [{ weekday: 2, from: 9 * H, to: 17 * H }] })],
    )
    expect(planVisits(input).unassigned.map((u) => u.reason)).toEqual(['no-volunteer-available'])
  })

  it('all nearby volunteers at their weekly limit', () => {
    const input = week([person(1), person(2)], [volunteer(1, { maxPerWeek: 1 })])
    const result = planVisits(input)
    expect(result.unassigned.map((u) => u.reason)).toEqual(['all-at-weekly-limit'])
    expect(result.unassigned[0]!.detail).toEqual({ availableVolunteers: 1, atLimit: 1, sameGridAtLimit: 1 })
  })

  it('every free volunteer already booked at every possible time', () => {
    const input = week(
      [person(1), person(2)],
      [volunteer(1, { availability: [{ weekday: 4, from: 9 * H, to: 10 * H + 30 }] })],
    )
    expect(planVisits(input).unassigned.map((u) => u.reason)).toEqual(['all-booked'])
  })

  it("no room in the person's preferred window", () => {
    const input = week([person(1, { preferredWindows: [{ from: 9 * H, to: 9 * H + 30 }] })], [volunteer(1)])
    expect(planVisits(input).unassigned.map((u) => u.reason)).toEqual(['no-time-in-preferred-window'])
  })

  it('paused and departed volunteers are not planned', () => {
    const input = week([person(1)], [volunteer(1, { status: 'paused' }), volunteer(2, { status: 'left' })])
    expect(planVisits(input).unassigned.map((u) => u.reason)).toEqual(['no-volunteer-available'])
  })
})

describe('checkMove names the rule a manual move breaks', () => {
  const tuesday10 = (MONDAY + 1) * MINUTES_PER_DAY + 10 * H
  const base = () =>
    week(
      [person(1), person(2, { preferredWindows: [{ from: 9 * H, to: 13 * H }] })],
      [
        volunteer(1, { maxPerWeek: 2 }),
        volunteer(2, { availability: [{ weekday: 2, from: 9 * H, to: 12 * H }] }),
        volunteer(3, { status: 'left' }),
      ],
    )
  const visits = [
    {
      key: 'a',
      personId: 1,
      start: tuesday10,
      end: tuesday10 + 60,
      volunteerIds: [1],
      windowFrom: MONDAY * MINUTES_PER_DAY,
      windowTo: (MONDAY + 7) * MINUTES_PER_DAY,
    },
    {
      key: 'b',
      personId: 2,
      start: tuesday10 + MINUTES_PER_DAY,
      end: tuesday10 + MINUTES_PER_DAY + 60,
      volunteerIds: [1],
    },
  ]
  const rules = (start: number, volunteerIds: number[], key = 'b') =>
    checkMove(base(), visits, { key, start, volunteerIds }).map((c) => c.rule)

  it('accepts a move that keeps every rule', () => {
    expect(rules(tuesday10 - H, [2])).toEqual([])
  })
  it('double booking and travel time', () => {
    expect(rules(tuesday10 + 30, [1])).toEqual(['double-booked'])
    expect(rules(tuesday10 + 75, [1])).toEqual(['travel-buffer'])
  })
  it('availability, absence and status', () => {
    expect(rules(tuesday10 + MINUTES_PER_DAY, [2])).toEqual(['volunteer-unavailable'])
    expect(rules(tuesday10 - H, [3])).toEqual(['volunteer-inactive'])
    const input = base()
    input.volunteers[1]!.exceptions = [{ from: tuesday10 - 3 * H, to: tuesday10 }]
    expect(checkMove(input, visits, { key: 'b', start: tuesday10 - H, volunteerIds: [2] }).map((c) => c.rule)).toEqual([
      'volunteer-away',
    ])
  })
  it('weekly limit, windows and missing volunteers', () => {
    const third = [
      ...visits,
      {
        key: 'c',
        personId: 2,
        start: tuesday10 + 2 * MINUTES_PER_DAY,
        end: tuesday10 + 2 * MINUTES_PER_DAY + 60,
        volunteerIds: [2],
      },
    ]
    expect(
      checkMove(base(), third, { key: 'c', start: tuesday10 + 2 * MINUTES_PER_DAY, volunteerIds: [1] }).map(
        (c) => c.rule,
      ),
    ).toEqual(['weekly-limit'])
    expect(rules(tuesday10 + 8 * MINUTES_PER_DAY, [1], 'a')).toEqual(['outside-due-window'])
    expect(rules(tuesday10 + MINUTES_PER_DAY + 4 * H, [1])).toEqual(['outside-preferred-window'])
    expect(rules(tuesday10 + MINUTES_PER_DAY, [])).toEqual(['no-volunteer'])
  })
})

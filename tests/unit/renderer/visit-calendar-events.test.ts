/** The plan → calendar mapping: which visits a filter keeps, colours, what may be dragged, slot hours. */
import { describe, expect, it } from 'vitest'
import type { VisitDto } from '../../../electron/contract/visit-dto'
import {
  MORE_COLOURS,
  NO_FILTER,
  capPerDay,
  STATUS_COLOURS,
  TIER_COLOURS,
  filterVisits,
  slotBounds,
  toEvent,
  toEvents,
  wallClock,
} from '../../../renderer/src/views/visits/calendar-events'

function visit(over: Partial<VisitDto> & { id: number }): VisitDto {
  return {
    planId: 1,
    personId: over.id * 10,
    personName: `对象${over.id}`,
    kind: 'regular',
    tier: 'key',
    startAt: '2026-12-02T09:00',
    endAt: '2026-12-02T10:00',
    windowFrom: null,
    windowTo: null,
    status: 'planned',
    volunteers: [{ id: 1, name: '周阿姨' }],
    ...over,
  }
}

const visits = [
  visit({ id: 1 }),
  visit({ id: 2, status: 'confirmed', volunteers: [{ id: 2, name: '吴师傅' }] }),
  visit({
    id: 3,
    status: 'done',
    tier: 'high',
    volunteers: [
      { id: 1, name: '周阿姨' },
      { id: 2, name: '吴师傅' },
    ],
  }),
  visit({ id: 4, status: 'missed', volunteers: [] }),
]
const grids = new Map<number, number | null>([
  [10, 100],
  [20, 100],
  [30, 200],
  [40, null],
])
const ids = (vs: VisitDto[]) => vs.map((v) => v.id)

describe('filterVisits', () => {
  it('keeps everything without a filter', () => {
    expect(ids(filterVisits(visits, NO_FILTER, grids))).toEqual([1, 2, 3, 4])
  })
  it('keeps the visits of people in the chosen grid', () => {
    expect(ids(filterVisits(visits, { ...NO_FILTER, gridId: 100 }, grids))).toEqual([1, 2])
    expect(ids(filterVisits(visits, { ...NO_FILTER, gridId: 200 }, grids))).toEqual([3])
  })
  it("keeps one volunteer's visits, including those made in pairs", () => {
    expect(ids(filterVisits(visits, { ...NO_FILTER, volunteerId: 2 }, grids))).toEqual([2, 3])
  })
  it('keeps the chosen statuses, and combines the filters', () => {
    expect(ids(filterVisits(visits, { ...NO_FILTER, statuses: ['done', 'missed'] }, grids))).toEqual([3, 4])
    expect(ids(filterVisits(visits, { gridId: 100, volunteerId: 1, statuses: ['planned'] }, grids))).toEqual([1])
    expect(filterVisits(visits, { gridId: 200, volunteerId: null, statuses: ['planned'] }, grids)).toEqual([])
  })
})

describe('toEvent', () => {
  it('colours by status and tier and names person and volunteers', () => {
    const e = toEvent(visits[2]!, true)
    expect(e).toMatchObject({
      id: '3',
      title: '对象3 · 周阿姨、吴师傅',
      start: '2026-12-02T09:00',
      end: '2026-12-02T10:00',
      backgroundColor: STATUS_COLOURS.done,
      borderColor: TIER_COLOURS.high,
      extendedProps: { visitId: 3, status: 'done', tier: 'high', urgent: false },
    })
    expect(e.classNames).toEqual(['visit-event', 'visit-status-done', 'visit-tier-high'])
    expect(toEvent(visits[3]!, true).title).toBe('对象4')
  })
  it('lets planned and confirmed visits drag, never done or missed ones, and nothing without the plan right', () => {
    expect(visits.map((v) => toEvent(v, true).editable)).toEqual([true, true, false, false])
    expect(visits.map((v) => toEvent(v, false).editable)).toEqual([false, false, false, false])
  })
  it('gives every status and tier its own colour', () => {
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(5)
    expect(new Set(Object.values(TIER_COLOURS)).size).toBe(3)
  })
  it('maps only the filtered visits', () => {
    expect(toEvents(visits, { ...NO_FILTER, volunteerId: 1 }, grids, true).map((e) => e.id)).toEqual(['1', '3'])
  })
})

describe('wallClock and slotBounds', () => {
  it('reads the calendar date back as the station wall clock', () => {
    expect(wallClock(new Date(Date.UTC(2026, 11, 9, 10, 15)))).toBe('2026-12-09T10:15')
  })
  it("covers the station's hours, stretched to whole hours around visits outside them", () => {
    expect(slotBounds('09:00', '17:00')).toEqual({ slotMinTime: '09:00:00', slotMaxTime: '17:00:00' })
    const late = visit({ id: 9, startAt: '2026-12-02T19:00', endAt: '2026-12-02T20:30' })
    const early = visit({ id: 8, startAt: '2026-12-03T07:30', endAt: '2026-12-03T08:30' })
    expect(slotBounds('09:00', '17:00', [late, early])).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '21:00:00' })
    const overnight = visit({ id: 7, startAt: '2026-12-02T23:30', endAt: '2026-12-03T00:30' })
    expect(slotBounds('09:00', '17:00', [overnight]).slotMaxTime).toBe('24:00:00')
  })
})

describe('capPerDay', () => {
  const at = (id: number, start: string) => toEvent(visit({ id, startAt: start, endAt: start }), true)
  const more = (n: number) => `另外 ${n} 次`

  it('leaves a day with no more visits than fit as it is', () => {
    const day = [at(1, '2026-12-02T10:00'), at(2, '2026-12-02T09:00'), at(3, '2026-12-02T11:00')]
    expect(capPerDay(day, 3, more)).toEqual(day)
  })
  it('shows the earliest visits of a crowded day and one exact "+N more" chip that does not drag', () => {
    const crowded = Array.from({ length: 84 }, (_, i) =>
      at(i + 1, `2026-12-03T${String(9 + (i % 8)).padStart(2, '0')}:00`),
    )
    const quiet = [at(100, '2026-12-04T09:00')]
    const out = capPerDay([...crowded, ...quiet], 3, more)
    expect(out.map((e) => e.id)).toEqual(['1', '9', 'more-2026-12-03', '100'])
    const chip = out[2]!
    expect(chip).toMatchObject({
      title: '另外 82 次',
      editable: false,
      backgroundColor: MORE_COLOURS.background,
      extendedProps: { more: 82 },
    })
    // The chip sorts after the visits of its day and stays on that day.
    expect(chip.start > '2026-12-03T16:00' && chip.start.startsWith('2026-12-03')).toBe(true)
    // Visits shown plus the chip's count account for every visit of the day.
    expect(out.filter((e) => e.start.startsWith('2026-12-03') && !e.extendedProps.more).length + 82).toBe(84)
  })
})

/** The home page's order of work: follow-ups by due date (overdue first, mine first on a day), today's lists. */
import { describe, expect, it } from 'vitest'
import type { VisitDto, VisitFollowUpDto } from '@contract/visit-dto'
import type { ProgrammeDetailDto, ProgrammeDto, SessionDto } from '@contract/programme-dto'
import type { SlotDto } from '@contract/appointment-dto'
import type { ComplianceCellDto } from '@contract/party-dto'
import {
  complianceWarnings,
  followUpItems,
  inTermToday,
  todaysBookings,
  todaysSessions,
  todaysVisits,
} from '../../../renderer/src/views/home/home-items'

const followUp = (id: number, dueDate: string, ownerAccountId: number | null): VisitFollowUpDto => ({
  id,
  visitId: id,
  personId: id,
  personName: `人${id}`,
  text: `事${id}`,
  ownerAccountId,
  ownerName: null,
  visitStartAt: '2026-11-20T09:00',
  dueDate,
  closedAt: null,
})

describe('follow-ups on the home page', () => {
  it('overdue first with the days counted, then by due date, mine first on the same day', () => {
    const items = followUpItems(
      [
        followUp(1, '2026-11-30', 7),
        followUp(2, '2026-11-24', 9),
        followUp(3, '2026-11-24', 7),
        followUp(4, '2026-11-20', null),
        followUp(5, '2026-11-23', 9),
      ],
      '2026-11-24',
      7,
    )
    expect(items.map((f) => [f.id, f.daysOverdue, f.mine])).toEqual([
      [4, 4, false],
      [5, 1, false],
      [3, 0, true],
      [2, 0, false],
      [1, 0, true],
    ])
  })

  it('marks nothing as mine when nobody is signed in', () => {
    expect(followUpItems([followUp(1, '2026-11-24', 7)], '2026-11-24', null)[0]!.mine).toBe(false)
  })
})

const visit = (id: number, startAt: string, status: VisitDto['status']): VisitDto => ({
  id,
  planId: 1,
  personId: id,
  personName: `人${id}`,
  kind: 'regular',
  tier: 'key',
  startAt,
  endAt: startAt,
  windowFrom: null,
  windowTo: null,
  status,
  volunteers: [],
})

describe("today's lists", () => {
  it("today's visits by time, without moved ones or other days'", () => {
    const list = todaysVisits(
      [
        visit(1, '2026-11-24T14:00', 'planned'),
        visit(2, '2026-11-24T09:00', 'done'),
        visit(3, '2026-11-24T10:00', 'moved'),
        visit(4, '2026-11-25T08:00', 'planned'),
      ],
      '2026-11-24',
    )
    expect(list.map((v) => v.id)).toEqual([2, 1])
  })

  it("programmes in term today, and today's sessions from their details by start time", () => {
    const programme = (id: number, termStart: string, termEnd: string, archived = false) =>
      ({ id, name: `班${id}`, place: '活动室', termStart, termEnd, archived }) as ProgrammeDto
    const programmes = [
      programme(1, '2026-09-01', '2026-12-31'),
      programme(2, '2026-12-01', '2027-01-31'),
      programme(3, '2026-09-01', '2026-12-31', true),
      programme(4, '2026-11-24', '2026-11-24'),
    ]
    expect(inTermToday(programmes, '2026-11-24').map((p) => p.id)).toEqual([1, 4])
    const session = (id: number, date: string, startTime: string): SessionDto => ({
      id,
      programmeId: 1,
      date,
      startTime,
      endTime: '23:00',
      status: 'scheduled',
      origin: 'schedule',
      note: null,
      recorded: 0,
    })
    const details = [
      { programme: programmes[0]!, sessions: [session(10, '2026-11-24', '15:00'), session(11, '2026-11-25', '08:00')] },
      { programme: programmes[3]!, sessions: [session(20, '2026-11-24', '09:30')] },
    ] as ProgrammeDetailDto[]
    expect(todaysSessions(details, '2026-11-24').map((s) => [s.session.id, s.programme.name])).toEqual([
      [20, '班4'],
      [10, '班1'],
    ])
  })

  it('booked slots only, by time', () => {
    const slot = (id: number, startAt: string, status: 'booked' | 'cancelled' | null) =>
      ({
        id,
        startAt,
        booking: status === null ? null : { status },
      }) as SlotDto
    const list = todaysBookings([
      slot(1, '2026-11-24T10:00', 'booked'),
      slot(2, '2026-11-24T09:00', null),
      slot(3, '2026-11-24T08:00', 'cancelled'),
      slot(4, '2026-11-24T08:30', 'booked'),
    ])
    expect(list.map((s) => s.id)).toEqual([4, 1])
  })
})

describe('party meetings due', () => {
  it('lists the rows with periods not held or due soon, per branch, and nothing for a branch on track', () => {
    const cell = (period: number, state: ComplianceCellDto['state']): ComplianceCellDto => ({
      period,
      state,
      held: state === 'held' ? 1 : 0,
      required: 1,
      meetingIds: [],
      reason: null,
    })
    const warnings = complianceWarnings([
      {
        branch: { name: '第一党支部' },
        compliance: {
          branchId: 1,
          year: 2026,
          rows: [
            {
              type: 'committee',
              groupId: null,
              groupName: null,
              period: 'month',
              timesPerPeriod: 1,
              cells: [cell(9, 'missing'), cell(10, 'held'), cell(11, 'dueSoon'), cell(12, 'future')],
            },
            {
              type: 'lecture',
              groupId: null,
              groupName: null,
              period: 'quarter',
              timesPerPeriod: 1,
              cells: [cell(3, 'held'), cell(4, 'open')],
            },
          ],
        },
      },
      {
        branch: { name: '第二党支部' },
        compliance: {
          branchId: 2,
          year: 2026,
          rows: [
            {
              type: 'group',
              groupId: 5,
              groupName: '一组',
              period: 'month',
              timesPerPeriod: 1,
              cells: [cell(7, 'missing'), cell(8, 'notRequired'), cell(10, 'missing')],
            },
          ],
        },
      },
    ])
    expect(warnings).toEqual([
      {
        branchName: '第一党支部',
        row: { type: 'committee', groupName: null, period: 'month' },
        missing: [9],
        dueSoon: [11],
      },
      {
        branchName: '第二党支部',
        row: { type: 'group', groupName: '一组', period: 'month' },
        missing: [7, 10],
        dueSoon: [],
      },
    ])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AttendanceStatus, ComplianceDto, MeetingType } from '../../electron/contract/party-dto'
import { MEETING_TYPES } from '../../electron/contract/party-dto'
import type { CallContext } from '../../electron/services/context'
import { seedBranchViaModels } from '../helpers/party'
import { failure, setupAdmin, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'

let t: TempContainer
let admin: CallContext
// 10:00 on 20 December 2026 in Shanghai.
const clock = testClock('2026-12-20T02:00:00Z')

const seedViaModels = seedBranchViaModels

let seed: Awaited<ReturnType<typeof seedViaModels>>

beforeEach(async () => {
  clock.set('2026-12-20T02:00:00Z')
  t = await tempContainer({ now: clock.now })
  admin = await setupAdmin(t.services)
  seed = await seedViaModels(t.services)
})
afterEach(async () => t.dispose())

/** A meeting as held: created, its attendance set (everyone present unless said), finalised. */
async function hold(
  type: MeetingType,
  startAt: string,
  options: { statuses?: Record<string, AttendanceStatus>; draft?: boolean; groupId?: number } = {},
) {
  const m = await t.services.meetings.create(admin, {
    branchId: seed.branchId,
    groupId: options.groupId ?? null,
    type,
    title: `${type} ${startAt}`,
    startAt,
    place: '会议室',
  })
  if (options.statuses) {
    const statuses = options.statuses
    const names = new Map(Object.entries(seed.byName).map(([n, id]) => [id, n]))
    await t.services.meetings.update(admin, m.id, {
      title: m.title,
      startAt: m.startAt,
      endAt: null,
      place: m.place,
      chairMemberId: null,
      recorderMemberId: null,
      lecturer: null,
      topic: null,
      theme: null,
      themeForm: null,
      attendance: m.attendance.map((a) => {
        const status = statuses[names.get(a.memberId)!] ?? 'present'
        return { memberId: a.memberId, status, reason: status === 'leave' ? '出差' : null }
      }),
      observers: [],
      agenda: [],
      followUps: [],
    })
  }
  if (!options.draft) await t.services.meetings.finalise(admin, m.id)
  return m.id
}

/** Every cell in a given state, as `type[/group] period`. */
function cellsIn(matrix: ComplianceDto, state: string): string[] {
  return matrix.rows.flatMap((r) =>
    r.cells.filter((c) => c.state === state).map((c) => `${r.type}${r.groupName ? `/${r.groupName}` : ''} ${c.period}`),
  )
}

const pad = (n: number) => String(n).padStart(2, '0')

describe('the compliance matrix', () => {
  it('a scripted year: no committee meeting in March, no general meeting in Q3 — exactly those gaps', async () => {
    // Only the two types under test are required this year; the rest are switched off.
    for (const type of MEETING_TYPES.filter((x) => x !== 'committee' && x !== 'general')) {
      await t.services.compliance.setRequirement(admin, {
        branchId: seed.branchId,
        type,
        period: 'none',
        timesPerPeriod: 1,
      })
    }
    for (let month = 1; month <= 12; month++) {
      if (month !== 3) await hold('committee', `2026-${pad(month)}-10T14:00`)
    }
    // A March draft was started but never finalised: it does not count as held.
    const marchDraft = await hold('committee', '2026-03-31T19:00', { draft: true })
    for (const date of ['2026-02-20T09:00', '2026-05-20T09:00', '2026-11-20T09:00']) await hold('general', date)
    // Last year's and a discarded meeting count for nothing.
    await hold('general', '2025-08-01T09:00')
    const discarded = await hold('general', '2026-08-01T09:00', { draft: true })
    await t.services.meetings.discard(admin, discarded)

    const matrix = await t.services.compliance.matrix({ branchId: seed.branchId, year: 2026 })
    expect(cellsIn(matrix, 'missing')).toEqual(['general 3', 'committee 3'])
    expect(cellsIn(matrix, 'held')).toHaveLength(11 + 3)
    expect(cellsIn(matrix, 'dueSoon')).toEqual([])
    expect(cellsIn(matrix, 'open')).toEqual([])
    const committee = matrix.rows.find((r) => r.type === 'committee')!
    expect(committee.cells).toHaveLength(12)
    expect(committee.cells[2]).toMatchObject({ state: 'missing', held: 0, required: 1, meetingIds: [marchDraft] })
    const general = matrix.rows.find((r) => r.type === 'general')!
    expect(general.cells.map((c) => c.state)).toEqual(['held', 'held', 'missing', 'held'])
    expect(general.cells[2]!.meetingIds).toEqual([])
    // Not-required types have one cell for the year; the group type one row per group.
    expect(matrix.rows.filter((r) => r.type === 'group').map((r) => r.groupName)).toEqual(['第一党小组', '第二党小组'])
    expect(matrix.rows.find((r) => r.type === 'lecture')!.cells).toEqual([
      { period: 1, state: 'notRequired', held: 0, required: 0, meetingIds: [], reason: null },
    ])
  })

  it('judges the current period against Shanghai’s today: open, due within 10 days, future', async () => {
    await hold('committee', '2026-05-10T14:00')
    await hold('group', '2026-06-03T14:00', { groupId: seed.groupIds[0] })
    clock.set('2026-06-15T02:00:00Z')
    let matrix = await t.services.compliance.matrix({ branchId: seed.branchId, year: 2026 })
    const committee = () => matrix.rows.find((r) => r.type === 'committee')!.cells.map((c) => c.state)
    expect(committee().slice(3, 8)).toEqual(['missing', 'held', 'open', 'future', 'future'])
    const groups = matrix.rows.filter((r) => r.type === 'group')
    expect(groups.map((g) => g.cells[5]!.state)).toEqual(['held', 'open'])
    // The lecture is quarterly: Q2 ends on 30 June, 15 days away.
    expect(matrix.rows.find((r) => r.type === 'lecture')!.cells.map((c) => c.state)).toEqual([
      'missing',
      'open',
      'future',
      'future',
    ])
    // 16:00 UTC on the 20th is already the 21st in Shanghai: 9 days to the end of June.
    clock.set('2026-06-20T16:00:00Z')
    matrix = await t.services.compliance.matrix({ branchId: seed.branchId, year: 2026 })
    expect(committee()[5]).toBe('dueSoon')
    expect(matrix.rows.find((r) => r.type === 'lecture')!.cells[1]!.state).toBe('dueSoon')
    expect(matrix.rows.find((r) => r.type === 'lifeMeeting')!.cells).toHaveLength(1)
    expect(matrix.rows.find((r) => r.type === 'lifeMeeting')!.cells[0]!.state).toBe('open')
    // A past year is all missing where nothing was held; a coming year all future.
    const past = await t.services.compliance.matrix({ branchId: seed.branchId, year: 2025 })
    expect(new Set(past.rows.flatMap((r) => r.cells.map((c) => c.state)))).toEqual(new Set(['missing']))
    const next = await t.services.compliance.matrix({ branchId: seed.branchId, year: 2027 })
    expect(new Set(next.rows.flatMap((r) => r.cells.map((c) => c.state)))).toEqual(new Set(['future']))
  })

  it('marks a period "not required, because …", and clears the mark', async () => {
    const set = (reason: string | null, period = 3) =>
      t.services.compliance.setExemption(admin, {
        branchId: seed.branchId,
        type: 'committee',
        groupId: null,
        year: 2026,
        period,
        reason,
      })
    const marked = await set('支部换届，三月未召开')
    const march = marked.rows.find((r) => r.type === 'committee')!.cells[2]!
    expect(march).toMatchObject({ state: 'notRequired', reason: '支部换届，三月未召开' })
    const cleared = await set(null)
    expect(cleared.rows.find((r) => r.type === 'committee')!.cells[2]).toMatchObject({ state: 'missing', reason: null })

    const group = await failure(
      t.services.compliance.setExemption(admin, {
        branchId: seed.branchId,
        type: 'group',
        groupId: null,
        year: 2026,
        period: 3,
        reason: '合并开会',
      }),
    )
    expect(group.fields?.[0]?.message).toBe('errors.party.groupRequired')
    const g = await t.services.compliance.setExemption(admin, {
      branchId: seed.branchId,
      type: 'group',
      groupId: seed.groupIds[1]!,
      year: 2026,
      period: 3,
      reason: '合并开会',
    })
    const groupRows = g.rows.filter((r) => r.type === 'group')
    expect(groupRows.map((r) => r.cells[2]!.state)).toEqual(['missing', 'notRequired'])
    // A quarterly type has four periods.
    const general = await failure(
      t.services.compliance.setExemption(admin, {
        branchId: seed.branchId,
        type: 'general',
        groupId: null,
        year: 2026,
        period: 5,
        reason: '无',
      }),
    )
    expect(general.fields?.[0]?.message).toBe('errors.party.periodOutOfRange')
    const audit = await t.services.audit.list({ entity: 'meeting-exemption', page: 1, pageSize: 50 })
    expect(audit.items.map((a) => a.action).sort()).toEqual(['clear-exemption', 'set-exemption', 'set-exemption'])
  })

  it('starts from the defaults and keeps a branch’s own frequency', async () => {
    const defaults = await t.services.compliance.requirements({ branchId: seed.branchId, year: 2026 })
    expect(defaults.map((r) => [r.type, r.period, r.isDefault])).toEqual([
      ['general', 'quarter', true],
      ['committee', 'month', true],
      ['group', 'month', true],
      ['lecture', 'quarter', true],
      ['themeDay', 'month', true],
      ['lifeMeeting', 'year', true],
      ['review', 'year', true],
    ])
    await t.services.compliance.setRequirement(admin, {
      branchId: seed.branchId,
      type: 'lecture',
      period: 'year',
      timesPerPeriod: 1,
    })
    const own = await t.services.compliance.setRequirement(admin, {
      branchId: seed.branchId,
      type: 'lecture',
      period: 'quarter',
      timesPerPeriod: 2,
    })
    expect(own.find((r) => r.type === 'lecture')).toEqual({
      type: 'lecture',
      period: 'quarter',
      timesPerPeriod: 2,
      isDefault: false,
    })
    await hold('lecture', '2026-01-10T09:00')
    await hold('lecture', '2026-02-10T09:00')
    await hold('lecture', '2026-04-10T09:00')
    const row = (await t.services.compliance.matrix({ branchId: seed.branchId, year: 2026 })).rows.find(
      (r) => r.type === 'lecture',
    )!
    expect(row.cells.map((c) => [c.held, c.state])).toEqual([
      [2, 'held'],
      [1, 'missing'],
      [0, 'missing'],
      [0, 'open'],
    ])
    expect((await failure(t.services.compliance.matrix({ branchId: 999, year: 2026 }))).code).toBe('NOT_FOUND')
  })
})

describe('attendance over the year', () => {
  it('counts finalised meetings only, rates each member, flags three absences in a row', async () => {
    // Committee meetings in date order (created out of order on purpose).
    await hold('committee', '2026-04-10T14:00', { statuses: { 陈明: 'absent', 张伟: 'absent', 刘芳: 'absent' } })
    await hold('committee', '2026-02-10T14:00', { statuses: { 陈明: 'absent', 张伟: 'leave', 刘芳: 'absent' } })
    await hold('committee', '2026-01-10T14:00', { statuses: { 陈明: 'absent', 张伟: 'absent', 刘芳: 'absent' } })
    await hold('committee', '2026-03-10T14:00', { statuses: { 陈明: 'absent', 张伟: 'absent' } })
    // A draft and last year's meeting count for nothing.
    await hold('committee', '2026-05-10T14:00', { statuses: { 刘芳: 'absent' }, draft: true })
    await hold('committee', '2025-12-10T14:00', { statuses: { 刘芳: 'absent' } })

    const rows = await t.services.compliance.attendance({ branchId: seed.branchId, year: 2026 })
    const of = (name: string) => rows.find((r) => r.name === name)!
    // Absent four times running.
    expect(of('陈明')).toMatchObject({
      expected: 4,
      present: 0,
      absent: 4,
      rate: 0,
      longestAbsentRun: 4,
      flagged: true,
    })
    // absent, leave, absent, absent: the leave neither counts nor breaks the run.
    expect(of('张伟')).toMatchObject({
      expected: 4,
      present: 0,
      leave: 1,
      absent: 3,
      longestAbsentRun: 3,
      flagged: true,
    })
    // absent, absent, present, absent: two in a row at most.
    expect(of('刘芳')).toMatchObject({
      expected: 4,
      present: 1,
      absent: 3,
      rate: 0.25,
      longestAbsentRun: 2,
      flagged: false,
    })
    expect(of('王建国')).toMatchObject({ expected: 4, present: 4, rate: 1, longestAbsentRun: 0, flagged: false })
    // Not on the committee: listed, never expected.
    expect(of('杨丽')).toMatchObject({ expected: 0, rate: null, flagged: false })
    expect(rows.map((r) => r.name)).not.toContain('周杰')
    expect(rows).toHaveLength(11)
  })
})

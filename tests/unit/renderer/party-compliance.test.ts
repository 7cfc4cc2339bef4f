// @vitest-environment happy-dom
/**
 * The compliance screen against the fake station: the matrix on twelve month columns (a quarter
 * spans three), each cell's state as shown, a held cell's meetings, and "not required, because …".
 */
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import type { ComplianceDto, ComplianceRowDto, MeetingDto, PartyBranchDto } from '@contract/party-dto'
import Compliance from '@/views/compliance/index.vue'
import { cellMark, gridCells } from '@/views/compliance/compliance-grid'
import { callsTo, resetStation } from './support/fake-station'
import { allByTestId, byTestId, mountWithApp, settle, signedIn, typeInto } from './support/mount-app'
import { session } from './support/fixtures'

const branch: PartyBranchDto = {
  id: 1,
  name: '幸福社区第一党支部',
  committee: [],
  groups: [],
  memberCount: 5,
  archived: false,
}

function committeeRow(): ComplianceRowDto {
  const states = [
    'held',
    'held',
    'missing',
    'held',
    'held',
    'held',
    'held',
    'held',
    'held',
    'held',
    'dueSoon',
    'future',
  ] as const
  return {
    type: 'committee',
    groupId: null,
    groupName: null,
    period: 'month',
    timesPerPeriod: 1,
    cells: states.map((state, i) => ({
      period: i + 1,
      state,
      held: state === 'held' ? 1 : 0,
      required: 1,
      meetingIds: state === 'held' ? [100 + i] : [],
      reason: null,
    })),
  }
}
function generalRow(): ComplianceRowDto {
  const states = ['held', 'held', 'missing', 'open'] as const
  return {
    type: 'general',
    groupId: null,
    groupName: null,
    period: 'quarter',
    timesPerPeriod: 1,
    cells: states.map((state, i) => ({
      period: i + 1,
      state,
      held: state === 'held' ? 1 : 0,
      required: 1,
      meetingIds: [],
      reason: null,
    })),
  }
}
function matrix(): ComplianceDto {
  return {
    branchId: 1,
    year: 2026,
    rows: [
      committeeRow(),
      generalRow(),
      { type: 'review', groupId: null, groupName: null, period: 'none', timesPerPeriod: 1, cells: [] },
    ],
  }
}

describe('matrix layout', () => {
  it('a month is one column, a quarter three, a row not required all twelve', () => {
    expect(gridCells(committeeRow()).map((g) => g.span)).toEqual(Array(12).fill(1))
    expect(gridCells(generalRow()).map((g) => g.span)).toEqual([3, 3, 3, 3])
    expect(gridCells({ ...generalRow(), period: 'none', cells: [] })).toEqual([{ cell: null, span: 12 }])
    expect(cellMark(committeeRow().cells[0]!)).toBe('✓ 1')
    expect(cellMark(committeeRow().cells[2]!)).toBe('✗')
    expect(cellMark(committeeRow().cells[11]!)).toBe('')
  })
})

describe('compliance screen', () => {
  beforeEach(() => {
    resetStation({
      'branches:list': () => [branch],
      'compliance:matrix': () => matrix(),
      'compliance:requirements': () => [
        { type: 'committee', period: 'month', timesPerPeriod: 1, isDefault: true },
        { type: 'general', period: 'quarter', timesPerPeriod: 1, isDefault: true },
      ],
      'compliance:attendance': () => [
        {
          memberId: 1,
          name: '王书记',
          expected: 10,
          present: 10,
          leave: 0,
          absent: 0,
          rate: 1,
          longestAbsentRun: 0,
          flagged: false,
        },
        {
          memberId: 2,
          name: '赵宣传',
          expected: 10,
          present: 6,
          leave: 0,
          absent: 4,
          rate: 0.6,
          longestAbsentRun: 3,
          flagged: true,
        },
      ],
      'meetings:get': ({ id }) => ({ id, title: `${id - 99}月支委会`, startAt: '2026-01-10T14:30' }) as MeetingDto,
      'compliance:set-exemption': (input) => {
        const m = matrix()
        const cell = m.rows[0]!.cells[input.period - 1]!
        Object.assign(cell, { state: 'notRequired', reason: input.reason })
        return m
      },
    })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows each cell in its state, opens a held cell’s meetings, marks a missing one not required', async () => {
    const pinia = signedIn(session('secretary', ['party.read', 'party.write']))
    const Empty = { render: () => h('div') }
    const routes = [
      { path: '/', name: 'home', component: Empty },
      { path: '/settings', name: 'settings', component: Empty },
      { path: '/meetings/:id', name: 'meeting', component: Empty },
      { path: '/sign-in', name: 'sign-in', component: Empty, meta: { public: true } },
      { path: '/setup', name: 'setup', component: Empty, meta: { public: true } },
    ]
    const { wrapper } = await mountWithApp(Compliance, { pinia, routes })
    await settle(50)
    const committee = allByTestId('cp-cell').filter((c) => c.dataset.type === 'committee')
    expect(committee.map((c) => c.dataset.state)).toEqual([
      'held',
      'held',
      'missing',
      'held',
      'held',
      'held',
      'held',
      'held',
      'held',
      'held',
      'dueSoon',
      'future',
    ])
    expect(committee[2]?.className).toContain('is-missing')
    const general = allByTestId('cp-cell').filter((c) => c.dataset.type === 'general')
    expect(general.map((c) => [c.dataset.state, c.getAttribute('colspan')])).toEqual([
      ['held', '3'],
      ['held', '3'],
      ['missing', '3'],
      ['open', '3'],
    ])
    const review = allByTestId('cp-cell').filter((c) => c.dataset.type === 'review')
    expect(review.map((c) => c.getAttribute('colspan'))).toEqual(['12'])
    expect(byTestId('cp-row')?.textContent).toContain('支委会')
    const flagged = allByTestId('cp-att-row').filter((r) => r.dataset.flagged === 'true')
    expect(flagged.map((r) => r.textContent)).toEqual([expect.stringContaining('赵宣传')])

    committee[0]!.click()
    await settle(50)
    expect(allByTestId('cp-cell-meeting').map((a) => a.textContent)).toEqual(['2026-01-10 14:30 1月支委会'])
    expect(byTestId('cp-mark')).toBeNull()

    committee[2]!.click()
    await settle(50)
    await typeInto(byTestId('cp-reason'), '与党员大会合并召开')
    byTestId('cp-mark')!.click()
    await settle(50)
    expect(callsTo('compliance:set-exemption')).toEqual([
      {
        branchId: 1,
        type: 'committee',
        groupId: null,
        year: new Date().getFullYear(),
        period: 3,
        reason: '与党员大会合并召开',
      },
    ])
    const after = allByTestId('cp-cell').filter((c) => c.dataset.type === 'committee')
    expect(after[2]?.dataset.state).toBe('notRequired')
    wrapper.unmount()
  })
})

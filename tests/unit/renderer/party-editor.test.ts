// @vitest-environment happy-dom
/**
 * The meeting editor against the fake station: the live checks (quorum, each vote) as attendance
 * and votes are typed, a finalised record read-only with its amendments, and a save refused
 * because someone saved first keeping every typed word.
 */
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { h } from 'vue'
import { RouterView } from 'vue-router'
import type { AttendanceDto, MeetingDto, PartyMemberDto } from '@contract/party-dto'
import { AppError } from '@contract/errors'
import type { Permission } from '@contract/permissions'
import MeetingEditor from '@/views/meeting-editor/index.vue'
import { emptyAgendaRow, liveChecks, toMeetingData, fromMeeting } from '@/views/meeting-editor/meeting-model'
import { callsTo, resetStation, setHandlers, type Handlers } from './support/fake-station'
import { allByTestId, byTestId, fieldErrorText, mountWithApp, settle, signedIn, typeInto } from './support/mount-app'
import { session } from './support/fixtures'

const names = ['王书记', '李副书记', '张组织', '赵宣传', '陈纪检', '周预备']

function person(i: number, over: Partial<AttendanceDto> = {}): AttendanceDto {
  return { memberId: i + 1, name: names[i] ?? `党员${i + 1}`, voting: i < 5, status: 'present', reason: null, ...over }
}

function meeting(over: Partial<MeetingDto> = {}): MeetingDto {
  const attendance = [0, 1, 2, 3].map((i) => person(i))
  return {
    id: 7,
    branchId: 1,
    branchName: '幸福社区第一党支部',
    groupId: null,
    groupName: null,
    type: 'committee',
    title: '11月支委会',
    startAt: '2026-11-20T14:30',
    endAt: null,
    place: '社区三楼会议室',
    status: 'draft',
    present: 4,
    expected: 4,
    updatedAt: '2026-11-20T08:00:00.000Z',
    chairMemberId: 1,
    chairName: '王书记',
    recorderMemberId: 3,
    recorderName: '张组织',
    lecturer: null,
    topic: null,
    theme: null,
    themeForm: null,
    attendance,
    observers: [],
    agenda: [
      {
        topic: '发展党员',
        record: '讨论了积极分子情况',
        dissent: '',
        vote: { for: 3, against: 1, abstain: 0 },
        resolution: '同意',
      },
    ],
    followUps: [],
    attachments: [],
    amendments: [],
    checks: {
      expected: 4,
      present: 4,
      leave: 0,
      absent: 0,
      expectedVoting: 4,
      presentVoting: 4,
      quorumApplies: true,
      quorumMet: true,
      votes: [{ passed: true, flag: null }],
    },
    finalisedAt: null,
    finalisedBy: null,
    ...over,
  }
}

function member(i: number): PartyMemberDto {
  return {
    id: i + 1,
    residentId: null,
    name: names[i] ?? `党员${i + 1}`,
    gender: null,
    branchId: 1,
    branchName: '幸福社区第一党支部',
    groupId: null,
    groupName: null,
    kind: i < 5 ? 'full' : 'probationary',
    joinedDate: '2010-07-01',
    fullDate: i < 5 ? '2011-07-01' : null,
    status: 'active',
    inflow: null,
    outflow: null,
    notes: null,
    history: [],
    updatedAt: '2026-11-01T00:00:00.000Z',
  }
}

const Empty = { render: () => h('div') }
const App = { render: () => h(RouterView) }
const routes = [
  { path: '/', name: 'home', component: Empty },
  { path: '/meetings', name: 'meetings', component: Empty },
  { path: '/notices/:id', name: 'notice', component: Empty },
  {
    path: '/meetings/:id(\\d+)',
    name: 'meeting',
    component: MeetingEditor,
    props: (route: { params: Record<string, unknown> }) => ({ id: Number(route.params.id) }),
  },
  { path: '/sign-in', name: 'sign-in', component: Empty, meta: { public: true } },
  { path: '/setup', name: 'setup', component: Empty, meta: { public: true } },
]

async function openEditor(permissions: Permission[] = ['party.read', 'party.write', 'notices.write']) {
  const pinia = signedIn(session('secretary', permissions))
  const mounted = await mountWithApp(App, { pinia, routes, path: '/meetings/7' })
  await settle(50)
  return mounted
}

/** Picks 出席/请假/缺席 for one person, as a click on the radio button does. */
async function mark(memberId: number, status: 'present' | 'leave' | 'absent') {
  const row = document.body.querySelector(`[data-testid="me-att-row"][data-member-id="${memberId}"]`)
  const radio = row?.querySelector<HTMLInputElement>(`input[type="radio"][value="${status}"]`)
  if (!radio) throw new Error(`no ${status} radio for ${memberId}`)
  radio.click()
  await flushPromises()
}

function voteChecks(): Array<string | undefined> {
  return allByTestId('me-vote-check').map((e) => e.dataset.state)
}

describe('live checks (the rules main prints with)', () => {
  const rows = (present: number, of: number) =>
    Array.from({ length: of }, (_, i) => ({
      memberId: i + 1,
      name: `党员${i + 1}`,
      voting: true,
      status: i < present ? ('present' as const) : ('absent' as const),
      reason: '',
    }))
  const voted = (f: number, a: number) => [
    { ...emptyAgendaRow(), hasVote: true, vote: { for: f, against: a, abstain: 0 } },
  ]

  it('exactly half present is no quorum, and its vote is void', () => {
    const c = liveChecks('committee', rows(2, 4), voted(2, 0))
    expect(c.quorumMet).toBe(false)
    expect(c.votes).toEqual([{ passed: false, flag: 'noQuorum' }])
    expect(liveChecks('committee', rows(3, 5), voted(3, 0)).quorumMet).toBe(true)
  })

  it('a tie fails; a majority of a thin room is not a majority of those expected', () => {
    expect(liveChecks('general', rows(4, 4), voted(2, 2)).votes[0]).toEqual({ passed: false, flag: null })
    expect(liveChecks('general', rows(5, 8), voted(4, 1)).votes[0]).toEqual({ passed: false, flag: null })
    expect(liveChecks('general', rows(5, 8), voted(5, 0)).votes[0]).toEqual({ passed: true, flag: null })
  })

  it('probationary members neither count for quorum nor vote; more votes than people is flagged', () => {
    const withProbationary = [
      ...rows(2, 4),
      { memberId: 9, name: '预备', voting: false, status: 'present' as const, reason: '' },
    ]
    const c = liveChecks('committee', withProbationary, voted(2, 0))
    expect(c).toMatchObject({ expected: 5, present: 3, expectedVoting: 4, presentVoting: 2, quorumMet: false })
    expect(liveChecks('committee', rows(3, 4), voted(3, 1)).votes[0]?.flag).toBe('countsExceedPresent')
    // A party lecture has no quorum rule: nothing is voided.
    expect(liveChecks('lecture', rows(1, 4), voted(3, 0)).quorumApplies).toBe(false)
  })

  it('what a save sends: no vote unless one was taken, no lecturer on a committee meeting', () => {
    const m = meeting({ lecturer: '某老师' })
    const model = fromMeeting(m)
    model.agenda.push({ ...emptyAgendaRow(), topic: '其他', vote: { for: 9, against: 0, abstain: 0 } })
    const data = toMeetingData(model, 'committee')
    expect(data.lecturer).toBeNull()
    expect(data.agenda.map((a) => a.vote)).toEqual([{ for: 3, against: 1, abstain: 0 }, null])
    expect(data.attendance[0]).toEqual({ memberId: 1, status: 'present', reason: null })
  })
})

describe('meeting editor', () => {
  let stored: MeetingDto
  let handlers: Handlers

  beforeEach(() => {
    stored = meeting()
    handlers = {
      'meetings:get': () => stored,
      'members:list': () => ({ items: names.map((_, i) => member(i)), total: names.length, page: 1, pageSize: 200 }),
      'meetings:update': ({ id, data }) => {
        stored = { ...stored, id, title: data.title, updatedAt: '2026-11-20T09:00:00.000Z' }
        return stored
      },
    }
    resetStation(handlers)
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('counts and judges as attendance is marked: exactly half present voids the vote, a tie fails', async () => {
    const { wrapper } = await openEditor()
    expect(byTestId('me-check-expected')?.textContent).toBe('4')
    expect(byTestId('me-check-present')?.textContent).toBe('4')
    expect(byTestId('me-quorum')?.dataset.met).toBe('true')
    expect(voteChecks()).toEqual(['passed'])

    await mark(3, 'leave')
    await mark(4, 'absent')
    expect(byTestId('me-check-present')?.textContent).toBe('2')
    expect(byTestId('me-check-leave')?.textContent).toBe('1')
    expect(byTestId('me-check-absent')?.textContent).toBe('1')
    expect(byTestId('me-quorum')?.dataset.met).toBe('false')
    expect(byTestId('me-quorum')?.textContent).toContain('不足法定人数')
    expect(voteChecks()).toEqual(['noQuorum'])
    expect(byTestId('me-checks')?.textContent).toContain('未达到法定人数，表决无效')
    // The reason box appears for a person on leave.
    expect(allByTestId('me-att-reason')).toHaveLength(2)

    await mark(3, 'present')
    expect(byTestId('me-quorum')?.dataset.met).toBe('true')
    // 3 for, 1 against of 4 expected passes; now make it a tie.
    const forInput = byTestId('me-vote-for')?.querySelector('input')
    const againstInput = byTestId('me-vote-against')?.querySelector('input')
    await typeInto(forInput ?? null, '2')
    forInput?.dispatchEvent(new Event('change', { bubbles: true }))
    await typeInto(againstInput ?? null, '1')
    againstInput?.dispatchEvent(new Event('change', { bubbles: true }))
    await flushPromises()
    expect(voteChecks()).toEqual(['failed'])
    expect(byTestId('me-dirty')).not.toBeNull()
    wrapper.unmount()
  })

  it('saves with the version it opened (Ctrl+Enter), sending attendance as marked', async () => {
    const { wrapper } = await openEditor()
    await mark(2, 'leave')
    const reason = byTestId('me-att-reason') as HTMLInputElement | null
    await typeInto(reason, '出差')
    byTestId('meeting-editor')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
    )
    await settle(50)
    const sent = callsTo('meetings:update')
    expect(sent).toHaveLength(1)
    expect(sent[0]?.expectedUpdatedAt).toBe('2026-11-20T08:00:00.000Z')
    expect(sent[0]?.data.attendance[1]).toEqual({ memberId: 2, status: 'leave', reason: '出差' })
    expect(byTestId('me-dirty')).toBeNull()
    wrapper.unmount()
  })

  it('a save refused because someone saved first keeps every typed word and says so', async () => {
    setHandlers({
      ...handlers,
      'meetings:update': () => {
        throw new AppError('CONFLICT', 'errors.party.staleEdit')
      },
    })
    const { wrapper } = await openEditor()
    const record = byTestId('me-agenda-record') as HTMLTextAreaElement | null
    await typeInto(record, '王书记传达了上级精神，大家逐一发言。')
    await typeInto(byTestId('me-title'), '改过的会议名称')
    byTestId('me-save')!.click()
    await settle(50)
    expect(callsTo('meetings:update')).toHaveLength(1)
    expect(byTestId('me-stale')?.textContent).toContain('这份会议记录已被修改')
    expect((byTestId('me-agenda-record') as HTMLTextAreaElement).value).toBe('王书记传达了上级精神，大家逐一发言。')
    expect((byTestId('me-title') as HTMLInputElement).value).toBe('改过的会议名称')
    expect(byTestId('me-dirty')).not.toBeNull()
    wrapper.unmount()
  })

  it('opens a finalised record read-only, with a banner, its amendments and a box to add one', async () => {
    stored = meeting({
      status: 'finalised',
      finalisedAt: '2026-11-21T02:00:00.000Z',
      finalisedBy: '王书记',
      amendments: [
        { id: 1, at: '2026-11-22T02:00:00.000Z', byName: '王书记', text: '第一项决议中“同意”应为“原则同意”。' },
      ],
    })
    setHandlers({
      ...handlers,
      'meetings:amend': ({ text }) => {
        stored = {
          ...stored,
          amendments: [...stored.amendments, { id: 2, at: '2026-11-23T02:00:00.000Z', byName: '王书记', text }],
        }
        return stored
      },
    })
    const { wrapper } = await openEditor()
    expect(byTestId('me-readonly')?.textContent).toContain('不能再修改')
    expect(byTestId('me-save')).toBeNull()
    expect(byTestId('me-finalise')).toBeNull()
    expect(byTestId('me-discard')).toBeNull()
    expect(byTestId('me-print')).not.toBeNull()
    expect((byTestId('me-title') as HTMLInputElement).readOnly).toBe(true)
    expect((byTestId('me-agenda-record') as HTMLTextAreaElement).readOnly).toBe(true)
    const radio = document.body.querySelector<HTMLInputElement>('[data-testid="me-att-row"] input[type="radio"]')
    expect(radio?.disabled).toBe(true)
    expect(allByTestId('me-amendment').map((e) => e.textContent)).toEqual([expect.stringContaining('原则同意')])

    await typeInto(byTestId('me-amend-text'), '出席人数更正为4人。')
    byTestId('me-amend-submit')!.click()
    await settle(50)
    expect(callsTo('meetings:amend')).toEqual([{ id: 7, text: '出席人数更正为4人。' }])
    expect(allByTestId('me-amendment')).toHaveLength(2)
    expect(callsTo('meetings:update')).toHaveLength(0)
    wrapper.unmount()
  })
  it('a finalised record still takes follow-ups marked done; a meeting notice opens in the notice editor', async () => {
    stored = meeting({
      status: 'finalised',
      finalisedAt: '2026-11-21T02:00:00.000Z',
      finalisedBy: '王书记',
      followUps: [
        {
          id: 5,
          text: '走访困难党员',
          ownerMemberId: 2,
          ownerName: '李副书记',
          dueDate: '2026-11-01',
          doneDate: null,
          overdue: true,
        },
      ],
    })
    setHandlers({
      ...handlers,
      'meetings:follow-up-done': ({ id, done }) => ({
        ...stored.followUps[0]!,
        id,
        doneDate: done ? '2026-11-24' : null,
        overdue: false,
      }),
      'meetings:make-notice': () => ({ id: 44 }) as never,
    })
    const { wrapper, router } = await openEditor()
    expect(byTestId('me-followup-overdue')?.textContent).toBe('已逾期')
    expect((byTestId('me-followup-text') as HTMLInputElement).readOnly).toBe(true)
    const done = byTestId('me-followup-done')?.querySelector('input') as HTMLInputElement
    expect(done.disabled).toBe(false)
    done.click()
    await settle(50)
    expect(callsTo('meetings:follow-up-done')).toEqual([{ id: 5, done: true }])
    expect(byTestId('me-followup-overdue')).toBeNull()

    byTestId('me-make-notice')!.click()
    await settle(50)
    expect(callsTo('meetings:make-notice')).toEqual([{ id: 7 }])
    expect(router.currentRoute.value.fullPath).toBe('/notices/44')
    wrapper.unmount()
  })
  it('says what is wrong next to the field: its own check, and main’s', async () => {
    const { wrapper } = await openEditor()
    await typeInto(byTestId('me-place'), '')
    byTestId('me-save')!.click()
    await settle()
    expect(fieldErrorText('place')).toBe('此项为必填')
    expect(callsTo('meetings:update')).toHaveLength(0)

    setHandlers({
      ...handlers,
      'meetings:update': () => {
        throw new AppError('VALIDATION', 'errors.validation', {
          fields: [
            { path: 'endAt', message: 'errors.party.endBeforeStart' },
            { path: 'data.title', message: 'validation.tooLong' },
          ],
        })
      },
    })
    await typeInto(byTestId('me-place'), '社区三楼会议室')
    byTestId('me-save')!.click()
    await settle()
    expect(fieldErrorText('place')).toBe('')
    expect(fieldErrorText('endAt')).toBe('结束时间早于开始时间')
    expect(fieldErrorText('title')).not.toBe('')
    wrapper.unmount()
  })
})

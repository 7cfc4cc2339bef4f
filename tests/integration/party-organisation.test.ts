/** Party branches, committee, groups and members on a real SQLite file, and the channels' permissions. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Envelope, ErrorPayload } from '../../electron/contract/errors'
import type { Page } from '../../electron/contract/dto'
import type { PartyBranchDto, PartyMemberDto } from '../../electron/contract/party-dto'
import { partySchemas } from '../../electron/contract/party-schemas'
import { createRouter, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import type { CallContext } from '../../electron/services/context'
import { memberInput, seedBranch, type SeededBranch } from '../helpers/party'
import { ADMIN, failure, setupAdmin, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'
import { residentInput } from './fixtures'

let t: TempContainer
let admin: CallContext
const clock = testClock('2026-11-24T02:00:00Z')

const query = (raw: Parameters<typeof partySchemas.memberQuery.parse>[0] = {}) => partySchemas.memberQuery.parse(raw)
const names = (page: Page<PartyMemberDto>) => page.items.map((m) => m.name)

beforeEach(async () => {
  clock.set('2026-11-24T02:00:00Z')
  t = await tempContainer({ now: clock.now })
  admin = await setupAdmin(t.services)
})
afterEach(async () => t.dispose())

describe('the seeded branch', () => {
  it('has a committee of five, two led groups and twelve members, one flowed out', async () => {
    const seed = await seedBranch(t.services, admin)
    const b = seed.branch
    expect(b.name).toBe('第一党支部')
    expect(b.committee.map((s) => [s.role, s.name])).toEqual([
      ['secretary', '王建国'],
      ['deputySecretary', '李红梅'],
      ['organisation', '张伟'],
      ['propaganda', '刘芳'],
      ['discipline', '陈明'],
    ])
    expect(b.groups.map((g) => [g.name, g.leaderName, g.memberCount])).toEqual([
      ['第一党小组', '张伟', 6],
      ['第二党小组', '刘芳', 5],
    ])
    expect(b.memberCount).toBe(11)
    expect(seed.members).toHaveLength(12)
    expect(seed.voting).toHaveLength(9)
    expect(seed.probationary.map((m) => m.name)).toEqual(['徐磊', '孙悦'])
    expect(seed.outflow).toMatchObject({
      name: '周杰',
      status: 'outflow',
      outflow: { destination: '深圳市南山区', dateOut: '2026-03-01' },
    })
    expect(seed.byName['徐磊']).toMatchObject({ kind: 'probationary', fullDate: null, groupName: '第一党小组' })
  })

  it('lets a second branch be seeded beside the first', async () => {
    await seedBranch(t.services, admin)
    const second = await seedBranch(t.services, admin, { name: '第二党支部' })
    expect((await t.services.organisation.listBranches()).map((b) => [b.name, b.memberCount])).toEqual([
      ['第一党支部', 11],
      ['第二党支部', 11],
    ])
    expect(second.branch.committee).toHaveLength(5)
  })
})

describe('branches and the committee', () => {
  let seed: SeededBranch
  beforeEach(async () => {
    seed = await seedBranch(t.services, admin)
  })
  const org = () => t.services.organisation

  it('renames a branch and audits it', async () => {
    const renamed = await org().saveBranch(admin, { id: seed.branch.id, name: '幸福社区第一党支部' })
    expect(renamed.name).toBe('幸福社区第一党支部')
    expect((await org().getMember(seed.byName['王建国'].id)).branchName).toBe('幸福社区第一党支部')
    const audit = await t.services.audit.list({ entity: 'party-branch', page: 1, pageSize: 50 })
    expect(audit.items.map((a) => a.action)).toEqual(['update', 'set-committee', 'create'])
  })

  it('refuses a second secretary, a person in two seats, and members who are not active here', async () => {
    const { secretary, deputySecretary } = seed.committee
    const twoSecretaries = await failure(
      org().setCommittee(admin, {
        branchId: seed.branch.id,
        seats: [
          { memberId: secretary.id, role: 'secretary' },
          { memberId: deputySecretary.id, role: 'secretary' },
        ],
      }),
    )
    expect(twoSecretaries.message).toBe('errors.party.duplicateRole')
    expect(twoSecretaries.fields?.[0]?.path).toBe('seats.1.role')

    const twice = await failure(
      org().setCommittee(admin, {
        branchId: seed.branch.id,
        seats: [
          { memberId: secretary.id, role: 'secretary' },
          { memberId: secretary.id, role: 'discipline' },
        ],
      }),
    )
    expect(twice.message).toBe('errors.party.duplicateMember')

    const away = await failure(
      org().setCommittee(admin, {
        branchId: seed.branch.id,
        seats: [{ memberId: seed.outflow.id, role: 'propaganda' }],
      }),
    )
    expect(away.message).toBe('errors.party.memberNotInBranch')

    const other = await seedBranch(t.services, admin, { name: '第二党支部' })
    const foreign = await failure(
      org().setCommittee(admin, {
        branchId: seed.branch.id,
        seats: [{ memberId: other.committee.secretary.id, role: 'secretary' }],
      }),
    )
    expect(foreign.message).toBe('errors.party.memberNotInBranch')
    expect(foreign.fields?.[0]?.path).toBe('seats.0.memberId')

    // Nothing of the refused calls was kept.
    const [b] = await org().listBranches()
    expect(b.committee).toHaveLength(5)
  })

  it('replaces the committee as a whole', async () => {
    const smaller = await org().setCommittee(admin, {
      branchId: seed.branch.id,
      seats: [
        { memberId: seed.byName['李红梅'].id, role: 'secretary' },
        { memberId: seed.byName['杨丽'].id, role: 'organisation' },
      ],
    })
    expect(smaller.committee.map((s) => [s.role, s.name])).toEqual([
      ['secretary', '李红梅'],
      ['organisation', '杨丽'],
    ])
    expect((await org().setCommittee(admin, { branchId: seed.branch.id, seats: [] })).committee).toEqual([])
  })

  it('takes a group leader only from the branch, and archives a group only once it is empty', async () => {
    const [first] = seed.groups
    const bad = await failure(
      org().saveGroup(admin, {
        id: first.id,
        branchId: seed.branch.id,
        name: first.name,
        leaderMemberId: seed.outflow.id,
      }),
    )
    expect(bad.message).toBe('errors.party.memberNotInBranch')

    const refused = await failure(org().archiveGroup(admin, first.id))
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toBe('errors.party.groupNotEmpty')
    expect(refused.params).toEqual({ count: 6 })

    const third = await org().saveGroup(admin, { branchId: seed.branch.id, name: '第三党小组', leaderMemberId: null })
    const member = await org().createMember(admin, memberInput(seed.branch.id, { name: '新党员', groupId: third.id }))
    expect(await failure(org().archiveGroup(admin, third.id))).toMatchObject({ message: 'errors.party.groupNotEmpty' })
    await org().updateMember(admin, member.id, memberInput(seed.branch.id, { name: '新党员', groupId: first.id }))
    const archived = await org().archiveGroup(admin, third.id)
    expect(archived).toMatchObject({ archived: true, memberCount: 0 })
    const [b] = await org().listBranches()
    expect(b.groups.map((g) => [g.name, g.archived])).toEqual([
      ['第一党小组', false],
      ['第二党小组', false],
      ['第三党小组', true],
    ])
    // No one joins an archived group.
    const closed = await failure(
      org().createMember(admin, memberInput(seed.branch.id, { name: '再来', groupId: third.id })),
    )
    expect(closed.message).toBe('errors.party.groupNotInBranch')
  })

  it('counts a member working elsewhere as still in the group', async () => {
    const fourth = await org().saveGroup(admin, {
      branchId: seed.branch.id,
      name: '流动党员小组',
      leaderMemberId: null,
    })
    const input = memberInput(seed.branch.id, { name: '外出者', groupId: fourth.id })
    const m = await org().createMember(admin, input)
    await org().changeMember(admin, { id: m.id, change: 'outflow', date: '2026-05-01', destination: '广州' })
    expect(await failure(org().archiveGroup(admin, fourth.id))).toMatchObject({
      message: 'errors.party.groupNotEmpty',
      params: { count: 1 },
    })
    await org().changeMember(admin, { id: m.id, change: 'left', date: '2026-06-01', reason: '组织关系转出' })
    expect((await org().archiveGroup(admin, fourth.id)).archived).toBe(true)
    // The record of someone in a group archived since can still be corrected.
    const fixed = await org().updateMember(admin, m.id, { ...input, notes: '已转至广州某支部' })
    expect(fixed).toMatchObject({ groupName: '流动党员小组', notes: '已转至广州某支部', status: 'left' })
  })
})

describe('members', () => {
  const org = () => t.services.organisation

  it('lives a whole life in its history: probationary, full, out, back, left', async () => {
    const [branch] = [await org().saveBranch(admin, { name: '第一党支部' })]
    const m = await org().createMember(
      admin,
      memberInput(branch.id, {
        name: '钱多多',
        kind: 'probationary',
        joinedDate: '2025-07-01',
        fullDate: '2026-01-01',
      }),
    )
    // A probationary member has no 转正 date, whatever was typed.
    expect(m).toMatchObject({ status: 'active', kind: 'probationary', fullDate: null })
    expect(m.history.map((h) => [h.change, h.effectiveDate, h.detail, h.byName])).toEqual([
      ['joined', '2025-07-01', '第一党支部', ADMIN.displayName],
    ])

    clock.advance(60_000)
    const full = await org().changeMember(admin, { id: m.id, change: 'becomeFull', date: '2026-07-01' })
    expect(full).toMatchObject({ kind: 'full', fullDate: '2026-07-01', status: 'active' })
    expect(
      (await failure(org().changeMember(admin, { id: m.id, change: 'becomeFull', date: '2026-08-01' }))).message,
    ).toBe('errors.party.badTransition')
    expect((await failure(org().changeMember(admin, { id: m.id, change: 'returned', date: '2026-08-01' }))).code).toBe(
      'CONFLICT',
    )

    clock.advance(60_000)
    const out = await org().changeMember(admin, {
      id: m.id,
      change: 'outflow',
      date: '2026-08-01',
      destination: '成都市',
    })
    expect(out).toMatchObject({ status: 'outflow', outflow: { destination: '成都市', dateOut: '2026-08-01' } })
    expect(
      (
        await failure(
          org().changeMember(admin, { id: m.id, change: 'outflow', date: '2026-08-02', destination: '重庆' }),
        )
      ).message,
    ).toBe('errors.party.badTransition')

    clock.advance(60_000)
    const back = await org().changeMember(admin, { id: m.id, change: 'returned', date: '2026-10-01' })
    expect(back).toMatchObject({ status: 'active', outflow: null })

    clock.advance(60_000)
    const gone = await org().changeMember(admin, {
      id: m.id,
      change: 'left',
      date: '2026-11-01',
      reason: '组织关系转出',
    })
    expect(gone.status).toBe('left')
    for (const change of [
      { id: m.id, change: 'left', date: '2026-11-02', reason: '再次' },
      { id: m.id, change: 'returned', date: '2026-11-02' },
      { id: m.id, change: 'outflow', date: '2026-11-02', destination: '北京' },
    ] as const) {
      expect((await failure(org().changeMember(admin, change))).message).toBe('errors.party.badTransition')
    }

    const read = await org().getMember(m.id)
    expect(read.history.map((h) => [h.change, h.effectiveDate, h.detail])).toEqual([
      ['joined', '2025-07-01', '第一党支部'],
      ['becameFull', '2026-07-01', null],
      ['outflow', '2026-08-01', '成都市'],
      ['returned', '2026-10-01', null],
      ['left', '2026-11-01', '组织关系转出'],
    ])
    const audit = await t.services.audit.list({ entity: 'party-member', entityId: String(m.id), page: 1, pageSize: 50 })
    expect(audit.items.map((a) => a.action).reverse()).toEqual(['create', 'becomeFull', 'outflow', 'returned', 'left'])
  })

  it('gives up committee seats and group leadership on leaving', async () => {
    const seed = await seedBranch(t.services, admin)
    await org().changeMember(admin, { id: seed.byName['张伟'].id, change: 'left', date: '2026-11-01', reason: '去世' })
    const [b] = await org().listBranches()
    expect(b.committee.map((s) => s.name)).not.toContain('张伟')
    expect(b.groups[0]).toMatchObject({ leaderMemberId: null, memberCount: 5 })
    expect(b.memberCount).toBe(10)
  })

  it('refuses a stale edit and records moves and kind corrections, not the status', async () => {
    const seed = await seedBranch(t.services, admin)
    const m = seed.byName['杨丽']
    const input = memberInput(seed.branch.id, { name: '杨丽', gender: 'F', groupId: seed.groups[0].id })
    clock.advance(1000)
    const moved = await org().updateMember(admin, m.id, { ...input, groupId: seed.groups[1].id }, m.updatedAt)
    expect(moved.groupName).toBe('第二党小组')
    expect(moved.history.at(-1)).toMatchObject({
      change: 'moved',
      detail: '第一党支部 第一党小组 → 第一党支部 第二党小组',
    })

    const stale = await failure(org().updateMember(admin, m.id, { ...input, notes: '迟到的修改' }, m.updatedAt))
    expect(stale.code).toBe('CONFLICT')
    expect(stale.message).toBe('errors.party.staleEdit')
    expect((await org().getMember(m.id)).notes).toBeNull()

    clock.advance(1000)
    const corrected = await org().updateMember(
      admin,
      m.id,
      { ...input, groupId: seed.groups[1].id, kind: 'probationary' },
      moved.updatedAt,
    )
    expect(corrected.history.at(-1)).toMatchObject({ change: 'edited', detail: 'kind: full → probationary' })
    expect(corrected.history).toHaveLength(3)

    // Status is not an edit: the outflow member stays out after an edit of their record.
    const out = seed.outflow
    const edited = await org().updateMember(
      admin,
      out.id,
      memberInput(seed.branch.id, { name: '周杰', groupId: seed.groups[1].id, notes: '电话已更新' }),
    )
    expect(edited).toMatchObject({ status: 'outflow', notes: '电话已更新' })
    expect(edited.history.map((h) => h.change)).toEqual(['joined', 'outflow'])
  })

  it('keeps a group inside its branch and a resident link real and single', async () => {
    const seed = await seedBranch(t.services, admin)
    const other = await seedBranch(t.services, admin, { name: '第二党支部' })
    const wrong = await failure(
      org().createMember(admin, memberInput(seed.branch.id, { name: '错组', groupId: other.groups[0].id })),
    )
    expect(wrong.message).toBe('errors.party.groupNotInBranch')
    expect(wrong.fields?.[0]?.path).toBe('groupId')

    const missing = await failure(
      org().createMember(admin, memberInput(seed.branch.id, { name: '查无', residentId: 9999 })),
    )
    expect(missing.code).toBe('NOT_FOUND')

    const resident = await t.services.residents.create(admin, residentInput({ name: '林小红', gender: 'F' }))
    const linked = await org().createMember(
      admin,
      memberInput(seed.branch.id, { name: '林小红', residentId: resident.id }),
    )
    expect(linked).toMatchObject({ residentId: resident.id, gender: 'F' })
    const again = await failure(
      org().createMember(admin, memberInput(other.branch.id, { name: '林小红', residentId: resident.id })),
    )
    expect(again.message).toBe('errors.party.residentAlreadyMember')

    // Moving to another branch gives up the posts held in the old one.
    const secretary = seed.committee.secretary
    const movedAway = await org().updateMember(
      admin,
      secretary.id,
      memberInput(other.branch.id, { name: secretary.name, gender: 'M', groupId: other.groups[1].id }),
    )
    expect(movedAway.history.at(-1)).toMatchObject({
      change: 'moved',
      detail: '第一党支部 第一党小组 → 第二党支部 第二党小组',
    })
    const branches = await org().listBranches()
    expect(branches[0].committee.map((s) => s.role)).not.toContain('secretary')
    expect(branches.map((b) => b.memberCount)).toEqual([11, 12])
  })

  it('lists by pinyin with filters, pages, and % or _ typed as text', async () => {
    const seed = await seedBranch(t.services, admin)
    await seedBranch(t.services, admin, { name: '第二党支部' })
    const mine = { branchId: seed.branch.id }
    expect(names(await org().listMembers(query(mine)))).toEqual([
      '陈明',
      '黄敏',
      '李红梅',
      '刘芳',
      '孙悦',
      '王建国',
      '吴静',
      '徐磊',
      '杨丽',
      '张伟',
      '赵强',
      '周杰',
    ])
    expect(names(await org().listMembers(query({ ...mine, kind: 'probationary' })))).toEqual(['孙悦', '徐磊'])
    expect(names(await org().listMembers(query({ ...mine, status: 'outflow' })))).toEqual(['周杰'])
    expect(names(await org().listMembers(query({ ...mine, groupId: seed.groups[0].id, status: 'active' })))).toEqual([
      '陈明',
      '黄敏',
      '王建国',
      '徐磊',
      '杨丽',
      '张伟',
    ])
    expect(names(await org().listMembers(query({ ...mine, q: '红' })))).toEqual(['李红梅'])
    expect(names(await org().listMembers(query({ ...mine, q: 'wjg' })))).toEqual(['王建国'])
    expect(names(await org().listMembers(query({ ...mine, q: 'zh' })))).toEqual(['张伟', '赵强', '周杰'])
    const all = await org().listMembers(query({ q: '王建国' }))
    expect(all.items.map((m) => m.branchName)).toEqual(['第一党支部', '第二党支部'])

    const paged = await org().listMembers(query({ ...mine, page: 2, pageSize: 5 }))
    expect(paged).toMatchObject({ total: 12, page: 2, pageSize: 5 })
    expect(names(paged)).toEqual(['王建国', '吴静', '徐磊', '杨丽', '张伟'])

    await org().createMember(admin, memberInput(seed.branch.id, { name: '百分%之' }))
    expect(names(await org().listMembers(query({ q: '%' })))).toEqual(['百分%之'])
    expect(names(await org().listMembers(query({ q: '_' })))).toEqual([])
    expect(names(await org().listMembers(query({ q: '分%' })))).toEqual(['百分%之'])
  })
})

describe('party channels', () => {
  const APP = 'app://station/index.html'
  const adminSender: SenderInfo = { id: '1', url: APP }
  const secretary: SenderInfo = { id: '2', url: APP }
  const staff: SenderInfo = { id: '3', url: APP }
  const coordinator: SenderInfo = { id: '4', url: APP }
  let router: Router

  async function call<T>(sender: SenderInfo, channel: string, input?: unknown): Promise<Envelope<T>> {
    return (await router.handle(sender, channel, input)) as Envelope<T>
  }
  async function ok<T>(sender: SenderInfo, channel: string, input?: unknown): Promise<T> {
    const e = await call<T>(sender, channel, input)
    if (!e.ok) throw new Error(`${channel} failed: ${JSON.stringify(e.error)}`)
    return e.data
  }
  async function err(sender: SenderInfo, channel: string, input?: unknown): Promise<ErrorPayload> {
    const e = await call(sender, channel, input)
    if (e.ok) throw new Error(`${channel} unexpectedly succeeded`)
    return e.error
  }

  beforeEach(async () => {
    // A fresh file without the service-level admin: the router's own setup makes account 1.
    await t.dispose()
    t = await tempContainer({ now: clock.now })
    router = createRouter(t.services, { isTrustedSender: (s) => s.url === APP })
    await ok(adminSender, 'auth:setup', { ...ADMIN })
    for (const [username, role, sender] of [
      ['li', 'secretary', secretary],
      ['wang', 'staff', staff],
      ['zhou', 'coordinator', coordinator],
    ] as const) {
      await ok(adminSender, 'accounts:create', { username, displayName: username, password: 'secret-pass-1', role })
      await ok(sender, 'auth:login', { username, password: 'secret-pass-1' })
    }
  })

  it('lets a secretary write, staff only read, and keeps a coordinator out', async () => {
    const branch = await ok<PartyBranchDto>(secretary, 'branches:save', { name: '第一党支部' })
    const m = await ok<PartyMemberDto>(secretary, 'members:create', {
      name: '王建国',
      branchId: branch.id,
      kind: 'probationary',
      joinedDate: '2026-01-05',
    })
    expect(m.history[0]).toMatchObject({ change: 'joined', byName: 'li' })
    await ok(secretary, 'branches:set-committee', {
      branchId: branch.id,
      seats: [{ memberId: m.id, role: 'secretary' }],
    })
    await ok(secretary, 'members:change', { id: m.id, change: 'becomeFull', date: '2027-01-05' })

    expect((await ok<PartyBranchDto[]>(staff, 'branches:list'))[0].committee[0].name).toBe('王建国')
    expect((await ok<Page<PartyMemberDto>>(staff, 'members:list', {})).total).toBe(1)
    expect((await ok<PartyMemberDto>(staff, 'members:get', { id: m.id })).kind).toBe('full')
    expect((await err(staff, 'members:create', { name: '张三', branchId: branch.id, kind: 'full' })).code).toBe(
      'FORBIDDEN',
    )
    expect((await err(staff, 'branches:save', { name: '别的支部' })).code).toBe('FORBIDDEN')
    expect(
      (await err(staff, 'members:change', { id: m.id, change: 'left', date: '2027-02-01', reason: 'x' })).code,
    ).toBe('FORBIDDEN')

    for (const [channel, input] of [
      ['branches:list', undefined],
      ['members:list', {}],
      ['members:get', { id: m.id }],
      ['branches:save-group', { branchId: branch.id, name: '第一党小组' }],
    ] as const) {
      expect((await err(coordinator, channel, input)).code).toBe('FORBIDDEN')
    }

    // Errors arrive as payloads with their keys, not as crashes.
    const bad = await err(secretary, 'members:change', { id: m.id, change: 'becomeFull', date: '2027-03-01' })
    expect(bad).toMatchObject({ code: 'CONFLICT', message: 'errors.party.badTransition' })
    const dup = await err(adminSender, 'branches:set-committee', {
      branchId: branch.id,
      seats: [
        { memberId: m.id, role: 'secretary' },
        { memberId: m.id, role: 'secretary' },
      ],
    })
    expect(dup.message).toBe('errors.party.duplicateRole')
  })
})

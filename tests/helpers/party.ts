/**
 * Party fixtures shared by the organisation, meeting and compliance tests: one branch with a full
 * committee, two groups and a dozen members, built through the real organisation service.
 */
import type { CommitteeRole, PartyBranchDto, PartyGroupDto, PartyMemberDto } from '../../electron/contract/party-dto'
import type { MemberInput } from '../../electron/contract/party-schemas'
import type { ServiceContainer } from '../../electron/services/container'
import type { CallContext } from '../../electron/services/context'

export interface SeededBranch {
  branch: PartyBranchDto
  groups: [PartyGroupDto, PartyGroupDto]
  /** Every member in creation order (as in SEED_MEMBERS), with their state after seeding. */
  members: PartyMemberDto[]
  /** Members by name, e.g. `byName['王建国']`. */
  byName: Record<string, PartyMemberDto>
  /** The five committee seats (支委). */
  committee: Record<CommitteeRole, PartyMemberDto>
  /** Active members (11): everyone but the one who flowed out. */
  active: PartyMemberDto[]
  /** Active full members (9): the voting members of a general meeting. */
  voting: PartyMemberDto[]
  /** Active probationary members (2). */
  probationary: PartyMemberDto[]
  /** The full member who flowed out (流出) to work elsewhere. */
  outflow: PartyMemberDto
}

interface SeedMember {
  name: string
  gender: 'M' | 'F'
  group: 0 | 1
  kind: 'full' | 'probationary'
  role?: CommitteeRole
  leader?: true
  outflow?: true
}

/**
 * Group 0 (第一党小组): 王建国 张伟 陈明 杨丽 黄敏 徐磊(预备), led by 张伟.
 * Group 1 (第二党小组): 李红梅 刘芳 赵强 周杰(流出) 吴静 孙悦(预备), led by 刘芳.
 */
export const SEED_MEMBERS: readonly SeedMember[] = [
  { name: '王建国', gender: 'M', group: 0, kind: 'full', role: 'secretary' },
  { name: '李红梅', gender: 'F', group: 1, kind: 'full', role: 'deputySecretary' },
  { name: '张伟', gender: 'M', group: 0, kind: 'full', role: 'organisation', leader: true },
  { name: '刘芳', gender: 'F', group: 1, kind: 'full', role: 'propaganda', leader: true },
  { name: '陈明', gender: 'M', group: 0, kind: 'full', role: 'discipline' },
  { name: '杨丽', gender: 'F', group: 0, kind: 'full' },
  { name: '赵强', gender: 'M', group: 1, kind: 'full' },
  { name: '黄敏', gender: 'F', group: 0, kind: 'full' },
  { name: '周杰', gender: 'M', group: 1, kind: 'full', outflow: true },
  { name: '吴静', gender: 'F', group: 1, kind: 'full' },
  { name: '徐磊', gender: 'M', group: 0, kind: 'probationary' },
  { name: '孙悦', gender: 'F', group: 1, kind: 'probationary' },
]

/** A member's input with everything but the branch filled in; override what the test needs. */
export function memberInput(branchId: number, over: Partial<MemberInput> = {}): MemberInput {
  return {
    residentId: null,
    name: '测试党员',
    gender: null,
    branchId,
    groupId: null,
    kind: 'full',
    joinedDate: '2015-07-01',
    fullDate: '2016-07-01',
    inflow: null,
    notes: null,
    ...over,
  }
}

/**
 * Creates a branch (default 第一党支部) with two groups, the twelve SEED_MEMBERS, both group
 * leaders, a committee of five, and 周杰 flowed out. `ctx` must act as an existing account
 * (setupAdmin) because every write is audited.
 */
export async function seedBranch(
  services: ServiceContainer,
  ctx: CallContext,
  options: { name?: string } = {},
): Promise<SeededBranch> {
  const org = services.organisation
  const created = await org.saveBranch(ctx, { name: options.name ?? '第一党支部' })
  const groupRows = [
    await org.saveGroup(ctx, { branchId: created.id, name: '第一党小组', leaderMemberId: null }),
    await org.saveGroup(ctx, { branchId: created.id, name: '第二党小组', leaderMemberId: null }),
  ]
  const members: PartyMemberDto[] = []
  for (const m of SEED_MEMBERS) {
    members.push(
      await org.createMember(
        ctx,
        memberInput(created.id, {
          name: m.name,
          gender: m.gender,
          groupId: groupRows[m.group].id,
          kind: m.kind,
          joinedDate: m.kind === 'full' ? '2012-07-01' : '2026-06-01',
          fullDate: m.kind === 'full' ? '2013-07-01' : null,
        }),
      ),
    )
  }
  const groups = [] as unknown as [PartyGroupDto, PartyGroupDto]
  for (const [i, g] of groupRows.entries()) {
    const leader = SEED_MEMBERS.findIndex((m) => m.leader && m.group === i)
    groups.push(
      await org.saveGroup(ctx, { id: g.id, branchId: created.id, name: g.name, leaderMemberId: members[leader].id }),
    )
  }
  await org.setCommittee(ctx, {
    branchId: created.id,
    seats: SEED_MEMBERS.flatMap((m, i) => (m.role ? [{ memberId: members[i].id, role: m.role }] : [])),
  })
  for (const [i, m] of SEED_MEMBERS.entries()) {
    if (m.outflow) {
      members[i] = await org.changeMember(ctx, {
        id: members[i].id,
        change: 'outflow',
        date: '2026-03-01',
        destination: '深圳市南山区',
      })
    }
  }
  const branch = (await org.listBranches()).find((b) => b.id === created.id)!
  const byName = Object.fromEntries(members.map((m) => [m.name, m]))
  const committee = Object.fromEntries(
    SEED_MEMBERS.flatMap((m, i) => (m.role ? [[m.role, members[i]]] : [])),
  ) as Record<CommitteeRole, PartyMemberDto>
  const active = members.filter((m) => m.status === 'active')
  return {
    branch,
    groups,
    members,
    byName,
    committee,
    active,
    voting: active.filter((m) => m.kind === 'full'),
    probationary: active.filter((m) => m.kind === 'probationary'),
    outflow: members.find((m) => m.status === 'outflow')!,
  }
}

/**
 * The SEED_MEMBERS branch built straight through the models, so meeting and compliance tests
 * stand on their own rather than on the organisation service: 12 members, 周杰 flowed out, 徐磊
 * and 孙悦 probationary.
 */
export async function seedBranchViaModels(s: ServiceContainer, name = '第一党支部') {
  const { PartyBranch, PartyGroup, PartyMember, CommitteeSeat } = s.models
  const branch = await PartyBranch.create({ name })
  const groups = [
    await PartyGroup.create({ branchId: branch.id, name: '第一党小组' }),
    await PartyGroup.create({ branchId: branch.id, name: '第二党小组' }),
  ]
  const byName: Record<string, number> = {}
  for (const m of SEED_MEMBERS) {
    const row = await PartyMember.create({
      name: m.name,
      gender: m.gender,
      branchId: branch.id,
      groupId: groups[m.group]!.id,
      kind: m.kind,
      status: m.outflow ? 'outflow' : 'active',
    })
    byName[m.name] = row.id
    if (m.role) await CommitteeSeat.create({ branchId: branch.id, memberId: row.id, role: m.role })
  }
  return { branchId: branch.id, groupIds: groups.map((g) => g.id), byName }
}

/**
 * Party branches (支部) with their committee (支委) and groups (党小组), and party members. A
 * member's standing (转正, 流出, 返回, 离开) changes only through `changeMember`, and every change
 * of standing, branch, group or kind is appended to the member's history, never rewritten.
 */
import { Op, type Sequelize, type Transaction, type WhereOptions } from 'sequelize'
import { columnContains } from '../../../database/like'
import type { Models, PartyBranchModel, PartyGroupModel, PartyMemberModel } from '../../../database/models'
import type { PartyMemberRow } from '../../../database/models/party'
import type { Page } from '../../contract/dto'
import { AppError, notFoundError } from '../../contract/errors'
import {
  COMMITTEE_ROLES,
  type CommitteeRole,
  type CommitteeSeatDto,
  type MemberHistoryDto,
  type PartyBranchDto,
  type PartyGroupDto,
  type PartyMemberDto,
} from '../../contract/party-dto'
import type { MemberChange, MemberInput, MemberQuery } from '../../contract/party-schemas'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'
import { compareByName, isPinyinQuery, matchesPinyin, nameKey } from './member-order'

interface Deps {
  sequelize: Sequelize
  models: Models
  audit: AuditService
  now: () => Date
}

type HistoryChange = 'joined' | 'becameFull' | 'outflow' | 'returned' | 'left' | 'moved' | 'edited'

function iso(d: Date): string {
  return new Date(d).toISOString()
}

/** A rule about one field of the input: the message is also the error's, so callers can test it. */
function fieldRule(path: string, key: string, code: 'VALIDATION' | 'CONFLICT' = 'VALIDATION'): AppError {
  return new AppError(code, key, { fields: [{ path, message: key }] })
}

/** What the audit keeps of a member: their standing, not their notes. */
function memberAudit(m: PartyMemberRow) {
  return {
    name: m.name,
    residentId: m.residentId,
    branchId: m.branchId,
    groupId: m.groupId,
    kind: m.kind,
    status: m.status,
    joinedDate: m.joinedDate,
    fullDate: m.fullDate,
    inflowOrigin: m.inflowOrigin,
    outflowDestination: m.outflowDestination,
    outflowDate: m.outflowDate,
  }
}

function memberColumns(input: MemberInput) {
  return {
    residentId: input.residentId,
    name: input.name,
    gender: input.gender,
    branchId: input.branchId,
    groupId: input.groupId,
    kind: input.kind,
    joinedDate: input.joinedDate,
    // A probationary member has no 转正 date yet; one typed by mistake would read as a full member's.
    fullDate: input.kind === 'full' ? input.fullDate : null,
    inflowOrigin: input.inflow?.origin ?? null,
    inflowDate: input.inflow?.dateIn ?? null,
    inflowContact: input.inflow?.originContact ?? null,
    notes: input.notes,
  }
}

export function createOrganisationService({ sequelize, models, audit, now }: Deps) {
  const { PartyBranch, PartyGroup, PartyMember, MemberHistory, CommitteeSeat, Account, Resident } = models

  async function findBranch(id: number, transaction?: Transaction): Promise<PartyBranchModel> {
    const b = await PartyBranch.findByPk(id, { transaction })
    if (!b) throw notFoundError('branch')
    return b
  }

  async function findGroup(id: number, transaction?: Transaction): Promise<PartyGroupModel> {
    const g = await PartyGroup.findByPk(id, { transaction })
    if (!g) throw notFoundError('group')
    return g
  }

  async function findMember(id: number, transaction?: Transaction): Promise<PartyMemberModel> {
    const m = await PartyMember.findByPk(id, { transaction })
    if (!m) throw notFoundError('member')
    return m
  }

  /** An active member of this branch, for a committee seat or a group leader. */
  async function requireActiveMemberOf(
    branchId: number,
    memberId: number,
    path: string,
    transaction: Transaction,
  ): Promise<PartyMemberModel> {
    const m = await PartyMember.findByPk(memberId, { transaction })
    if (!m || m.branchId !== branchId || m.status !== 'active') throw fieldRule(path, 'errors.party.memberNotInBranch')
    return m
  }

  /** `kept`: the member is already in this group, so an archived one may stay on their record. */
  async function requireGroupIn(
    branchId: number,
    groupId: number | null,
    transaction: Transaction,
    kept = false,
  ): Promise<void> {
    if (groupId === null) return
    const g = await PartyGroup.findByPk(groupId, { transaction })
    if (!g || g.branchId !== branchId || (g.archivedAt && !kept)) {
      throw fieldRule('groupId', 'errors.party.groupNotInBranch')
    }
  }

  async function requireResident(residentId: number | null, transaction: Transaction) {
    if (residentId === null) return null
    const r = await Resident.findByPk(residentId, { transaction })
    if (!r) throw notFoundError('resident')
    return r
  }

  /** One resident is one party member: a second record would split their history and attendance. */
  async function requireResidentFree(residentId: number | null, memberId: number | null, transaction: Transaction) {
    if (residentId === null) return
    const other = await PartyMember.findOne({
      where: { residentId, status: { [Op.ne]: 'left' }, ...(memberId === null ? {} : { id: { [Op.ne]: memberId } }) },
      transaction,
    })
    if (other) throw fieldRule('residentId', 'errors.party.residentAlreadyMember', 'CONFLICT')
  }

  async function history(
    ctx: CallContext,
    memberId: number,
    change: HistoryChange,
    transaction: Transaction,
    more: {
      effectiveDate?: string | null
      detail?: string | null
    } = {},
  ): Promise<void> {
    await MemberHistory.create(
      {
        memberId,
        at: now(),
        change,
        effectiveDate: more.effectiveDate ?? null,
        detail: more.detail ? more.detail.slice(0, 200) : null,
        accountId: ctx.actor?.accountId ?? null,
      },
      { transaction },
    )
  }

  /** Builds branch DTOs from a handful of whole-table reads: there are a few branches, not thousands. */
  async function branchDtos(ids: number[] | null, transaction?: Transaction): Promise<PartyBranchDto[]> {
    const where = ids === null ? {} : { id: ids }
    const byBranch = ids === null ? {} : { branchId: ids }
    const [branches, groups, seats, members] = await Promise.all([
      PartyBranch.findAll({ where, order: [['id', 'ASC']], transaction }),
      PartyGroup.findAll({ where: byBranch, order: [['id', 'ASC']], transaction }),
      CommitteeSeat.findAll({ where: byBranch, order: [['id', 'ASC']], transaction }),
      PartyMember.findAll({
        where: byBranch,
        attributes: ['id', 'name', 'branchId', 'groupId', 'status'],
        transaction,
      }),
    ])
    const names = new Map(members.map((m) => [m.id, m.name]))
    const active = members.filter((m) => m.status === 'active')
    const roleOrder = (r: string) => COMMITTEE_ROLES.indexOf(r as CommitteeRole)
    return branches.map((b) => ({
      id: b.id,
      name: b.name,
      committee: seats
        .filter((s) => s.branchId === b.id)
        .sort((x, y) => roleOrder(x.role) - roleOrder(y.role))
        .map((s): CommitteeSeatDto => ({
          memberId: s.memberId,
          name: names.get(s.memberId) ?? '',
          role: s.role as CommitteeRole,
        })),
      groups: groups
        .filter((g) => g.branchId === b.id)
        // Archived groups stay listed (old meetings name them) but after the current ones.
        .sort((x, y) => Number(x.archivedAt !== null) - Number(y.archivedAt !== null) || x.id - y.id)
        .map((g) => groupDto(g, names, active.filter((m) => m.groupId === g.id).length)),
      memberCount: active.filter((m) => m.branchId === b.id).length,
      archived: b.archivedAt !== null,
    }))
  }

  async function branchDto(id: number, transaction?: Transaction): Promise<PartyBranchDto> {
    const [dto] = await branchDtos([id], transaction)
    if (!dto) throw notFoundError('branch')
    return dto
  }

  function groupDto(g: PartyGroupModel, names: Map<number, string>, memberCount: number): PartyGroupDto {
    return {
      id: g.id,
      branchId: g.branchId,
      name: g.name,
      leaderMemberId: g.leaderMemberId,
      leaderName: g.leaderMemberId === null ? null : (names.get(g.leaderMemberId) ?? null),
      memberCount,
      archived: g.archivedAt !== null,
    }
  }

  async function loadGroupDto(g: PartyGroupModel, transaction?: Transaction): Promise<PartyGroupDto> {
    const leader = g.leaderMemberId === null ? null : await PartyMember.findByPk(g.leaderMemberId, { transaction })
    const count = await PartyMember.count({ where: { groupId: g.id, status: 'active' }, transaction })
    return groupDto(g, new Map(leader ? [[leader.id, leader.name]] : []), count)
  }

  /** Names of branches and groups, for member DTOs and history details. */
  async function placeNames(transaction?: Transaction) {
    const [branches, groups] = await Promise.all([
      PartyBranch.findAll({ attributes: ['id', 'name'], transaction }),
      PartyGroup.findAll({ attributes: ['id', 'name'], transaction }),
    ])
    return {
      branches: new Map(branches.map((b) => [b.id, b.name])),
      groups: new Map(groups.map((g) => [g.id, g.name])),
    }
  }

  type Names = Awaited<ReturnType<typeof placeNames>>

  function memberDto(m: PartyMemberModel, names: Names, hist: MemberHistoryDto[]): PartyMemberDto {
    return {
      id: m.id,
      residentId: m.residentId,
      name: m.name,
      gender: m.gender,
      branchId: m.branchId,
      branchName: names.branches.get(m.branchId) ?? '',
      groupId: m.groupId,
      groupName: m.groupId === null ? null : (names.groups.get(m.groupId) ?? null),
      kind: m.kind,
      joinedDate: m.joinedDate,
      fullDate: m.fullDate,
      status: m.status,
      inflow: m.inflowOrigin ? { origin: m.inflowOrigin, dateIn: m.inflowDate, originContact: m.inflowContact } : null,
      outflow: m.outflowDestination ? { destination: m.outflowDestination, dateOut: m.outflowDate } : null,
      notes: m.notes,
      history: hist,
      updatedAt: iso(m.updatedAt),
    }
  }

  async function fullMemberDto(m: PartyMemberModel, transaction?: Transaction): Promise<PartyMemberDto> {
    const rows = await MemberHistory.findAll({
      where: { memberId: m.id },
      order: [
        ['at', 'ASC'],
        ['id', 'ASC'],
      ],
      transaction,
    })
    const accountIds = [...new Set(rows.map((r) => r.accountId).filter((a): a is number => a !== null))]
    const accounts = accountIds.length
      ? await Account.findAll({ where: { id: accountIds }, attributes: ['id', 'displayName'], transaction })
      : []
    const byName = new Map(accounts.map((a) => [a.id, a.displayName]))
    const hist = rows.map((r): MemberHistoryDto => ({
      at: iso(r.at),
      change: r.change,
      effectiveDate: r.effectiveDate,
      detail: r.detail,
      byName: r.accountId === null ? null : (byName.get(r.accountId) ?? null),
    }))
    return memberDto(m, await placeNames(transaction), hist)
  }

  function where(names: Names, branchId: number, groupId: number | null): string {
    const branch = names.branches.get(branchId) ?? ''
    return groupId === null ? branch : `${branch} ${names.groups.get(groupId) ?? ''}`
  }

  /** A member who leaves a branch, or the party, gives up the posts they held in it. */
  async function releasePosts(member: PartyMemberModel, transaction: Transaction): Promise<string[]> {
    const seats = await CommitteeSeat.findAll({ where: { memberId: member.id }, transaction })
    await CommitteeSeat.destroy({ where: { memberId: member.id }, transaction })
    const led = await PartyGroup.findAll({ where: { leaderMemberId: member.id }, transaction })
    for (const g of led) await g.update({ leaderMemberId: null }, { transaction })
    return [...seats.map((s) => `seat:${s.role}`), ...led.map((g) => `leader:${g.id}`)]
  }

  return {
    async listBranches(): Promise<PartyBranchDto[]> {
      return branchDtos(null)
    },

    async saveBranch(ctx: CallContext, input: { id?: number; name: string }): Promise<PartyBranchDto> {
      return sequelize.transaction(async (transaction) => {
        if (input.id === undefined) {
          const b = await PartyBranch.create({ name: input.name }, { transaction })
          await audit.record(
            ctx,
            { action: 'create', entity: 'party-branch', entityId: b.id, after: { name: b.name } },
            transaction,
          )
          return branchDto(b.id, transaction)
        }
        const b = await findBranch(input.id, transaction)
        const before = { name: b.name }
        await b.update({ name: input.name }, { transaction })
        await audit.record(
          ctx,
          { action: 'update', entity: 'party-branch', entityId: b.id, before, after: { name: b.name } },
          transaction,
        )
        return branchDto(b.id, transaction)
      })
    },

    /** Replaces the whole committee: each role once, each person once, all active members here. */
    async setCommittee(
      ctx: CallContext,
      input: { branchId: number; seats: Array<{ memberId: number; role: string }> },
    ): Promise<PartyBranchDto> {
      return sequelize.transaction(async (transaction) => {
        await findBranch(input.branchId, transaction)
        const roles = new Set<string>()
        const people = new Set<number>()
        for (const [i, seat] of input.seats.entries()) {
          if (!(COMMITTEE_ROLES as readonly string[]).includes(seat.role)) {
            throw fieldRule(`seats.${i}.role`, 'validation.invalid')
          }
          if (roles.has(seat.role)) throw fieldRule(`seats.${i}.role`, 'errors.party.duplicateRole')
          if (people.has(seat.memberId)) throw fieldRule(`seats.${i}.memberId`, 'errors.party.duplicateMember')
          roles.add(seat.role)
          people.add(seat.memberId)
          await requireActiveMemberOf(input.branchId, seat.memberId, `seats.${i}.memberId`, transaction)
        }
        const before = await CommitteeSeat.findAll({ where: { branchId: input.branchId }, transaction })
        await CommitteeSeat.destroy({ where: { branchId: input.branchId }, transaction })
        await CommitteeSeat.bulkCreate(
          input.seats.map((s) => ({ branchId: input.branchId, memberId: s.memberId, role: s.role })),
          { transaction },
        )
        await audit.record(
          ctx,
          {
            action: 'set-committee',
            entity: 'party-branch',
            entityId: input.branchId,
            before: before.map((s) => ({ memberId: s.memberId, role: s.role })),
            after: input.seats,
          },
          transaction,
        )
        return branchDto(input.branchId, transaction)
      })
    },

    async saveGroup(
      ctx: CallContext,
      input: { id?: number; branchId: number; name: string; leaderMemberId: number | null },
    ): Promise<PartyGroupDto> {
      return sequelize.transaction(async (transaction) => {
        await findBranch(input.branchId, transaction)
        if (input.leaderMemberId !== null) {
          await requireActiveMemberOf(input.branchId, input.leaderMemberId, 'leaderMemberId', transaction)
        }
        const fields = { name: input.name, leaderMemberId: input.leaderMemberId }
        if (input.id === undefined) {
          const g = await PartyGroup.create({ branchId: input.branchId, ...fields }, { transaction })
          await audit.record(
            ctx,
            { action: 'create', entity: 'party-group', entityId: g.id, after: { branchId: g.branchId, ...fields } },
            transaction,
          )
          return loadGroupDto(g, transaction)
        }
        const g = await findGroup(input.id, transaction)
        // Groups do not move between branches: their meetings belong to the branch they were held in.
        if (g.branchId !== input.branchId) throw fieldRule('branchId', 'errors.party.groupNotInBranch')
        const before = { name: g.name, leaderMemberId: g.leaderMemberId }
        await g.update(fields, { transaction })
        await audit.record(
          ctx,
          { action: 'update', entity: 'party-group', entityId: g.id, before, after: fields },
          transaction,
        )
        return loadGroupDto(g, transaction)
      })
    },

    async archiveGroup(ctx: CallContext, id: number): Promise<PartyGroupDto> {
      return sequelize.transaction(async (transaction) => {
        const g = await findGroup(id, transaction)
        if (g.archivedAt) return loadGroupDto(g, transaction)
        // Members working elsewhere (流出) still belong to the group and come back to it.
        const inGroup = await PartyMember.count({
          where: { groupId: id, status: { [Op.ne]: 'left' } },
          transaction,
        })
        if (inGroup > 0) {
          throw new AppError('CONFLICT', 'errors.party.groupNotEmpty', { params: { count: inGroup } })
        }
        await g.update({ archivedAt: now() }, { transaction })
        await audit.record(ctx, { action: 'archive', entity: 'party-group', entityId: id }, transaction)
        return loadGroupDto(g, transaction)
      })
    },

    /** Filtered in SQL, then ordered by pinyin here: a station has hundreds of members, not millions. */
    async listMembers(query: MemberQuery): Promise<Page<PartyMemberDto>> {
      const conditions: WhereOptions<PartyMemberRow>[] = []
      if (query.branchId !== undefined) conditions.push({ branchId: query.branchId })
      if (query.groupId !== undefined) conditions.push({ groupId: query.groupId })
      if (query.status !== undefined) conditions.push({ status: query.status })
      if (query.kind !== undefined) conditions.push({ kind: query.kind })
      const q = query.q ?? ''
      const pinyinQuery = q !== '' && isPinyinQuery(q)
      if (q !== '' && !pinyinQuery) {
        conditions.push(columnContains(sequelize, 'name', q) as WhereOptions<PartyMemberRow>)
      }
      const candidates = await PartyMember.findAll({ where: { [Op.and]: conditions }, attributes: ['id', 'name'] })
      const keyed = candidates
        .map((m) => ({ id: m.id, name: m.name, key: nameKey(m.name) }))
        .filter((m) => !pinyinQuery || matchesPinyin(m.key, q) || m.name.toLowerCase().includes(q.toLowerCase()))
        .sort(compareByName)
      const start = (query.page - 1) * query.pageSize
      const pageIds = keyed.slice(start, start + query.pageSize).map((m) => m.id)
      const rows = pageIds.length ? await PartyMember.findAll({ where: { id: pageIds } }) : []
      const byId = new Map(rows.map((r) => [r.id, r]))
      const names = await placeNames()
      return {
        // History is the detail view's; a list of a hundred members does not carry a hundred histories.
        items: pageIds.map((id) => memberDto(byId.get(id)!, names, [])),
        total: keyed.length,
        page: query.page,
        pageSize: query.pageSize,
      }
    },

    async getMember(id: number): Promise<PartyMemberDto> {
      return fullMemberDto(await findMember(id))
    },

    async createMember(ctx: CallContext, input: MemberInput): Promise<PartyMemberDto> {
      return sequelize.transaction(async (transaction) => {
        await findBranch(input.branchId, transaction)
        await requireGroupIn(input.branchId, input.groupId, transaction)
        const resident = await requireResident(input.residentId, transaction)
        await requireResidentFree(input.residentId, null, transaction)
        const m = await PartyMember.create(
          {
            ...memberColumns(input),
            gender: input.gender ?? resident?.gender ?? null,
            status: 'active',
          },
          { transaction },
        )
        const names = await placeNames(transaction)
        await history(ctx, m.id, 'joined', transaction, {
          effectiveDate: input.joinedDate,
          detail: where(names, m.branchId, m.groupId),
        })
        await audit.record(
          ctx,
          { action: 'create', entity: 'party-member', entityId: m.id, after: memberAudit(m) },
          transaction,
        )
        return fullMemberDto(m, transaction)
      })
    },

    /** Edits the record; standing (status) changes only through `changeMember`. */
    async updateMember(
      ctx: CallContext,
      id: number,
      data: MemberInput,
      expectedUpdatedAt?: string,
    ): Promise<PartyMemberDto> {
      return sequelize.transaction(async (transaction) => {
        const m = await findMember(id, transaction)
        if (expectedUpdatedAt && iso(m.updatedAt) !== expectedUpdatedAt) {
          throw new AppError('CONFLICT', 'errors.party.staleEdit')
        }
        if (data.branchId !== m.branchId) await findBranch(data.branchId, transaction)
        await requireGroupIn(data.branchId, data.groupId, transaction, data.groupId === m.groupId)
        if (data.residentId !== m.residentId) {
          await requireResident(data.residentId, transaction)
          await requireResidentFree(data.residentId, m.id, transaction)
        }
        const before = memberAudit(m)
        const names = await placeNames(transaction)
        const moved = data.branchId !== m.branchId || data.groupId !== m.groupId
        const from = where(names, m.branchId, m.groupId)
        const released = data.branchId !== m.branchId ? await releasePosts(m, transaction) : []
        const kindBefore = m.kind
        await m.update(memberColumns(data), { transaction })
        if (moved) {
          await history(ctx, m.id, 'moved', transaction, {
            detail: `${from} → ${where(names, m.branchId, m.groupId)}`,
          })
        }
        if (kindBefore !== m.kind) {
          await history(ctx, m.id, 'edited', transaction, { detail: `kind: ${kindBefore} → ${m.kind}` })
        }
        await audit.record(
          ctx,
          {
            action: 'update',
            entity: 'party-member',
            entityId: m.id,
            before,
            after: released.length ? { ...memberAudit(m), released } : memberAudit(m),
          },
          transaction,
        )
        return fullMemberDto(m, transaction)
      })
    },

    /** 转正, 流出, 返回, 离开: each allowed only from the standing it changes. */
    async changeMember(ctx: CallContext, input: MemberChange): Promise<PartyMemberDto> {
      return sequelize.transaction(async (transaction) => {
        const m = await findMember(input.id, transaction)
        const before = memberAudit(m)
        const refuse = () =>
          new AppError('CONFLICT', 'errors.party.badTransition', {
            params: { change: input.change, status: m.status, kind: m.kind },
          })
        let released: string[] = []
        switch (input.change) {
          case 'becomeFull':
            if (m.kind !== 'probationary' || m.status === 'left') throw refuse()
            await m.update({ kind: 'full', fullDate: input.date }, { transaction })
            await history(ctx, m.id, 'becameFull', transaction, { effectiveDate: input.date })
            break
          case 'outflow':
            if (m.status !== 'active') throw refuse()
            await m.update(
              { status: 'outflow', outflowDestination: input.destination, outflowDate: input.date },
              { transaction },
            )
            await history(ctx, m.id, 'outflow', transaction, { effectiveDate: input.date, detail: input.destination })
            break
          case 'returned':
            if (m.status !== 'outflow') throw refuse()
            // The destination stays in the history row written when they left.
            await m.update({ status: 'active', outflowDestination: null, outflowDate: null }, { transaction })
            await history(ctx, m.id, 'returned', transaction, { effectiveDate: input.date })
            break
          case 'left':
            if (m.status === 'left') throw refuse()
            released = await releasePosts(m, transaction)
            await m.update({ status: 'left' }, { transaction })
            await history(ctx, m.id, 'left', transaction, { effectiveDate: input.date, detail: input.reason })
            break
        }
        await audit.record(
          ctx,
          {
            action: input.change,
            entity: 'party-member',
            entityId: m.id,
            before,
            after: released.length ? { ...memberAudit(m), released } : memberAudit(m),
          },
          transaction,
        )
        return fullMemberDto(m, transaction)
      })
    },
  }
}

export type OrganisationService = ReturnType<typeof createOrganisationService>

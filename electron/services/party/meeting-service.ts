/**
 * Meetings (三会一课 and more): a draft with who should attend derived from the type, attendance,
 * agenda items with votes, follow-ups and attachments; then finalised (locked), after which a
 * correction is an appended, dated, signed amendment and the original text stays.
 */
import { Op, type Sequelize, type Transaction, type WhereOptions } from 'sequelize'
import { columnContains } from '../../../database/like'
import type { MeetingModel, Models, PartyMemberModel } from '../../../database/models'
import { AppError, notFoundError } from '../../contract/errors'
import type { NoticeDto, Page } from '../../contract/dto'
import type {
  AgendaItemDto,
  AttachmentDto,
  AttachmentFileDto,
  AttendanceStatus,
  FollowUpDto,
  MeetingDto,
  MeetingListItemDto,
  MeetingType,
  ThemeForm,
} from '../../contract/party-dto'
import type { MeetingCreate, MeetingInput, MeetingQuery } from '../../contract/party-schemas'
import { shanghaiToday } from '../../contract/rules/dates'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'
import type { NoticeService } from '../notice-service'
import type { SettingsService } from '../settings-service'
import { decodeAttachment } from './meeting-attachments'
import { meetingChecks } from './meeting-checks'

interface Deps {
  sequelize: Sequelize
  models: Models
  audit: AuditService
  notices: NoticeService
  settings: SettingsService
  now: () => Date
}

function iso(d: Date | null): string | null {
  return d ? new Date(d).toISOString() : null
}

/** `2026-11-28T09:30` → `2026年11月28日 9:30`, as a notice writes a time. */
export function chineseDateTime(localDateTime: string): string {
  const [y, m, d] = localDateTime.slice(0, 10).split('-').map(Number)
  const [h, min] = localDateTime.slice(11, 16).split(':')
  return `${y}年${m}月${d}日 ${Number(h)}:${min}`
}

function parseObservers(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json)
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/** What the audit keeps of a meeting: its identity and state, not the whole record twice. */
function auditView(m: MeetingModel) {
  return { type: m.type, title: m.title, startAt: m.startAt, place: m.place, status: m.status }
}

export function createMeetingService({ sequelize, models, audit, notices, now }: Deps) {
  const {
    Meeting,
    Attendance,
    AgendaItem,
    FollowUp,
    Attachment,
    Amendment,
    PartyBranch,
    PartyGroup,
    PartyMember,
    CommitteeSeat,
    Account,
  } = models

  async function findMeeting(id: number, transaction?: Transaction): Promise<MeetingModel> {
    const m = await Meeting.findByPk(id, { transaction })
    if (!m || m.discardedAt) throw notFoundError('meeting')
    return m
  }

  function requireDraft(m: MeetingModel): void {
    if (m.status !== 'draft') throw new AppError('CONFLICT', 'errors.party.locked')
  }

  /** Sequelize only stamps updatedAt when a column of the row changed; child rows count too. */
  async function touch(m: MeetingModel, transaction: Transaction): Promise<void> {
    m.changed('updatedAt', true)
    await m.save({ transaction })
  }

  /** Who should attend a new meeting of this type: the branch, its committee, or one group. */
  async function expectedMembers(
    branchId: number,
    type: MeetingType,
    groupId: number | null,
    transaction: Transaction,
  ): Promise<PartyMemberModel[]> {
    if (type === 'committee') {
      const seats = await CommitteeSeat.findAll({ where: { branchId }, transaction })
      const ids = [...new Set(seats.map((s) => s.memberId))]
      if (ids.length === 0) return []
      // A seat still held by someone who has left is stale; they are no longer expected.
      return PartyMember.findAll({
        where: { id: ids, branchId, status: { [Op.ne]: 'left' } },
        order: [['id', 'ASC']],
        transaction,
      })
    }
    const where: WhereOptions =
      type === 'group' ? { groupId, branchId, status: 'active' } : { branchId, status: 'active' }
    return PartyMember.findAll({ where, order: [['id', 'ASC']], transaction })
  }

  async function memberNames(ids: Array<number | null>, transaction?: Transaction): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((i): i is number => i !== null))]
    if (wanted.length === 0) return new Map()
    const rows = await PartyMember.findAll({ where: { id: wanted }, attributes: ['id', 'name'], transaction })
    return new Map(rows.map((r) => [r.id, r.name]))
  }

  /** Members of the branch among `ids`; any other id is refused at its path. */
  async function requireInBranch(
    branchId: number,
    refs: Array<{ id: number | null; path: string }>,
    transaction: Transaction,
  ): Promise<Map<number, PartyMemberModel>> {
    const ids = [...new Set(refs.map((r) => r.id).filter((i): i is number => i !== null))]
    const rows = ids.length ? await PartyMember.findAll({ where: { id: ids, branchId }, transaction }) : []
    const found = new Map(rows.map((r) => [r.id, r]))
    const bad = refs.filter((r) => r.id !== null && !found.has(r.id))
    if (bad.length > 0) {
      throw new AppError('VALIDATION', 'errors.validation', {
        fields: bad.map((r) => ({ path: r.path, message: 'errors.party.memberNotInBranch' })),
      })
    }
    return found
  }

  function followUpDto(
    f: { id: number; text: string; ownerMemberId: number | null; dueDate: string | null; doneDate: string | null },
    names: Map<number, string>,
    today: string,
  ): FollowUpDto {
    return {
      id: f.id,
      text: f.text,
      ownerMemberId: f.ownerMemberId,
      ownerName: f.ownerMemberId === null ? null : (names.get(f.ownerMemberId) ?? null),
      dueDate: f.dueDate,
      doneDate: f.doneDate,
      overdue: f.doneDate === null && f.dueDate !== null && f.dueDate < today,
    }
  }

  async function listItems(rows: MeetingModel[], transaction?: Transaction): Promise<MeetingListItemDto[]> {
    if (rows.length === 0) return []
    const branchIds = [...new Set(rows.map((r) => r.branchId))]
    const groupIds = [...new Set(rows.map((r) => r.groupId).filter((g): g is number => g !== null))]
    const [branches, groups, attendance] = await Promise.all([
      PartyBranch.findAll({ where: { id: branchIds }, attributes: ['id', 'name'], transaction }),
      groupIds.length
        ? PartyGroup.findAll({ where: { id: groupIds }, attributes: ['id', 'name'], transaction })
        : Promise.resolve([]),
      Attendance.findAll({
        where: { meetingId: rows.map((r) => r.id) },
        attributes: ['meetingId', 'status'],
        transaction,
      }),
    ])
    const branchName = new Map(branches.map((b) => [b.id, b.name]))
    const groupName = new Map(groups.map((g) => [g.id, g.name]))
    const counts = new Map<number, { expected: number; present: number }>()
    for (const a of attendance) {
      const c = counts.get(a.meetingId) ?? { expected: 0, present: 0 }
      c.expected += 1
      if (a.status === 'present') c.present += 1
      counts.set(a.meetingId, c)
    }
    return rows.map((m) => ({
      id: m.id,
      branchId: m.branchId,
      branchName: branchName.get(m.branchId) ?? '',
      groupId: m.groupId,
      groupName: m.groupId === null ? null : (groupName.get(m.groupId) ?? null),
      type: m.type as MeetingType,
      title: m.title,
      startAt: m.startAt,
      endAt: m.endAt,
      place: m.place,
      status: m.status,
      present: counts.get(m.id)?.present ?? 0,
      expected: counts.get(m.id)?.expected ?? 0,
      updatedAt: iso(m.updatedAt)!,
    }))
  }

  async function toDto(m: MeetingModel, transaction?: Transaction): Promise<MeetingDto> {
    const where = { meetingId: m.id }
    const [[item], attendance, agendaRows, followUps, attachments, amendments] = await Promise.all([
      listItems([m], transaction),
      Attendance.findAll({ where, order: [['memberId', 'ASC']], transaction }),
      AgendaItem.findAll({ where, order: [['sort', 'ASC']], transaction }),
      FollowUp.findAll({ where, order: [['sort', 'ASC']], transaction }),
      Attachment.findAll({ where, attributes: { exclude: ['data'] }, order: [['id', 'ASC']], transaction }),
      Amendment.findAll({ where, order: [['id', 'ASC']], transaction }),
    ])
    const names = await memberNames(
      [m.chairMemberId, m.recorderMemberId, ...followUps.map((f) => f.ownerMemberId)],
      transaction,
    )
    // The record shows people as they were at the meeting: the attendance snapshot wins.
    for (const a of attendance) names.set(a.memberId, a.name)
    const accountIds = [m.finalisedBy, ...amendments.map((a) => a.accountId)].filter((i): i is number => i !== null)
    const accounts = accountIds.length
      ? await Account.findAll({ where: { id: [...new Set(accountIds)] }, transaction })
      : []
    const accountName = new Map(accounts.map((a) => [a.id, a.displayName]))
    const agenda: AgendaItemDto[] = agendaRows.map((a) => ({
      topic: a.topic,
      record: a.record,
      dissent: a.dissent,
      vote: a.voteFor === null ? null : { for: a.voteFor, against: a.voteAgainst ?? 0, abstain: a.voteAbstain ?? 0 },
      resolution: a.resolution,
    }))
    const today = shanghaiToday(now())
    return {
      ...item!,
      chairMemberId: m.chairMemberId,
      chairName: m.chairMemberId === null ? null : (names.get(m.chairMemberId) ?? null),
      recorderMemberId: m.recorderMemberId,
      recorderName: m.recorderMemberId === null ? null : (names.get(m.recorderMemberId) ?? null),
      lecturer: m.lecturer,
      topic: m.topic,
      theme: m.theme,
      themeForm: m.themeForm as ThemeForm | null,
      attendance: attendance.map((a) => ({
        memberId: a.memberId,
        name: a.name,
        voting: Boolean(a.voting),
        status: a.status,
        reason: a.reason,
      })),
      observers: parseObservers(m.observers),
      agenda,
      followUps: followUps.map((f) => followUpDto(f, names, today)),
      attachments: attachments.map((a) => ({
        id: a.id,
        fileName: a.fileName,
        mime: a.mime,
        size: a.size,
        addedAt: iso(a.addedAt)!,
      })),
      amendments: amendments.map((a) => ({
        id: a.id,
        at: iso(a.at)!,
        byName: a.accountId === null ? null : (accountName.get(a.accountId) ?? null),
        text: a.text,
      })),
      checks: meetingChecks(
        m.type as MeetingType,
        attendance.map((a) => ({ voting: Boolean(a.voting), status: a.status as AttendanceStatus })),
        agenda,
      ),
      finalisedAt: iso(m.finalisedAt),
      finalisedBy: m.finalisedBy === null ? null : (accountName.get(m.finalisedBy) ?? null),
    }
  }

  /** Replaces the attendance; people already on it keep the name and voting right they had then. */
  async function saveAttendance(
    m: MeetingModel,
    rows: MeetingInput['attendance'],
    transaction: Transaction,
  ): Promise<void> {
    const seen = new Set<number>()
    const dupes = rows.flatMap((r, i) => (seen.has(r.memberId) ? [i] : (seen.add(r.memberId), [])))
    if (dupes.length > 0) {
      throw new AppError('VALIDATION', 'errors.validation', {
        fields: dupes.map((i) => ({ path: `attendance.${i}.memberId`, message: 'errors.party.duplicateAttendee' })),
      })
    }
    const members = await requireInBranch(
      m.branchId,
      rows.map((r, i) => ({ id: r.memberId, path: `attendance.${i}.memberId` })),
      transaction,
    )
    const previous = new Map(
      (await Attendance.findAll({ where: { meetingId: m.id }, transaction })).map((a) => [a.memberId, a]),
    )
    await Attendance.destroy({ where: { meetingId: m.id }, transaction })
    if (rows.length === 0) return
    await Attendance.bulkCreate(
      rows.map((r) => {
        const before = previous.get(r.memberId)
        const member = members.get(r.memberId)!
        return {
          meetingId: m.id,
          memberId: r.memberId,
          name: before?.name ?? member.name,
          voting: before ? Boolean(before.voting) : member.kind === 'full',
          status: r.status,
          // A reason belongs to a leave (or an absence explained later), never to someone present.
          reason: r.status === 'present' ? null : r.reason,
        }
      }),
      { transaction },
    )
  }

  /** Follow-ups keep their ids (and done dates) when edited; those left out are removed. */
  async function saveFollowUps(
    m: MeetingModel,
    items: MeetingInput['followUps'],
    transaction: Transaction,
  ): Promise<void> {
    const existing = new Map(
      (await FollowUp.findAll({ where: { meetingId: m.id }, transaction })).map((f) => [f.id, f]),
    )
    const kept = new Set(items.map((f) => f.id).filter((i): i is number => i !== undefined && existing.has(i)))
    const gone = [...existing.keys()].filter((i) => !kept.has(i))
    if (gone.length) await FollowUp.destroy({ where: { id: gone }, transaction })
    for (const [sort, f] of items.entries()) {
      const fields = { sort, text: f.text, ownerMemberId: f.ownerMemberId, dueDate: f.dueDate }
      const row = f.id === undefined ? undefined : existing.get(f.id)
      // An id that is not this meeting's (a stale form) is taken as a new item, not someone else's.
      if (row) await row.update(fields, { transaction })
      else await FollowUp.create({ meetingId: m.id, ...fields }, { transaction })
    }
  }

  return {
    async list(query: MeetingQuery): Promise<Page<MeetingListItemDto>> {
      const and: WhereOptions[] = [{ discardedAt: null }]
      if (query.q) and.push(columnContains(sequelize, 'title', query.q))
      if (query.branchId) and.push({ branchId: query.branchId })
      if (query.type) and.push({ type: query.type })
      if (query.status) and.push({ status: query.status })
      // startAt is `YYYY-MM-DDTHH:mm`: a date compares with its prefix.
      if (query.from) and.push({ startAt: { [Op.gte]: query.from } })
      if (query.to) and.push({ startAt: { [Op.lte]: `${query.to}T99:99` } })
      const { rows, count } = await Meeting.findAndCountAll({
        where: { [Op.and]: and },
        order: [
          ['startAt', 'DESC'],
          ['id', 'DESC'],
        ],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      })
      return { items: await listItems(rows), total: count, page: query.page, pageSize: query.pageSize }
    },

    async get(id: number): Promise<MeetingDto> {
      return toDto(await findMeeting(id))
    },

    async create(ctx: CallContext, input: MeetingCreate): Promise<MeetingDto> {
      return sequelize.transaction(async (transaction) => {
        const branch = await PartyBranch.findByPk(input.branchId, { transaction })
        if (!branch || branch.archivedAt) throw notFoundError('branch')
        let groupId: number | null = null
        if (input.type === 'group') {
          if (input.groupId === null) {
            throw new AppError('VALIDATION', 'errors.validation', {
              fields: [{ path: 'groupId', message: 'errors.party.groupRequired' }],
            })
          }
          const group = await PartyGroup.findByPk(input.groupId, { transaction })
          if (!group) throw notFoundError('group')
          if (group.branchId !== branch.id || group.archivedAt) {
            throw new AppError('VALIDATION', 'errors.validation', {
              fields: [{ path: 'groupId', message: 'errors.party.groupNotInBranch' }],
            })
          }
          groupId = group.id
        }
        const m = await Meeting.create(
          {
            branchId: branch.id,
            groupId,
            type: input.type,
            title: input.title,
            startAt: input.startAt,
            place: input.place,
            status: 'draft',
          },
          { transaction },
        )
        // Columns left out of create() read as undefined until reloaded; the DTO wants null.
        await m.reload({ transaction })
        const members = await expectedMembers(branch.id, input.type, groupId, transaction)
        if (members.length > 0) {
          await Attendance.bulkCreate(
            members.map((p) => ({
              meetingId: m.id,
              memberId: p.id,
              name: p.name,
              voting: p.kind === 'full',
              status: 'present' as const,
              reason: null,
            })),
            { transaction },
          )
        }
        await audit.record(
          ctx,
          { action: 'create', entity: 'meeting', entityId: m.id, after: { ...auditView(m), expected: members.length } },
          transaction,
        )
        return toDto(m, transaction)
      })
    },

    async update(ctx: CallContext, id: number, data: MeetingInput, expectedUpdatedAt?: string): Promise<MeetingDto> {
      return sequelize.transaction(async (transaction) => {
        const m = await findMeeting(id, transaction)
        requireDraft(m)
        if (expectedUpdatedAt && iso(m.updatedAt) !== expectedUpdatedAt) {
          throw new AppError('CONFLICT', 'errors.party.staleEdit')
        }
        if (data.endAt !== null && data.endAt < data.startAt) {
          throw new AppError('VALIDATION', 'errors.validation', {
            fields: [{ path: 'endAt', message: 'errors.party.endBeforeStart' }],
          })
        }
        await requireInBranch(
          m.branchId,
          [
            { id: data.chairMemberId, path: 'chairMemberId' },
            { id: data.recorderMemberId, path: 'recorderMemberId' },
            ...data.followUps.map((f, i) => ({ id: f.ownerMemberId, path: `followUps.${i}.ownerMemberId` })),
          ],
          transaction,
        )
        const before = auditView(m)
        m.set({
          title: data.title,
          startAt: data.startAt,
          endAt: data.endAt,
          place: data.place,
          chairMemberId: data.chairMemberId,
          recorderMemberId: data.recorderMemberId,
          lecturer: data.lecturer,
          topic: data.topic,
          theme: data.theme,
          themeForm: data.themeForm,
          observers: JSON.stringify(data.observers),
        })
        await touch(m, transaction)
        await saveAttendance(m, data.attendance, transaction)
        await AgendaItem.destroy({ where: { meetingId: m.id }, transaction })
        if (data.agenda.length > 0) {
          await AgendaItem.bulkCreate(
            data.agenda.map((a, sort) => ({
              meetingId: m.id,
              sort,
              topic: a.topic,
              record: a.record,
              dissent: a.dissent,
              voteFor: a.vote?.for ?? null,
              voteAgainst: a.vote?.against ?? null,
              voteAbstain: a.vote?.abstain ?? null,
              resolution: a.resolution,
            })),
            { transaction },
          )
        }
        await saveFollowUps(m, data.followUps, transaction)
        const dto = await toDto(m, transaction)
        await audit.record(
          ctx,
          {
            action: 'update',
            entity: 'meeting',
            entityId: id,
            before,
            // The checks go into the audit too: a vote recorded without quorum is on file as such.
            after: { ...auditView(m), checks: dto.checks },
          },
          transaction,
        )
        return dto
      })
    },

    async finalise(ctx: CallContext, id: number): Promise<MeetingDto> {
      return sequelize.transaction(async (transaction) => {
        const m = await findMeeting(id, transaction)
        requireDraft(m)
        const attendees = await Attendance.count({ where: { meetingId: id }, transaction })
        if (attendees === 0) throw new AppError('VALIDATION', 'errors.party.noAttendance')
        const before = auditView(m)
        await m.update(
          { status: 'finalised', finalisedAt: now(), finalisedBy: ctx.actor?.accountId ?? null },
          { transaction },
        )
        await audit.record(
          ctx,
          { action: 'finalise', entity: 'meeting', entityId: id, before, after: auditView(m) },
          transaction,
        )
        return toDto(m, transaction)
      })
    },

    /** A correction to a finalised record: appended, dated and signed; the original stays as it was. */
    async amend(ctx: CallContext, id: number, text: string): Promise<MeetingDto> {
      return sequelize.transaction(async (transaction) => {
        const m = await findMeeting(id, transaction)
        if (m.status !== 'finalised') throw new AppError('CONFLICT', 'errors.party.notFinalised')
        const a = await Amendment.create(
          { meetingId: id, at: now(), accountId: ctx.actor?.accountId ?? null, text },
          { transaction },
        )
        await touch(m, transaction)
        await audit.record(
          ctx,
          { action: 'amend', entity: 'meeting', entityId: id, after: { amendmentId: a.id, text } },
          transaction,
        )
        return toDto(m, transaction)
      })
    },

    /** Drafts only; kept in the file (soft), gone from lists and from compliance. */
    async discard(ctx: CallContext, id: number): Promise<null> {
      await sequelize.transaction(async (transaction) => {
        const m = await findMeeting(id, transaction)
        requireDraft(m)
        await m.update({ discardedAt: now() }, { transaction })
        await audit.record(
          ctx,
          { action: 'discard', entity: 'meeting', entityId: id, before: auditView(m) },
          transaction,
        )
      })
      return null
    },

    /** Follow-ups are tracked to done after the record is finalised: this is not an edit of it. */
    async followUpDone(ctx: CallContext, input: { id: number; done: boolean; date?: string }): Promise<FollowUpDto> {
      return sequelize.transaction(async (transaction) => {
        const f = await FollowUp.findByPk(input.id, { transaction })
        if (!f) throw notFoundError('followUp')
        await findMeeting(f.meetingId, transaction)
        const before = { doneDate: f.doneDate }
        const today = shanghaiToday(now())
        await f.update({ doneDate: input.done ? (input.date ?? today) : null }, { transaction })
        await audit.record(
          ctx,
          {
            action: input.done ? 'follow-up-done' : 'follow-up-reopen',
            entity: 'meeting',
            entityId: f.meetingId,
            before: { followUpId: f.id, ...before },
            after: { followUpId: f.id, doneDate: f.doneDate },
          },
          transaction,
        )
        return followUpDto(f, await memberNames([f.ownerMemberId], transaction), today)
      })
    },

    /**
     * Allowed on drafts AND finalised records: the scanned sign-in sheet or the photos often come
     * days after the record was finalised, and adding them changes nothing that was written.
     */
    async attach(
      ctx: CallContext,
      input: { meetingId: number; fileName: string; mime: string; dataBase64: string },
    ): Promise<AttachmentDto> {
      const data = decodeAttachment(input.mime, input.dataBase64)
      return sequelize.transaction(async (transaction) => {
        await findMeeting(input.meetingId, transaction)
        const a = await Attachment.create(
          {
            meetingId: input.meetingId,
            fileName: input.fileName,
            mime: input.mime,
            size: data.length,
            data,
            addedAt: now(),
            accountId: ctx.actor?.accountId ?? null,
          },
          { transaction },
        )
        await audit.record(
          ctx,
          {
            action: 'attach',
            entity: 'meeting',
            entityId: input.meetingId,
            after: { attachmentId: a.id, fileName: a.fileName, mime: a.mime, size: a.size },
          },
          transaction,
        )
        return { id: a.id, fileName: a.fileName, mime: a.mime, size: a.size, addedAt: iso(a.addedAt)! }
      })
    },

    async attachment(id: number): Promise<AttachmentFileDto> {
      const a = await Attachment.findByPk(id)
      if (!a) throw notFoundError('attachment')
      await findMeeting(a.meetingId)
      return { fileName: a.fileName, mime: a.mime, dataBase64: Buffer.from(a.data).toString('base64') }
    },

    /** Drafts only: what was filed with a finalised record stays with it. */
    async removeAttachment(ctx: CallContext, id: number): Promise<null> {
      await sequelize.transaction(async (transaction) => {
        const a = await Attachment.findByPk(id, { transaction, attributes: { exclude: ['data'] } })
        if (!a) throw notFoundError('attachment')
        requireDraft(await findMeeting(a.meetingId, transaction))
        await a.destroy({ transaction })
        await audit.record(
          ctx,
          {
            action: 'remove-attachment',
            entity: 'meeting',
            entityId: a.meetingId,
            before: { attachmentId: a.id, fileName: a.fileName, mime: a.mime, size: a.size },
          },
          transaction,
        )
      })
      return null
    },

    /** A 会议通知 draft from the built-in meeting template, with this meeting's facts filled in. */
    async makeNotice(ctx: CallContext, id: number): Promise<NoticeDto> {
      const m = await findMeeting(id)
      const template = (await notices.listTemplates()).find((t) => t.builtinKey === 'meeting')
      if (!template) throw notFoundError('template')
      const group = m.groupId === null ? null : await PartyGroup.findByPk(m.groupId)
      const agenda = await AgendaItem.findAll({ where: { meetingId: id }, order: [['sort', 'ASC']] })
      // Document text, not interface text: the notice is a Chinese document whatever the UI language.
      const attendees =
        m.type === 'committee' ? '支委会成员' : m.type === 'group' && group ? `${group.name}全体党员` : '全体党员'
      const content = agenda.length > 0 ? agenda.map((a) => a.topic).join('；') : (m.topic ?? m.theme ?? m.title)
      const notice = await notices.create(ctx, {
        templateId: template.id,
        values: {
          会议名称: m.title,
          会议时间: chineseDateTime(m.startAt),
          会议地点: m.place,
          会议内容: content,
          参会人员: attendees,
        },
      })
      await audit.record(ctx, {
        action: 'make-notice',
        entity: 'meeting',
        entityId: id,
        after: { noticeId: notice.id },
      })
      return notice
    },
  }
}

export type MeetingService = ReturnType<typeof createMeetingService>

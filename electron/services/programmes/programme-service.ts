/**
 * Programmes and their sessions: the timetable over a term becomes one session a day it meets
 * (public holidays skipped, make-up working days honoured: rules/programme-schedule.ts), and staff
 * cancel or add single sessions. Saving a changed timetable regenerates only the timetable's
 * sessions nobody has signed in to yet; sessions with attendance and sessions added by hand stay.
 */
import { Op, QueryTypes, type Transaction } from 'sequelize'
import type { ProgrammeModel } from '../../../database/models/programmes'
import { columnContains } from '../../../database/like'
import { AppError } from '../../contract/errors'
import type {
  EnrolmentDto,
  ProgrammeDetailDto,
  ProgrammeDto,
  ProgrammeSaveResultDto,
  SessionDto,
} from '../../contract/programme-dto'
import type { ProgrammeData, ProgrammeQuery, ProgrammeSave, SessionAdd } from '../../contract/programme-schemas'
import { shanghaiToday } from '../../contract/rules/dates'
import { sessionDates, type Weekday } from '../../contract/rules/programme-schedule'
import type { CallContext } from '../context'
import type { ModuleDeps } from '../module-deps'
import { enrolmentDto, moveDto, programmeDto, sessionDto } from './programme-views'
import { promoteWaiting, waitingPositions } from './waiting-list'

export function createProgrammeService(deps: ModuleDeps) {
  const { models, sequelize, audit } = deps

  async function tagNames(): Promise<Map<number, string>> {
    const tags = await models.Tag.findAll({ attributes: ['id', 'name'] })
    return new Map(tags.map((t) => [t.id, t.name]))
  }

  async function counts(ids: number[]): Promise<Map<number, { enrolled: number; waiting: number }>> {
    const out = new Map(ids.map((id) => [id, { enrolled: 0, waiting: 0 }]))
    if (ids.length === 0) return out
    const rows = (await sequelize.query(
      `SELECT programme_id AS id, status, COUNT(*) AS n FROM programme_enrolments
        WHERE programme_id IN (:ids) AND status IN ('enrolled', 'waiting') GROUP BY programme_id, status`,
      { replacements: { ids }, type: QueryTypes.SELECT },
    )) as Array<{ id: number; status: 'enrolled' | 'waiting'; n: number }>
    for (const r of rows) out.get(r.id)![r.status] = Number(r.n)
    return out
  }

  async function find(id: number, transaction?: Transaction): Promise<ProgrammeModel> {
    const p = await models.Programme.findByPk(id, { transaction })
    if (!p) throw new AppError('NOT_FOUND', 'errors.programmes.programmeNotFound')
    return p
  }

  async function dto(p: ProgrammeModel): Promise<ProgrammeDto> {
    return programmeDto(p, (await counts([p.id])).get(p.id)!, await tagNames())
  }

  function columns(d: ProgrammeData) {
    return {
      name: d.name,
      type: d.type,
      customType: d.type === 'custom' ? d.customType : null,
      organiserKind: d.organiserKind,
      organiser: d.organiser,
      place: d.place,
      capacity: d.capacity,
      ageMin: d.ageMin,
      ageMax: d.ageMax,
      requiredTagIds: JSON.stringify(d.requiredTagIds),
      feeMode: d.feeMode,
      feeCents: d.feeMode === 'low' && d.feeAmount !== null ? Math.round(d.feeAmount * 100) : null,
      weekdays: JSON.stringify(d.weekdays),
      startTime: d.startTime,
      endTime: d.endTime,
      termStart: d.termStart,
      termEnd: d.termEnd,
      notes: d.notes,
    }
  }

  async function assertTags(ids: number[], transaction: Transaction): Promise<void> {
    if (ids.length === 0) return
    const found = await models.Tag.count({ where: { id: { [Op.in]: ids } }, transaction })
    if (found !== new Set(ids).size)
      throw new AppError('VALIDATION', 'errors.validation', {
        fields: [{ path: 'data.requiredTagIds', message: 'errors.programmes.unknownTag' }],
      })
  }

  /** Brings the timetable's sessions in line with the programme's schedule. */
  async function syncSessions(p: ProgrammeModel, transaction: Transaction): Promise<void> {
    const wanted = new Set(sessionDates(JSON.parse(p.weekdays) as Weekday[], p.termStart, p.termEnd).dates)
    const existing = await models.ProgrammeSession.findAll({ where: { programmeId: p.id }, transaction })
    const taken = new Set(
      (
        (await sequelize.query(
          `SELECT DISTINCT a.session_id AS id FROM programme_attendance a
             JOIN programme_sessions s ON s.id = a.session_id WHERE s.programme_id = :id`,
          { replacements: { id: p.id }, type: QueryTypes.SELECT, transaction },
        )) as Array<{ id: number }>
      ).map((r) => r.id),
    )
    const at = deps.now()
    const have = new Set<string>()
    for (const s of existing) {
      if (s.origin !== 'schedule') continue
      if (taken.has(s.id)) {
        have.add(s.date)
        continue
      }
      if (!wanted.has(s.date)) await s.destroy({ transaction })
      else {
        have.add(s.date)
        if (s.startTime !== p.startTime || s.endTime !== p.endTime)
          await s.update({ startTime: p.startTime, endTime: p.endTime }, { transaction })
      }
    }
    const added = [...wanted].filter((d) => !have.has(d))
    await models.ProgrammeSession.bulkCreate(
      added.map((date) => ({
        programmeId: p.id,
        date,
        startTime: p.startTime,
        endTime: p.endTime,
        status: 'scheduled' as const,
        origin: 'schedule' as const,
        createdAt: at,
        updatedAt: at,
      })),
      { transaction },
    )
  }

  async function sessionsOf(programmeId: number): Promise<SessionDto[]> {
    const rows = await models.ProgrammeSession.findAll({
      where: { programmeId },
      order: [
        ['date', 'ASC'],
        ['startTime', 'ASC'],
        ['id', 'ASC'],
      ],
    })
    const recorded = (await sequelize.query(
      `SELECT a.session_id AS id, COUNT(*) AS n FROM programme_attendance a
         JOIN programme_sessions s ON s.id = a.session_id WHERE s.programme_id = :id GROUP BY a.session_id`,
      { replacements: { id: programmeId }, type: QueryTypes.SELECT },
    )) as Array<{ id: number; n: number }>
    const n = new Map(recorded.map((r) => [r.id, Number(r.n)]))
    return rows.map((s) => sessionDto(s, n.get(s.id) ?? 0))
  }

  const service = {
    async list(query: ProgrammeQuery): Promise<ProgrammeDto[]> {
      const where = {
        ...(query.includeArchived ? {} : { archivedAt: null }),
        ...(query.type ? { type: query.type } : {}),
        ...(query.q ? { [Op.and]: [columnContains(sequelize, 'name', query.q)] } : {}),
      }
      const rows = await models.Programme.findAll({
        where,
        order: [
          ['termStart', 'DESC'],
          ['name', 'ASC'],
        ],
      })
      const c = await counts(rows.map((r) => r.id))
      const names = await tagNames()
      return rows.map((p) => programmeDto(p, c.get(p.id)!, names))
    },

    async get(id: number): Promise<ProgrammeDetailDto> {
      const p = await find(id)
      const today = shanghaiToday(deps.now())
      const enrolments = await models.Enrolment.findAll({
        where: { programmeId: id },
        order: [
          ['requestedAt', 'ASC'],
          ['id', 'ASC'],
        ],
      })
      const residents = new Map(
        (await models.Resident.findAll({ where: { id: { [Op.in]: enrolments.map((e) => e.residentId) } } })).map(
          (r) => [r.id, r],
        ),
      )
      const contacts = await models.ProgrammeContact.findAll({
        where: { enrolmentId: { [Op.in]: enrolments.map((e) => e.id) } },
        order: [
          ['sort', 'ASC'],
          ['id', 'ASC'],
        ],
      })
      const positions = await waitingPositions(models, id)
      const dtos: EnrolmentDto[] = enrolments.map((e) =>
        enrolmentDto(
          e,
          residents.get(e.residentId)!,
          contacts.filter((c) => c.enrolmentId === e.id),
          today,
          positions.get(e.id) ?? null,
        ),
      )
      const byName = (a: EnrolmentDto, b: EnrolmentDto) => a.name.localeCompare(b.name, 'zh-CN')
      const schedule = sessionDates(JSON.parse(p.weekdays) as Weekday[], p.termStart, p.termEnd)
      return {
        programme: await dto(p),
        sessions: await sessionsOf(id),
        enrolled: dtos.filter((e) => e.status === 'enrolled').sort(byName),
        waiting: dtos.filter((e) => e.status === 'waiting'),
        left: dtos.filter((e) => e.status === 'left'),
        moves: enrolments
          .filter((e) => e.promotedAt !== null)
          .sort((a, b) => b.promotedAt!.getTime() - a.promotedAt!.getTime())
          .map((e) => moveDto(e, residents.get(e.residentId)!.name)),
        skipped: schedule.skipped.map((s) => ({ date: s.date, festival: s.festival })),
      }
    },

    async save(ctx: CallContext, input: ProgrammeSave): Promise<ProgrammeSaveResultDto> {
      const at = deps.now()
      const { id, moved } = await sequelize.transaction(async (transaction) => {
        await assertTags(input.data.requiredTagIds, transaction)
        if (input.id === undefined) {
          const p = await models.Programme.create(
            { ...columns(input.data), createdAt: at, updatedAt: at },
            { transaction },
          )
          await syncSessions(p, transaction)
          await audit.record(
            ctx,
            { action: 'create', entity: 'programme', entityId: p.id, after: input.data },
            transaction,
          )
          return { id: p.id, moved: [] }
        }
        const p = await find(input.id, transaction)
        const before = p.get({ plain: true })
        await p.update({ ...columns(input.data), updatedAt: at }, { transaction })
        await syncSessions(p, transaction)
        const promoted = await promoteWaiting(deps, ctx, p, at, transaction)
        await audit.record(
          ctx,
          { action: 'update', entity: 'programme', entityId: p.id, before, after: input.data },
          transaction,
        )
        return { id: p.id, moved: promoted }
      })
      const detail = await service.get(id)
      const names = new Map([...detail.enrolled, ...detail.waiting].map((e) => [e.id, e.name]))
      return { detail, moved: moved.map((e) => moveDto(e, names.get(e.id) ?? '')) }
    },

    async archive(ctx: CallContext, id: number): Promise<ProgrammeDto> {
      await sequelize.transaction(async (transaction) => {
        const p = await find(id, transaction)
        await p.update({ archivedAt: deps.now() }, { transaction })
        await audit.record(ctx, { action: 'archive', entity: 'programme', entityId: id }, transaction)
      })
      return dto(await find(id))
    },

    /** A single extra session (a make-up class, a day a partner unit offered). */
    async addSession(ctx: CallContext, input: SessionAdd): Promise<SessionDto> {
      if (input.endTime <= input.startTime)
        throw new AppError('VALIDATION', 'errors.validation', {
          fields: [{ path: 'endTime', message: 'validation.programmes.timeOrder' }],
        })
      const at = deps.now()
      const s = await sequelize.transaction(async (transaction) => {
        const p = await find(input.programmeId, transaction)
        if (p.archivedAt) throw new AppError('CONFLICT', 'errors.programmes.archived')
        const clash = await models.ProgrammeSession.findOne({
          where: { programmeId: p.id, date: input.date, startTime: input.startTime, status: 'scheduled' },
          transaction,
        })
        if (clash) throw new AppError('CONFLICT', 'errors.programmes.sessionExists', { params: { date: input.date } })
        const row = await models.ProgrammeSession.create(
          { ...input, status: 'scheduled', origin: 'added', createdAt: at, updatedAt: at },
          { transaction },
        )
        await audit.record(
          ctx,
          { action: 'create', entity: 'programme-session', entityId: row.id, after: input },
          transaction,
        )
        return row
      })
      return sessionDto(s, 0)
    },

    async cancelSession(ctx: CallContext, id: number, reason: string): Promise<SessionDto> {
      const s = await sequelize.transaction(async (transaction) => {
        const row = await models.ProgrammeSession.findByPk(id, { transaction })
        if (!row) throw new AppError('NOT_FOUND', 'errors.programmes.sessionNotFound')
        if (row.status === 'cancelled') throw new AppError('CONFLICT', 'errors.programmes.sessionCancelled')
        const recorded = await models.ProgrammeAttendance.count({ where: { sessionId: id }, transaction })
        if (recorded > 0)
          throw new AppError('CONFLICT', 'errors.programmes.sessionHasAttendance', { params: { count: recorded } })
        await row.update({ status: 'cancelled', note: reason }, { transaction })
        await audit.record(
          ctx,
          { action: 'cancel', entity: 'programme-session', entityId: id, after: { reason } },
          transaction,
        )
        return row
      })
      return sessionDto(s, 0)
    },
  }
  return service
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>

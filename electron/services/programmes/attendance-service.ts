/**
 * The counter's side of a session: the roster searched by a few letters (pinyin initials, full
 * pinyin or characters), one call to mark someone, sign-out with the pick-up check for 五点半学校,
 * and the follow-up list of people who missed their last two sessions without notice.
 */
import { Op, QueryTypes } from 'sequelize'
import type { ProgrammeSessionModel } from '../../../database/models/programmes'
import { escapeLike } from '../../../database/like'
import { AppError } from '../../contract/errors'
import type {
  AttendanceStatus,
  FollowUpDto,
  ProgrammeMonthDto,
  ProgrammeType,
  RosterDto,
  RosterRowDto,
} from '../../contract/programme-dto'
import type { MarkInput, SignOutInput } from '../../contract/programme-schemas'
import { ageOn, shanghaiToday } from '../../contract/rules/dates'
import { maskMobile } from '../../contract/rules/masking'
import type { CallContext } from '../context'
import type { ModuleDeps } from '../module-deps'
import { isoOrNull, sessionDto } from './programme-views'

/** Whoever is collected from the programme needs a listed pick-up person to leave with. */
const PICK_UP_TYPES: ReadonlySet<string> = new Set<ProgrammeType>(['after-school'])
const ABSENT_WITHOUT_NOTICE = 'absent'
/** A follow-up call after this many sessions in a row missed without notice. */
export const FOLLOW_UP_AFTER = 2

const normalName = (s: string) => s.replace(/\s+/g, '')

export function createAttendanceService(deps: ModuleDeps) {
  const { models, sequelize, audit } = deps

  async function findSession(id: number): Promise<ProgrammeSessionModel> {
    const s = await models.ProgrammeSession.findByPk(id)
    if (!s) throw new AppError('NOT_FOUND', 'errors.programmes.sessionNotFound')
    return s
  }

  /** Enrolled people, and anyone with a record in this session (they may have left since). */
  async function rosterRows(
    session: ProgrammeSessionModel,
    filter: { q?: string; enrolmentId?: number },
  ): Promise<RosterRowDto[]> {
    const replacements: Record<string, string | number> = { sid: session.id, pid: session.programmeId }
    let search = ''
    const q = filter.q?.trim()
    if (q) {
      if (/^[a-z0-9]+$/i.test(q)) {
        replacements.prefix = `${q.toLowerCase()}%`
        search = ' AND (r.name_initials LIKE :prefix OR r.name_pinyin LIKE :prefix)'
      } else {
        replacements.text = `%${escapeLike(q)}%`
        search = " AND r.name LIKE :text ESCAPE '\\'"
      }
    }
    if (filter.enrolmentId !== undefined) {
      replacements.eid = filter.enrolmentId
      search += ' AND e.id = :eid'
    }
    const rows = (await sequelize.query(
      `SELECT e.id AS enrolmentId, r.id AS residentId, r.name AS name, r.name_initials AS initials,
              r.birth_date AS birthDate
         FROM programme_enrolments e JOIN residents r ON r.id = e.resident_id
        WHERE e.programme_id = :pid
          AND (e.status = 'enrolled' OR EXISTS (SELECT 1 FROM programme_attendance a
                 WHERE a.session_id = :sid AND a.enrolment_id = e.id))${search}
        ORDER BY r.name_pinyin, r.id`,
      { replacements, type: QueryTypes.SELECT },
    )) as Array<{ enrolmentId: number; residentId: number; name: string; initials: string; birthDate: string | null }>
    const ids = rows.map((r) => r.enrolmentId)
    const marks = new Map(
      (
        await models.ProgrammeAttendance.findAll({ where: { sessionId: session.id, enrolmentId: { [Op.in]: ids } } })
      ).map((a) => [a.enrolmentId, a]),
    )
    const pickUp = await models.ProgrammeContact.findAll({
      where: { enrolmentId: { [Op.in]: ids }, canPickUp: true },
      order: [
        ['sort', 'ASC'],
        ['id', 'ASC'],
      ],
    })
    return rows.map((r) => {
      const a = marks.get(r.enrolmentId)
      return {
        enrolmentId: r.enrolmentId,
        residentId: r.residentId,
        name: r.name,
        initials: r.initials,
        age: r.birthDate ? ageOn(r.birthDate, session.date) : null,
        status: (a?.status as AttendanceStatus | undefined) ?? null,
        signedInAt: isoOrNull(a?.signedInAt ?? null),
        signedOutAt: isoOrNull(a?.signedOutAt ?? null),
        pickedUpBy: a?.pickedUpBy ?? null,
        note: a?.note ?? null,
        pickUp: pickUp
          .filter((c) => c.enrolmentId === r.enrolmentId)
          .map((c) => ({ id: c.id, name: c.name, relation: c.relation })),
      }
    })
  }

  async function oneRow(session: ProgrammeSessionModel, enrolmentId: number): Promise<RosterRowDto> {
    const [row] = await rosterRows(session, { enrolmentId })
    if (!row) throw new AppError('CONFLICT', 'errors.programmes.notEnrolled')
    return row
  }

  return {
    async roster(sessionId: number, q?: string): Promise<RosterDto> {
      const s = await findSession(sessionId)
      const p = await models.Programme.findByPk(s.programmeId)
      const recorded = await models.ProgrammeAttendance.count({ where: { sessionId } })
      const rows = await rosterRows(s, { q })
      return {
        session: sessionDto(s, recorded),
        programme: {
          id: p!.id,
          name: p!.name,
          type: p!.type as ProgrammeType,
          place: p!.place,
          organiser: p!.organiser,
        },
        rows,
        total: rows.length,
      }
    },

    async mark(ctx: CallContext, input: MarkInput): Promise<RosterRowDto> {
      const at = deps.now()
      const s = await findSession(input.sessionId)
      if (s.status === 'cancelled') throw new AppError('CONFLICT', 'errors.programmes.sessionCancelled')
      await sequelize.transaction(async (transaction) => {
        const e = await models.Enrolment.findByPk(input.enrolmentId, { transaction })
        const existing = await models.ProgrammeAttendance.findOne({
          where: { sessionId: s.id, enrolmentId: input.enrolmentId },
          transaction,
        })
        if (!e || e.programmeId !== s.programmeId || (e.status !== 'enrolled' && !existing))
          throw new AppError('CONFLICT', 'errors.programmes.notEnrolled')
        const here = input.status === 'present' || input.status === 'late' || input.status === 'left-early'
        const values = {
          status: input.status,
          note: input.note,
          signedInAt: here ? (existing?.signedInAt ?? at) : null,
          signedOutAt:
            input.status === 'left-early'
              ? (existing?.signedOutAt ?? at)
              : here
                ? (existing?.signedOutAt ?? null)
                : null,
          pickedUpBy: here ? (existing?.pickedUpBy ?? null) : null,
          recordedBy: ctx.actor?.accountId ?? null,
          updatedAt: at,
        }
        if (existing) await existing.update(values, { transaction })
        else
          await models.ProgrammeAttendance.create(
            { sessionId: s.id, enrolmentId: input.enrolmentId, ...values, createdAt: at },
            { transaction },
          )
        await audit.record(
          ctx,
          {
            action: 'attendance',
            entity: 'programme-session',
            entityId: s.id,
            before: existing ? { enrolmentId: input.enrolmentId, status: existing.status } : null,
            after: { enrolmentId: input.enrolmentId, status: input.status, note: input.note },
          },
          transaction,
        )
      })
      return oneRow(s, input.enrolmentId)
    },

    /**
     * Signs someone out. For 五点半学校 the child goes only with a listed pick-up person; anyone
     * else is refused, and the refusal names who is allowed.
     */
    async signOut(ctx: CallContext, input: SignOutInput): Promise<RosterRowDto> {
      const at = deps.now()
      const s = await findSession(input.sessionId)
      const p = await models.Programme.findByPk(s.programmeId)
      await sequelize.transaction(async (transaction) => {
        const a = await models.ProgrammeAttendance.findOne({
          where: { sessionId: s.id, enrolmentId: input.enrolmentId },
          transaction,
        })
        if (!a || !a.signedInAt) throw new AppError('CONFLICT', 'errors.programmes.notSignedIn')
        if (a.signedOutAt && a.status !== 'left-early')
          throw new AppError('CONFLICT', 'errors.programmes.alreadySignedOut', {
            params: { by: a.pickedUpBy ?? '' },
          })
        let pickedUpBy = input.pickedUpBy
        if (PICK_UP_TYPES.has(p!.type)) {
          if (!pickedUpBy)
            throw new AppError('VALIDATION', 'errors.validation', {
              fields: [{ path: 'pickedUpBy', message: 'errors.programmes.pickUpRequired' }],
            })
          const allowed = await models.ProgrammeContact.findAll({
            where: { enrolmentId: input.enrolmentId, canPickUp: true },
            order: [
              ['sort', 'ASC'],
              ['id', 'ASC'],
            ],
            transaction,
          })
          const match = allowed.find((c) => normalName(c.name) === normalName(pickedUpBy!))
          if (!match) {
            if (allowed.length === 0)
              throw new AppError('CONFLICT', 'errors.programmes.noPickUpListed', { params: { name: pickedUpBy } })
            throw new AppError('CONFLICT', 'errors.programmes.pickUpRefused', {
              params: { name: pickedUpBy, allowed: allowed.map((c) => `${c.name}（${c.relation}）`).join('、') },
            })
          }
          pickedUpBy = match.name
        }
        await a.update(
          { signedOutAt: at, pickedUpBy, recordedBy: ctx.actor?.accountId ?? null, updatedAt: at },
          { transaction },
        )
        await audit.record(
          ctx,
          {
            action: 'sign-out',
            entity: 'programme-session',
            entityId: s.id,
            after: { enrolmentId: input.enrolmentId, pickedUpBy },
          },
          transaction,
        )
      })
      return oneRow(s, input.enrolmentId)
    },

    /**
     * A month's figures. A session counts as held once attendance was taken in it; the expected
     * places of a session are the people enrolled on its day (moved in on or before it, not left
     * before it), so a child who joined mid-month does not lower the rate of the weeks before.
     */
    async month(programmeId: number, month: string): Promise<ProgrammeMonthDto> {
      const p = await models.Programme.findByPk(programmeId)
      if (!p) throw new AppError('NOT_FOUND', 'errors.programmes.programmeNotFound')
      const today = shanghaiToday(deps.now())
      const first = `${month}-01`
      const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1))
        .toISOString()
        .slice(0, 10)
      const sessions = await models.ProgrammeSession.findAll({
        where: { programmeId, date: { [Op.gte]: first, [Op.lt]: next } },
      })
      const marks = await models.ProgrammeAttendance.findAll({
        where: { sessionId: { [Op.in]: sessions.map((x) => x.id) } },
        attributes: ['sessionId', 'status'],
      })
      const enrolments = await models.Enrolment.findAll({ where: { programmeId, enrolledAt: { [Op.ne]: null } } })
      const day = (d: Date) => shanghaiToday(d)
      // Each enrolment's Shanghai days and each session's marks worked out once, not per session.
      const spans = enrolments.map((e) => ({ from: day(e.enrolledAt!), to: e.leftAt === null ? null : day(e.leftAt) }))
      const onRoll = (date: string) => spans.filter((e) => e.from <= date && (e.to === null || e.to > date)).length
      const marksOf = new Map<number, typeof marks>()
      for (const m of marks) marksOf.set(m.sessionId, [...(marksOf.get(m.sessionId) ?? []), m])
      const minutes = (a: string, b: string) =>
        Number(b.slice(0, 2)) * 60 + Number(b.slice(3)) - (Number(a.slice(0, 2)) * 60 + Number(a.slice(3)))
      let sessionsHeld = 0
      let attendances = 0
      let expected = 0
      let hours = 0
      for (const x of sessions) {
        const here = marksOf.get(x.id) ?? []
        if (x.status !== 'scheduled' || x.date > today || here.length === 0) continue
        sessionsHeld++
        const came = here.filter(
          (m) => m.status === 'present' || m.status === 'late' || m.status === 'left-early',
        ).length
        attendances += came
        expected += Math.max(onRoll(x.date), came)
        hours += (came * minutes(x.startTime, x.endTime)) / 60
      }
      const enrolled = spans.filter((e) => e.from < next && (e.to === null || e.to >= first)).length
      return {
        programmeId,
        month,
        enrolled,
        sessionsHeld,
        sessionsCancelled: sessions.filter((x) => x.status === 'cancelled').length,
        attendances,
        expected,
        attendanceRate: expected > 0 ? Math.round((attendances / expected) * 1000) / 1000 : null,
        serviceHours: Math.round(hours * 10) / 10,
      }
    },

    /**
     * Everyone enrolled whose latest sessions, at least two in a row, were missed without notice.
     * A session counts once attendance was taken in it (anyone marked); someone with no mark in
     * such a session was not there, and nobody phoned in.
     */
    async followUps(programmeId?: number): Promise<FollowUpDto[]> {
      const today = shanghaiToday(deps.now())
      const programmes = await models.Programme.findAll({
        where: programmeId ? { id: programmeId } : { archivedAt: null },
        order: [['name', 'ASC']],
      })
      const out: FollowUpDto[] = []
      for (const p of programmes) {
        const sessions = (await sequelize.query(
          `SELECT s.id, s.date FROM programme_sessions s
            WHERE s.programme_id = :pid AND s.status = 'scheduled' AND s.date <= :today
              AND EXISTS (SELECT 1 FROM programme_attendance a WHERE a.session_id = s.id)
            ORDER BY s.date DESC, s.start_time DESC, s.id DESC`,
          { replacements: { pid: p.id, today }, type: QueryTypes.SELECT },
        )) as Array<{ id: number; date: string }>
        if (sessions.length < FOLLOW_UP_AFTER) continue
        const enrolments = await models.Enrolment.findAll({ where: { programmeId: p.id, status: 'enrolled' } })
        if (enrolments.length === 0) continue
        const marks = await models.ProgrammeAttendance.findAll({
          where: { sessionId: { [Op.in]: sessions.map((s) => s.id) } },
          attributes: ['sessionId', 'enrolmentId', 'status'],
        })
        const status = new Map(marks.map((m) => [`${m.sessionId}:${m.enrolmentId}`, m.status]))
        for (const e of enrolments) {
          const since = shanghaiToday(e.enrolledAt ?? e.requestedAt)
          const missed: string[] = []
          for (const s of sessions) {
            if (s.date < since) break
            const st = status.get(`${s.id}:${e.id}`)
            if (st !== undefined && st !== ABSENT_WITHOUT_NOTICE) break
            missed.push(s.date)
          }
          if (missed.length < FOLLOW_UP_AFTER) continue
          const r = await models.Resident.findByPk(e.residentId)
          const contacts = await models.ProgrammeContact.findAll({
            where: { enrolmentId: e.id },
            order: [
              ['guardian', 'DESC'],
              ['sort', 'ASC'],
            ],
          })
          // The person's own number last, relation null: the screen names it 本人 / self.
          const own = r?.mobile ? [{ name: r.name, relation: null, phone: maskMobile(r.mobile) }] : []
          out.push({
            programmeId: p.id,
            programmeName: p.name,
            programmeType: p.type as ProgrammeType,
            enrolmentId: e.id,
            residentId: e.residentId,
            name: r?.name ?? '',
            missed: missed.length,
            dates: missed,
            contacts: [
              ...contacts.map((c) => ({ name: c.name, relation: c.relation, phone: maskMobile(c.phone) })),
              ...own,
            ],
          })
        }
      }
      return out
    },
  }
}

export type AttendanceService = ReturnType<typeof createAttendanceService>

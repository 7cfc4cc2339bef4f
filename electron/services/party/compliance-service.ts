/**
 * Compliance with the required frequencies (支部工作条例; DOMAIN.md): each branch's requirements,
 * the held / missing / due matrix per type and period, and each member's attendance over a year.
 */
import { Op, type Sequelize, type Transaction } from 'sequelize'
import type { Models } from '../../../database/models'
import { AppError, notFoundError } from '../../contract/errors'
import {
  MEETING_TYPES,
  type ComplianceDto,
  type ComplianceRowDto,
  type FrequencyPeriod,
  type MeetingType,
  type MemberAttendanceDto,
  type RequirementDto,
} from '../../contract/party-dto'
import { shanghaiToday } from '../../contract/rules/dates'
import { DEFAULT_REQUIREMENTS, periodsInYear } from '../../contract/rules/meeting-rules'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'
import { complianceCells, type HeldMeeting } from './compliance-matrix'

interface Deps {
  sequelize: Sequelize
  models: Models
  audit: AuditService
  now: () => Date
}

/** Absent this many times in a row flags a member. */
export const ABSENT_RUN_FLAG = 3

const yearRange = (year: number) => ({ [Op.gte]: `${year}-01-01`, [Op.lte]: `${year}-12-31T99:99` })

export function createComplianceService({ sequelize, models, audit, now }: Deps) {
  const { PartyBranch, PartyGroup, PartyMember, Meeting, Attendance, Requirement, Exemption } = models

  async function requireBranch(branchId: number, transaction?: Transaction): Promise<void> {
    const b = await PartyBranch.findByPk(branchId, { transaction })
    if (!b) throw notFoundError('branch')
  }

  async function requirementsOf(branchId: number, transaction?: Transaction): Promise<RequirementDto[]> {
    const own = new Map(
      (await Requirement.findAll({ where: { branchId }, transaction })).map((r) => [r.type, r] as const),
    )
    return MEETING_TYPES.map((type) => {
      const r = own.get(type)
      return r
        ? { type, period: r.period as FrequencyPeriod, timesPerPeriod: r.timesPerPeriod, isDefault: false }
        : { type, ...DEFAULT_REQUIREMENTS[type], isDefault: true }
    })
  }

  async function matrix(branchId: number, year: number, transaction?: Transaction): Promise<ComplianceDto> {
    await requireBranch(branchId, transaction)
    const [requirements, groups, meetings, exemptions] = await Promise.all([
      requirementsOf(branchId, transaction),
      PartyGroup.findAll({ where: { branchId, archivedAt: null }, order: [['id', 'ASC']], transaction }),
      Meeting.findAll({
        where: { branchId, discardedAt: null, startAt: yearRange(year) },
        order: [
          ['startAt', 'ASC'],
          ['id', 'ASC'],
        ],
        transaction,
      }),
      Exemption.findAll({ where: { branchId, year }, transaction }),
    ])
    const today = shanghaiToday(now())
    const rows: ComplianceRowDto[] = []
    for (const req of requirements) {
      const lines: Array<{ groupId: number | null; groupName: string | null }> =
        req.type === 'group'
          ? groups.map((g) => ({ groupId: g.id, groupName: g.name }))
          : [{ groupId: null, groupName: null }]
      for (const line of lines) {
        const held: HeldMeeting[] = meetings
          .filter((m) => m.type === req.type && (line.groupId === null || m.groupId === line.groupId))
          // Decision: only a finalised record counts as held. A draft is often made before the
          // meeting (to print its notice from), so it proves nothing yet; it is still listed in
          // meetingIds so the secretary can finish it from the matrix.
          .map((m) => ({ id: m.id, startAt: m.startAt, finalised: m.status === 'finalised' }))
        const exempt = new Map(
          exemptions.filter((e) => e.type === req.type && e.groupId === line.groupId).map((e) => [e.period, e.reason]),
        )
        rows.push({
          type: req.type,
          ...line,
          period: req.period,
          timesPerPeriod: req.timesPerPeriod,
          cells: complianceCells(req.period, req.timesPerPeriod, year, held, exempt, today),
        })
      }
    }
    return { branchId, year, rows }
  }

  return {
    matrix: (q: { branchId: number; year: number }): Promise<ComplianceDto> => matrix(q.branchId, q.year),

    async requirements(q: { branchId: number; year?: number }): Promise<RequirementDto[]> {
      await requireBranch(q.branchId)
      return requirementsOf(q.branchId)
    },

    async setRequirement(
      ctx: CallContext,
      input: { branchId: number; type: MeetingType; period: FrequencyPeriod; timesPerPeriod: number },
    ): Promise<RequirementDto[]> {
      return sequelize.transaction(async (transaction) => {
        await requireBranch(input.branchId, transaction)
        const existing = await Requirement.findOne({
          where: { branchId: input.branchId, type: input.type },
          transaction,
        })
        const before = existing ? { period: existing.period, timesPerPeriod: existing.timesPerPeriod } : null
        const fields = { period: input.period, timesPerPeriod: input.timesPerPeriod }
        if (existing) await existing.update(fields, { transaction })
        else await Requirement.create({ branchId: input.branchId, type: input.type, ...fields }, { transaction })
        await audit.record(
          ctx,
          {
            action: 'set-requirement',
            entity: 'meeting-requirement',
            entityId: input.branchId,
            before: before && { type: input.type, ...before },
            after: { type: input.type, ...fields },
          },
          transaction,
        )
        return requirementsOf(input.branchId, transaction)
      })
    },

    /** Marks one period "not required, because …"; a null reason clears the mark. */
    async setExemption(
      ctx: CallContext,
      input: {
        branchId: number
        type: MeetingType
        groupId: number | null
        year: number
        period: number
        reason: string | null
      },
    ): Promise<ComplianceDto> {
      return sequelize.transaction(async (transaction) => {
        await requireBranch(input.branchId, transaction)
        let groupId: number | null = null
        if (input.type === 'group') {
          if (input.groupId === null) {
            throw new AppError('VALIDATION', 'errors.validation', {
              fields: [{ path: 'groupId', message: 'errors.party.groupRequired' }],
            })
          }
          const g = await PartyGroup.findByPk(input.groupId, { transaction })
          if (!g) throw notFoundError('group')
          if (g.branchId !== input.branchId) {
            throw new AppError('VALIDATION', 'errors.validation', {
              fields: [{ path: 'groupId', message: 'errors.party.groupNotInBranch' }],
            })
          }
          groupId = g.id
        }
        const req = (await requirementsOf(input.branchId, transaction)).find((r) => r.type === input.type)!
        if (input.period > Math.max(1, periodsInYear(req.period))) {
          throw new AppError('VALIDATION', 'errors.validation', {
            fields: [{ path: 'period', message: 'errors.party.periodOutOfRange' }],
          })
        }
        const where = { branchId: input.branchId, type: input.type, groupId, year: input.year, period: input.period }
        const existing = await Exemption.findOne({ where, transaction })
        const before = existing ? { ...where, reason: existing.reason } : null
        if (input.reason === null) await existing?.destroy({ transaction })
        else if (existing)
          await existing.update(
            { reason: input.reason, accountId: ctx.actor?.accountId ?? null, at: now() },
            { transaction },
          )
        else {
          await Exemption.create(
            { ...where, reason: input.reason, accountId: ctx.actor?.accountId ?? null, at: now() },
            { transaction },
          )
        }
        await audit.record(
          ctx,
          {
            action: input.reason === null ? 'clear-exemption' : 'set-exemption',
            entity: 'meeting-exemption',
            entityId: input.branchId,
            before,
            after: input.reason === null ? null : { ...where, reason: input.reason },
          },
          transaction,
        )
        return matrix(input.branchId, input.year, transaction)
      })
    },

    /**
     * Attendance over the year's finalised meetings. A run of absences counts 'absent' in date
     * order: being present ends it; a leave with a reason neither counts nor ends it, so asking
     * leave once between unexplained absences does not clear the flag (a reason is on file for
     * that one meeting, not for the others).
     */
    async attendance(q: { branchId: number; year: number }): Promise<MemberAttendanceDto[]> {
      await requireBranch(q.branchId)
      const meetings = await Meeting.findAll({
        where: { branchId: q.branchId, discardedAt: null, status: 'finalised', startAt: yearRange(q.year) },
        order: [
          ['startAt', 'ASC'],
          ['id', 'ASC'],
        ],
        attributes: ['id'],
      })
      const order = new Map(meetings.map((m, i) => [m.id, i]))
      const rows = meetings.length ? await Attendance.findAll({ where: { meetingId: [...order.keys()] } }) : []
      rows.sort((a, b) => order.get(a.meetingId)! - order.get(b.meetingId)!)
      // Everyone active in the branch is listed, even if never expected (rate null), plus anyone
      // who was on an attendance list this year and has since moved on.
      const active = await PartyMember.findAll({ where: { branchId: q.branchId, status: 'active' } })
      const ids = [...new Set([...active.map((m) => m.id), ...rows.map((r) => r.memberId)])].sort((a, b) => a - b)
      const names = new Map(
        (await PartyMember.findAll({ where: { id: ids }, attributes: ['id', 'name'] })).map((m) => [m.id, m.name]),
      )
      const stats = new Map(
        ids.map((id) => [id, { expected: 0, present: 0, leave: 0, absent: 0, run: 0, longest: 0, name: '' }]),
      )
      for (const r of rows) {
        const s = stats.get(r.memberId)!
        s.name = r.name
        s.expected += 1
        if (r.status === 'present') {
          s.present += 1
          s.run = 0
        } else if (r.status === 'leave') {
          s.leave += 1
        } else {
          s.absent += 1
          s.run += 1
          s.longest = Math.max(s.longest, s.run)
        }
      }
      return ids.map((memberId) => {
        const s = stats.get(memberId)!
        return {
          memberId,
          name: names.get(memberId) ?? s.name,
          expected: s.expected,
          present: s.present,
          leave: s.leave,
          absent: s.absent,
          rate: s.expected === 0 ? null : s.present / s.expected,
          longestAbsentRun: s.longest,
          flagged: s.longest >= ABSENT_RUN_FLAG,
        }
      })
    },
  }
}

export type ComplianceService = ReturnType<typeof createComplianceService>

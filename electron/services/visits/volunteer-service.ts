/**
 * Volunteers: who they are, where they live (home grid), when they can visit (weekly windows plus
 * absences), how many visits a week they take, and their service record (hours, trainings,
 * commendations). Every write is audited; a volunteer who leaves keeps their record.
 */
import { Op, type Transaction } from 'sequelize'
import type { Models } from '../../../database/models'
import type { VolunteerModel } from '../../../database/models/visits'
import { notFoundError } from '../../contract/errors'
import { maskMobile } from '../../contract/rules/masking'
import type { ServiceRecordDto, VolunteerDto, VolunteerStatus, WeeklyWindowDto } from '../../contract/visit-dto'
import type { ServiceRecordInput, VolunteerInput } from '../../contract/visit-schemas'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'
import { gridsById } from './residents-lookup'

interface Deps {
  models: Models
  audit: AuditService
  now: () => Date
}

export function parseList<T>(json: string): T[] {
  try {
    const v: unknown = JSON.parse(json)
    return Array.isArray(v) ? (v as T[]) : []
  } catch {
    return []
  }
}

export function createVolunteerService({ models, audit, now }: Deps) {
  async function toDtos(rows: VolunteerModel[], transaction?: Transaction): Promise<VolunteerDto[]> {
    const ids = rows.map((r) => r.id)
    const grids = await gridsById(models, transaction)
    const absences = await models.VolunteerException.findAll({ where: { volunteerId: { [Op.in]: ids } }, transaction })
    const records = await models.ServiceRecord.findAll({
      where: { volunteerId: { [Op.in]: ids } },
      attributes: ['volunteerId', 'hours'],
      transaction,
    })
    const balances = await latestBalances(models, ids, transaction)
    return rows.map((r) => ({
      id: r.id,
      residentId: r.residentId,
      name: r.name,
      mobile: maskMobile(r.mobile),
      skills: parseList<string>(r.skills),
      dialects: parseList<string>(r.dialects),
      gridId: r.gridId,
      gridName: r.gridId === null ? null : (grids.get(r.gridId) ?? null),
      availability: parseList<WeeklyWindowDto>(r.availability),
      absences: absences
        .filter((a) => a.volunteerId === r.id)
        .map((a) => ({ from: a.fromAt, to: a.toAt, reason: a.reason }))
        .sort((a, b) => a.from.localeCompare(b.from)),
      maxPerWeek: r.maxPerWeek,
      status: r.status,
      notes: r.notes,
      hours:
        Math.round(records.filter((x) => x.volunteerId === r.id).reduce((n, x) => n + Number(x.hours), 0) * 100) / 100,
      points: balances.get(r.id) ?? 0,
      updatedAt: new Date(r.updatedAt).toISOString(),
    }))
  }

  function columns(input: VolunteerInput) {
    return {
      residentId: input.residentId,
      name: input.name,
      mobile: input.mobile ?? null,
      skills: JSON.stringify(input.skills),
      dialects: JSON.stringify(input.dialects),
      gridId: input.gridId,
      availability: JSON.stringify(
        [...input.availability].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from)),
      ),
      maxPerWeek: input.maxPerWeek,
      status: input.status,
      notes: input.notes,
    }
  }

  async function replaceAbsences(volunteerId: number, input: VolunteerInput, transaction: Transaction) {
    await models.VolunteerException.destroy({ where: { volunteerId }, transaction })
    if (input.absences.length === 0) return
    await models.VolunteerException.bulkCreate(
      input.absences.map((a) => ({ volunteerId, fromAt: a.from, toAt: a.to, reason: a.reason })),
      { transaction },
    )
  }

  /**
   * A volunteer linked to a resident file takes the name from the file, and its mobile when the
   * form sent none (the form only ever saw it masked): the full number stays in the main process.
   */
  async function fromResidentFile(
    input: VolunteerInput,
    next: ReturnType<typeof columns>,
    takeMobile: boolean,
    transaction: Transaction,
  ) {
    if (input.residentId === null) return
    const resident = await models.Resident.findByPk(input.residentId, {
      attributes: ['id', 'name', 'mobile'],
      transaction,
    })
    if (!resident) throw notFoundError('resident')
    next.name = resident.name
    // The file is where the number is kept current; a file without one leaves the volunteer's as it was.
    if (takeMobile && resident.mobile) next.mobile = resident.mobile
  }

  async function get(id: number, transaction?: Transaction): Promise<VolunteerDto> {
    const row = await models.Volunteer.findByPk(id, { transaction })
    if (!row) throw notFoundError('volunteer')
    return (await toDtos([row], transaction))[0]!
  }

  return {
    get,

    async list(query: { search?: string; status?: VolunteerStatus }): Promise<VolunteerDto[]> {
      const where: Record<string, unknown> = {}
      if (query.status) where.status = query.status
      if (query.search) where.name = { [Op.like]: `%${query.search.replace(/[%_\\]/g, '\\$&')}%` }
      const rows = await models.Volunteer.findAll({ where, order: [['name', 'ASC']] })
      return toDtos(rows)
    },

    async create(ctx: CallContext, input: VolunteerInput): Promise<VolunteerDto> {
      return models.sequelize.transaction(async (transaction) => {
        const next = columns(input)
        await fromResidentFile(input, next, input.mobile === undefined, transaction)
        const row = await models.Volunteer.create(next, { transaction })
        await replaceAbsences(row.id, input, transaction)
        await audit.record(
          ctx,
          {
            action: 'create',
            entity: 'volunteer',
            entityId: row.id,
            after: { name: next.name, residentId: input.residentId, status: input.status },
          },
          transaction,
        )
        return get(row.id, transaction)
      })
    },

    async update(ctx: CallContext, id: number, input: VolunteerInput): Promise<VolunteerDto> {
      return models.sequelize.transaction(async (transaction) => {
        const row = await models.Volunteer.findByPk(id, { transaction })
        if (!row) throw notFoundError('volunteer')
        const before = {
          name: row.name,
          residentId: row.residentId,
          status: row.status,
          maxPerWeek: row.maxPerWeek,
          gridId: row.gridId,
        }
        // Editing without retyping the mobile keeps the one on file (the form only ever saw it masked).
        const next = columns(input)
        if (input.mobile === undefined) next.mobile = row.mobile
        // A linked volunteer's mobile follows the resident file, so a number corrected there reaches
        // the coordinator's list at the next save (the form cannot edit it for a linked volunteer).
        await fromResidentFile(input, next, input.mobile === undefined, transaction)
        await row.update(next, { transaction })
        await replaceAbsences(id, input, transaction)
        await audit.record(
          ctx,
          {
            action: 'update',
            entity: 'volunteer',
            entityId: id,
            before,
            after: {
              name: next.name,
              residentId: input.residentId,
              status: input.status,
              maxPerWeek: input.maxPerWeek,
              gridId: input.gridId,
            },
          },
          transaction,
        )
        return get(id, transaction)
      })
    },

    async serviceRecords(volunteerId: number): Promise<ServiceRecordDto[]> {
      const rows = await models.ServiceRecord.findAll({
        where: { volunteerId },
        order: [
          ['date', 'DESC'],
          ['id', 'DESC'],
        ],
      })
      return rows.map((r) => ({
        id: r.id,
        volunteerId: r.volunteerId,
        kind: r.kind,
        date: r.date,
        hours: Number(r.hours),
        title: r.title,
        visitId: r.visitId,
      }))
    },

    async addServiceRecord(ctx: CallContext, input: ServiceRecordInput): Promise<ServiceRecordDto> {
      return models.sequelize.transaction(async (transaction) => {
        if (!(await models.Volunteer.findByPk(input.volunteerId, { transaction }))) throw notFoundError('volunteer')
        const row = await models.ServiceRecord.create(
          { ...input, createdAt: now(), accountId: ctx.actor?.accountId ?? null },
          { transaction },
        )
        await audit.record(
          ctx,
          { action: 'create', entity: 'serviceRecord', entityId: row.id, after: input },
          transaction,
        )
        return {
          id: row.id,
          volunteerId: row.volunteerId,
          kind: row.kind,
          date: row.date,
          hours: Number(row.hours),
          title: row.title,
          visitId: null,
        }
      })
    },
  }
}

/** Each volunteer's balance: the `balance_after` of their latest ledger entry. */
export async function latestBalances(
  models: Models,
  volunteerIds: number[],
  transaction?: Transaction,
): Promise<Map<number, number>> {
  if (volunteerIds.length === 0) return new Map()
  const rows = await models.PointsEntry.findAll({
    where: { volunteerId: { [Op.in]: volunteerIds } },
    attributes: ['volunteerId', 'seq', 'balanceAfter'],
    transaction,
  })
  const best = new Map<number, { seq: number; balance: number }>()
  for (const r of rows) {
    const b = best.get(r.volunteerId)
    if (!b || r.seq > b.seq) best.set(r.volunteerId, { seq: r.seq, balance: r.balanceAfter })
  }
  return new Map([...best].map(([id, b]) => [id, b.balance]))
}

export type VolunteerService = ReturnType<typeof createVolunteerService>

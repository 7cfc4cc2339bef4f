/**
 * People to visit: a resident, their tier, preferred windows, the volunteers who usually come, and
 * risk notes. Risk notes are sensitive (health, family circumstances): lists only say whether
 * there are any, and reading them is a separate, audited call. A major change asks for a visit
 * within 24 hours, which the next plan places first.
 */
import { Op, type Transaction } from 'sequelize'
import type { Models } from '../../../database/models'
import type { VisitPersonModel } from '../../../database/models/visits'
import { AppError } from '../../contract/errors'
import { shanghaiDateTime } from '../../contract/rules/dates'
import type { PreferredWindowDto, VisitPersonDto, VisitTier } from '../../contract/visit-dto'
import type { MajorChangeInput, VisitPersonInput } from '../../contract/visit-schemas'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'
import { lookupResidents } from './residents-lookup'
import { parseList } from './volunteer-service'
import { notFoundError } from '../../contract/errors'

interface Deps {
  models: Models
  audit: AuditService
  now: () => Date
}

export function createPeopleService({ models, audit, now }: Deps) {
  async function toDtos(rows: VisitPersonModel[], transaction?: Transaction): Promise<VisitPersonDto[]> {
    const info = await lookupResidents(
      models,
      rows.map((r) => r.residentId),
      transaction,
    )
    const ids = rows.map((r) => r.id)
    const last = await models.Visit.findAll({
      where: { personId: { [Op.in]: ids }, status: 'done' },
      attributes: ['personId', 'startAt'],
      transaction,
    })
    const lastAt = new Map<number, string>()
    for (const v of last) if ((lastAt.get(v.personId) ?? '') < v.startAt) lastAt.set(v.personId, v.startAt)
    // Visit times are Shanghai wall-clock strings: compare with now in the same form.
    const nowLocal = shanghaiDateTime(now()).replace(' ', 'T')
    const upcoming = await models.Visit.findAll({
      where: {
        personId: { [Op.in]: ids },
        status: { [Op.in]: ['planned', 'confirmed'] },
        startAt: { [Op.gte]: nowLocal },
      },
      attributes: ['personId', 'startAt'],
      transaction,
    })
    const nextAt = new Map<number, string>()
    for (const v of upcoming) {
      const seen = nextAt.get(v.personId)
      if (seen === undefined || v.startAt < seen) nextAt.set(v.personId, v.startAt)
    }
    return rows.map((r) => {
      const i = info.get(r.residentId)
      return {
        id: r.id,
        residentId: r.residentId,
        name: i?.name ?? '',
        gridId: i?.gridId ?? null,
        gridName: i?.gridName ?? null,
        tags: i?.tags ?? [],
        tier: r.tier,
        preferredWindows: parseList<PreferredWindowDto>(r.preferredWindows),
        hasRiskNotes: !!r.riskNotes,
        usualVolunteerIds: parseList<number>(r.usualVolunteerIds),
        lastVisitAt: lastAt.get(r.id) ?? null,
        nextVisitAt: nextAt.get(r.id) ?? null,
        active: r.active,
      }
    })
  }

  function columns(input: VisitPersonInput) {
    return {
      residentId: input.residentId,
      tier: input.tier,
      preferredWindows: JSON.stringify(input.preferredWindows),
      riskNotes: input.riskNotes ?? null,
      usualVolunteerIds: JSON.stringify(input.usualVolunteerIds),
      active: input.active,
    }
  }

  async function get(id: number, transaction?: Transaction): Promise<VisitPersonDto> {
    const row = await models.VisitPerson.findByPk(id, { transaction })
    if (!row) throw notFoundError('visitPerson')
    return (await toDtos([row], transaction))[0]!
  }

  async function checkResident(residentId: number, exceptId: number | null, transaction: Transaction) {
    if (!(await models.Resident.findByPk(residentId, { transaction }))) throw notFoundError('resident')
    const other = await models.VisitPerson.findOne({ where: { residentId }, transaction })
    if (other && other.id !== exceptId)
      throw new AppError('CONFLICT', 'errors.visits.alreadyListed', {
        fields: [{ path: 'residentId', message: 'errors.visits.alreadyListed' }],
      })
  }

  return {
    get,

    async list(query: { search?: string; tier?: VisitTier }): Promise<VisitPersonDto[]> {
      const rows = await models.VisitPerson.findAll({
        where: query.tier ? { tier: query.tier } : {},
        order: [['id', 'ASC']],
      })
      const dtos = await toDtos(rows)
      const search = query.search
      return (search ? dtos.filter((d) => d.name.includes(search)) : dtos).sort((a, b) =>
        a.name.localeCompare(b.name, 'zh-CN'),
      )
    },

    async create(ctx: CallContext, input: VisitPersonInput): Promise<VisitPersonDto> {
      return models.sequelize.transaction(async (transaction) => {
        await checkResident(input.residentId, null, transaction)
        const row = await models.VisitPerson.create(columns(input), { transaction })
        // The audit names the change, never the risk notes themselves.
        await audit.record(
          ctx,
          {
            action: 'create',
            entity: 'visitPerson',
            entityId: row.id,
            after: { residentId: input.residentId, tier: input.tier },
          },
          transaction,
        )
        return get(row.id, transaction)
      })
    },

    async update(ctx: CallContext, id: number, input: VisitPersonInput): Promise<VisitPersonDto> {
      return models.sequelize.transaction(async (transaction) => {
        const row = await models.VisitPerson.findByPk(id, { transaction })
        if (!row) throw notFoundError('visitPerson')
        await checkResident(input.residentId, id, transaction)
        const before = { tier: row.tier, active: row.active }
        const riskNotesChanged = input.riskNotes !== undefined && row.riskNotes !== input.riskNotes
        const next = columns(input)
        if (input.riskNotes === undefined) next.riskNotes = row.riskNotes
        await row.update(next, { transaction })
        await audit.record(
          ctx,
          {
            action: 'update',
            entity: 'visitPerson',
            entityId: id,
            before,
            after: { tier: input.tier, active: input.active, riskNotesChanged },
          },
          transaction,
        )
        return get(id, transaction)
      })
    },

    /** The risk notes in full, for a screen that asked: each reading is audited. */
    async revealRiskNotes(ctx: CallContext, id: number): Promise<string | null> {
      const row = await models.VisitPerson.findByPk(id)
      if (!row) throw notFoundError('visitPerson')
      await audit.record(ctx, { action: 'reveal', entity: 'visitPerson.riskNotes', entityId: id })
      return row.riskNotes
    },

    async recordMajorChange(ctx: CallContext, input: MajorChangeInput): Promise<VisitPersonDto> {
      return models.sequelize.transaction(async (transaction) => {
        if (!(await models.VisitPerson.findByPk(input.personId, { transaction }))) throw notFoundError('visitPerson')
        const row = await models.MajorChange.create(
          {
            personId: input.personId,
            at: input.at,
            kind: input.kind,
            note: input.note,
            createdAt: now(),
            accountId: ctx.actor?.accountId ?? null,
          },
          { transaction },
        )
        await audit.record(
          ctx,
          {
            action: 'create',
            entity: 'majorChange',
            entityId: row.id,
            after: { personId: input.personId, at: input.at, kind: input.kind },
          },
          transaction,
        )
        return get(input.personId, transaction)
      })
    },
  }
}

export type PeopleService = ReturnType<typeof createPeopleService>

/**
 * The points ledger (志愿服务积分): append-only entries per volunteer (earned, redeemed, adjusted
 * with a reason), each carrying the balance after it. Nothing is edited in place (triggers refuse
 * UPDATE and DELETE), and a balance can never go negative: the service refuses, and should two
 * redemptions be computed from the same balance at once, the unique (volunteer, seq) index lets
 * only one of them in; the other is retried on the new balance.
 */
import type { Transaction } from 'sequelize'
import type { Models } from '../../../database/models'
import type { PointsEntryModel } from '../../../database/models/visits'
import { AppError } from '../../contract/errors'
import type { CatalogueItemDto, PointsAccountDto, PointsEntryDto, PointsKind } from '../../contract/visit-dto'
import type { CatalogueItemInput } from '../../contract/visit-schemas'
import type { AuditService } from '../audit-service'
import type { CallContext } from '../context'
import { notFoundError } from '../../contract/errors'

interface Deps {
  models: Models
  audit: AuditService
  now: () => Date
}

export interface LedgerEntry {
  volunteerId: number
  kind: PointsKind
  points: number
  reason: string
  visitId?: number | null
  itemId?: number | null
}

const ATTEMPTS = 20

function entryDto(r: PointsEntryModel): PointsEntryDto {
  return {
    id: r.id,
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    kind: r.kind,
    points: r.points,
    balanceAfter: r.balanceAfter,
    reason: r.reason,
    visitId: r.visitId,
    itemId: r.itemId,
  }
}

/** A clash with a concurrent writer: another entry took this seq, or the database was busy. */
function isRace(e: unknown): boolean {
  // Sequelize reports any SQLITE_CONSTRAINT as a unique-constraint error: read the driver's message.
  const text = `${(e as { message?: string }).message ?? ''} ${String((e as { parent?: unknown }).parent ?? '')}`
  return /SQLITE_BUSY|database is locked|UNIQUE constraint failed: points_ledger/i.test(text)
}

/** Appends one entry inside the caller's transaction; throws when the balance would go negative. */
export async function appendEntry(
  models: Models,
  ctx: CallContext,
  at: Date,
  entry: LedgerEntry,
  transaction: Transaction,
): Promise<PointsEntryModel> {
  const last = await models.PointsEntry.findOne({
    where: { volunteerId: entry.volunteerId },
    order: [['seq', 'DESC']],
    transaction,
  })
  const balance = (last?.balanceAfter ?? 0) + entry.points
  if (balance < 0)
    throw new AppError('CONFLICT', 'errors.visits.pointsInsufficient', {
      params: { balance: last?.balanceAfter ?? 0, needed: -entry.points },
    })
  return models.PointsEntry.create(
    {
      volunteerId: entry.volunteerId,
      seq: (last?.seq ?? 0) + 1,
      at,
      kind: entry.kind,
      points: entry.points,
      balanceAfter: balance,
      reason: entry.reason,
      visitId: entry.visitId ?? null,
      itemId: entry.itemId ?? null,
      accountId: ctx.actor?.accountId ?? null,
    },
    { transaction },
  )
}

export function createPointsService({ models, audit, now }: Deps) {
  /** One entry in its own transaction, retried when a concurrent entry got there first. */
  async function post(ctx: CallContext, entry: LedgerEntry, auditAction: string): Promise<PointsEntryDto> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await models.sequelize.transaction(async (transaction) => {
          if (!(await models.Volunteer.findByPk(entry.volunteerId, { transaction }))) throw notFoundError('volunteer')
          const row = await appendEntry(models, ctx, now(), entry, transaction)
          await audit.record(
            ctx,
            { action: auditAction, entity: 'points', entityId: row.id, after: entryDto(row) },
            transaction,
          )
          return entryDto(row)
        })
      } catch (e) {
        if (attempt >= ATTEMPTS || !isRace(e)) throw e
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt))
      }
    }
  }

  return {
    async account(volunteerId: number): Promise<PointsAccountDto> {
      if (!(await models.Volunteer.findByPk(volunteerId))) throw notFoundError('volunteer')
      const rows = await models.PointsEntry.findAll({ where: { volunteerId }, order: [['seq', 'DESC']] })
      return { volunteerId, balance: rows[0]?.balanceAfter ?? 0, entries: rows.map(entryDto) }
    },

    async redeem(ctx: CallContext, input: { volunteerId: number; itemId: number }): Promise<PointsEntryDto> {
      const item = await models.CatalogueItem.findByPk(input.itemId)
      if (!item) throw notFoundError('catalogueItem')
      if (!item.active) throw new AppError('CONFLICT', 'errors.visits.itemInactive')
      return post(
        ctx,
        { volunteerId: input.volunteerId, kind: 'redeemed', points: -item.cost, reason: item.name, itemId: item.id },
        'redeem',
      )
    },

    async adjust(
      ctx: CallContext,
      input: { volunteerId: number; points: number; reason: string },
    ): Promise<PointsEntryDto> {
      return post(
        ctx,
        { volunteerId: input.volunteerId, kind: 'adjusted', points: input.points, reason: input.reason },
        'adjust',
      )
    },

    async catalogue(): Promise<CatalogueItemDto[]> {
      const rows = await models.CatalogueItem.findAll({
        order: [
          ['active', 'DESC'],
          ['cost', 'ASC'],
        ],
      })
      return rows.map((r) => ({ id: r.id, name: r.name, cost: r.cost, active: r.active }))
    },

    async saveItem(ctx: CallContext, input: CatalogueItemInput): Promise<CatalogueItemDto> {
      return models.sequelize.transaction(async (transaction) => {
        const data = { name: input.name, cost: input.cost, active: input.active }
        let row
        if (input.id === null) row = await models.CatalogueItem.create(data, { transaction })
        else {
          row = await models.CatalogueItem.findByPk(input.id, { transaction })
          if (!row) throw notFoundError('catalogueItem')
          await row.update(data, { transaction })
        }
        await audit.record(
          ctx,
          { action: input.id === null ? 'create' : 'update', entity: 'catalogueItem', entityId: row.id, after: data },
          transaction,
        )
        return { id: row.id, name: row.name, cost: row.cost, active: row.active }
      })
    },
  }
}

export type PointsService = ReturnType<typeof createPointsService>

/**
 * The audit log: every write, every reveal of a full number, every sign-in. Rows are written in
 * the same transaction as the change they describe, so a change without its audit row cannot exist.
 */
import type { Transaction } from 'sequelize'
import type { Models } from '../../database/models'
import type { AuditEntryDto, Page } from '../contract/dto'
import type { CallContext } from './context'

export interface AuditEntry {
  action: string
  entity: string
  entityId?: string | number | null
  before?: unknown
  after?: unknown
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value)
}

function fromJson(value: string | null): unknown {
  if (value === null) return null
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}

/** `now`: the container's clock, so that audit times and lockout times agree (and are testable). */
export function createAuditService(models: Models, now: () => Date = () => new Date()) {
  return {
    /** Without a transaction (a sign-in, a reveal), the row gets one of its own: no write is bare. */
    async record(ctx: CallContext, entry: AuditEntry, transaction?: Transaction): Promise<void> {
      if (!transaction) return models.sequelize.transaction((t) => this.record(ctx, entry, t))
      await models.Audit.create(
        {
          at: now(),
          accountId: ctx.actor?.accountId ?? null,
          channel: ctx.channel,
          action: entry.action,
          entity: entry.entity,
          entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
          before: toJson(entry.before),
          after: toJson(entry.after),
        },
        { transaction },
      )
    },

    async list(query: {
      entity?: string
      entityId?: string
      page: number
      pageSize: number
    }): Promise<Page<AuditEntryDto>> {
      const where: Record<string, string> = {}
      if (query.entity) where.entity = query.entity
      if (query.entityId) where.entityId = query.entityId
      const { rows, count } = await models.Audit.findAndCountAll({
        where,
        order: [['id', 'DESC']],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      })
      const accountIds = [...new Set(rows.map((r) => r.accountId).filter((v): v is number => v !== null))]
      const accounts = accountIds.length ? await models.Account.findAll({ where: { id: accountIds } }) : []
      const names = new Map(accounts.map((a) => [a.id, a.displayName]))
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          accountId: r.accountId,
          accountName: r.accountId === null ? null : (names.get(r.accountId) ?? null),
          channel: r.channel,
          action: r.action,
          entity: r.entity,
          entityId: r.entityId,
          before: fromJson(r.before),
          after: fromJson(r.after),
        })),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      }
    },
  }
}

export type AuditService = ReturnType<typeof createAuditService>

/**
 * The audit log: every write, every reveal of a full number, every sign-in. Rows are written in
 * the same transaction as the change they describe, so a change without its audit row cannot exist.
 */
import { withinShanghaiDays } from '../../database/shanghai-days'
import { Op, type Transaction, type WhereOptions } from 'sequelize'
import type { AuditModel, AuditRow, Models } from '../../database/models'
import type { AuditEntryDto, Page } from '../contract/dto'
import type { AuditFacetsDto } from '../contract/admin-dto'
import type { AuditFilter } from '../contract/admin-schemas'
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

/** The filter as a WHERE: days are Shanghai days (an entry at 07:00 on the 24th is the 23rd in UTC). */
export function auditWhere(filter: AuditFilter): WhereOptions<AuditRow> {
  const and: WhereOptions<AuditRow>[] = []
  if (filter.accountId !== undefined) and.push({ accountId: filter.accountId })
  if (filter.entity) and.push({ entity: filter.entity })
  if (filter.entityId) and.push({ entityId: filter.entityId })
  if (filter.action) and.push({ action: filter.action })
  and.push(...withinShanghaiDays<AuditRow>('at', filter.from, filter.to))
  return and.length ? { [Op.and]: and } : {}
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

    /** Newest first, by account, kind, record, action and Shanghai days. */
    async list(query: AuditFilter & { page: number; pageSize: number }): Promise<Page<AuditEntryDto>> {
      const where = auditWhere(query)
      const [rows, count] = await Promise.all([
        models.Audit.findAll({
          where,
          order: [['id', 'DESC']],
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
        }),
        models.Audit.count({ where }),
      ])
      return { items: await this.toDtos(rows), total: count, page: query.page, pageSize: query.pageSize }
    },

    /** Every entry under the filter (an export), newest first, at most `limit`. */
    async all(filter: AuditFilter, limit: number): Promise<AuditEntryDto[]> {
      const rows = await models.Audit.findAll({ where: auditWhere(filter), order: [['id', 'DESC']], limit })
      return this.toDtos(rows)
    },

    async toDtos(rows: AuditModel[]): Promise<AuditEntryDto[]> {
      const accountIds = [...new Set(rows.map((r) => r.accountId).filter((v): v is number => v !== null))]
      const accounts = accountIds.length ? await models.Account.findAll({ where: { id: accountIds } }) : []
      const names = new Map(accounts.map((a) => [a.id, a.displayName]))
      return rows.map((r) => ({
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
      }))
    },

    /** What the filters offer: only kinds and actions the log holds, and every account. */
    async facets(): Promise<AuditFacetsDto> {
      const distinct = async (column: 'entity' | 'action') =>
        (
          await models.Audit.findAll({
            attributes: [[models.sequelize.fn('DISTINCT', models.sequelize.col(column)), column]],
            raw: true,
          })
        )
          .map((r) => String(r[column]))
          .sort()
      const accounts = await models.Account.findAll({ order: [['id', 'ASC']] })
      return {
        entities: await distinct('entity'),
        actions: await distinct('action'),
        accounts: accounts.map((a) => ({ id: a.id, displayName: a.displayName, username: a.username })),
      }
    },
  }
}

export type AuditService = ReturnType<typeof createAuditService>

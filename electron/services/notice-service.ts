/**
 * Notices (通知 / 公告) and their templates. A notice is made from a template with its variables
 * filled, edited as a draft, then issued: from then on it is locked, and a change makes a new
 * version in the same series while the issued one is kept as it was printed.
 */
import { Op, type Transaction, type WhereOptions } from 'sequelize'
import { columnContains } from '../../database/like'
import type { Models, NoticeModel, NoticeTemplateModel } from '../../database/models'
import type { NoticeRow } from '../../database/models/notices'
import { AppError, notFoundError } from '../contract/errors'
import type { NoticeDto, NoticeListItemDto, NoticeTemplateDto, Page } from '../contract/dto'
import type { NoticeInput, NoticeQuery, NoticeTemplateInput } from '../contract/notice-schemas'
import { shanghaiToday } from '../contract/rules/dates'
import {
  BUILTIN_VARIABLES,
  builtinValues,
  fillVariables,
  findVariables,
  unfilledVariables,
} from '../contract/rules/notice-variables'
import type { AuditService } from './audit-service'
import type { CallContext } from './context'
import { BUILTIN_TEMPLATES } from './notice-templates'
import { htmlToText, sanitiseRichText } from './printing/print-html'
import type { SettingsService } from './settings-service'

/** The fields a person writes; the state (status, version, issue) is the service's. */
type DraftFields = Pick<
  NoticeRow,
  'templateId' | 'title' | 'bodyHtml' | 'issuer' | 'issueDate' | 'layout' | 'paper' | 'showStamp'
>

interface Deps {
  models: Models
  audit: AuditService
  settings: SettingsService
  now: () => Date
}

function iso(d: Date | null): string | null {
  return d ? new Date(d).toISOString() : null
}

function templateDto(t: NoticeTemplateModel): NoticeTemplateDto {
  return {
    id: t.id,
    builtinKey: t.builtinKey,
    name: t.name,
    title: t.title,
    bodyHtml: t.bodyHtml,
    layout: t.layout,
    paper: t.paper,
    variables: findVariables(`${t.title}\n${t.bodyHtml}`),
    archived: t.archivedAt !== null,
  }
}

/** What the audit keeps of a notice: enough to tell versions apart, not the whole body twice. */
function auditView(n: Pick<NoticeRow, 'title' | 'status' | 'version' | 'layout' | 'issueDate' | 'issuer'>) {
  return {
    title: n.title,
    status: n.status,
    version: n.version,
    layout: n.layout,
    issueDate: n.issueDate,
    issuer: n.issuer,
  }
}

export function createNoticeService({ models, audit, settings, now }: Deps) {
  const { Notice, NoticeTemplate, Account, sequelize } = models

  async function findNotice(id: number, transaction?: Transaction): Promise<NoticeModel> {
    const n = await Notice.findByPk(id, { transaction })
    if (!n || n.discardedAt) throw notFoundError('notice')
    return n
  }

  async function findTemplate(id: number, transaction?: Transaction): Promise<NoticeTemplateModel> {
    const t = await NoticeTemplate.findByPk(id, { transaction })
    if (!t) throw notFoundError('template')
    return t
  }

  async function templateNames(ids: Array<number | null>): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((i): i is number => i !== null))]
    if (wanted.length === 0) return new Map()
    const rows = await NoticeTemplate.findAll({ where: { id: wanted }, attributes: ['id', 'name'] })
    return new Map(rows.map((r) => [r.id, r.name]))
  }

  function listItem(n: NoticeModel, names: Map<number, string>): NoticeListItemDto {
    return {
      id: n.id,
      seriesId: n.seriesId ?? n.id,
      version: n.version,
      status: n.status,
      title: n.title,
      templateId: n.templateId,
      templateName: n.templateId === null ? null : (names.get(n.templateId) ?? null),
      issuer: n.issuer,
      issueDate: n.issueDate,
      layout: n.layout,
      paper: n.paper,
      updatedAt: iso(n.updatedAt)!,
    }
  }

  async function toDto(n: NoticeModel, transaction?: Transaction): Promise<NoticeDto> {
    const names = await templateNames([n.templateId])
    const versions = await Notice.findAll({
      where: { seriesId: n.seriesId ?? n.id, discardedAt: null },
      order: [['version', 'ASC']],
      transaction,
    })
    const issuer = n.issuedBy ? await Account.findByPk(n.issuedBy, { transaction }) : null
    return {
      ...listItem(n, names),
      bodyHtml: n.bodyHtml,
      showStamp: n.showStamp,
      issuedAt: iso(n.issuedAt),
      issuedBy: issuer?.displayName ?? null,
      createdAt: iso(n.createdAt)!,
      versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status, issuedAt: iso(v.issuedAt) })),
      unfilled: unfilledVariables(`${n.title}\n${n.bodyHtml}`),
    }
  }

  /** A fresh draft: version 1 of a new series unless `series` says otherwise. */
  async function createDraft(
    ctx: CallContext,
    fields: DraftFields,
    transaction: Transaction,
    series?: { seriesId: number; version: number },
  ): Promise<NoticeModel> {
    const bodyHtml = sanitiseRichText(fields.bodyHtml)
    const n = await Notice.create(
      {
        ...fields,
        bodyHtml,
        bodyText: htmlToText(bodyHtml),
        paper: fields.layout === 'poster' ? fields.paper : 'A4',
        status: 'draft',
        seriesId: series?.seriesId ?? null,
        version: series?.version ?? 1,
        createdBy: ctx.actor?.accountId ?? null,
      },
      { transaction },
    )
    if (!series) await n.update({ seriesId: n.id }, { transaction })
    await audit.record(ctx, { action: 'create', entity: 'notice', entityId: n.id, after: auditView(n) }, transaction)
    return n
  }

  /** What a revision or a copy takes over from a notice: everything but its state, dated today. */
  function textOf(n: NoticeModel): DraftFields {
    return {
      templateId: n.templateId,
      title: n.title,
      bodyHtml: n.bodyHtml,
      issuer: n.issuer,
      issueDate: shanghaiToday(now()),
      layout: n.layout,
      paper: n.paper,
      showStamp: n.showStamp,
    }
  }

  function requireDraft(n: NoticeModel): void {
    if (n.status !== 'draft') throw new AppError('CONFLICT', 'errors.notice.locked')
  }

  return {
    /** Adds any built-in template the file lacks; the station's own are left alone. */
    async seedTemplates(): Promise<void> {
      const existing = new Set((await NoticeTemplate.findAll({ attributes: ['builtinKey'] })).map((t) => t.builtinKey))
      for (const t of BUILTIN_TEMPLATES) {
        if (existing.has(t.key)) continue
        await NoticeTemplate.create({
          builtinKey: t.key,
          name: t.name,
          title: t.title,
          bodyHtml: t.bodyHtml,
          layout: t.layout,
          paper: 'A4',
        })
      }
    },

    async listTemplates(): Promise<NoticeTemplateDto[]> {
      const rows = await NoticeTemplate.findAll({
        where: { archivedAt: null },
        // Built-ins first in their own order, then the station's own by name.
        order: [
          [sequelize.literal('builtin_key IS NULL'), 'ASC'],
          ['id', 'ASC'],
        ],
      })
      return rows.map(templateDto)
    },

    async saveTemplate(ctx: CallContext, input: NoticeTemplateInput): Promise<NoticeTemplateDto> {
      return sequelize.transaction(async (transaction) => {
        const fields = {
          name: input.name,
          title: input.title,
          bodyHtml: sanitiseRichText(input.bodyHtml),
          layout: input.layout,
          paper: input.layout === 'poster' ? input.paper : ('A4' as const),
        }
        if (input.id === undefined) {
          const t = await NoticeTemplate.create(fields, { transaction })
          await audit.record(
            ctx,
            { action: 'create', entity: 'notice-template', entityId: t.id, after: { name: t.name } },
            transaction,
          )
          return templateDto(t)
        }
        const t = await findTemplate(input.id, transaction)
        if (t.builtinKey) throw new AppError('CONFLICT', 'errors.notice.templateBuiltin')
        const before = { name: t.name, title: t.title, layout: t.layout }
        await t.update(fields, { transaction })
        await audit.record(
          ctx,
          {
            action: 'update',
            entity: 'notice-template',
            entityId: t.id,
            before,
            after: { name: t.name, title: t.title, layout: t.layout },
          },
          transaction,
        )
        return templateDto(t)
      })
    },

    async archiveTemplate(ctx: CallContext, id: number): Promise<NoticeTemplateDto> {
      return sequelize.transaction(async (transaction) => {
        const t = await findTemplate(id, transaction)
        if (t.builtinKey) throw new AppError('CONFLICT', 'errors.notice.templateBuiltin')
        await t.update({ archivedAt: now() }, { transaction })
        await audit.record(ctx, { action: 'archive', entity: 'notice-template', entityId: id }, transaction)
        return templateDto(t)
      })
    },

    async list(query: NoticeQuery): Promise<Page<NoticeListItemDto>> {
      const and: WhereOptions[] = [{ discardedAt: null }]
      if (query.q) {
        and.push({
          [Op.or]: [columnContains(sequelize, 'title', query.q), columnContains(sequelize, 'body_text', query.q)],
        })
      }
      if (query.templateId) and.push({ templateId: query.templateId })
      if (query.status) and.push({ status: query.status })
      if (query.from) and.push({ issueDate: { [Op.gte]: query.from } })
      if (query.to) and.push({ issueDate: { [Op.lte]: query.to } })
      const { rows, count } = await Notice.findAndCountAll({
        where: { [Op.and]: and },
        order: [
          ['issueDate', 'DESC'],
          ['id', 'DESC'],
        ],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      })
      const names = await templateNames(rows.map((r) => r.templateId))
      return { items: rows.map((r) => listItem(r, names)), total: count, page: query.page, pageSize: query.pageSize }
    },

    async get(id: number): Promise<NoticeDto> {
      return toDto(await findNotice(id))
    },

    /** The notice itself, for printing: the print pipeline renders it. */
    async forPrint(id: number): Promise<NoticeModel> {
      return findNotice(id)
    },

    async create(ctx: CallContext, input: { templateId: number; values: Record<string, string> }): Promise<NoticeDto> {
      const s = await settings.get()
      const today = shanghaiToday(now())
      // The station's own values win over anything typed for a built-in name.
      const typed = Object.fromEntries(
        Object.entries(input.values).filter(([k]) => !(BUILTIN_VARIABLES as readonly string[]).includes(k)),
      )
      const values = { ...typed, ...builtinValues({ ...s, today }) }
      const n = await sequelize.transaction(async (transaction) => {
        const t = await findTemplate(input.templateId, transaction)
        return createDraft(
          ctx,
          {
            templateId: t.id,
            title: fillVariables(t.title, values, { html: false }),
            bodyHtml: fillVariables(sanitiseRichText(t.bodyHtml), values, { html: true }),
            issuer: s.stationName,
            issueDate: today,
            layout: t.layout,
            paper: t.paper,
            showStamp: false,
          },
          transaction,
        )
      })
      return toDto(n)
    },

    async update(ctx: CallContext, id: number, data: NoticeInput, expectedUpdatedAt?: string): Promise<NoticeDto> {
      const n = await sequelize.transaction(async (transaction) => {
        const n = await findNotice(id, transaction)
        requireDraft(n)
        if (expectedUpdatedAt && iso(n.updatedAt) !== expectedUpdatedAt) {
          throw new AppError('CONFLICT', 'errors.notice.staleEdit')
        }
        const before = auditView(n)
        const bodyHtml = sanitiseRichText(data.bodyHtml)
        await n.update(
          {
            ...data,
            bodyHtml,
            bodyText: htmlToText(bodyHtml),
            paper: data.layout === 'poster' ? data.paper : 'A4',
          },
          { transaction },
        )
        await audit.record(
          ctx,
          { action: 'update', entity: 'notice', entityId: id, before, after: auditView(n) },
          transaction,
        )
        return n
      })
      return toDto(n)
    },

    /** Locks the draft; the version it revises (if any) is superseded. Unfilled variables refuse. */
    async issue(ctx: CallContext, id: number): Promise<NoticeDto> {
      const n = await sequelize.transaction(async (transaction) => {
        const n = await findNotice(id, transaction)
        if (n.status !== 'draft') throw new AppError('CONFLICT', 'errors.notice.notDraft')
        const unfilled = unfilledVariables(`${n.title}\n${n.bodyHtml}`)
        if (unfilled.length > 0) {
          throw new AppError('VALIDATION', 'errors.notice.unfilled', { params: { names: unfilled.join('、') } })
        }
        await Notice.update(
          { status: 'superseded' },
          { where: { seriesId: n.seriesId, status: 'issued', id: { [Op.ne]: n.id } }, transaction },
        )
        const before = auditView(n)
        await n.update({ status: 'issued', issuedAt: now(), issuedBy: ctx.actor?.accountId ?? null }, { transaction })
        await audit.record(
          ctx,
          { action: 'issue', entity: 'notice', entityId: id, before, after: auditView(n) },
          transaction,
        )
        return n
      })
      return toDto(n)
    },

    /** A new draft version of an issued notice; an open draft of the same notice is reused. */
    async revise(ctx: CallContext, id: number): Promise<NoticeDto> {
      const n = await sequelize.transaction(async (transaction) => {
        const n = await findNotice(id, transaction)
        if (n.status === 'draft') return n
        const series = await Notice.findAll({ where: { seriesId: n.seriesId, discardedAt: null }, transaction })
        const openDraft = series.find((v) => v.status === 'draft')
        if (openDraft) return openDraft
        // Versions count discarded drafts too: a number once shown is never reused.
        const maxVersion =
          (await Notice.max<number, NoticeModel>('version', { where: { seriesId: n.seriesId! }, transaction })) ??
          n.version
        return createDraft(ctx, textOf(n), transaction, { seriesId: n.seriesId ?? n.id, version: maxVersion + 1 })
      })
      return toDto(n)
    },

    /** A separate new notice with this one's text, dated today. */
    async copy(ctx: CallContext, id: number): Promise<NoticeDto> {
      const n = await sequelize.transaction(async (transaction) => {
        const src = await findNotice(id, transaction)
        return createDraft(ctx, textOf(src), transaction)
      })
      return toDto(n)
    },

    /** Drafts only; kept in the file (soft), gone from every list. */
    async discard(ctx: CallContext, id: number): Promise<null> {
      await sequelize.transaction(async (transaction) => {
        const n = await findNotice(id, transaction)
        if (n.status !== 'draft') throw new AppError('CONFLICT', 'errors.notice.notDraft')
        await n.update({ discardedAt: now() }, { transaction })
        await audit.record(
          ctx,
          { action: 'discard', entity: 'notice', entityId: id, before: auditView(n) },
          transaction,
        )
      })
      return null
    },
  }
}

export type NoticeService = ReturnType<typeof createNoticeService>

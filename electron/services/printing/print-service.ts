/**
 * The print pipeline every module uses: build a document from data, preview it as the PDF it will
 * print as, print it or save it as PDF, and log each print with who, what, which records, copies,
 * where and when. Documents that hold full ID or mobile numbers print only once the person has
 * seen them named (masked) and confirmed.
 */
import { withinShanghaiDays } from '../../../database/shanghai-days'
import { randomUUID } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { Op, type WhereOptions } from 'sequelize'
import { columnContains } from '../../../database/like'
import type { Models, PrintJobModel } from '../../../database/models'
import type { PaperSize, Page, PrintDocumentType, PrintersDto, PrintJobDto, PrintPreviewDto } from '../../contract/dto'
import { AppError, notFoundError } from '../../contract/errors'
import type { PrintDocumentRef, PrintLogQuery } from '../../contract/notice-schemas'
import { roleHas, type Permission } from '../../contract/permissions'
import { findSensitiveNumbers, type SensitiveFinding } from '../../contract/rules/sensitive-text'
import { shanghaiToday } from '../../contract/rules/dates'
import { unfilledVariables } from '../../contract/rules/notice-variables'
import type { CallContext } from '../context'
import type { NoticeService } from '../notice-service'
import type { SettingsService } from '../settings-service'
import { renderNotice } from './layouts/notice-layouts'
import { htmlToText, sanitiseRichText } from './print-html'
import type { PrintDocument, PrintEngine, PrintHost } from './print-engine'

/** A document ready to print, with what the log and the privacy check need to know of it. */
export interface Printable {
  title: string
  document: PrintDocument
  /** The records that go on paper, as `kind:id`. */
  records: string[]
  /** The text a reader will see, searched for full ID and mobile numbers. */
  text: string
  /** A problem only the rendered PDF shows (a slip longer than half a page). */
  checkPages?: (pageCount: number) => AppError | null
}

/** One kind of document: the permission it needs and how it is built from its reference. */
export interface PrintableKind {
  permission: Permission
  build(ref: PrintDocumentRef): Promise<Printable>
}

interface Deps {
  models: Models
  settings: SettingsService
  notices: NoticeService
  host: PrintHost | null
  now: () => Date
}

const LAST_PRINTER = 'print.lastPrinter'
const LAST_FOLDER = 'print.lastFolder'

/** Chromium writes one `/Type /Page` dictionary a page (and `/Type /Pages` for the tree). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
}

/** A file name from a title: characters Windows refuses are replaced, the length kept sane. */
export function pdfFileName(title: string, day: string): string {
  const safe = title
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .slice(0, 80)
  return `${safe || 'document'}-${day}.pdf`
}

function maskedList(findings: SensitiveFinding[]): string {
  return findings.map((f) => f.masked).join('、')
}

export function createPrintService({ models, settings, notices, host, now }: Deps) {
  const { PrintJob, Setting, Account } = models

  function requireHost(): PrintHost {
    if (!host) throw new AppError('UNAVAILABLE', 'errors.print.noEngine')
    return host
  }
  const engine = (): PrintEngine => requireHost().engine

  // Other modules add their documents with `register` (meeting records, the year book …).
  const kinds: Partial<Record<PrintDocumentType, PrintableKind>> = {
    notice: {
      permission: 'notices.read',
      async build({ id }) {
        const n = await notices.forPrint(id)
        const unfilled = unfilledVariables(`${n.title}\n${n.bodyHtml}`)
        if (unfilled.length > 0) {
          throw new AppError('VALIDATION', 'errors.notice.unfilled', { params: { names: unfilled.join('、') } })
        }
        const s = await settings.get()
        const bodyHtml = sanitiseRichText(n.bodyHtml)
        const document = renderNotice(engine(), {
          title: n.title,
          bodyHtml,
          issuer: n.issuer,
          issueDate: n.issueDate,
          layout: n.layout,
          paper: n.paper,
          showStamp: n.showStamp,
          bodyFont: s.printBodyFont,
        })
        return {
          title: n.title,
          document,
          records: [`notice:${n.id}`],
          text: `${n.title}\n${htmlToText(bodyHtml)}\n${n.issuer}`,
          checkPages:
            n.layout === 'slip'
              ? (pages) => (pages > 1 ? new AppError('VALIDATION', 'errors.print.slipTooLong') : null)
              : undefined,
        }
      },
    },
  }

  async function build(ctx: CallContext, ref: PrintDocumentRef): Promise<Printable> {
    const kind = kinds[ref.type]
    if (!kind) throw notFoundError(ref.type)
    if (!ctx.actor || !roleHas(ctx.actor.role, kind.permission)) throw new AppError('FORBIDDEN', 'errors.forbidden')
    return kind.build(ref)
  }

  /** The PDF and its page count; a page-count problem (slip too long) refuses here. */
  async function render(p: Printable): Promise<{ pdf: Uint8Array; pages: number }> {
    const pdf = await engine().toPdf(p.document)
    const pages = countPdfPages(pdf)
    const problem = p.checkPages?.(pages)
    if (problem) throw problem
    return { pdf, pages }
  }

  function requireConfirmation(p: Printable, confirmed: boolean): SensitiveFinding[] {
    const found = findSensitiveNumbers(p.text)
    if (found.length > 0 && !confirmed) {
      throw new AppError('SENSITIVE_UNCONFIRMED', 'errors.print.sensitive', { params: { found: maskedList(found) } })
    }
    return found
  }

  async function remember(key: string, value: string): Promise<void> {
    await Setting.upsert({ key, value: JSON.stringify(value) })
  }

  async function recall(key: string): Promise<string | null> {
    const row = await Setting.findByPk(key)
    if (!row) return null
    try {
      const v: unknown = JSON.parse(row.value)
      return typeof v === 'string' ? v : null
    } catch {
      return null
    }
  }

  async function log(
    ctx: CallContext,
    ref: PrintDocumentRef,
    p: Printable,
    job: { copies: number; target: 'printer' | 'pdf'; targetName: string; pages: number; found: SensitiveFinding[] },
  ): Promise<PrintJobDto> {
    const row = await PrintJob.create({
      at: now(),
      accountId: ctx.actor?.accountId ?? null,
      documentType: ref.type,
      documentId: ref.id,
      documentTitle: p.title.slice(0, 200),
      records: JSON.stringify(p.records),
      copies: job.copies,
      target: job.target,
      targetName: job.targetName,
      pageCount: job.pages,
      sensitiveConfirmed: JSON.stringify([...new Set(job.found.map((f) => f.kind))]),
    })
    return toDto(row, ctx.actor?.displayName ?? null)
  }

  function toDto(row: PrintJobModel, accountName: string | null): PrintJobDto {
    const parse = (s: string): string[] => {
      try {
        const v: unknown = JSON.parse(s)
        return Array.isArray(v) ? v.map(String) : []
      } catch {
        return []
      }
    }
    return {
      id: row.id,
      at: new Date(row.at).toISOString(),
      accountId: row.accountId,
      accountName,
      documentType: row.documentType,
      documentId: row.documentId,
      documentTitle: row.documentTitle,
      records: parse(row.records),
      copies: row.copies,
      target: row.target,
      targetName: row.targetName,
      pageCount: row.pageCount,
      sensitiveConfirmed: parse(row.sensitiveConfirmed),
    }
  }

  /** Written beside the target and renamed into place: a full disk never leaves half a PDF. */
  function writeFileSafely(path: string, bytes: Uint8Array): void {
    const partial = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.partial`)
    try {
      const fd = openSync(partial, 'w')
      try {
        writeSync(fd, bytes)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      renameSync(partial, path)
    } catch {
      rmSync(partial, { force: true })
      throw new AppError('UNAVAILABLE', 'errors.print.saveFailed', { params: { path } })
    }
  }

  return {
    /** Adds a kind of document to the pipeline; the engine, the host and the log are shared. */
    register(type: PrintDocumentType, kind: PrintableKind): void {
      kinds[type] = kind
    },

    /** The engine, for modules that lay out their own documents (fonts are served through it). */
    engine,

    async printers(): Promise<PrintersDto> {
      const printers = await engine().printers()
      const last = await recall(LAST_PRINTER)
      return { printers, lastPrinter: last && printers.some((p) => p.name === last) ? last : null }
    },

    async preview(ctx: CallContext, ref: PrintDocumentRef): Promise<PrintPreviewDto> {
      const p = await build(ctx, ref)
      const { pdf, pages } = await render(p)
      return {
        title: p.title,
        pdfBase64: Buffer.from(pdf).toString('base64'),
        pageCount: pages,
        paper: p.document.paper as PaperSize,
        sensitive: findSensitiveNumbers(p.text).map((f) => ({ kind: f.kind, masked: f.masked })),
      }
    },

    async print(
      ctx: CallContext,
      input: { document: PrintDocumentRef; printer: string; copies: number; confirmSensitive: boolean },
    ): Promise<PrintJobDto> {
      const p = await build(ctx, input.document)
      const found = requireConfirmation(p, input.confirmSensitive)
      const { pages } = await render(p)
      await engine().print(p.document, { printer: input.printer, copies: input.copies })
      await remember(LAST_PRINTER, input.printer)
      return log(ctx, input.document, p, {
        copies: input.copies,
        target: 'printer',
        targetName: input.printer,
        pages,
        found,
      })
    },

    /**
     * Asks where to save (through the shell's dialog), then writes and logs. The checks come
     * first, so a refused document never opens a dialog.
     */
    async savePdf(
      ctx: CallContext,
      input: { document: PrintDocumentRef; confirmSensitive: boolean },
    ): Promise<{ saved: true; job: PrintJobDto } | { saved: false }> {
      const p = await build(ctx, input.document)
      const found = requireConfirmation(p, input.confirmSensitive)
      const { pdf, pages } = await render(p)
      const folder = (await recall(LAST_FOLDER)) ?? requireHost().defaultFolder
      const chosen = await requireHost().chooseSavePath(join(folder, pdfFileName(p.title, shanghaiToday(now()))))
      if (!chosen) return { saved: false }
      const path = chosen.toLowerCase().endsWith('.pdf') ? chosen : `${chosen}.pdf`
      writeFileSafely(path, pdf)
      await remember(LAST_FOLDER, dirname(path))
      const job = await log(ctx, input.document, p, { copies: 1, target: 'pdf', targetName: path, pages, found })
      return { saved: true, job }
    },

    async log(query: PrintLogQuery): Promise<Page<PrintJobDto>> {
      const and: WhereOptions[] = []
      if (query.q) and.push(columnContains(models.sequelize, 'document_title', query.q))
      if (query.documentType) and.push({ documentType: query.documentType })
      if (query.accountId) and.push({ accountId: query.accountId })
      and.push(...withinShanghaiDays<{ at: Date }>('at', query.from, query.to))
      const { rows, count } = await PrintJob.findAndCountAll({
        where: { [Op.and]: and },
        order: [
          ['at', 'DESC'],
          ['id', 'DESC'],
        ],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      })
      const ids = [...new Set(rows.map((r) => r.accountId).filter((i): i is number => i !== null))]
      const accounts = ids.length
        ? await Account.findAll({ where: { id: ids }, attributes: ['id', 'displayName'] })
        : []
      const names = new Map(accounts.map((a) => [a.id, a.displayName]))
      return {
        items: rows.map((r) => toDto(r, r.accountId === null ? null : (names.get(r.accountId) ?? null))),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      }
    },
  }
}

export type PrintService = ReturnType<typeof createPrintService>

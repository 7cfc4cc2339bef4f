/**
 * Input schemas of the notices (通知 / 公告) and print channels. Messages are i18n keys, as in
 * schemas.ts, whose text helpers these reuse.
 */
import { z } from 'zod'
import { NOTICE_LAYOUTS, PAPER_SIZES, NOTICE_STATUSES, PRINT_DOCUMENT_TYPES } from './dto'
import { isoDate, optionalText, requiredText, searchText } from './schemas'

const id = z.number().int().positive()

/** A notice body from the rich-text editor: HTML, sanitised again in the main process. */
const bodyHtml = z.string().max(200_000, { error: 'validation.tooLong' })

const printRef = z.object({
  type: z.enum(PRINT_DOCUMENT_TYPES),
  id,
  year: z.number().int().min(2000).max(2100).optional(),
})

const noticeFields = {
  title: requiredText(120),
  bodyHtml,
  issuer: optionalText(60).transform((v) => v ?? ''),
  issueDate: isoDate,
  layout: z.enum(NOTICE_LAYOUTS),
  paper: z.enum(PAPER_SIZES).default('A4'),
  showStamp: z.boolean().default(false),
}

export const noticeSchemas = {
  templateSave: z.object({
    /** Absent: a new template. Built-in templates cannot be changed, only copied. */
    id: id.optional(),
    name: requiredText(40),
    title: requiredText(120),
    bodyHtml,
    layout: z.enum(NOTICE_LAYOUTS),
    paper: z.enum(PAPER_SIZES).default('A4'),
  }),

  noticeQuery: z.object({
    q: searchText(60),
    templateId: id.optional(),
    status: z.enum(NOTICE_STATUSES).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(20),
  }),

  /**
   * A new draft from a template, its `{{variables}}` filled from `values`; the station name and
   * today's date fill themselves. A variable left without a value stays and is flagged.
   */
  noticeCreate: z.object({
    templateId: id,
    values: z.record(z.string().max(40), z.string().max(500)).default({}),
  }),
  noticeUpdate: z.object({
    id,
    data: z.object(noticeFields),
    /** The notice's `updatedAt` when the editor was opened: a save over a newer one is refused. */
    expectedUpdatedAt: z.string().max(40).optional(),
  }),

  /**
   * A document to print. `id` names its record: a notice, a meeting (record, sign-in sheet), or a
   * branch (the year book, with `year`).
   */
  printDocument: printRef,
  printToPrinter: z.object({
    document: printRef,
    printer: requiredText(200),
    copies: z
      .number({ error: 'validation.required' })
      .int()
      .min(1, { error: 'validation.copies' })
      .max(99, { error: 'validation.copies' }),
    /** The person saw the ID or mobile numbers found in the text and prints anyway. */
    confirmSensitive: z.boolean().default(false),
  }),
  printSavePdf: z.object({
    document: printRef,
    confirmSensitive: z.boolean().default(false),
  }),
  printLogQuery: z.object({
    q: searchText(60),
    documentType: z.enum(PRINT_DOCUMENT_TYPES).optional(),
    accountId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  }),
}

export type NoticeTemplateInput = z.output<typeof noticeSchemas.templateSave>
export type NoticeQuery = z.output<typeof noticeSchemas.noticeQuery>
export type NoticeInput = z.output<typeof noticeSchemas.noticeUpdate>['data']
export type PrintDocumentRef = z.output<typeof noticeSchemas.printDocument>
export type PrintLogQuery = z.output<typeof noticeSchemas.printLogQuery>

/**
 * Exporting a list to xlsx. The renderer names the list, its current filters and the columns it
 * shows, with their headers and value labels already in the user's language: main knows no
 * texts, and the file matches the screen the user was looking at.
 */
import { z } from 'zod'
import { noticeSchemas } from './notice-schemas'
import { PROGRAMME_TYPES } from './programme-dto'
import { monthText } from './programme-schemas'
import { partySchemas } from './party-schemas'
import { requiredText, schemas } from './schemas'

export const EXPORT_LISTS = ['residents', 'members', 'meetings', 'notices', 'print-log', 'programme-months'] as const
export type ExportList = (typeof EXPORT_LISTS)[number]

/** Most rows one export writes; a bigger list is narrowed with filters first. */
export const EXPORT_MAX_ROWS = 200_000

const label = z.string().trim().min(1).max(40)
const column = z.object({
  key: z.string().trim().min(1).max(40),
  header: label,
  /** Labels for coded values (`M` → 男, `true` → 是), applied to each cell and to list items. */
  values: z.record(z.string().max(40), z.string().max(40)).optional(),
})

const common = {
  columns: z.array(column).min(1, { error: 'validation.exports.noColumns' }).max(40),
  /** Lines above the header: the list's name, the filters, when and by whom. */
  titleLines: z.array(z.string().trim().max(200)).min(1).max(4),
  /** File name without extension; a date is added. */
  fileName: requiredText(60),
  /** Full ID and mobile numbers: needs `residents.unmask`, and is audited as such. */
  full: z.boolean().default(false),
}

const withoutPaging = { page: true, pageSize: true } as const

export const exportSchemas = {
  exportList: z.discriminatedUnion('list', [
    z.object({ list: z.literal('residents'), query: schemas.residentQuery.omit(withoutPaging), ...common }),
    z.object({ list: z.literal('members'), query: partySchemas.memberQuery.omit(withoutPaging), ...common }),
    z.object({ list: z.literal('meetings'), query: partySchemas.meetingQuery.omit(withoutPaging), ...common }),
    z.object({ list: z.literal('notices'), query: noticeSchemas.noticeQuery.omit(withoutPaging), ...common }),
    z.object({ list: z.literal('print-log'), query: noticeSchemas.printLogQuery.omit(withoutPaging), ...common }),
    // Each programme's figures for one month (issue 5's report).
    z.object({
      list: z.literal('programme-months'),
      query: z.object({
        month: monthText,
        type: z.enum(PROGRAMME_TYPES).optional(),
      }),
      ...common,
    }),
  ]),
}

export type ExportRequest = z.output<typeof exportSchemas.exportList>
export type ExportColumn = z.output<typeof column>

export interface ExportFileDto {
  fileName: string
  mime: string
  dataBase64: string
  rows: number
  /** Whether full numbers went into the file. */
  full: boolean
}

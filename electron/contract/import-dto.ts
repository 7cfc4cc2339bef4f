/**
 * What the roster import sends to the renderer. Reasons travel as i18n keys with params
 * (`imports.issue.*`), so main stays free of texts and the report is written in the user's language.
 */

/** The resident fields a roster column can fill. */
export const IMPORT_FIELDS = [
  'name',
  'idNumber',
  'mobile',
  'landline',
  'address',
  'grid',
  'relationToHead',
  'tags',
  'gender',
  'ethnicity',
  'hukouAddress',
  'notes',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** Field → column index (0-based) in the sheet, or null when no column fills it. */
export type ImportMapping = Record<ImportField, number | null>

export const IMPORT_OUTCOMES = ['ok', 'warning', 'refused', 'duplicate'] as const
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number]

/**
 * One thing said about a row. `kind`: `cleaned` (a value was tidied), `warning` (imported, but
 * look at it), `refused` (not imported), `duplicate`. `key` is below `imports.issue.`.
 */
export interface ImportIssue {
  kind: 'cleaned' | 'warning' | 'refused' | 'duplicate'
  key: string
  field?: ImportField
  params?: Record<string, string | number>
}

export interface ImportColumnDto {
  index: number
  header: string
  /** The first few non-empty values under the header, as text. */
  samples: string[]
}

export interface ImportSheetDto {
  importId: string
  fileName: string
  sheetName: string
  /** 1-based row number of the header in the sheet. */
  headerRow: number
  columns: ImportColumnDto[]
  /** Rows under the header, blank ones included. */
  dataRows: number
  guessed: ImportMapping
  /** The mapping used last time, when its headers are all present in this file. */
  remembered: ImportMapping | null
  /** For csv: the text encoding found (`utf-8` or `gbk`). */
  encoding: 'utf-8' | 'gbk' | null
}

export interface ImportCounts {
  ok: number
  warning: number
  refused: number
  duplicate: number
  /** Of the duplicates: with another row of this file (never written). */
  duplicateInFile: number
  /** Of the duplicates: with a resident already in the database (skip or update). */
  duplicateExisting: number
  blank: number
  /** Non-blank rows. */
  total: number
}

export interface ImportCheckDto {
  importId: string
  counts: ImportCounts
}

export interface ImportRowDto {
  /** 1-based row number in the sheet, as Excel shows it. */
  row: number
  outcome: ImportOutcome
  name: string
  /** Masked, as every number on screen. */
  idNumber: string | null
  issues: ImportIssue[]
}

export interface ImportRowPage {
  items: ImportRowDto[]
  total: number
  page: number
  pageSize: number
}

export type ImportPhase = 'idle' | 'writing' | 'done' | 'cancelled' | 'failed'

export interface ImportProgressDto {
  phase: ImportPhase
  /** Rows written so far (inside the open transaction: nothing is kept until `done`). */
  done: number
  total: number
}

export type ImportRunStatus = 'done' | 'cancelled' | 'notAllValid' | 'failed'

export interface ImportResultDto {
  status: ImportRunStatus
  created: number
  updated: number
  skipped: number
  refused: number
  /** For `failed`: an i18n key below `errors.imports.`. */
  error?: string
}

export interface ImportFileDto {
  fileName: string
  mime: string
  dataBase64: string
}

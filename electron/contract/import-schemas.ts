/** Input schemas of the roster import channels. */
import { z } from 'zod'
import { IMPORT_FIELDS, IMPORT_OUTCOMES, type ImportField } from './import-dto'
import { requiredText, schemas } from './schemas'

/** About 60 MB of file: a roster of several hundred thousand rows. */
const MAX_BASE64 = 80_000_000

const importId = z.string().regex(/^[a-z0-9-]{8,40}$/, { error: 'validation.imports.unknownImport' })
const columnIndex = z.number().int().min(0).max(200).nullable()

const mapping = z
  .object(
    Object.fromEntries(IMPORT_FIELDS.map((f) => [f, columnIndex.default(null)])) as Record<
      ImportField,
      z.ZodDefault<typeof columnIndex>
    >,
  )
  .refine((m) => m.name !== null, { error: 'validation.imports.nameColumn', path: ['name'] })
  .refine(
    (m) => {
      const used = Object.values(m).filter((v): v is number => v !== null)
      return new Set(used).size === used.length
    },
    { error: 'validation.imports.columnTwice' },
  )

const label = z.string().max(200)

export const importSchemas = {
  open: z.object({
    fileName: requiredText(200),
    dataBase64: z
      .string()
      .min(1, { error: 'validation.imports.emptyFile' })
      .max(MAX_BASE64, { error: 'validation.imports.fileTooLarge' }),
  }),
  check: z.object({ importId, mapping }),
  rows: z.object({
    importId,
    outcome: z.enum(IMPORT_OUTCOMES).optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
  }),
  run: z.object({
    importId,
    /** `valid`: write the rows that passed; `all`: write nothing unless every row passed. */
    mode: z.enum(['valid', 'all']),
    /** A row whose ID number is already on file: leave that file alone, or update it. */
    duplicates: z.enum(['skip', 'update']),
  }),
  byId: z.object({ importId }),
  /** The report's texts in the user's language: main knows no texts. */
  report: z.object({
    importId,
    fileName: requiredText(80),
    headers: z.object({ row: label, outcome: label, reason: label }),
    outcomes: z.object(Object.fromEntries(IMPORT_OUTCOMES.map((o) => [o, label])) as Record<string, typeof label>),
    /** Field → its name, for the `{field}` placeholder. */
    fields: z.record(z.string().max(40), label).default({}),
    /** Issue key → message with `{param}` placeholders. */
    issues: z.record(z.string().max(40), z.string().max(300)),
  }),
  none: schemas.none,
}

export type ImportMappingInput = z.output<typeof mapping>
export type ImportRunInput = z.output<typeof importSchemas.run>
export type ImportReportInput = z.output<typeof importSchemas.report>

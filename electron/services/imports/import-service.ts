/**
 * Excel/CSV import of resident rosters (issue 4): open a file, map its columns, check every row,
 * then write the chosen rows in one transaction. An import lives in memory between those steps
 * (keyed by `importId`), and so do its progress and cancel flag, which must be readable while
 * the import's transaction holds the database's one connection.
 */
import { randomUUID } from 'node:crypto'
import { QueryTypes } from 'sequelize'
import { AppError } from '../../contract/errors'
import type {
  ImportCheckDto,
  ImportCounts,
  ImportFileDto,
  ImportMapping,
  ImportOutcome,
  ImportPhase,
  ImportProgressDto,
  ImportResultDto,
  ImportRowPage,
  ImportSheetDto,
} from '../../contract/import-dto'
import type { ImportReportInput, ImportRunInput } from '../../contract/import-schemas'
import { maskIdNumber } from '../../contract/rules/masking'
import type { CallContext } from '../context'
import type { ModuleDeps } from '../module-deps'
import { applyRemembered, findHeaderRow, guessMapping, rememberMapping, type RememberedMapping } from './column-mapping'
import { readRosterFile, RosterFileError, type RawCell } from './roster-file'
import { checkRow, isBlankRow, markDuplicates, cellText, type CheckContext, type CheckedRow } from './row-check'
import { reportWorkbook, templateWorkbook } from './roster-sheets'
import { createRosterWriter, ImportCancelled, type WriteHooks, type WriteRow, type WriteState } from './roster-writer'

const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const MAPPING_SETTING = 'imports.lastMapping'
/** Imports kept in memory at once: each holds a whole roster. */
const KEEP = 3

interface ImportSession {
  id: string
  /** Who opened it: another account at the same PC does not see this roster's rows. */
  accountId: number | null
  fileName: string
  sheetName: string
  headerIndex: number
  headers: string[]
  rows: Array<Array<RawCell | null>>
  checked: CheckedRow[] | null
  blank: number
  phase: ImportPhase
  state: WriteState
}

export function createImportService(deps: ModuleDeps) {
  const { sequelize, models } = deps
  const sessions = new Map<string, ImportSession>()
  const writer = createRosterWriter(deps)

  function session(ctx: CallContext, importId: string): ImportSession {
    const s = sessions.get(importId)
    if (!s || s.accountId !== (ctx.actor?.accountId ?? null))
      throw new AppError('NOT_FOUND', 'errors.imports.unknownImport')
    return s
  }

  async function loadRemembered(): Promise<RememberedMapping | null> {
    const row = await models.Setting.findByPk(MAPPING_SETTING)
    if (!row) return null
    try {
      return JSON.parse(row.value) as RememberedMapping
    } catch {
      return null
    }
  }

  async function checkContext(): Promise<CheckContext> {
    const grids = await models.Place.findAll({ where: { kind: 'grid', archivedAt: null }, raw: true })
    const tags = await models.Tag.findAll({ where: { archivedAt: null }, raw: true })
    const existing = (await sequelize.query('SELECT id, name, id_number FROM residents WHERE id_number IS NOT NULL', {
      type: QueryTypes.SELECT,
    })) as Array<{ id: number; name: string; id_number: string }>
    return {
      grids: new Map(grids.map((g) => [g.name.replace(/[\s\u3000]/g, ''), g.id])),
      tags: new Map(tags.map((t) => [t.name, t.id])),
      existing: new Map(existing.map((r) => [r.id_number, { id: r.id, name: r.name }])),
      today: deps.now(),
    }
  }

  function counts(s: ImportSession): ImportCounts {
    const c: ImportCounts = {
      ok: 0,
      warning: 0,
      refused: 0,
      duplicate: 0,
      duplicateInFile: 0,
      duplicateExisting: 0,
      blank: s.blank,
      total: 0,
    }
    for (const r of s.checked ?? []) {
      c[r.outcome]++
      c.total++
      if (r.outcome === 'duplicate') {
        if (r.firstRow !== null) c.duplicateInFile++
        else c.duplicateExisting++
      }
    }
    return c
  }

  const service = {
    /** Reads the file and finds its header; the rows stay in memory until checked and written. */
    async open(ctx: CallContext, input: { fileName: string; dataBase64: string }): Promise<ImportSheetDto> {
      let grid
      try {
        grid = await readRosterFile(Buffer.from(input.dataBase64, 'base64'))
      } catch (error) {
        if (error instanceof RosterFileError) {
          const key = {
            empty: 'errors.imports.empty',
            oldXls: 'errors.imports.oldXls',
            unreadable: 'errors.imports.unreadable',
          } as const
          throw new AppError('VALIDATION', key[error.reason])
        }
        throw error
      }
      const headerIndex = findHeaderRow(grid.rows)
      if (headerIndex < 0) throw new AppError('VALIDATION', 'errors.imports.noHeader')
      const headerCells = grid.rows[headerIndex] ?? []
      const width = Math.max(headerCells.length, ...grid.rows.slice(headerIndex, headerIndex + 50).map((r) => r.length))
      const headers = Array.from({ length: width }, (_, i) => cellText(headerCells[i]))
      const dataRows = grid.rows.slice(headerIndex + 1)
      const id = randomUUID()
      sessions.set(id, {
        id,
        accountId: ctx.actor?.accountId ?? null,
        fileName: input.fileName,
        sheetName: grid.sheetName,
        headerIndex,
        headers,
        rows: dataRows,
        checked: null,
        blank: 0,
        phase: 'idle',
        state: { done: 0, total: 0, cancelRequested: false },
      })
      // The oldest import is dropped when a fourth is opened (unless it is writing).
      for (const old of sessions.values()) {
        if (sessions.size <= KEEP) break
        if (old.phase !== 'writing') sessions.delete(old.id)
      }
      const remembered = await loadRemembered()
      return {
        importId: id,
        fileName: input.fileName,
        sheetName: grid.sheetName,
        headerRow: headerIndex + 1,
        columns: headers.map((header, index) => ({
          index,
          header,
          samples: dataRows
            .map((r) => cellText(r[index]))
            .filter(Boolean)
            .slice(0, 3),
        })),
        dataRows: dataRows.length,
        guessed: guessMapping(headers),
        remembered: remembered ? applyRemembered(remembered, headers) : null,
        encoding: grid.encoding,
      }
    },

    /** Checks every row against `mapping`; remembers the mapping by header text for the next file. */
    async check(ctx: CallContext, input: { importId: string; mapping: ImportMapping }): Promise<ImportCheckDto> {
      const s = session(ctx, input.importId)
      if (s.phase === 'writing') throw new AppError('CONFLICT', 'errors.imports.busy')
      const known = await checkContext()
      const checked: CheckedRow[] = []
      let blank = 0
      s.rows.forEach((cells, i) => {
        if (isBlankRow(cells)) {
          blank++
          return
        }
        checked.push(checkRow(cells, s.headerIndex + 2 + i, input.mapping, known, s.headers.length))
      })
      markDuplicates(checked, known.existing)
      s.checked = checked
      s.blank = blank
      s.phase = 'idle'
      await models.Setting.upsert({
        key: MAPPING_SETTING,
        value: JSON.stringify(rememberMapping(input.mapping, s.headers)),
      })
      return { importId: s.id, counts: counts(s) }
    },

    rows(
      ctx: CallContext,
      input: { importId: string; outcome?: ImportOutcome; page: number; pageSize: number },
    ): ImportRowPage {
      const s = session(ctx, input.importId)
      const all = (s.checked ?? []).filter((r) => !input.outcome || r.outcome === input.outcome)
      const start = (input.page - 1) * input.pageSize
      return {
        items: all.slice(start, start + input.pageSize).map((r) => ({
          row: r.row,
          outcome: r.outcome,
          name: r.values.name || r.raw[0] || '',
          idNumber: maskIdNumber(r.values.idNumber),
          issues: r.issues,
        })),
        total: all.length,
        page: input.page,
        pageSize: input.pageSize,
      }
    },

    /**
     * Writes the rows: `valid` writes those that passed, `all` nothing unless every row passed.
     * Duplicates of files on record are skipped or update those files. `hooks` are for tests.
     */
    async run(ctx: CallContext, input: ImportRunInput, hooks: WriteHooks = {}): Promise<ImportResultDto> {
      const s = session(ctx, input.importId)
      if (!s.checked) throw new AppError('VALIDATION', 'errors.imports.notChecked')
      if (s.phase === 'writing') throw new AppError('CONFLICT', 'errors.imports.busy')
      // Its rows are on record now: a second run would find them all duplicates, or double them.
      if (s.phase === 'done') throw new AppError('CONFLICT', 'errors.imports.alreadyDone')
      const c = counts(s)
      const invalid = c.refused + c.duplicateInFile
      if (input.mode === 'all' && invalid > 0) {
        return { status: 'notAllValid', created: 0, updated: 0, skipped: c.total, refused: c.refused }
      }
      const toWrite: WriteRow[] = []
      for (const r of s.checked) {
        if (r.outcome === 'ok' || r.outcome === 'warning')
          toWrite.push({ row: r.row, values: r.values, existingId: null })
        else if (r.outcome === 'duplicate' && r.existingId !== null && input.duplicates === 'update')
          toWrite.push({ row: r.row, values: r.values, existingId: r.existingId })
      }
      s.phase = 'writing'
      s.state = { done: 0, total: toWrite.length, cancelRequested: false }
      const summary = {
        fileName: s.fileName,
        mode: input.mode,
        duplicates: input.duplicates,
        rows: c.total,
        refused: c.refused,
        skipped: c.total - toWrite.length,
      }
      try {
        const written = await writer.write(ctx, toWrite, summary, s.state, hooks)
        s.phase = 'done'
        return { status: 'done', ...written, skipped: summary.skipped, refused: c.refused }
      } catch (error) {
        if (error instanceof ImportCancelled) {
          s.phase = 'cancelled'
          return { status: 'cancelled', created: 0, updated: 0, skipped: c.total, refused: c.refused }
        }
        s.phase = 'failed'
        throw error
      }
    },

    /** From memory only: the import's transaction holds the connection. */
    progress(ctx: CallContext, importId: string): ImportProgressDto {
      const s = session(ctx, importId)
      return { phase: s.phase, done: s.state.done, total: s.state.total }
    },

    cancel(ctx: CallContext, importId: string): { cancelled: boolean } {
      const s = session(ctx, importId)
      if (s.phase !== 'writing') return { cancelled: false }
      s.state.cancelRequested = true
      return { cancelled: true }
    },

    async report(ctx: CallContext, input: ImportReportInput): Promise<ImportFileDto> {
      const s = session(ctx, input.importId)
      if (!s.checked) throw new AppError('VALIDATION', 'errors.imports.notChecked')
      const bytes = await reportWorkbook(s.checked, s.headers, input)
      return { fileName: `${input.fileName}.xlsx`, mime: XLSX_MIME_TYPE, dataBase64: bytes.toString('base64') }
    },

    async template(fileName = '居民名册模板'): Promise<ImportFileDto> {
      const bytes = await templateWorkbook()
      return { fileName: `${fileName}.xlsx`, mime: XLSX_MIME_TYPE, dataBase64: bytes.toString('base64') }
    },
  }
  return service
}

export type ImportService = ReturnType<typeof createImportService>

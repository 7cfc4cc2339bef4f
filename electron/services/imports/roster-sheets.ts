/**
 * The two workbooks the import hands out: the empty template and the per-row report. The report
 * goes through the shared `writeWorkbook`; the template is written here because its ID and
 * phone columns must be formatted as text before anyone types in them, or Excel turns an
 * 18-digit ID into 1.10105E+17 and loses its last digits.
 */
import ExcelJS from 'exceljs'
import type { ImportField, ImportOutcome } from '../../contract/import-dto'
import type { ImportReportInput } from '../../contract/import-schemas'
import { writeWorkbook } from '../exports/xlsx-workbook'
import { HEADER_ALIASES } from './column-mapping'
import type { CheckedRow } from './row-check'

const TEMPLATE_ORDER: ImportField[] = [
  'name',
  'gender',
  'idNumber',
  'mobile',
  'landline',
  'ethnicity',
  'grid',
  'address',
  'relationToHead',
  'hukouAddress',
  'tags',
  'notes',
]
const TEXT_COLUMNS = new Set<ImportField>(['idNumber', 'mobile', 'landline'])

export async function templateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('居民名册', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = TEMPLATE_ORDER.map((field) => ({
    header: HEADER_ALIASES[field][0],
    key: field,
    width: field === 'idNumber' ? 22 : field === 'address' || field === 'hukouAddress' || field === 'notes' ? 30 : 12,
    style: TEXT_COLUMNS.has(field) ? { numFmt: '@' } : {},
  }))
  sheet.getRow(1).font = { bold: true }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** `{name}` placeholders filled from the issue's params. */
function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole))
}

export async function reportWorkbook(
  rows: readonly CheckedRow[],
  headers: readonly string[],
  labels: ImportReportInput,
): Promise<Buffer> {
  type Key = 'row' | 'outcome' | 'reason' | `c${number}`
  const columns: Array<{ key: Key; header: string }> = [{ key: 'row', header: labels.headers.row }]
  headers.forEach((header, i) => columns.push({ key: `c${i}`, header: header || `#${i + 1}` }))
  columns.push({ key: 'outcome', header: labels.headers.outcome }, { key: 'reason', header: labels.headers.reason })
  const reason = (r: CheckedRow) =>
    r.issues
      .map((issue) => {
        const template = labels.issues[issue.key] ?? issue.key
        const field = issue.field ? (labels.fields[issue.field] ?? issue.field) : ''
        return fill(template, { field, ...(issue.params ?? {}) })
      })
      .join('；')
  const outcome = (o: ImportOutcome) => labels.outcomes[o] ?? o
  return writeWorkbook<Key>({
    sheetName: labels.fileName,
    columns,
    rows: rows.map((r) => {
      const record: Partial<Record<Key, string | number>> = {
        row: r.row,
        outcome: outcome(r.outcome),
        reason: reason(r),
      }
      r.raw.forEach((value, i) => (record[`c${i}`] = value))
      return record
    }),
  })
}

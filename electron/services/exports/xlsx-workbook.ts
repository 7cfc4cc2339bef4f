/**
 * One sheet of rows as an .xlsx file: the one way the app writes Excel (list exports, the import
 * template and report, the audit log). Header row bold, frozen and filtered, so a printed or
 * scrolled sheet keeps its column names; every cell is text unless it is a number or a Date.
 */
import ExcelJS from 'exceljs'

export interface WorkbookColumn<K extends string = string> {
  key: K
  header: string
  /** In characters; a CJK character counts about two. Default: fitted to header and content. */
  width?: number
}

export type CellValue = string | number | boolean | Date | null | undefined

export interface WorkbookSpec<K extends string = string> {
  sheetName: string
  columns: readonly WorkbookColumn<K>[]
  rows: Iterable<Partial<Record<K, CellValue>>>
  /** Lines above the header (a title, "导出时间：…"); each is one merged row. */
  titleLines?: readonly string[]
}

/** Display width of a text in Excel's character units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1
  return width
}

// Excel refuses sheet names with these characters or over 31 characters.
function safeSheetName(name: string): string {
  const cleaned = name.replace(/[\\/?*[\]:]/g, ' ').trim()
  return (cleaned || 'Sheet1').slice(0, 31)
}

export async function writeWorkbook<K extends string>(spec: WorkbookSpec<K>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'community-station'
  workbook.created = new Date()
  const sheet = workbook.addWorksheet(safeSheetName(spec.sheetName))
  const titles = spec.titleLines ?? []
  const widths = spec.columns.map((c) => displayWidth(c.header))

  for (const line of titles) {
    const row = sheet.addRow([line])
    if (spec.columns.length > 1) sheet.mergeCells(row.number, 1, row.number, spec.columns.length)
    row.font = { bold: row.number === 1, size: row.number === 1 ? 14 : 11 }
  }
  const header = sheet.addRow(spec.columns.map((c) => c.header))
  header.font = { bold: true }
  header.alignment = { vertical: 'middle' }
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } }
    cell.border = { bottom: { style: 'thin' } }
  })

  for (const record of spec.rows) {
    const values = spec.columns.map((c, i) => {
      const value = record[c.key]
      if (value === null || value === undefined) return null
      const width = value instanceof Date ? 19 : displayWidth(String(value))
      if (width > widths[i]!) widths[i] = width
      return value
    })
    // A string stays a string cell (never a formula), so a note typed as "=1+1" is harmless.
    sheet.addRow(values)
  }

  spec.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width ?? Math.min(60, Math.max(6, widths[i]! + 2))
  })
  sheet.views = [{ state: 'frozen', ySplit: header.number }]
  if (spec.columns.length > 0) {
    sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: spec.columns.length } }
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return Buffer.from(buffer as ArrayBuffer)
}

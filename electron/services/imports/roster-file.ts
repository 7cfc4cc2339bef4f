/**
 * Reading a roster file into a grid of cells: xlsx through exceljs (merged cells read as their
 * top-left value, formulas as their result), csv by hand in UTF-8 or GBK. Cells keep whether
 * Excel held them as numbers, because an 18-digit ID stored as a number has already lost its
 * last digits and must be refused as such, not "corrected".
 */
import ExcelJS from 'exceljs'

export interface RawCell {
  text: string
  /** Excel held a number (not text): long digit strings in it are no longer exact. */
  numeric: boolean
}

export interface RosterGrid {
  sheetName: string
  /** Rows as in the sheet (index 0 is sheet row 1); missing cells are null. */
  rows: Array<Array<RawCell | null>>
  encoding: 'utf-8' | 'gbk' | null
}

export class RosterFileError extends Error {
  constructor(readonly reason: 'unreadable' | 'empty' | 'oldXls') {
    super(reason)
  }
}

/** `.xlsx` by its zip signature, otherwise csv (Excel's "CSV" save, or a text export). */
export async function readRosterFile(bytes: Buffer): Promise<RosterGrid> {
  if (bytes.length === 0) throw new RosterFileError('empty')
  // Excel 97-2003 (.xls) is an OLE compound file: exceljs cannot read it, and it is no csv either.
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw new RosterFileError('oldXls')
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  const grid = isZip ? await readXlsx(bytes) : readCsv(bytes)
  if (!grid.rows.some((r) => r.some((c) => c && c.text))) throw new RosterFileError('empty')
  return grid
}

function numberText(n: number): string {
  // Integers print without exponent as far as they go, like Excel's "0" format.
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n)
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function cellOf(value: ExcelJS.CellValue): RawCell | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return { text: numberText(value), numeric: true }
  if (typeof value === 'string') return { text: value, numeric: false }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', numeric: false }
  if (value instanceof Date) {
    return {
      text: `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`,
      numeric: false,
    }
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), numeric: false }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result
    return result === undefined ? null : cellOf(result as ExcelJS.CellValue)
  }
  if ('text' in value && typeof value.text === 'string') return { text: value.text, numeric: false }
  if ('error' in value) return null
  return null
}

async function readXlsx(bytes: Buffer): Promise<RosterGrid> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new RosterFileError('unreadable')
  }
  // The first sheet that holds rows: a workbook may keep an empty default sheet in front.
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0) ?? workbook.worksheets[0]
  if (!sheet) throw new RosterFileError('empty')
  const rows: Array<Array<RawCell | null>> = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Array<RawCell | null> = []
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged cell reads as its master's value, so a grid merged down ten rows fills all ten.
      cells[col - 1] = cellOf(cell.value)
    })
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null
    rows[rowNumber - 1] = cells
  })
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = []
  return { sheetName: sheet.name, rows, encoding: null }
}

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), else GBK (GB18030), Excel's CSV on a Chinese Windows. */
export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gbk' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gbk' }
  }
}

/** RFC 4180 csv: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

function readCsv(bytes: Buffer): RosterGrid {
  const { text, encoding } = decodeText(bytes)
  // A csv holds text only; an ID Excel turned into `1.10105E+17` before saving is caught by its shape.
  const rows = parseCsv(text).map((r) => r.map((v) => (v === '' ? null : { text: v, numeric: false })))
  return { sheetName: 'csv', rows, encoding }
}

/**
 * Roster workbooks as community workers make them, for the import tests: title rows merged
 * across the sheet ("XX社区居民花名册"), a "填报单位" line, a header with the local wording, cells
 * merged down a household (网格, 住址), and values typed every which way.
 */
import ExcelJS from 'exceljs'
import { idCheckChar } from '../../electron/contract/rules/id-number'

export type RosterValue = string | number | null

export interface RosterSpec {
  titles?: string[]
  headers: string[]
  rows: RosterValue[][]
  /** Vertical merges in the data: column (0-based), first and last data row (0-based, inclusive). */
  mergeDown?: Array<{ column: number; from: number; to: number }>
  /** An empty first sheet in front, as a workbook saved from a blank default sometimes has. */
  emptySheetFirst?: boolean
}

/** A valid 18-digit ID for a birth date `YYYYMMDD` and a sequence (odd: male). */
export function validId(birth: string, seq = '123', region = '510703'): string {
  const first17 = region + birth + seq
  return first17 + idCheckChar(first17)
}

export async function rosterXlsx(spec: RosterSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  if (spec.emptySheetFirst) workbook.addWorksheet('Sheet1')
  const sheet = workbook.addWorksheet('花名册')
  const width = spec.headers.length
  for (const title of spec.titles ?? []) {
    const row = sheet.addRow([title])
    sheet.mergeCells(row.number, 1, row.number, width)
  }
  sheet.addRow(spec.headers)
  const firstData = sheet.rowCount + 1
  for (const values of spec.rows) {
    const row = sheet.addRow([])
    values.forEach((v, i) => {
      if (v !== null) row.getCell(i + 1).value = v
    })
  }
  for (const m of spec.mergeDown ?? []) {
    sheet.mergeCells(firstData + m.from, m.column + 1, firstData + m.to, m.column + 1)
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export function rosterCsv(headers: string[], rows: RosterValue[][]): Buffer {
  const quote = (v: RosterValue) => {
    const s = v === null ? '' : String(v)
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const text = [headers, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n'
  return Buffer.from('\uFEFF' + text, 'utf8')
}

export const base64 = (b: Buffer) => b.toString('base64')

/**
 * The usual roster of 幸福社区 with every case the import must handle, one per row, and the
 * outcome each row must get. Grids 一网格 and 二网格 must exist (see `buildCommunity`).
 */
export function realisticRoster(existingId?: string) {
  const zhang = validId('19450301', '131')
  const li = validId('19480712', '242')
  const wang = validId('19800101', '001', '340524')
  const titles = ['幸福社区居民花名册', '填报单位：幸福社区居委会（盖章）          填报日期：2026年11月']
  const headers = [
    '序号',
    '姓 名',
    '性别',
    '公民身份号码',
    '联系电话',
    '网格',
    '现居住地址',
    '与户主关系',
    '人员类别',
    '备注',
  ]
  // prettier-ignore
  const rows: Array<{ values: RosterValue[]; outcome: string; key?: string }> = [
    { values: [1, '张国华', '男', zhang, '138 1234 5678', '一网格', '幸福小区3栋2单元501', '户主', '独居老人', null], outcome: 'ok' },
    { values: [2, '李秀英', '女', li, '+86 13912345678', null, null, '配偶', '空巢老人、低保', null], outcome: 'ok' },
    { values: [3, '王 伟', '男', wang.slice(0, 17) + 'x', '１３７００００１１１１', '二网格', '和平街8号', '户主', null, '新迁入'], outcome: 'ok' },
    { values: [null, null, null, null, null, null, null, null, null, null], outcome: 'blank' },
    { values: [4, '赵明', '男', '340524198001010013', '13800001111', '一网格', '幸福小区1栋101', '户主', null, null], outcome: 'refused', key: 'idChecksum' },
    { values: [5, '钱芳', '女', validId('19800230', '002'), '13800002222', '一网格', '幸福小区1栋102', '户主', null, null], outcome: 'refused', key: 'idBirthDate' },
    { values: [6, '孙强', '男', 110105194912310000, '13800003333', '一网格', '幸福小区1栋103', '户主', null, null], outcome: 'refused', key: 'idStoredAsNumber' },
    { values: [7, '周敏', '女', validId('19900505', '224'), '1380000444', '一网格', '幸福小区1栋104', '户主', null, null], outcome: 'refused', key: 'invalidMobile' },
    { values: [8, '吴刚', '男', validId('19700808', '115'), '13800005555', '五网格', '幸福小区1栋105', '户主', null, null], outcome: 'refused', key: 'unknownGrid' },
    { values: [9, '郑老汉', '男', '510703400101123', '0816-2345678', '一网格', '幸福小区1栋106', '户主', null, '老证'], outcome: 'warning', key: 'legacyId' },
    { values: [10, '张国华', '男', zhang, '13812345678', '一网格', '幸福小区3栋2单元501', '户主', null, '重复登记'], outcome: 'duplicate', key: 'duplicateInFile' },
  ]
  if (existingId) {
    rows.push({
      values: [11, '陈已有', '女', existingId, '13800006666', '二网格', '和平街8号', '配偶', null, null],
      outcome: 'duplicate',
      key: 'duplicateExisting',
    })
  }
  // 张国华 and 李秀英 share a household: 网格 and 住址 merged down their two rows, as rosters do.
  const mergeDown = [
    { column: 5, from: 0, to: 1 },
    { column: 6, from: 0, to: 1 },
  ]
  return { titles, headers, rows, mergeDown, ids: { zhang, li, wang } }
}

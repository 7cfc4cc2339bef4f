import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { displayWidth, writeWorkbook } from '../../../electron/services/exports/xlsx-workbook'

async function read(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  return workbook.worksheets[0]!
}

describe('writeWorkbook', () => {
  it('writes title lines, a frozen header and the rows in column order', async () => {
    const buffer = await writeWorkbook({
      sheetName: '居民/名单',
      titleLines: ['幸福社区居民名单', '导出时间：2026-11-24'],
      columns: [
        { key: 'name', header: '姓名' },
        { key: 'age', header: '年龄' },
        { key: 'note', header: '备注' },
      ],
      rows: [
        { name: '张三', age: 70, note: '=1+1' },
        { name: '李四', note: null },
      ],
    })
    const sheet = await read(buffer)
    expect(sheet.name).toBe('居民 名单')
    expect(sheet.getCell('A1').value).toBe('幸福社区居民名单')
    expect(sheet.getRow(3).values).toEqual([undefined, '姓名', '年龄', '备注'])
    expect(sheet.getCell('A4').value).toBe('张三')
    expect(sheet.getCell('B4').value).toBe(70)
    // A note that looks like a formula stays text.
    expect(sheet.getCell('C4').value).toBe('=1+1')
    expect(sheet.getCell('C4').formula).toBeUndefined()
    expect(sheet.getCell('B5').value).toBeNull()
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    expect(sheet.getRow(3).font?.bold).toBe(true)
  })

  it('counts CJK characters as two for column widths', () => {
    expect(displayWidth('张三')).toBe(4)
    expect(displayWidth('ab1')).toBe(3)
    expect(displayWidth('１２')).toBe(4)
  })
})

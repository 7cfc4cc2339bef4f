/** One roster row at a time: what is cleaned, what is refused and why. */
import { describe, expect, it } from 'vitest'
import { emptyMapping } from '../../../electron/services/imports/column-mapping'
import { checkRow, isBlankRow, markDuplicates, type CheckContext } from '../../../electron/services/imports/row-check'
import { decodeText, parseCsv, type RawCell } from '../../../electron/services/imports/roster-file'
import { validId } from '../../helpers/rosters'

const mapping = { ...emptyMapping(), name: 0, idNumber: 1, mobile: 2, grid: 3, tags: 4, landline: 5 }
const ctx: CheckContext = {
  grids: new Map([['一网格', 7]]),
  tags: new Map([
    ['独居', 1],
    ['低保', 2],
  ]),
  existing: new Map(),
  today: new Date('2026-11-24T02:00:00Z'),
}
const cells = (...values: Array<string | number | null>): Array<RawCell | null> =>
  values.map((v) => (v === null ? null : { text: String(v), numeric: typeof v === 'number' }))
const check = (...values: Array<string | number | null>) => checkRow(cells(...values), 5, mapping, ctx, 6)
const keys = (r: ReturnType<typeof check>) => r.issues.map((i) => i.key)

describe('checkRow', () => {
  it('cleans full-width digits, spaces, +86 and a lowercase x, and says so', () => {
    const id = '11010519491231002X'
    const full = [...id.slice(0, 17)].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('') + 'x'
    const r = check('王 伟', full, '+86 138-1234-5678', '一网格', null, null)
    expect(r.outcome).toBe('ok')
    expect(r.values).toMatchObject({ name: '王伟', idNumber: id, mobile: '13812345678', gridId: 7, gender: 'F' })
    expect(keys(r)).toEqual(expect.arrayContaining(['nameSpaces', 'plus86', 'spaces']))
    expect(keys(r)).toEqual(expect.arrayContaining(['fullWidth', 'lowerX']))
  })

  it('refuses an ID that Excel held as a number, with the digits it kept', () => {
    const r = check('孙强', 110105194912310000, null, null, null, null)
    expect(r.outcome).toBe('refused')
    expect(r.issues[0]).toMatchObject({
      kind: 'refused',
      key: 'idStoredAsNumber',
      params: { shown: '110105194912310000' },
    })
    expect(keys(check('孙强', '1.10105E+17', null, null, null, null))).toContain('idStoredAsNumber')
  })

  it('accepts a 15-digit ID Excel held as a number (it is exact) with the legacy warning', () => {
    const r = check('郑老汉', 510703400101123, null, null, null, null)
    expect(r.outcome).toBe('warning')
    expect(keys(r)).toContain('legacyId')
  })

  it('refuses a wrong check digit, an impossible date, a future date and a short mobile', () => {
    expect(keys(check('a', '340524198001010013', null, null, null, null))).toContain('idChecksum')
    expect(keys(check('a', validId('19800230'), null, null, null, null))).toContain('idBirthDate')
    expect(keys(check('a', validId('20301010'), null, null, null, null))).toContain('idFutureBirth')
    expect(keys(check('a', null, '1380000444', null, null, null))).toContain('invalidMobile')
  })

  it('refuses an unknown grid by name, and keeps a landline given as the phone', () => {
    expect(check('a', null, null, '五网格', null, null).issues).toContainEqual(
      expect.objectContaining({ key: 'unknownGrid', params: { grid: '五网格' } }),
    )
    const r = check('a', null, '0816-2345678', null, null, null)
    expect(r.values).toMatchObject({ mobile: null, landline: '0816-2345678' })
    expect(r.outcome).toBe('warning') // no ID number
  })

  it('maps roster words to tags (独居老人 is 独居) and warns about unknown ones', () => {
    const r = check('a', validId('19500101'), null, null, '独居老人、低保，退役军人', null)
    expect(r.values.tagIds).toEqual([1, 2])
    expect(r.issues).toContainEqual(expect.objectContaining({ key: 'unknownTag', params: { tag: '退役军人' } }))
  })
})

describe('duplicates', () => {
  it('marks a later row with the same ID, and one already on file', () => {
    const id = validId('19500101')
    const other = validId('19600101')
    const rows = [
      check('a', id, null, null, null, null),
      check('b', id, null, null, null, null),
      check('c', other, null, null, null, null),
    ]
    rows[1]!.row = 6
    markDuplicates(rows, new Map([[other, { id: 9, name: '陈' }]]))
    expect(rows.map((r) => r.outcome)).toEqual(['ok', 'duplicate', 'duplicate'])
    expect(rows[1]!.firstRow).toBe(5)
    expect(rows[2]!.existingId).toBe(9)
  })

  it('a row of empty cells is blank', () => {
    expect(isBlankRow(cells(null, '  ', null))).toBe(true)
    expect(isBlankRow(cells(null, 'x'))).toBe(false)
  })
})

describe('csv', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('姓名,备注\r\n张三,"住""幸福"",\n3栋"\r\n')).toEqual([
      ['姓名', '备注'],
      ['张三', '住"幸福",\n3栋'],
    ])
  })

  it('tells UTF-8 (BOM or not) from GBK', () => {
    expect(decodeText(Buffer.from('\uFEFF姓名', 'utf8'))).toEqual({ text: '姓名', encoding: 'utf-8' })
    expect(decodeText(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]))).toEqual({ text: '姓名', encoding: 'gbk' })
  })
})

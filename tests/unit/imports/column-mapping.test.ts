/** Header detection and column guessing on the shapes rosters come in. */
import { describe, expect, it } from 'vitest'
import {
  applyRemembered,
  findHeaderRow,
  guessMapping,
  rememberMapping,
} from '../../../electron/services/imports/column-mapping'
import type { RawCell } from '../../../electron/services/imports/roster-file'

const row = (...texts: Array<string | null>): Array<RawCell | null> =>
  texts.map((t) => (t === null ? null : { text: t, numeric: false }))

describe('findHeaderRow', () => {
  it('skips a merged title (the same text in every cell) and a 填报单位 line', () => {
    const title = '和平社区居民花名册'
    const rows = [
      row(title, title, title, title),
      row('填报单位：和平社区', null, '填报日期：2026年11月', null),
      row(null),
      row('序号', '姓名', '身份证号码', '联系电话'),
      row('1', '张三', '510703...', '138'),
    ]
    expect(findHeaderRow(rows)).toBe(3)
  })

  it('finds nothing in a sheet without known headers', () => {
    expect(findHeaderRow([row('a', 'b'), row('1', '2')])).toBe(-1)
  })
})

describe('guessMapping', () => {
  it('knows the usual headers, with marks and notes around them', () => {
    const m = guessMapping([
      '序号',
      '*姓 名',
      '公民身份号码（18位）',
      '手机号码',
      '座机',
      '住址',
      '所属网格',
      '与户主的关系',
      '人员类型',
      '备注',
    ])
    expect(m).toMatchObject({
      name: 1,
      idNumber: 2,
      mobile: 3,
      landline: 4,
      address: 5,
      grid: 6,
      relationToHead: 7,
      tags: 8,
      notes: 9,
      gender: null,
    })
  })

  it('does not take 户主姓名 for the person’s name', () => {
    expect(guessMapping(['户主姓名', '姓名']).name).toBe(1)
  })

  it('gives each field the first exact header, then one containing an alias', () => {
    const m = guessMapping(['本人联系电话', '电话'])
    expect(m.mobile).toBe(1)
  })
})

describe('remembered mappings', () => {
  it('follow the headers when the columns move, and give up when one is missing', () => {
    const headers = ['姓名', '身份证号', '备注']
    const remembered = rememberMapping({ ...guessMapping(headers), notes: null }, headers)
    expect(applyRemembered(remembered, ['备注', '身份证号', '姓名'])).toMatchObject({
      name: 2,
      idNumber: 1,
      notes: null,
    })
    expect(applyRemembered(remembered, ['姓名', '备注'])).toBeNull()
  })
})

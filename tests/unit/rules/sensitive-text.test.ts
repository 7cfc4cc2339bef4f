import { describe, expect, it } from 'vitest'
import { findSensitiveNumbers } from '../../../electron/contract/rules/sensitive-text'
import { idCheckChar } from '../../../electron/contract/rules/id-number'

const ID = (() => {
  const first17 = '51070319800101123'
  return first17 + idCheckChar(first17)
})()

describe('findSensitiveNumbers', () => {
  it('finds a full ID number and names it masked', () => {
    const found = findSensitiveNumbers(`请张三（身份证号${ID}）到社区领取`)
    expect(found).toEqual([{ kind: 'idNumber', value: ID, masked: `${ID.slice(0, 6)}********${ID.slice(-4)}` }])
  })

  it('finds an ID written with spaces, full-width digits or a lowercase x', () => {
    const spaced = `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`
    expect(findSensitiveNumbers(spaced)).toHaveLength(1)
    const fullWidth = ID.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    expect(findSensitiveNumbers(fullWidth)[0]?.value).toBe(ID)
    const lower = '11010519491231002x'
    expect(findSensitiveNumbers(lower)[0]).toMatchObject({ kind: 'idNumber', value: '11010519491231002X' })
  })

  it('still flags an ID-shaped number with a wrong check digit: a reader cannot tell', () => {
    const wrong = ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1')
    expect(findSensitiveNumbers(wrong)[0]?.kind).toBe('idNumber')
  })

  it('finds mobile numbers, also with +86 or separators, and not inside an ID', () => {
    const found = findSensitiveNumbers(`联系人：王阿姨 13812345678；李师傅 +86 139-1234-5678；证件 ${ID}`)
    expect(found.map((f) => [f.kind, f.masked])).toEqual([
      ['idNumber', `${ID.slice(0, 6)}********${ID.slice(-4)}`],
      ['mobile', '138****5678'],
      ['mobile', '139****5678'],
    ])
  })

  it('leaves landlines, dates, amounts and long serial numbers alone', () => {
    const text = '咨询电话 0816-2345678，时间 2026年11月24日 14:30，金额 12345678.90 元，单号 1234567890123456789012'
    expect(findSensitiveNumbers(text)).toEqual([])
  })

  it('names a repeated number once', () => {
    expect(findSensitiveNumbers('13812345678 或 138 1234 5678')).toHaveLength(1)
  })
})

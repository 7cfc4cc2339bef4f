import { describe, expect, it } from 'vitest'
import { checkMobile, isLandline, normaliseLandline, normaliseMobile } from '../../../electron/contract/rules/phone'
import { landlineField, mobileField } from '../../../electron/contract/schemas'

describe('normaliseMobile', () => {
  it.each([
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['\u3000138\u30001234\u30005678', '13812345678'],
  ])('%s → %s', (raw, out) => {
    expect(normaliseMobile(raw)).toBe(out)
    expect(checkMobile(raw)).toEqual({ ok: true, normalised: out })
  })
})

describe('checkMobile', () => {
  it('accepts allocated numbers without a warning', () => {
    for (const n of [
      '13012345678',
      '14512345678',
      '15012345678',
      '16212345678',
      '17012345678',
      '18812345678',
      '19912345678',
    ]) {
      expect(checkMobile(n), n).toEqual({ ok: true, normalised: n })
    }
  })

  it('keeps numbers that pass the lenient form but not the strict allocation, with a warning', () => {
    for (const n of ['14012345678', '15412345678', '16012345678', '17912345678', '19412345678']) {
      expect(checkMobile(n), n).toEqual({ ok: true, normalised: n, warning: 'unallocated' })
    }
  })

  it('refuses what fails the lenient form', () => {
    for (const n of [
      '12345678901',
      '11012345678',
      '1381234567',
      '138123456789',
      '23812345678',
      '1381234567a',
      '',
      '+87 13812345678',
    ]) {
      expect(checkMobile(n), n).toEqual({ ok: false, problem: 'format' })
    }
  })
})

describe('mobileField (the zod schema)', () => {
  it('normalises, blanks are null, bad numbers carry the i18n key', () => {
    expect(mobileField.parse('+86 138-1234-5678')).toBe('13812345678')
    expect(mobileField.parse('14012345678')).toBe('14012345678')
    expect(mobileField.parse(' ')).toBeNull()
    expect(mobileField.safeParse('12345678901').error?.issues[0]?.message).toBe('validation.mobile.format')
  })
})

describe('landlines', () => {
  it.each([
    ['0816-2345678', '0816-2345678'],
    ['08162345678', '08162345678'],
    ['010-12345678', '010-12345678'],
    ['(0816)2345678', '0816-2345678'],
    ['（0816）2345678', '0816-2345678'],
    ['2345678', '2345678'],
    ['12345678', '12345678'],
    ['0816 234 5678', '08162345678'],
    ['0816-2345678-123', '0816-2345678-123'],
    ['０８１６－２３４５６７８', null],
  ])('%s', (raw, tidy) => {
    if (tidy === null) return
    expect(isLandline(raw)).toBe(true)
    expect(normaliseLandline(raw)).toBe(tidy)
  })

  it('refuses what is not a landline', () => {
    for (const raw of ['123456', '123456789', '0816-123456', 'abc1234567', '0816-2345678-1234567', '13812345678']) {
      expect(isLandline(raw), raw).toBe(false)
    }
  })

  it('landlineField: tidies, blanks are null, bad ones carry the i18n key', () => {
    expect(landlineField.parse('(0816)2345678')).toBe('0816-2345678')
    expect(landlineField.parse('')).toBeNull()
    expect(landlineField.safeParse('12-34').error?.issues[0]?.message).toBe('validation.landline.format')
  })
})

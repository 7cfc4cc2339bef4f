import { describe, expect, it } from 'vitest'
import { maskIdNumber, maskMobile } from '../../../electron/contract/rules/masking'

describe('maskIdNumber', () => {
  it('keeps the region code and the last four', () => {
    expect(maskIdNumber('51070319800101123X')).toBe('510703********123X')
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X')
  })

  it('masks the birth date of a legacy 15-digit number too', () => {
    const masked = maskIdNumber('510703800101123')
    expect(masked).toBe('510703*****1123')
    expect(masked).not.toContain('800101')
  })

  it('never returns a short value in clear', () => {
    expect(maskIdNumber('1234567890')).toBe('**********')
    expect(maskIdNumber('')).toBeNull()
    expect(maskIdNumber(null)).toBeNull()
    expect(maskIdNumber(undefined)).toBeNull()
  })
})

describe('maskMobile', () => {
  it('keeps three and four', () => {
    expect(maskMobile('13812341234')).toBe('138****1234')
    expect(maskMobile('13812345678')).toBe('138****5678')
  })

  it('handles blanks and short values', () => {
    expect(maskMobile(null)).toBeNull()
    expect(maskMobile('')).toBeNull()
    expect(maskMobile('123456')).toBe('******')
  })
})

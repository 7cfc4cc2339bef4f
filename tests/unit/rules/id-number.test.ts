import { describe, expect, it } from 'vitest'
import { checkIdNumber, idCheckChar, normaliseIdNumber } from '../../../electron/contract/rules/id-number'
import { idNumberField } from '../../../electron/contract/schemas'

/** A valid 18-digit number for a birth date and sequence, so edge cases need no hand-computed check digit. */
function makeId(birth: string, seq = '123', region = '510703'): string {
  const first17 = region + birth + seq
  return first17 + idCheckChar(first17)
}

const TODAY = new Date('2026-11-24T04:00:00Z')

describe('checkIdNumber: DOMAIN.md vectors', () => {
  it.each(['11010519491231002X', '34052419800101001X', '370101190102039973'])('accepts %s', (id) => {
    const r = checkIdNumber(id, { today: TODAY })
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.info.normalised).toBe(id)
      expect(r.warning).toBeUndefined()
    }
  })

  it('derives birth date, region and gender', () => {
    const a = checkIdNumber('11010519491231002X', { today: TODAY })
    expect(a).toEqual({
      ok: true,
      info: { normalised: '11010519491231002X', birthDate: '1949-12-31', gender: 'F', regionCode: '110105' },
    })
    const b = checkIdNumber('370101190102039973', { today: TODAY })
    expect(b.ok && b.info).toMatchObject({ birthDate: '1901-02-03', gender: 'M' })
    const c = checkIdNumber('34052419800101001X', { today: TODAY })
    expect(c.ok && c.info).toMatchObject({ birthDate: '1980-01-01', gender: 'M' })
  })

  it('refuses a wrong check character', () => {
    expect(checkIdNumber('340524198001010013', { today: TODAY })).toEqual({ ok: false, problem: 'checksum' })
  })

  it('computes the check character of every vector', () => {
    expect(idCheckChar('11010519491231002')).toBe('X')
    expect(idCheckChar('34052419800101001')).toBe('X')
    expect(idCheckChar('37010119010203997')).toBe('3')
  })
})

describe('checkIdNumber: normalisation', () => {
  it('upper-cases a lowercase x', () => {
    const r = checkIdNumber('11010519491231002x', { today: TODAY })
    expect(r.ok && r.info.normalised).toBe('11010519491231002X')
  })

  it('turns full-width digits and a full-width x into ASCII', () => {
    const fullWidth = '１１０１０５１９４９１２３１００２ｘ'
    expect(normaliseIdNumber(fullWidth)).toBe('11010519491231002X')
    const r = checkIdNumber(fullWidth, { today: TODAY })
    expect(r.ok && r.info.normalised).toBe('11010519491231002X')
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X')
  })

  it('drops spaces (ASCII and ideographic), tabs and hyphens', () => {
    for (const raw of [
      ' 110105 19491231 002X ',
      '110105\u300019491231\u3000002X',
      '110105-19491231-002X',
      '110105\t1949 1231 002x',
    ]) {
      const r = checkIdNumber(raw, { today: TODAY })
      expect(r.ok && r.info.normalised, raw).toBe('11010519491231002X')
    }
  })

  it('refuses wrong lengths and stray characters as format problems', () => {
    for (const raw of [
      '',
      '1101051949123100',
      '11010519491231002XX',
      '1101051949123100AX',
      'X10105194912310021',
      '11010519491231002Y',
    ]) {
      expect(checkIdNumber(raw, { today: TODAY }), raw).toEqual({ ok: false, problem: 'format' })
    }
  })
})

describe('checkIdNumber: birth dates', () => {
  it('refuses impossible dates even with a correct check character', () => {
    for (const birth of ['19800230', '19801301', '19800001', '19800100', '19810229', '19800431']) {
      expect(checkIdNumber(makeId(birth), { today: TODAY }), birth).toEqual({ ok: false, problem: 'birthDate' })
    }
  })

  it('accepts a leap day in a leap year, and 1900 is not one', () => {
    expect(checkIdNumber(makeId('20000229'), { today: TODAY }).ok).toBe(true)
    expect(checkIdNumber(makeId('19000229'), { today: TODAY })).toEqual({ ok: false, problem: 'birthDate' })
  })

  it('refuses a year before 1880', () => {
    expect(checkIdNumber(makeId('18791231'), { today: TODAY })).toEqual({ ok: false, problem: 'birthDate' })
  })

  it('refuses a future birth date and accepts today', () => {
    expect(checkIdNumber(makeId('20261125'), { today: TODAY })).toEqual({ ok: false, problem: 'futureBirthDate' })
    expect(checkIdNumber(makeId('20270101'), { today: TODAY })).toEqual({ ok: false, problem: 'futureBirthDate' })
    expect(checkIdNumber(makeId('20261124'), { today: TODAY }).ok).toBe(true)
  })

  it('decides "today" in Asia/Shanghai, whatever the machine time zone', () => {
    // 2026-11-24T16:30Z is 00:30 on the 25th in Shanghai: a baby born on the 25th is not in the future.
    const justAfterShanghaiMidnight = new Date('2026-11-24T16:30:00Z')
    expect(checkIdNumber(makeId('20261125'), { today: justAfterShanghaiMidnight }).ok).toBe(true)
    // 2026-11-24T15:30Z is still the 24th in Shanghai.
    const justBefore = new Date('2026-11-24T15:30:00Z')
    expect(checkIdNumber(makeId('20261125'), { today: justBefore })).toEqual({ ok: false, problem: 'futureBirthDate' })
  })
})

describe('checkIdNumber: gender from the 17th digit', () => {
  it.each([
    ['0', 'F'],
    ['1', 'M'],
    ['2', 'F'],
    ['3', 'M'],
    ['8', 'F'],
    ['9', 'M'],
  ])('17th digit %s → %s', (digit, gender) => {
    const r = checkIdNumber(makeId('19900615', `12${digit}`), { today: TODAY })
    expect(r.ok && r.info.gender).toBe(gender)
  })
})

describe('checkIdNumber: legacy 15-digit numbers', () => {
  const legacy = '510703800101123' // 1980-01-01, sequence 123 (odd: male)

  it('refuses them by default', () => {
    expect(checkIdNumber(legacy, { today: TODAY })).toEqual({ ok: false, problem: 'legacy15' })
  })

  it('accepts them with allowLegacy15, always with a warning', () => {
    const r = checkIdNumber(legacy, { today: TODAY, allowLegacy15: true })
    expect(r).toEqual({
      ok: true,
      warning: 'legacy15',
      info: { normalised: legacy, birthDate: '1980-01-01', gender: 'M', regionCode: '510703' },
    })
  })

  it('still checks their birth date', () => {
    expect(checkIdNumber('510703800230123', { today: TODAY, allowLegacy15: true })).toEqual({
      ok: false,
      problem: 'birthDate',
    })
  })

  it('are refused by the form schema (the import path is the only way in)', () => {
    const r = idNumberField.safeParse(legacy)
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toBe('validation.id.legacy15')
  })
})

describe('idNumberField (the zod schema)', () => {
  it('normalises, turns blanks into null, and leaves "not sent" as undefined (an update keeps the number)', () => {
    expect(idNumberField.parse(' 11010519491231002x ')).toBe('11010519491231002X')
    expect(idNumberField.parse('')).toBeNull()
    expect(idNumberField.parse('   ')).toBeNull()
    expect(idNumberField.parse(null)).toBeNull()
    expect(idNumberField.parse(undefined)).toBeUndefined()
  })

  it('reports the problem as an i18n key', () => {
    expect(idNumberField.safeParse('340524198001010013').error?.issues[0]?.message).toBe('validation.id.checksum')
    expect(idNumberField.safeParse('12345').error?.issues[0]?.message).toBe('validation.id.format')
    expect(idNumberField.safeParse(makeId('19800230')).error?.issues[0]?.message).toBe('validation.id.birthDate')
  })
})

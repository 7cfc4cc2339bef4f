/**
 * Resident ID numbers (居民身份证号码, GB 11643-1999): normalisation and validation.
 * Pure functions: used by the zod schemas (so the renderer and main share one rule), the import
 * code and the benchmark's generator.
 */

import { shanghaiToday } from './dates'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** Full-width digits and letters to ASCII, spaces and hyphens dropped, `x` upper-cased. */
export function normaliseIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase()
}

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

export type IdProblem = 'format' | 'checksum' | 'birthDate' | 'futureBirthDate' | 'legacy15'

export interface IdInfo {
  normalised: string
  birthDate: string // YYYY-MM-DD
  gender: 'M' | 'F'
  regionCode: string
}

export type IdCheck = { ok: true; info: IdInfo; warning?: 'legacy15' } | { ok: false; problem: IdProblem }

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/**
 * Checks an ID number. 18-character numbers must have a correct check character and a real,
 * non-future birth date. Old 15-digit numbers are accepted only when `allowLegacy15` is set (the
 * import path), and then always with a warning.
 */
export function checkIdNumber(raw: string, options: { allowLegacy15?: boolean; today?: Date } = {}): IdCheck {
  const id = normaliseIdNumber(raw)
  const today = options.today ?? new Date()
  let y: number, m: number, d: number, seqDigit: number
  if (/^\d{17}[\dX]$/.test(id)) {
    y = Number(id.slice(6, 10))
    m = Number(id.slice(10, 12))
    d = Number(id.slice(12, 14))
    seqDigit = Number(id[16])
  } else if (/^\d{15}$/.test(id)) {
    if (!options.allowLegacy15) return { ok: false, problem: 'legacy15' }
    y = 1900 + Number(id.slice(6, 8))
    m = Number(id.slice(8, 10))
    d = Number(id.slice(10, 12))
    seqDigit = Number(id[14])
  } else {
    return { ok: false, problem: 'format' }
  }
  if (y < 1880 || !isRealDate(y, m, d)) return { ok: false, problem: 'birthDate' }
  const birthDate = `${y}-${pad(m)}-${pad(d)}`
  // The station's calendar, not the machine's: a PC left on UTC must not call a baby born today "future".
  const todayIso = shanghaiToday(today)
  if (birthDate > todayIso) return { ok: false, problem: 'futureBirthDate' }
  if (id.length === 18 && idCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'checksum' }
  const info: IdInfo = { normalised: id, birthDate, gender: seqDigit % 2 === 1 ? 'M' : 'F', regionCode: id.slice(0, 6) }
  return id.length === 15 ? { ok: true, info, warning: 'legacy15' } : { ok: true, info }
}

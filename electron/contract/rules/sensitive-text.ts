/**
 * Finds full ID numbers and mobile numbers in free text about to be printed or posted (a notice,
 * a meeting record). Public notices must never carry them (DOMAIN.md, "Personal information"), so
 * printing asks first and names what it found, masked. Shared by the renderer (a live warning in
 * the editor) and the main process (which refuses to print unconfirmed).
 */
import { checkIdNumber } from './id-number'
import { maskIdNumber, maskMobile } from './masking'

export interface SensitiveFinding {
  kind: 'idNumber' | 'mobile'
  /** The number as found, normalised; never shown or logged, only masked. */
  value: string
  masked: string
}

/** Full-width digits and letters become ASCII one for one, so indexes stay the same. */
function toAscii(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  )
}

// Digits may be spaced or hyphenated in groups ("5107 0319 9001 0112 3X", "138-1234-5678").
const ID_LIKE = /(?<![0-9A-Za-z])(?:[0-9][ \u3000-]?){17}[0-9Xx](?![0-9A-Za-z])/g
const MOBILE_LIKE = /(?<![0-9])(?:\+86[ -]?|0086[ -]?)?1[3-9](?:[ \u3000-]?[0-9]){9}(?![0-9])/g

export function findSensitiveNumbers(text: string): SensitiveFinding[] {
  const ascii = toAscii(text)
  const found: SensitiveFinding[] = []
  const seen = new Set<string>()
  const idSpans: Array<[number, number]> = []
  for (const match of ascii.matchAll(ID_LIKE)) {
    const value = match[0].replace(/[ \u3000-]/g, '').toUpperCase()
    const check = checkIdNumber(value)
    // A wrong check digit still looks like an ID number to whoever reads the notice board.
    if (!check.ok && check.problem !== 'checksum') continue
    idSpans.push([match.index, match.index + match[0].length])
    if (seen.has(value)) continue
    seen.add(value)
    found.push({ kind: 'idNumber', value, masked: maskIdNumber(value) ?? '' })
  }
  for (const match of ascii.matchAll(MOBILE_LIKE)) {
    const start = match.index
    if (idSpans.some(([a, b]) => start >= a && start < b)) continue
    const value = match[0].replace(/^(?:\+86|0086)/, '').replace(/[ \u3000-]/g, '')
    if (seen.has(value)) continue
    seen.add(value)
    found.push({ kind: 'mobile', value, masked: maskMobile(value) ?? '' })
  }
  return found
}

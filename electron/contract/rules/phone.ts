/** Mainland mobile and landline numbers (see DOMAIN.md, "Mobile numbers"). */

const LENIENT = /^1[3-9]\d{9}$/
const STRICT = /^1(?:3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$/

/** Drops +86 / 0086, spaces, hyphens and full-width digits. */
export function normaliseMobile(raw: string): string {
  const ascii = raw.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  return ascii.replace(/[\s\u3000\-()]/g, '').replace(/^(?:\+86|0086)/, '')
}

export type MobileCheck = { ok: true; normalised: string; warning?: 'unallocated' } | { ok: false; problem: 'format' }

/** Lenient form is required; a number outside the known allocation is kept with a warning. */
export function checkMobile(raw: string): MobileCheck {
  const n = normaliseMobile(raw)
  if (!LENIENT.test(n)) return { ok: false, problem: 'format' }
  return STRICT.test(n) ? { ok: true, normalised: n } : { ok: true, normalised: n, warning: 'unallocated' }
}

/** Landlines: area code optional, 7–8 digits, optional extension; kept as typed but tidied. */
export function normaliseLandline(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .replace(/[（(]/g, '')
    .replace(/[）)]/g, '-')
}

export function isLandline(raw: string): boolean {
  return /^(?:0\d{2,3}-?)?\d{7,8}(?:-\d{1,6})?$/.test(normaliseLandline(raw))
}

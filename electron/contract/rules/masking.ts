/**
 * Masking of sensitive numbers. Applied in the main process before a DTO leaves the router, so a
 * full number reaches a screen only through an explicit, audited reveal.
 */

/** `51070319800101123X` → `510703********123X`; a 15-digit number keeps 6 + 3 the same way. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null
  if (id.length <= 10) return '*'.repeat(id.length)
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4)
}

/** `13812341234` → `138****1234`. */
export function maskMobile(mobile: string | null | undefined): string | null {
  if (!mobile) return null
  if (mobile.length < 7) return '*'.repeat(mobile.length)
  return mobile.slice(0, 3) + '*'.repeat(mobile.length - 7) + mobile.slice(-4)
}

/** The print dialog's choices, as plain rules: which printer to offer, how many copies. */
import type { PrinterDto } from '@contract/dto'

export const MIN_COPIES = 1
export const MAX_COPIES = 99

/** The printer to offer first: the one used last if still installed, else the PC's default. */
export function preselectPrinter(printers: readonly PrinterDto[], lastPrinter: string | null): string | null {
  if (lastPrinter && printers.some((p) => p.name === lastPrinter)) return lastPrinter
  return (printers.find((p) => p.isDefault) ?? printers[0])?.name ?? null
}

/** Whole copies within 1–99, whatever the field was left holding. */
export function clampCopies(value: number | null | undefined): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return MIN_COPIES
  return Math.min(MAX_COPIES, Math.max(MIN_COPIES, Math.round(value)))
}

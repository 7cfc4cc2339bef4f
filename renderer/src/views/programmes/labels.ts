/** How a programme's timetable, fee and term read on screen, in the user's language. */
import type { ProgrammeDto } from '@contract/programme-dto'

type T = (key: string, params?: Record<string, unknown>) => string

export function scheduleText(t: T, p: Pick<ProgrammeDto, 'weekdays' | 'startTime' | 'endTime'>): string {
  const days = p.weekdays.map((d) => t(`programmes.weekdays.${d}`)).join('、')
  return `${days} ${p.startTime}—${p.endTime}`
}

export function feeText(t: T, p: Pick<ProgrammeDto, 'feeMode' | 'feeAmount'>): string {
  return p.feeMode === 'low' ? t('programmes.fee.low', { amount: p.feeAmount ?? 0 }) : t('programmes.fee.free')
}

export function typeText(t: T, p: Pick<ProgrammeDto, 'type' | 'customType'>): string {
  return p.type === 'custom' && p.customType ? p.customType : t(`programmes.types.${p.type}`)
}

/** The state of one period of one required meeting type, judged against "today" in Shanghai. */
import type { ComplianceCellDto, ComplianceCellState, FrequencyPeriod } from '../../contract/party-dto'
import { periodOf, periodRange, periodsInYear } from '../../contract/rules/meeting-rules'

/** A period ending within this many days, still not held, is due soon. */
export const DUE_SOON_DAYS = 10

export interface HeldMeeting {
  id: number
  startAt: string
  /** Only finalised records count as held; drafts are listed so the secretary can find them. */
  finalised: boolean
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export function cellState(
  range: { from: string; to: string },
  held: number,
  required: number,
  exempt: boolean,
  today: string,
): ComplianceCellState {
  // Held wins over an exemption: a meeting held anyway is the better fact to show.
  if (held >= required) return 'held'
  if (exempt) return 'notRequired'
  if (range.from > today) return 'future'
  if (range.to < today) return 'missing'
  return daysBetween(today, range.to) <= DUE_SOON_DAYS ? 'dueSoon' : 'open'
}

/** One cell per period of the year; a type not required has one cell, not required, for the year. */
export function complianceCells(
  period: FrequencyPeriod,
  timesPerPeriod: number,
  year: number,
  meetings: readonly HeldMeeting[],
  exemptions: ReadonlyMap<number, string>,
  today: string,
): ComplianceCellDto[] {
  const byPeriod = new Map<number, HeldMeeting[]>()
  for (const m of meetings) {
    if (!m.startAt.startsWith(`${year}-`)) continue
    const n = period === 'none' ? 1 : periodOf(period, m.startAt)
    byPeriod.set(n, [...(byPeriod.get(n) ?? []), m])
  }
  if (period === 'none') {
    const ms = byPeriod.get(1) ?? []
    return [
      {
        period: 1,
        state: 'notRequired',
        held: ms.filter((m) => m.finalised).length,
        required: 0,
        meetingIds: ms.map((m) => m.id),
        reason: exemptions.get(1) ?? null,
      },
    ]
  }
  return Array.from({ length: periodsInYear(period) }, (_, i) => {
    const n = i + 1
    const ms = byPeriod.get(n) ?? []
    const held = ms.filter((m) => m.finalised).length
    const reason = exemptions.get(n) ?? null
    return {
      period: n,
      state: cellState(periodRange(period, year, n), held, timesPerPeriod, reason !== null, today),
      held,
      required: timesPerPeriod,
      meetingIds: ms.map((m) => m.id),
      reason,
    }
  })
}

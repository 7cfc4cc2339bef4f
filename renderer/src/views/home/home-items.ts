/**
 * What the home page's cards show, worked out without the screen: the follow-ups in the order a
 * clerk should deal with them, and today's programme sessions found in the programmes' details.
 */
import type { ProgrammeDetailDto, ProgrammeDto, SessionDto } from '@contract/programme-dto'
import type { SlotDto } from '@contract/appointment-dto'
import type { ComplianceDto, ComplianceRowDto, PartyBranchDto } from '@contract/party-dto'
import type { VisitDto, VisitFollowUpDto } from '@contract/visit-dto'
import { dayNumber } from '../visits/plan-weeks'

export interface FollowUpItem extends VisitFollowUpDto {
  mine: boolean
  /** Whole days past the due date; 0 when due today or later. */
  daysOverdue: number
}

/**
 * Overdue first (they have the earliest due dates), then by due date; on the same day the
 * account's own before the others', so "mine" leads wherever it does not hide something older.
 */
export function followUpItems(
  list: readonly VisitFollowUpDto[],
  today: string,
  accountId: number | null,
): FollowUpItem[] {
  return list
    .map((f) => ({
      ...f,
      mine: accountId !== null && f.ownerAccountId === accountId,
      daysOverdue: Math.max(0, dayNumber(today) - dayNumber(f.dueDate)),
    }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || Number(b.mine) - Number(a.mine) || a.id - b.id)
}

/** Today's visits by time; moved ones are left out (their new visit is listed in their place). */
export function todaysVisits(visits: readonly VisitDto[], today: string): VisitDto[] {
  return visits
    .filter((v) => v.startAt.slice(0, 10) === today && v.status !== 'moved')
    .sort((a, b) => a.startAt.localeCompare(b.startAt) || a.id - b.id)
}

/** Programmes whose term covers today: the only ones whose details can hold a session today. */
export function inTermToday(programmes: readonly ProgrammeDto[], today: string): ProgrammeDto[] {
  return programmes.filter((p) => !p.archived && p.termStart <= today && today <= p.termEnd)
}

export interface SessionItem {
  session: SessionDto
  programme: Pick<ProgrammeDto, 'id' | 'name' | 'place'>
}

/** Today's sessions of the given programmes (cancelled ones kept, to say so), by start time. */
export function todaysSessions(details: readonly ProgrammeDetailDto[], today: string): SessionItem[] {
  return details
    .flatMap((d) =>
      d.sessions
        .filter((s) => s.date === today)
        .map((session) => ({
          session,
          programme: { id: d.programme.id, name: d.programme.name, place: d.programme.place },
        })),
    )
    .sort((a, b) => a.session.startTime.localeCompare(b.session.startTime) || a.session.id - b.session.id)
}

/** Today's booked doctor and lawyer slots (cancelled bookings free the slot and are left out). */
export function todaysBookings(slots: readonly SlotDto[]): SlotDto[] {
  return slots
    .filter((s) => s.booking !== null && s.booking.status !== 'cancelled')
    .sort((a, b) => a.startAt.localeCompare(b.startAt) || a.id - b.id)
}

export interface ComplianceWarning {
  branchName: string
  row: Pick<ComplianceRowDto, 'type' | 'groupName' | 'period'>
  /** Periods past without the meetings required (未开), oldest first. */
  missing: number[]
  /** Periods ending within days and not yet held (即将到期). */
  dueSoon: number[]
}

/** The meetings a branch is behind on or must hold soon, this year; branches in the order given. */
export function complianceWarnings(
  matrices: ReadonlyArray<{ branch: Pick<PartyBranchDto, 'name'>; compliance: ComplianceDto }>,
): ComplianceWarning[] {
  return matrices.flatMap(({ branch, compliance }) =>
    compliance.rows.flatMap((row) => {
      const missing = row.cells.filter((c) => c.state === 'missing').map((c) => c.period)
      const dueSoon = row.cells.filter((c) => c.state === 'dueSoon').map((c) => c.period)
      if (missing.length === 0 && dueSoon.length === 0) return []
      return [
        {
          branchName: branch.name,
          row: { type: row.type, groupName: row.groupName, period: row.period },
          missing,
          dueSoon,
        },
      ]
    }),
  )
}

/** What the visit channels return: volunteers, people to visit, plans and visits, logs, points. */
import type { MoveRule, UnassignedReason, VisitTier } from './rules/visit-codes'

export { MOVE_RULES, UNASSIGNED_REASONS, VISIT_TIERS } from './rules/visit-codes'
export type { MoveRule, UnassignedReason, VisitTier }
export const VOLUNTEER_STATUSES = ['active', 'paused', 'left'] as const
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number]
export const VISIT_STATUSES = ['planned', 'confirmed', 'done', 'missed', 'moved'] as const
export type VisitStatus = (typeof VISIT_STATUSES)[number]
export const VISIT_OUTCOMES = ['done', 'missed', 'moved'] as const
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number]
export const SERVICE_RECORD_KINDS = ['visit', 'service', 'training', 'commendation'] as const
export type ServiceRecordKind = (typeof SERVICE_RECORD_KINDS)[number]
export const POINTS_KINDS = ['earned', 'redeemed', 'adjusted'] as const
export type PointsKind = (typeof POINTS_KINDS)[number]

/** ISO weekday 1 (Monday) … 7 (Sunday); times `HH:mm`. */
export interface WeeklyWindowDto {
  weekday: number
  from: string
  to: string
}
export interface PreferredWindowDto {
  weekday: number | null
  from: string
  to: string
}
export interface AbsenceDto {
  from: string
  to: string
  reason: string | null
}

export interface VolunteerDto {
  id: number
  residentId: number | null
  name: string
  /** Masked (`138****1234`). */
  mobile: string | null
  skills: string[]
  dialects: string[]
  gridId: number | null
  gridName: string | null
  availability: WeeklyWindowDto[]
  absences: AbsenceDto[]
  maxPerWeek: number
  status: VolunteerStatus
  notes: string | null
  hours: number
  points: number
  updatedAt: string
}

export interface ServiceRecordDto {
  id: number
  volunteerId: number
  kind: ServiceRecordKind
  date: string
  hours: number
  title: string
  visitId: number | null
}

export interface VisitPersonDto {
  id: number
  residentId: number
  name: string
  gridId: number | null
  gridName: string | null
  /** The resident's hardship tags (独居, 空巢, …). */
  tags: string[]
  tier: VisitTier
  preferredWindows: PreferredWindowDto[]
  /** Never the notes themselves in a list: whether there are any. `people:risk-notes` reveals them (audited). */
  hasRiskNotes: boolean
  usualVolunteerIds: number[]
  lastVisitAt: string | null
  /** The next visit planned or confirmed from now on (`YYYY-MM-DDTHH:mm`), if any. */
  nextVisitAt: string | null
  active: boolean
}

/** One visit in a person's history (`visit-people:history`), newest first. */
export interface VisitHistoryEntryDto {
  visitId: number
  startAt: string
  endAt: string
  kind: 'regular' | 'urgent'
  status: VisitStatus
  volunteers: Array<{ id: number; name: string }>
  durationMinutes: number | null
  loggedAt: string | null
  followUp: { id: number; dueDate: string; closed: boolean } | null
  /** Whether the log records any finding (health, living conditions, needs); the text is asked for apart. */
  hasFindings: boolean
}

/** What one visit found: sent only on request, to an account that may see sensitive details. */
export interface VisitFindingsDto {
  health: string | null
  living: string | null
  needs: string | null
}

export interface VisitDto {
  id: number
  planId: number | null
  personId: number
  personName: string
  kind: 'regular' | 'urgent'
  tier: VisitTier
  startAt: string
  endAt: string
  windowFrom: string | null
  windowTo: string | null
  status: VisitStatus
  volunteers: Array<{ id: number; name: string }>
}

export interface UnassignedDto {
  personId: number
  personName: string
  kind: 'regular' | 'urgent'
  tier: VisitTier
  windowFrom: string
  windowTo: string
  reason: UnassignedReason
  detail: { availableVolunteers: number; atLimit: number; sameGridAtLimit: number }
}

export interface PlanStatsDto {
  demanded: number
  coveredByFixed: number
  assigned: number
  unassigned: number
  crossGrid: number
  keptLastVolunteer: number
  withLastVolunteer: number
}

export interface PlanDto {
  id: number | null
  periodFrom: string
  periodTo: string
  generatedAt: string | null
  stats: PlanStatsDto | null
  visits: VisitDto[]
  unassigned: UnassignedDto[]
}

export interface MoveConflictDto {
  rule: MoveRule
  volunteerId?: number
  otherVisitId?: number
}

export interface MoveResultDto {
  saved: boolean
  conflicts: MoveConflictDto[]
  visit: VisitDto
}

export interface VisitLogDto {
  id: number
  visitId: number
  outcome: VisitOutcome
  durationMinutes: number | null
  health: string | null
  living: string | null
  needs: string | null
  loggedAt: string
  followUpId: number | null
  pointsEarned: number
}

export interface VisitFollowUpDto {
  id: number
  visitId: number
  personId: number
  personName: string
  text: string
  ownerAccountId: number | null
  /** The owner's display name, for the home page list; null when nobody was named. */
  ownerName: string | null
  /** When the visit it came from was planned (Shanghai wall-clock, `2026-11-26T09:00`). */
  visitStartAt: string
  dueDate: string
  closedAt: string | null
}

export interface CatalogueItemDto {
  id: number
  name: string
  cost: number
  active: boolean
}

export interface PointsEntryDto {
  id: number
  seq: number
  at: string
  kind: PointsKind
  points: number
  balanceAfter: number
  reason: string
  visitId: number | null
  itemId: number | null
}

export interface PointsAccountDto {
  volunteerId: number
  balance: number
  entries: PointsEntryDto[]
}

/** The station's visit rules: tiers, visit length, and how points are earned. */
export interface VisitRulesDto {
  tiers: Record<VisitTier, { intervalDays: number; twoVolunteers: boolean }>
  durationMinutes: number
  bufferMinutes: number
  dayFrom: string
  dayTo: string
  pointsPerHour: number
  highRiskBonus: number
}

/**
 * The planner's input and output: plain data, no database. Times are local minutes (see time.ts),
 * windows inside a day are minutes after midnight.
 */
import type { Weekday } from './time'

import type { UnassignedReason, VisitTier } from '../../../contract/rules/visit-codes'

export {
  UNASSIGNED_REASONS,
  VISIT_TIERS,
  type UnassignedReason,
  type VisitTier,
} from '../../../contract/rules/visit-codes'

export interface TierRule {
  /** One visit in every window of this many days, counted from the last visit. */
  intervalDays: number
  /** Whether a visit of this tier needs two volunteers (a local choice for high-risk people). */
  twoVolunteers: boolean
}
export type TierRules = Record<VisitTier, TierRule>

export const DEFAULT_TIER_RULES: TierRules = {
  high: { intervalDays: 7, twoVolunteers: false },
  key: { intervalDays: 30, twoVolunteers: false },
  general: { intervalDays: 91, twoVolunteers: false },
}

/** A time window inside a day; without a weekday it applies to every day. */
export interface DayWindow {
  weekday?: Weekday
  from: number
  to: number
}

export interface PlannerPerson {
  id: number
  tier: VisitTier
  gridId: number | null
  /** When the person likes to be visited; empty means the station's day hours. */
  preferredWindows: DayWindow[]
  /** The day (see time.ts) of the last visit done before the period, if any. */
  lastVisitDay?: number
  lastVolunteerIds: number[]
  usualVolunteerIds: number[]
  /** A major change (hospital stay, bereavement) entered at this minute asks for a visit within 24 h. */
  majorChangeAt?: number
}

export type VolunteerStatus = 'active' | 'paused' | 'left'

export interface PlannerVolunteer {
  id: number
  gridId: number | null
  availability: Array<DayWindow & { weekday: Weekday }>
  /** Away from … to (local minutes, end exclusive). */
  exceptions: Array<{ from: number; to: number }>
  maxPerWeek: number
  status: VolunteerStatus
}

/** A visit the plan must keep as it is (confirmed or done): it holds its volunteers' time. */
export interface FixedVisit {
  key: string
  personId: number
  start: number
  end: number
  volunteerIds: number[]
}

export interface PlannerSettings {
  durationMinutes: number
  /** Travel time a volunteer needs between two visits. */
  bufferMinutes: number
  /** Visits start on multiples of this many minutes after midnight: quarter hours, as the printed sheet reads. */
  stepMinutes: number
  /** The station's visiting hours, used when a person names no preferred window. */
  dayHours: { from: number; to: number }
  tiers: TierRules
}

export const DEFAULT_PLANNER_SETTINGS: PlannerSettings = {
  durationMinutes: 60,
  bufferMinutes: 30,
  stepMinutes: 15,
  dayHours: { from: 9 * 60, to: 17 * 60 },
  tiers: DEFAULT_TIER_RULES,
}

export interface PlannerInput {
  /** Both ends inclusive, as day numbers. */
  period: { fromDay: number; toDay: number }
  people: PlannerPerson[]
  volunteers: PlannerVolunteer[]
  fixed: FixedVisit[]
  settings: PlannerSettings
}

export type DemandKind = 'regular' | 'urgent'

/** One visit the period asks for: somewhere in [from, to) (local minutes). */
export interface VisitDemand {
  key: string
  personId: number
  kind: DemandKind
  tier: VisitTier
  from: number
  to: number
  volunteersNeeded: 1 | 2
}

export interface PlannedVisit {
  key: string
  personId: number
  kind: DemandKind
  tier: VisitTier
  start: number
  end: number
  volunteerIds: number[]
  /** Every volunteer's home grid is the person's grid. */
  sameGrid: boolean
  /** A volunteer who visited this person last time visits again. */
  keptLastVolunteer: boolean
  windowFrom: number
  windowTo: number
}

export interface UnassignedVisit {
  key: string
  personId: number
  kind: DemandKind
  tier: VisitTier
  windowFrom: number
  windowTo: number
  reason: UnassignedReason
  /** Volunteers free at some possible time, how many of them were at their limit, and of those how many live in the person's grid. */
  detail: { availableVolunteers: number; atLimit: number; sameGridAtLimit: number }
}

export interface PlanStats {
  demanded: number
  /** Demands a kept (confirmed or done) visit already covers. */
  coveredByFixed: number
  assigned: number
  unassigned: number
  crossGrid: number
  keptLastVolunteer: number
  /** Assigned visits whose person had a last volunteer to keep. */
  withLastVolunteer: number
}

export interface PlanResult {
  visits: PlannedVisit[]
  unassigned: UnassignedVisit[]
  stats: PlanStats
}

/**
 * Codes the visit planner produces and the renderer translates: visit tiers, why a visit could not
 * be assigned, which rule a manual move breaks. Here, in the contract, so both sides share them.
 */
export const VISIT_TIERS = ['high', 'key', 'general'] as const
export type VisitTier = (typeof VISIT_TIERS)[number]

export const UNASSIGNED_REASONS = [
  /** No active volunteer is free (availability, absences) at any time the visit could take place. */
  'no-volunteer-available',
  /** Volunteers are free then, but every one of them has reached their weekly limit. */
  'all-at-weekly-limit',
  /** Volunteers are free and under their limit, but already booked at every possible time. */
  'all-booked',
  /** The person's preferred windows leave no room for a visit inside the due window. */
  'no-time-in-preferred-window',
  /** The visit needs two volunteers and no second one is free at the same time. */
  'no-second-volunteer',
] as const
export type UnassignedReason = (typeof UNASSIGNED_REASONS)[number]

export const MOVE_RULES = [
  'no-volunteer',
  'volunteer-inactive',
  'volunteer-unavailable',
  'volunteer-away',
  'weekly-limit',
  'double-booked',
  'travel-buffer',
  'needs-two-volunteers',
  'outside-due-window',
  'outside-preferred-window',
] as const
export type MoveRule = (typeof MOVE_RULES)[number]

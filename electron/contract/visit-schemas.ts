/** Input schemas of the visit channels (volunteers, people to visit, plans, logs, points). */
import { z } from 'zod'
import { isoDate, mobileField, optionalText, requiredText, searchText } from './schemas'
import { localDateTime } from './party-schemas'
import { VISIT_OUTCOMES, VISIT_TIERS, VOLUNTEER_STATUSES, SERVICE_RECORD_KINDS } from './visit-dto'

const id = z.number({ error: 'validation.required' }).int().positive()
const clock = z.string({ error: 'validation.required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, {
  error: 'validation.visits.clock',
})
const weekday = z.number().int().min(1).max(7)
const ordered = <T extends { from: string; to: string }>(w: T) => w.from < w.to

const weeklyWindow = z
  .object({ weekday, from: clock, to: clock })
  .refine(ordered, { error: 'validation.visits.windowOrder', path: ['to'] })
const preferredWindow = z
  .object({ weekday: weekday.nullish().transform((v) => v ?? null), from: clock, to: clock })
  .refine(ordered, { error: 'validation.visits.windowOrder', path: ['to'] })
const absence = z
  .object({ from: localDateTime, to: localDateTime, reason: optionalText(80) })
  .refine(ordered, { error: 'validation.visits.windowOrder', path: ['to'] })
const words = z.array(requiredText(20)).max(20).default([])

const volunteerData = z.object({
  residentId: id.nullish().transform((v) => v ?? null),
  name: requiredText(40),
  mobile: mobileField,
  skills: words,
  dialects: words,
  gridId: id.nullish().transform((v) => v ?? null),
  availability: z.array(weeklyWindow).max(50).default([]),
  absences: z.array(absence).max(50).default([]),
  maxPerWeek: z.number({ error: 'validation.required' }).int().min(0).max(50),
  status: z.enum(VOLUNTEER_STATUSES).default('active'),
  notes: optionalText(500),
})

const personData = z.object({
  residentId: id,
  tier: z.enum(VISIT_TIERS),
  preferredWindows: z.array(preferredWindow).max(20).default([]),
  /** Left out on an edit: the notes on file stay (the form never shows them). */
  riskNotes: z.union([z.undefined(), optionalText(2000)]),
  usualVolunteerIds: z.array(id).max(10).default([]),
  active: z.boolean().default(true),
})

const tierRule = z.object({ intervalDays: z.number().int().min(1).max(366), twoVolunteers: z.boolean() })
const visitRules = z
  .object({
    tiers: z.object({ high: tierRule, key: tierRule, general: tierRule }),
    durationMinutes: z.number().int().min(15).max(480),
    bufferMinutes: z.number().int().min(0).max(240),
    dayFrom: clock,
    dayTo: clock,
    pointsPerHour: z.number().int().min(0).max(1000),
    highRiskBonus: z.number().int().min(0).max(1000),
  })
  .refine((r) => r.dayFrom < r.dayTo, { error: 'validation.visits.windowOrder', path: ['dayTo'] })

export const visitSchemas = {
  rules: visitRules,
  volunteerQuery: z.object({ search: searchText(40), status: z.enum(VOLUNTEER_STATUSES).optional() }),
  volunteerCreate: volunteerData,
  volunteerUpdate: z.object({ id, data: volunteerData }),
  serviceRecordAdd: z
    .object({
      volunteerId: id,
      kind: z.enum(SERVICE_RECORD_KINDS).exclude(['visit']),
      date: isoDate,
      hours: z.number().min(0).max(24),
      title: requiredText(120),
    })
    // A commendation is an honour, not time served: it never adds to the hours, whatever was sent.
    .transform((r) => (r.kind === 'commendation' ? { ...r, hours: 0 } : r)),
  personQuery: z.object({ search: searchText(40), tier: z.enum(VISIT_TIERS).optional() }),
  personCreate: personData,
  personUpdate: z.object({ id, data: personData }),
  majorChange: z.object({ personId: id, at: localDateTime, kind: requiredText(24), note: optionalText(200) }),
  planGenerate: z.object({ period: z.enum(['week', 'month']), from: isoDate }),
  planRange: z.object({ from: isoDate, to: isoDate }).refine((r) => r.from <= r.to, {
    error: 'validation.visits.windowOrder',
    path: ['to'],
  }),
  visitMove: z.object({
    id,
    startAt: localDateTime,
    volunteerIds: z.array(id).max(2),
    /** Save even when rules are broken: the coordinator has seen the conflicts and decided. */
    force: z.boolean().default(false),
  }),
  visitLog: z.object({
    visitId: id,
    outcome: z.enum(VISIT_OUTCOMES),
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(600)
      .nullish()
      .transform((v) => v ?? null),
    health: optionalText(500),
    living: optionalText(500),
    needs: optionalText(500),
    followUp: z
      .object({ text: requiredText(300), ownerAccountId: id.nullish().transform((v) => v ?? null), dueDate: isoDate })
      .nullish()
      .transform((v) => v ?? null),
  }),
  followUpClose: z.object({ id, note: optionalText(200) }),
  pointsRedeem: z.object({ volunteerId: id, itemId: id }),
  pointsAdjust: z.object({
    volunteerId: id,
    points: z
      .number()
      .int()
      .min(-100_000)
      .max(100_000)
      .refine((n) => n !== 0, { error: 'validation.visits.zeroPoints' }),
    reason: requiredText(200),
  }),
  catalogueSave: z.object({
    id: id.nullish().transform((v) => v ?? null),
    name: requiredText(60),
    cost: z.number().int().min(1).max(1_000_000),
    active: z.boolean().default(true),
  }),
}

export type VolunteerInput = z.output<typeof volunteerData>
export type VisitPersonInput = z.output<typeof personData>
export type VisitLogInput = z.output<typeof visitSchemas.visitLog>
export type VisitMoveInput = z.output<typeof visitSchemas.visitMove>
export type ServiceRecordInput = z.output<typeof visitSchemas.serviceRecordAdd>
export type MajorChangeInput = z.output<typeof visitSchemas.majorChange>
export type CatalogueItemInput = z.output<typeof visitSchemas.catalogueSave>

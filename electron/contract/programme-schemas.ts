/** Inputs of the programme channels (issue 5). Messages are `validation.*` keys. */
import { z } from 'zod'
import { ATTENDANCE_STATUSES, FEE_MODES, ORGANISER_KINDS, PROGRAMME_TYPES } from './programme-dto'
import { isoDate, optionalText, requiredText, schemas, searchText } from './schemas'

const id = schemas.byId.shape.id
/** A calendar month, `2026-11`: the programme month report and its export. */
export const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.programmes.month' })
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.programmes.time' })

const age = z
  .number()
  .int()
  .min(0)
  .max(150)
  .nullish()
  .transform((v) => v ?? null)

const programmeData = z
  .object({
    name: requiredText(60),
    type: z.enum(PROGRAMME_TYPES),
    customType: optionalText(30),
    organiserKind: z.enum(ORGANISER_KINDS).default('station'),
    organiser: requiredText(80),
    place: requiredText(80),
    capacity: z
      .number({ error: 'validation.required' })
      .int()
      .min(1, { error: 'validation.programmes.capacity' })
      .max(10000, { error: 'validation.programmes.capacity' }),
    ageMin: age,
    ageMax: age,
    requiredTagIds: z.array(id).max(10).default([]),
    feeMode: z.enum(FEE_MODES).default('free'),
    feeAmount: z
      .number()
      .min(0)
      .max(100000)
      .nullish()
      .transform((v) => v ?? null),
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1, { error: 'validation.programmes.weekdays' })
      .max(7)
      .transform((days) => [...new Set(days)].sort() as Array<1 | 2 | 3 | 4 | 5 | 6 | 7>),
    startTime: time,
    endTime: time,
    termStart: isoDate,
    termEnd: isoDate,
    notes: optionalText(500),
  })
  .superRefine((p, ctx) => {
    if (p.type === 'custom' && !p.customType)
      ctx.addIssue({ code: 'custom', path: ['customType'], message: 'validation.required' })
    if (p.ageMin !== null && p.ageMax !== null && p.ageMin > p.ageMax)
      ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'validation.programmes.ageRange' })
    if (p.feeMode === 'low' && (p.feeAmount === null || p.feeAmount <= 0))
      ctx.addIssue({ code: 'custom', path: ['feeAmount'], message: 'validation.programmes.feeAmount' })
    if (p.endTime <= p.startTime)
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'validation.programmes.timeOrder' })
    if (p.termEnd < p.termStart)
      ctx.addIssue({ code: 'custom', path: ['termEnd'], message: 'validation.programmes.termOrder' })
    else if (Date.parse(p.termEnd) - Date.parse(p.termStart) > 400 * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['termEnd'], message: 'validation.programmes.termTooLong' })
  })

const contact = z.object({
  id: id.optional(),
  name: requiredText(40),
  relation: requiredText(20),
  phone: optionalText(20),
  guardian: z.boolean().default(false),
  canPickUp: z.boolean().default(true),
})

const enrolmentDetails = {
  contacts: z.array(contact).max(10).default([]),
  allergies: optionalText(300),
  medication: optionalText(300),
  notes: optionalText(300),
}

const health = {
  /** False: keep the stored notes (the editor holds only whether there are any). */
  healthChanged: z.boolean().default(false),
}

export const programmeSchemas = {
  programmeQuery: z.object({
    q: searchText(60),
    type: z.enum(PROGRAMME_TYPES).optional(),
    includeArchived: z.boolean().default(false),
  }),
  programmeSave: z.object({ id: id.optional(), data: programmeData }),
  enrol: z.object({
    programmeId: id,
    residentId: id,
    /** Enrols someone the eligibility check refuses; recorded with the enrolment. */
    overrideReason: optionalText(200),
    ...enrolmentDetails,
  }),
  enrolmentUpdate: z.object({ id, ...enrolmentDetails, ...health }),
  leave: z.object({ id, reason: optionalText(200) }),
  sessionAdd: z.object({ programmeId: id, date: isoDate, startTime: time, endTime: time }),
  sessionCancel: z.object({ id, reason: requiredText(100) }),
  roster: z.object({ id, q: searchText(30) }),
  mark: z.object({
    sessionId: id,
    enrolmentId: id,
    status: z.enum(ATTENDANCE_STATUSES),
    note: optionalText(100),
  }),
  signOut: z.object({
    sessionId: id,
    enrolmentId: id,
    /** Who collected the child, as typed or picked from the list; required for 五点半学校. */
    pickedUpBy: optionalText(40),
  }),
  followUps: z.object({ programmeId: id.optional() }),
  month: z.object({
    programmeId: id,
    month: monthText,
  }),
}

export type ProgrammeQuery = z.output<typeof programmeSchemas.programmeQuery>
export type ProgrammeSave = z.output<typeof programmeSchemas.programmeSave>
export type ProgrammeData = z.output<typeof programmeData>
export type EnrolInput = z.output<typeof programmeSchemas.enrol>
export type EnrolmentUpdate = z.output<typeof programmeSchemas.enrolmentUpdate>
export type ContactInput = z.output<typeof contact>
export type SessionAdd = z.output<typeof programmeSchemas.sessionAdd>
export type MarkInput = z.output<typeof programmeSchemas.mark>
export type SignOutInput = z.output<typeof programmeSchemas.signOut>

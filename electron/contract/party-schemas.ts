/** Input schemas of the party channels (branches, members, meetings, compliance). */
import { z } from 'zod'
import {
  ATTENDANCE,
  COMMITTEE_ROLES,
  FREQUENCY_PERIODS,
  MEETING_STATUSES,
  MEETING_TYPES,
  MEMBER_KINDS,
  MEMBER_STATUSES,
  THEME_FORMS,
} from './party-dto'
import { isoDate, optionalText, requiredText, searchText } from './schemas'

const id = z.number({ error: 'validation.required' }).int().positive()
const count = z.number({ error: 'validation.required' }).int().min(0, { error: 'validation.invalid' }).max(10_000)

/** A Shanghai wall-clock time as the record shows it: `2026-11-24T14:30`. */
export const localDateTime = z
  .string({ error: 'validation.required' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'validation.dateTime' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}:00Z`)) && new Date(`${s}:00Z`).toISOString().slice(0, 16) === s, {
    error: 'validation.dateTime',
  })

const page = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
}

const memberData = z.object({
  residentId: id.nullish().transform((v) => v ?? null),
  name: requiredText(40),
  gender: z
    .enum(['M', 'F'])
    .nullish()
    .transform((v) => v ?? null),
  branchId: id,
  groupId: id.nullish().transform((v) => v ?? null),
  kind: z.enum(MEMBER_KINDS),
  joinedDate: isoDate.nullish().transform((v) => v ?? null),
  fullDate: isoDate.nullish().transform((v) => v ?? null),
  inflow: z
    .object({ origin: requiredText(80), dateIn: isoDate.nullish(), originContact: optionalText(80) })
    .nullish()
    .transform((v) => (v ? { origin: v.origin, dateIn: v.dateIn ?? null, originContact: v.originContact } : null)),
  notes: optionalText(500),
})

const agendaItem = z.object({
  topic: requiredText(200),
  record: z.string().max(20_000, { error: 'validation.tooLong' }).default(''),
  dissent: z.string().max(5_000, { error: 'validation.tooLong' }).default(''),
  vote: z
    .object({ for: count, against: count, abstain: count })
    .nullish()
    .transform((v) => v ?? null),
  resolution: z.string().max(5_000, { error: 'validation.tooLong' }).default(''),
})

const meetingData = z.object({
  title: requiredText(120),
  startAt: localDateTime,
  endAt: localDateTime.nullish().transform((v) => v ?? null),
  place: requiredText(80),
  chairMemberId: id.nullish().transform((v) => v ?? null),
  recorderMemberId: id.nullish().transform((v) => v ?? null),
  lecturer: optionalText(40),
  topic: optionalText(120),
  theme: optionalText(120),
  themeForm: z
    .enum(THEME_FORMS)
    .nullish()
    .transform((v) => v ?? null),
  /** Everyone who should attend, with how each did; adjusted from the derived list. */
  attendance: z.array(z.object({ memberId: id, status: z.enum(ATTENDANCE), reason: optionalText(100) })).max(2000),
  observers: z.array(requiredText(40)).max(100).default([]),
  agenda: z.array(agendaItem).max(50).default([]),
  followUps: z
    .array(
      z.object({
        id: id.optional(),
        text: requiredText(200),
        ownerMemberId: id.nullish().transform((v) => v ?? null),
        dueDate: isoDate.nullish().transform((v) => v ?? null),
      }),
    )
    .max(50)
    .default([]),
})

export const partySchemas = {
  branchSave: z.object({ id: id.optional(), name: requiredText(60) }),
  branchCommittee: z.object({
    branchId: id,
    seats: z.array(z.object({ memberId: id, role: z.enum(COMMITTEE_ROLES) })).max(15),
  }),
  groupSave: z.object({
    id: id.optional(),
    branchId: id,
    name: requiredText(40),
    leaderMemberId: id.nullish().transform((v) => v ?? null),
  }),

  memberQuery: z.object({
    q: searchText(40),
    branchId: id.optional(),
    groupId: id.optional(),
    status: z.enum(MEMBER_STATUSES).optional(),
    kind: z.enum(MEMBER_KINDS).optional(),
    ...page,
  }),
  memberCreate: memberData,
  memberUpdate: z.object({ id, data: memberData, expectedUpdatedAt: z.string().max(40).optional() }),
  /** A change of standing, kept in the member's history rather than overwriting it. */
  memberChange: z.discriminatedUnion('change', [
    z.object({ id, change: z.literal('becomeFull'), date: isoDate }),
    z.object({ id, change: z.literal('outflow'), date: isoDate, destination: requiredText(80) }),
    z.object({ id, change: z.literal('returned'), date: isoDate }),
    z.object({ id, change: z.literal('left'), date: isoDate, reason: requiredText(80) }),
  ]),

  meetingQuery: z.object({
    q: searchText(60),
    branchId: id.optional(),
    type: z.enum(MEETING_TYPES).optional(),
    status: z.enum(MEETING_STATUSES).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...page,
  }),
  /** A new draft; who should attend is derived from the type (and group) and can be adjusted. */
  meetingCreate: z.object({
    branchId: id,
    groupId: id.nullish().transform((v) => v ?? null),
    type: z.enum(MEETING_TYPES),
    title: requiredText(120),
    startAt: localDateTime,
    place: requiredText(80),
  }),
  meetingUpdate: z.object({ id, data: meetingData, expectedUpdatedAt: z.string().max(40).optional() }),
  meetingAmend: z.object({ id, text: requiredText(5_000) }),
  followUpDone: z.object({ id, done: z.boolean(), date: isoDate.optional() }),
  attachmentAdd: z.object({
    meetingId: id,
    fileName: requiredText(200),
    mime: z.enum(['image/jpeg', 'image/png', 'application/pdf'], { error: 'validation.attachmentType' }),
    // 10 MB as base64 (4/3 of the bytes).
    dataBase64: z.string().min(1).max(14_000_000, { error: 'validation.attachmentSize' }),
  }),

  complianceQuery: z.object({ branchId: id, year: z.number().int().min(2000).max(2100) }),
  requirementSet: z.object({
    branchId: id,
    type: z.enum(MEETING_TYPES),
    period: z.enum(FREQUENCY_PERIODS),
    timesPerPeriod: z.number().int().min(1).max(31).default(1),
  }),
  /** Marks one period of one type "not required, because …"; a null reason clears the mark. */
  exemptionSet: z.object({
    branchId: id,
    type: z.enum(MEETING_TYPES),
    groupId: id.nullish().transform((v) => v ?? null),
    year: z.number().int().min(2000).max(2100),
    period: z.number().int().min(1).max(12),
    reason: optionalText(200),
  }),
}

export type MemberInput = z.output<typeof partySchemas.memberCreate>
export type MemberQuery = z.output<typeof partySchemas.memberQuery>
export type MemberChange = z.output<typeof partySchemas.memberChange>
export type MeetingQuery = z.output<typeof partySchemas.meetingQuery>
export type MeetingCreate = z.output<typeof partySchemas.meetingCreate>
export type MeetingInput = z.output<typeof partySchemas.meetingUpdate>['data']

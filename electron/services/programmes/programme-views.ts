/** Rows to DTOs for the programme module: one place that decides what leaves main, masked. */
import type { ContactDto, EnrolmentDto, MoveDto, ProgrammeDto, SessionDto } from '../../contract/programme-dto'
import type { FeeMode, OrganiserKind, ProgrammeType } from '../../contract/programme-dto'
import { maskMobile } from '../../contract/rules/masking'
import type { Weekday } from '../../contract/rules/programme-schedule'
import type {
  EnrolmentModel,
  ProgrammeContactModel,
  ProgrammeModel,
  ProgrammeSessionModel,
} from '../../../database/models/programmes'
import type { ResidentModel } from '../../../database/models'
import { ageOn } from '../../contract/rules/dates'

export const iso = (d: Date) => d.toISOString()
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null)

export function parseIds(json: string): number[] {
  return JSON.parse(json) as number[]
}

export function programmeDto(
  p: ProgrammeModel,
  counts: { enrolled: number; waiting: number },
  tagNames: Map<number, string>,
): ProgrammeDto {
  const requiredTagIds = parseIds(p.requiredTagIds)
  return {
    id: p.id,
    name: p.name,
    type: p.type as ProgrammeType,
    customType: p.customType,
    organiserKind: p.organiserKind as OrganiserKind,
    organiser: p.organiser,
    place: p.place,
    capacity: p.capacity,
    ageMin: p.ageMin,
    ageMax: p.ageMax,
    requiredTagIds,
    requiredTags: requiredTagIds.map((id) => tagNames.get(id) ?? `#${id}`),
    feeMode: p.feeMode as FeeMode,
    feeAmount: p.feeCents === null ? null : p.feeCents / 100,
    weekdays: parseIds(p.weekdays) as Weekday[],
    startTime: p.startTime,
    endTime: p.endTime,
    termStart: p.termStart,
    termEnd: p.termEnd,
    notes: p.notes,
    archived: p.archivedAt !== null,
    enrolledCount: counts.enrolled,
    waitingCount: counts.waiting,
    updatedAt: iso(p.updatedAt),
  }
}

export function sessionDto(s: ProgrammeSessionModel, recorded: number): SessionDto {
  return {
    id: s.id,
    programmeId: s.programmeId,
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
    status: s.status,
    origin: s.origin,
    note: s.note,
    recorded,
  }
}

export function contactDto(c: ProgrammeContactModel): ContactDto {
  return {
    id: c.id,
    name: c.name,
    relation: c.relation,
    phone: maskMobile(c.phone),
    guardian: c.guardian,
    canPickUp: c.canPickUp,
  }
}

export function enrolmentDto(
  e: EnrolmentModel,
  r: ResidentModel,
  contacts: ProgrammeContactModel[],
  today: string,
  waitingPosition: number | null,
): EnrolmentDto {
  return {
    id: e.id,
    programmeId: e.programmeId,
    residentId: e.residentId,
    name: r.name,
    gender: r.gender,
    age: r.birthDate ? ageOn(r.birthDate, today) : null,
    status: e.status,
    waitingPosition,
    requestedAt: iso(e.requestedAt),
    enrolledAt: isoOrNull(e.enrolledAt),
    promotedAt: isoOrNull(e.promotedAt),
    leftAt: isoOrNull(e.leftAt),
    leftReason: e.leftReason,
    overrideReason: e.overrideReason,
    contacts: contacts.map(contactDto),
    hasAllergies: Boolean(e.allergies),
    hasMedication: Boolean(e.medication),
    notes: e.notes,
  }
}

export function moveDto(e: EnrolmentModel, name: string): MoveDto {
  return { enrolmentId: e.id, residentId: e.residentId, name, at: iso(e.promotedAt ?? e.updatedAt) }
}

/**
 * The resident form's rules, in one place: the form model, its conversion to the channel input,
 * and validation with the very schema main applies (`schemas.residentInput`).
 */
import type { InputOf } from '@contract/channels'
import type { Gender, ResidentDto } from '@contract/dto'
import { schemas } from '@contract/schemas'
import { checkIdNumber, type IdInfo } from '@contract/rules/id-number'
import { checkMobile } from '@contract/rules/phone'
import type { FieldProblems } from '@/api/errors'
import { zodProblems } from '@/forms/zod-problems'
import { DEFAULT_ETHNICITY } from '@/domain/options'

export interface ResidentFormModel {
  name: string
  gender: Gender | null
  idNumber: string
  birthDate: string | null
  ethnicity: string
  mobile: string
  landline: string
  hukouAddress: string
  politicalStatus: string | null
  /** Only to pick the household; not sent. */
  placeId: number | null
  householdId: number | null
  relationToHead: string | null
  tagIds: number[]
  notes: string
  /**
   * When editing, the stored numbers stay in main: the form holds only their masks. A blank field
   * then means "keep" (sent as undefined); typing replaces; "clear" drops the mask to send null.
   */
  keptIdNumber: string | null
  keptMobile: string | null
}

/** Fields that can carry a message, as main names them in `ErrorPayload.fields[].path`. */
export const RESIDENT_FIELDS = [
  'name',
  'gender',
  'idNumber',
  'birthDate',
  'ethnicity',
  'mobile',
  'landline',
  'hukouAddress',
  'politicalStatus',
  'householdId',
  'relationToHead',
  'tagIds',
  'notes',
] as const
export type ResidentField = (typeof RESIDENT_FIELDS)[number]

export function emptyResident(): ResidentFormModel {
  return {
    name: '',
    gender: null,
    idNumber: '',
    birthDate: null,
    ethnicity: DEFAULT_ETHNICITY,
    mobile: '',
    landline: '',
    hukouAddress: '',
    politicalStatus: null,
    placeId: null,
    householdId: null,
    relationToHead: null,
    tagIds: [],
    notes: '',
    keptIdNumber: null,
    keptMobile: null,
  }
}

/** A form filled from a file: masked numbers are kept as masks, never asked for in full. */
export function fromDto(dto: ResidentDto): ResidentFormModel {
  return {
    name: dto.name,
    gender: dto.gender,
    idNumber: dto.idNumberMasked ? '' : (dto.idNumber ?? ''),
    keptIdNumber: dto.idNumberMasked ? dto.idNumber : null,
    birthDate: dto.birthDate,
    ethnicity: dto.ethnicity ?? '',
    mobile: dto.mobileMasked ? '' : (dto.mobile ?? ''),
    keptMobile: dto.mobileMasked ? dto.mobile : null,
    landline: dto.landline ?? '',
    hukouAddress: dto.hukouAddress ?? '',
    politicalStatus: dto.politicalStatus,
    placeId: null,
    householdId: dto.householdId,
    relationToHead: dto.relationToHead,
    tagIds: [...dto.tagIds],
    notes: dto.notes ?? '',
  }
}

/** Birth date and gender read from a valid ID number, or null while it is blank or wrong. */
export function derivedFromId(idNumber: string): IdInfo | null {
  if (!idNumber.trim()) return null
  const r = checkIdNumber(idNumber)
  return r.ok ? r.info : null
}

/** True while a blank ID field stands for the stored (masked) number. */
export function keepsIdNumber(m: ResidentFormModel): boolean {
  return !m.idNumber.trim() && !!m.keptIdNumber
}

/** What the form shows as derived: from the typed ID, or, while the stored one is kept, from the file. */
export function derivedOf(m: ResidentFormModel): Pick<IdInfo, 'birthDate' | 'gender'> | null {
  const typed = derivedFromId(m.idNumber)
  if (typed) return typed
  return keepsIdNumber(m) && m.birthDate && m.gender ? { birthDate: m.birthDate, gender: m.gender } : null
}

export function mobileWarning(mobile: string): 'mobileUnallocated' | null {
  if (!mobile.trim()) return null
  const r = checkMobile(mobile)
  return r.ok && r.warning ? 'mobileUnallocated' : null
}

export function toInput(m: ResidentFormModel): InputOf<'residents:create'> {
  const derived = derivedOf(m)
  const hasId = m.idNumber.trim() !== '' || keepsIdNumber(m)
  return {
    name: m.name,
    gender: derived ? derived.gender : m.gender,
    idNumber: m.idNumber.trim() ? m.idNumber : keepsIdNumber(m) ? undefined : null,
    // With an ID number, the ID decides the birth date; a stale picked date must not travel.
    birthDate: derived ? derived.birthDate : hasId ? null : m.birthDate,
    ethnicity: m.ethnicity,
    mobile: !m.mobile.trim() && m.keptMobile ? undefined : m.mobile,
    landline: m.landline,
    hukouAddress: m.hukouAddress,
    politicalStatus: m.politicalStatus,
    householdId: m.householdId,
    relationToHead: m.householdId ? m.relationToHead : null,
    tagIds: [...m.tagIds],
    notes: m.notes,
  }
}

/** Every problem the shared schema finds, keyed by field. */
export function validateResident(m: ResidentFormModel): FieldProblems {
  const parsed = schemas.residentInput.safeParse(toInput(m))
  return parsed.success ? {} : zodProblems(parsed.error)
}

/** What the programme channels return (issue 5): plain JSON, sensitive fields masked. */
import type { Weekday } from './rules/programme-schedule'

export const PROGRAMME_TYPES = [
  'after-school', // 五点半学校 / 课余乐园
  'day-care', // 日间照料
  'home-care', // 居家养老
  'companionship', // 爱心陪伴
  'doctor-visit', // 送医上门
  'health-care', // 健康关爱
  'legal-visit', // 送法上门
  'integrity-rating', // 季评诚信
  'custom',
] as const
export type ProgrammeType = (typeof PROGRAMME_TYPES)[number]

export const FEE_MODES = ['free', 'low'] as const
export type FeeMode = (typeof FEE_MODES)[number]

export const ORGANISER_KINDS = ['station', 'partner'] as const
export type OrganiserKind = (typeof ORGANISER_KINDS)[number]

export const ATTENDANCE_STATUSES = ['present', 'late', 'left-early', 'absent-notice', 'absent'] as const
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number]

export type EnrolmentStatus = 'enrolled' | 'waiting' | 'left'

export interface ProgrammeDto {
  id: number
  name: string
  type: ProgrammeType
  /** The name of a custom type (only when type is `custom`). */
  customType: string | null
  organiserKind: OrganiserKind
  organiser: string
  place: string
  capacity: number
  ageMin: number | null
  ageMax: number | null
  requiredTagIds: number[]
  requiredTags: string[]
  feeMode: FeeMode
  /** Yuan, for 低偿; null when 无偿. */
  feeAmount: number | null
  weekdays: Weekday[]
  startTime: string
  endTime: string
  termStart: string
  termEnd: string
  notes: string | null
  archived: boolean
  enrolledCount: number
  waitingCount: number
  updatedAt: string
}

export interface SessionDto {
  id: number
  programmeId: number
  date: string
  startTime: string
  endTime: string
  status: 'scheduled' | 'cancelled'
  /** From the timetable, or added by hand. */
  origin: 'schedule' | 'added'
  note: string | null
  /** Attendance records taken so far. */
  recorded: number
}

export interface ContactDto {
  id: number
  name: string
  relation: string
  /** Masked; the full number through `enrolments:reveal`. */
  phone: string | null
  guardian: boolean
  canPickUp: boolean
}

export interface EnrolmentDto {
  id: number
  programmeId: number
  residentId: number
  name: string
  gender: 'M' | 'F' | null
  age: number | null
  status: EnrolmentStatus
  /** 1-based place on the waiting list; null unless waiting. */
  waitingPosition: number | null
  requestedAt: string
  enrolledAt: string | null
  /** When the person was moved in from the waiting list. */
  promotedAt: string | null
  leftAt: string | null
  leftReason: string | null
  /** Why staff enrolled someone the eligibility check refused; null when eligible. */
  overrideReason: string | null
  contacts: ContactDto[]
  /** Health notes are sensitive: only whether there are any, until revealed (audited). */
  hasAllergies: boolean
  hasMedication: boolean
  notes: string | null
}

/** Someone moved from the waiting list into the programme: shown to staff at once. */
export interface MoveDto {
  enrolmentId: number
  residentId: number
  name: string
  at: string
}

export interface EnrolmentResultDto {
  enrolment: EnrolmentDto
  moved: MoveDto[]
}

export interface ProgrammeDetailDto {
  programme: ProgrammeDto
  sessions: SessionDto[]
  enrolled: EnrolmentDto[]
  waiting: EnrolmentDto[]
  left: EnrolmentDto[]
  /** Moves from the waiting list, newest first. */
  moves: MoveDto[]
  /** Timetable days the holiday calendar took away, with the festival's name. */
  skipped: Array<{ date: string; festival: string | null }>
}

export interface ProgrammeSaveResultDto {
  detail: ProgrammeDetailDto
  /** People a raised capacity moved in from the waiting list. */
  moved: MoveDto[]
}

export interface RosterRowDto {
  enrolmentId: number
  residentId: number
  name: string
  initials: string
  age: number | null
  status: AttendanceStatus | null
  signedInAt: string | null
  signedOutAt: string | null
  pickedUpBy: string | null
  note: string | null
  /** Pick-up people, for the sign-out choice (names and relations only). */
  pickUp: Array<{ id: number; name: string; relation: string }>
}

export interface RosterDto {
  session: SessionDto
  programme: Pick<ProgrammeDto, 'id' | 'name' | 'type' | 'place' | 'organiser'>
  /** Everyone enrolled, or those matching the search, in name order. */
  rows: RosterRowDto[]
  total: number
}

export interface FollowUpDto {
  programmeId: number
  programmeName: string
  programmeType: ProgrammeType
  enrolmentId: number
  residentId: number
  name: string
  /** Consecutive latest sessions missed without notice (at least 2). */
  missed: number
  dates: string[]
  /** Masked contact numbers to call (guardians first). */
  contacts: Array<{ name: string; relation: string | null; phone: string | null }>
}

export interface EnrolmentRevealDto {
  allergies: string | null
  medication: string | null
  contacts: Array<{ id: number; phone: string | null }>
}

/** One programme's month: what the monthly report to the street office asks for. */
export interface ProgrammeMonthDto {
  programmeId: number
  month: string
  /** People enrolled at any time in the month. */
  enrolled: number
  /** Sessions of the month, up to today, in which attendance was taken. */
  sessionsHeld: number
  sessionsCancelled: number
  /** Present, late or left early, summed over the sessions held. */
  attendances: number
  /** Places expected: everyone enrolled on each session's day, summed. */
  expected: number
  /** attendances / expected, 0–1; null when nothing was held. */
  attendanceRate: number | null
  /** Session length × people there, in hours (a left-early person counts the whole session). */
  serviceHours: number
}

/**
 * Result shapes of the party channels: branches (支部), their committee and groups, party members,
 * meetings (三会一课 and more), and compliance. Times of meetings are Shanghai wall-clock times,
 * `YYYY-MM-DDTHH:mm`, as the secretary writes them in the record.
 */

/** 支部党员大会, 支委会, 党小组会, 党课, 主题党日, 组织生活会, 民主评议党员. */
export const MEETING_TYPES = ['general', 'committee', 'group', 'lecture', 'themeDay', 'lifeMeeting', 'review'] as const
export type MeetingType = (typeof MEETING_TYPES)[number]

/** 书记, 副书记, 组织委员, 宣传委员, 纪检委员. */
export const COMMITTEE_ROLES = ['secretary', 'deputySecretary', 'organisation', 'propaganda', 'discipline'] as const
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number]

/** 主题党日 forms: 学习, 组织生活, 民主议事, 志愿服务. */
export const THEME_FORMS = ['study', 'organisationalLife', 'democraticDeliberation', 'volunteer'] as const
export type ThemeForm = (typeof THEME_FORMS)[number]

/** 正式党员 vote; 预备党员 attend but do not vote. */
export const MEMBER_KINDS = ['full', 'probationary'] as const
export type MemberKind = (typeof MEMBER_KINDS)[number]

/** active: in the branch; outflow: 流出 (working elsewhere, still ours); left: transferred out, died. */
export const MEMBER_STATUSES = ['active', 'outflow', 'left'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

export const ATTENDANCE = ['present', 'leave', 'absent'] as const
export type AttendanceStatus = (typeof ATTENDANCE)[number]

export const MEETING_STATUSES = ['draft', 'finalised'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

/** How often a meeting type is required: n times a month, quarter or year, or not at all. */
export const FREQUENCY_PERIODS = ['month', 'quarter', 'year', 'none'] as const
export type FrequencyPeriod = (typeof FREQUENCY_PERIODS)[number]

export interface CommitteeSeatDto {
  memberId: number
  name: string
  role: CommitteeRole
}

export interface PartyGroupDto {
  id: number
  branchId: number
  name: string
  leaderMemberId: number | null
  leaderName: string | null
  memberCount: number
  archived: boolean
}

export interface PartyBranchDto {
  id: number
  name: string
  committee: CommitteeSeatDto[]
  groups: PartyGroupDto[]
  memberCount: number
  archived: boolean
}

export interface MemberHistoryDto {
  at: string
  /** joined, becameFull, outflow, returned, left, moved (branch/group), edited. */
  change: string
  /** The date the change took effect (YYYY-MM-DD), as written, not when it was typed. */
  effectiveDate: string | null
  detail: string | null
  byName: string | null
}

export interface PartyMemberDto {
  id: number
  /** The resident file this member is, where one exists. */
  residentId: number | null
  name: string
  gender: 'M' | 'F' | null
  branchId: number
  branchName: string
  groupId: number | null
  groupName: string | null
  kind: MemberKind
  /** 入党日期 (YYYY-MM-DD). */
  joinedDate: string | null
  /** 转正日期, for full members. */
  fullDate: string | null
  status: MemberStatus
  /** 流入党员: where their membership is held. */
  inflow: { origin: string; dateIn: string | null; originContact: string | null } | null
  /** 流出党员: where they went. */
  outflow: { destination: string; dateOut: string | null } | null
  notes: string | null
  history: MemberHistoryDto[]
  updatedAt: string
}

export interface AttendanceDto {
  memberId: number
  name: string
  /** Full members vote; probationary ones do not, and do not count for quorum. */
  voting: boolean
  status: AttendanceStatus
  reason: string | null
}

export interface VoteDto {
  for: number
  against: number
  abstain: number
}

export interface AgendaItemDto {
  topic: string
  record: string
  dissent: string
  vote: VoteDto | null
  resolution: string
}

/** Quorum and majority as the rules (rules/meeting-rules.ts) judge this meeting. */
export interface MeetingChecksDto {
  expected: number
  present: number
  leave: number
  absent: number
  expectedVoting: number
  presentVoting: number
  /** Whether this type has a quorum rule (general meeting, committee). */
  quorumApplies: boolean
  quorumMet: boolean
  /** Per agenda item: passed (true/false), or null when no vote was taken; flagged without quorum. */
  votes: Array<{ passed: boolean | null; flag: 'noQuorum' | 'countsExceedPresent' | null }>
}

export interface FollowUpDto {
  id: number
  text: string
  ownerMemberId: number | null
  ownerName: string | null
  dueDate: string | null
  doneDate: string | null
  overdue: boolean
}

export interface AttachmentDto {
  id: number
  fileName: string
  mime: string
  size: number
  addedAt: string
}

export interface AmendmentDto {
  id: number
  at: string
  byName: string | null
  text: string
}

export interface MeetingListItemDto {
  id: number
  branchId: number
  branchName: string
  groupId: number | null
  groupName: string | null
  type: MeetingType
  title: string
  startAt: string
  endAt: string | null
  place: string
  status: MeetingStatus
  present: number
  expected: number
  updatedAt: string
}

export interface MeetingDto extends MeetingListItemDto {
  chairMemberId: number | null
  chairName: string | null
  recorderMemberId: number | null
  recorderName: string | null
  lecturer: string | null
  topic: string | null
  theme: string | null
  themeForm: ThemeForm | null
  attendance: AttendanceDto[]
  /** 列席: non-voting attendees by name. */
  observers: string[]
  agenda: AgendaItemDto[]
  followUps: FollowUpDto[]
  attachments: AttachmentDto[]
  amendments: AmendmentDto[]
  checks: MeetingChecksDto
  finalisedAt: string | null
  finalisedBy: string | null
}

export interface AttachmentFileDto {
  fileName: string
  mime: string
  dataBase64: string
}

export type ComplianceCellState = 'held' | 'missing' | 'dueSoon' | 'open' | 'notRequired' | 'future'

export interface ComplianceCellDto {
  /** 1–12 for months, 1–4 for quarters, 1 for the year. */
  period: number
  state: ComplianceCellState
  held: number
  required: number
  meetingIds: number[]
  /** Why it was not required, when so marked. */
  reason: string | null
}

export interface ComplianceRowDto {
  type: MeetingType
  /** For group meetings: one row per group. */
  groupId: number | null
  groupName: string | null
  period: FrequencyPeriod
  timesPerPeriod: number
  cells: ComplianceCellDto[]
}

export interface ComplianceDto {
  branchId: number
  year: number
  rows: ComplianceRowDto[]
}

export interface RequirementDto {
  type: MeetingType
  period: FrequencyPeriod
  timesPerPeriod: number
  /** True when it is the default from the 支部工作条例 (DOMAIN.md), not the branch's own. */
  isDefault: boolean
}

export interface MemberAttendanceDto {
  memberId: number
  name: string
  expected: number
  present: number
  leave: number
  absent: number
  /** present / expected, 0–1; null when never expected. */
  rate: number | null
  /** The longest run of consecutive absences (without leave) this year. */
  longestAbsentRun: number
  /** Absent three times in a row or more. */
  flagged: boolean
}

/** Models of the party tables (migration 0003): branches, groups, members, meetings, compliance. */
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize'

type Row<T extends object, K extends keyof T> = Model<T, Optional<T, K>> & T

export interface PartyBranchRow {
  id: number
  name: string
  archivedAt: Date | null
  createdAt: Date
  updatedAt: Date
}
export interface PartyGroupRow {
  id: number
  branchId: number
  name: string
  leaderMemberId: number | null
  archivedAt: Date | null
  createdAt: Date
  updatedAt: Date
}
export interface PartyMemberRow {
  id: number
  residentId: number | null
  name: string
  gender: 'M' | 'F' | null
  branchId: number
  groupId: number | null
  kind: 'full' | 'probationary'
  joinedDate: string | null
  fullDate: string | null
  status: 'active' | 'outflow' | 'left'
  inflowOrigin: string | null
  inflowDate: string | null
  inflowContact: string | null
  outflowDestination: string | null
  outflowDate: string | null
  notes: string | null
  createdAt: Date
  updatedAt: Date
}
export interface MemberHistoryRow {
  id: number
  memberId: number
  at: Date
  change: string
  effectiveDate: string | null
  detail: string | null
  accountId: number | null
}
export interface CommitteeSeatRow {
  id: number
  branchId: number
  memberId: number
  role: string
}
export interface MeetingRow {
  id: number
  branchId: number
  groupId: number | null
  type: string
  title: string
  startAt: string
  endAt: string | null
  place: string
  chairMemberId: number | null
  recorderMemberId: number | null
  lecturer: string | null
  topic: string | null
  theme: string | null
  themeForm: string | null
  observers: string
  status: 'draft' | 'finalised'
  finalisedAt: Date | null
  finalisedBy: number | null
  discardedAt: Date | null
  createdAt: Date
  updatedAt: Date
}
export interface AttendanceRow {
  meetingId: number
  memberId: number
  name: string
  voting: boolean
  status: 'present' | 'leave' | 'absent'
  reason: string | null
}
export interface AgendaItemRow {
  id: number
  meetingId: number
  sort: number
  topic: string
  record: string
  dissent: string
  voteFor: number | null
  voteAgainst: number | null
  voteAbstain: number | null
  resolution: string
}
export interface FollowUpRow {
  id: number
  meetingId: number
  sort: number
  text: string
  ownerMemberId: number | null
  dueDate: string | null
  doneDate: string | null
}
export interface AttachmentRow {
  id: number
  meetingId: number
  fileName: string
  mime: string
  size: number
  data: Buffer
  addedAt: Date
  accountId: number | null
}
export interface AmendmentRow {
  id: number
  meetingId: number
  at: Date
  accountId: number | null
  text: string
}
export interface RequirementRow {
  id: number
  branchId: number
  type: string
  period: string
  timesPerPeriod: number
}
export interface ExemptionRow {
  id: number
  branchId: number
  type: string
  groupId: number | null
  year: number
  period: number
  reason: string
  accountId: number | null
  at: Date
}

type Stamped = 'id' | 'createdAt' | 'updatedAt'
export type PartyBranchModel = Row<PartyBranchRow, Stamped | 'archivedAt'>
export type PartyGroupModel = Row<PartyGroupRow, Stamped | 'archivedAt' | 'leaderMemberId'>
export type PartyMemberModel = Row<
  PartyMemberRow,
  | Stamped
  | 'residentId'
  | 'gender'
  | 'groupId'
  | 'joinedDate'
  | 'fullDate'
  | 'inflowOrigin'
  | 'inflowDate'
  | 'inflowContact'
  | 'outflowDestination'
  | 'outflowDate'
  | 'notes'
>
export type MemberHistoryModel = Row<MemberHistoryRow, 'id' | 'effectiveDate' | 'detail' | 'accountId'>
export type CommitteeSeatModel = Row<CommitteeSeatRow, 'id'>
export type MeetingModel = Row<
  MeetingRow,
  | Stamped
  | 'groupId'
  | 'endAt'
  | 'chairMemberId'
  | 'recorderMemberId'
  | 'lecturer'
  | 'topic'
  | 'theme'
  | 'themeForm'
  | 'observers'
  | 'finalisedAt'
  | 'finalisedBy'
  | 'discardedAt'
>
export type AttendanceModel = Row<AttendanceRow, 'reason'>
export type AgendaItemModel = Row<AgendaItemRow, 'id' | 'voteFor' | 'voteAgainst' | 'voteAbstain'>
export type FollowUpModel = Row<FollowUpRow, 'id' | 'ownerMemberId' | 'dueDate' | 'doneDate'>
export type AttachmentModel = Row<AttachmentRow, 'id' | 'accountId'>
export type AmendmentModel = Row<AmendmentRow, 'id' | 'accountId'>
export type RequirementModel = Row<RequirementRow, 'id'>
export type ExemptionModel = Row<ExemptionRow, 'id' | 'groupId' | 'accountId'>

export interface PartyModels {
  PartyBranch: ModelStatic<PartyBranchModel>
  PartyGroup: ModelStatic<PartyGroupModel>
  PartyMember: ModelStatic<PartyMemberModel>
  MemberHistory: ModelStatic<MemberHistoryModel>
  CommitteeSeat: ModelStatic<CommitteeSeatModel>
  Meeting: ModelStatic<MeetingModel>
  Attendance: ModelStatic<AttendanceModel>
  AgendaItem: ModelStatic<AgendaItemModel>
  FollowUp: ModelStatic<FollowUpModel>
  Attachment: ModelStatic<AttachmentModel>
  Amendment: ModelStatic<AmendmentModel>
  Requirement: ModelStatic<RequirementModel>
  Exemption: ModelStatic<ExemptionModel>
}

const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }
const int = (allowNull = false) => ({ type: DataTypes.INTEGER, allowNull })
const str = (n: number, allowNull = true) => ({ type: DataTypes.STRING(n), allowNull })
const txt = (allowNull = false) => ({ type: DataTypes.TEXT, allowNull })
const date = (allowNull = true) => ({ type: DataTypes.DATE, allowNull })
const stamps = { createdAt: DataTypes.DATE, updatedAt: DataTypes.DATE }
const o = (tableName: string, timestamps = true) => ({ underscored: true, tableName, timestamps })

export function definePartyModels(sequelize: Sequelize): PartyModels {
  return {
    PartyBranch: sequelize.define<PartyBranchModel>(
      'PartyBranch',
      { id, name: str(60, false), archivedAt: date(), ...stamps },
      o('party_branches'),
    ),
    PartyGroup: sequelize.define<PartyGroupModel>(
      'PartyGroup',
      { id, branchId: int(), name: str(40, false), leaderMemberId: int(true), archivedAt: date(), ...stamps },
      o('party_groups'),
    ),
    PartyMember: sequelize.define<PartyMemberModel>(
      'PartyMember',
      {
        id,
        residentId: int(true),
        name: str(40, false),
        gender: str(1),
        branchId: int(),
        groupId: int(true),
        kind: str(16, false),
        joinedDate: str(10),
        fullDate: str(10),
        status: str(16, false),
        inflowOrigin: str(80),
        inflowDate: str(10),
        inflowContact: str(80),
        outflowDestination: str(80),
        outflowDate: str(10),
        notes: txt(true),
        ...stamps,
      },
      o('party_members'),
    ),
    MemberHistory: sequelize.define<MemberHistoryModel>(
      'MemberHistory',
      {
        id,
        memberId: int(),
        at: date(false),
        change: str(16, false),
        effectiveDate: str(10),
        detail: str(200),
        accountId: int(true),
      },
      o('party_member_history', false),
    ),
    CommitteeSeat: sequelize.define<CommitteeSeatModel>(
      'CommitteeSeat',
      { id, branchId: int(), memberId: int(), role: str(24, false) },
      o('committee_seats', false),
    ),
    Meeting: sequelize.define<MeetingModel>(
      'Meeting',
      {
        id,
        branchId: int(),
        groupId: int(true),
        type: str(16, false),
        title: str(120, false),
        startAt: str(16, false),
        endAt: str(16),
        place: str(80, false),
        chairMemberId: int(true),
        recorderMemberId: int(true),
        lecturer: str(40),
        topic: str(120),
        theme: str(120),
        themeForm: str(32),
        observers: { type: DataTypes.TEXT, allowNull: false, defaultValue: '[]' },
        status: str(16, false),
        finalisedAt: date(),
        finalisedBy: int(true),
        discardedAt: date(),
        ...stamps,
      },
      o('meetings'),
    ),
    Attendance: sequelize.define<AttendanceModel>(
      'Attendance',
      {
        meetingId: { type: DataTypes.INTEGER, primaryKey: true },
        memberId: { type: DataTypes.INTEGER, primaryKey: true },
        name: str(40, false),
        voting: { type: DataTypes.BOOLEAN, allowNull: false },
        status: str(16, false),
        reason: str(100),
      },
      o('meeting_attendance', false),
    ),
    AgendaItem: sequelize.define<AgendaItemModel>(
      'AgendaItem',
      {
        id,
        meetingId: int(),
        sort: int(),
        topic: str(200, false),
        record: txt(),
        dissent: txt(),
        voteFor: int(true),
        voteAgainst: int(true),
        voteAbstain: int(true),
        resolution: txt(),
      },
      o('meeting_agenda_items', false),
    ),
    FollowUp: sequelize.define<FollowUpModel>(
      'FollowUp',
      {
        id,
        meetingId: int(),
        sort: int(),
        text: str(200, false),
        ownerMemberId: int(true),
        dueDate: str(10),
        doneDate: str(10),
      },
      o('meeting_follow_ups', false),
    ),
    Attachment: sequelize.define<AttachmentModel>(
      'Attachment',
      {
        id,
        meetingId: int(),
        fileName: str(200, false),
        mime: str(40, false),
        size: int(),
        data: { type: DataTypes.BLOB, allowNull: false },
        addedAt: date(false),
        accountId: int(true),
      },
      o('meeting_attachments', false),
    ),
    Amendment: sequelize.define<AmendmentModel>(
      'Amendment',
      { id, meetingId: int(), at: date(false), accountId: int(true), text: txt() },
      o('meeting_amendments', false),
    ),
    Requirement: sequelize.define<RequirementModel>(
      'Requirement',
      { id, branchId: int(), type: str(16, false), period: str(8, false), timesPerPeriod: int() },
      o('meeting_requirements', false),
    ),
    Exemption: sequelize.define<ExemptionModel>(
      'Exemption',
      {
        id,
        branchId: int(),
        type: str(16, false),
        groupId: int(true),
        year: int(),
        period: int(),
        reason: str(200, false),
        accountId: int(true),
        at: date(false),
      },
      o('meeting_exemptions', false),
    ),
  }
}

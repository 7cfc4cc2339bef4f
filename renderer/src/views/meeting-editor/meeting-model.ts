/**
 * The meeting editor's form: what is loaded from a MeetingDto, what a save sends, and the live
 * checks (quorum, each vote) by the same rules main applies when it records and prints them.
 */
import type {
  AttendanceStatus,
  MeetingChecksDto,
  MeetingDto,
  MeetingType,
  ThemeForm,
  VoteDto,
} from '@contract/party-dto'
import type { MeetingInput } from '@contract/party-schemas'
import { hasQuorumRule, quorumMet, resolutionPasses, voteExceedsPresent } from '@contract/rules/meeting-rules'

export interface AttendanceRow {
  memberId: number
  name: string
  voting: boolean
  status: AttendanceStatus
  reason: string
}

export interface AgendaRow {
  topic: string
  record: string
  dissent: string
  hasVote: boolean
  vote: VoteDto
  resolution: string
}

export interface FollowUpRow {
  id?: number
  text: string
  ownerMemberId: number | null
  dueDate: string | null
}

export interface MeetingFormModel {
  title: string
  startAt: string
  endAt: string | null
  place: string
  chairMemberId: number | null
  recorderMemberId: number | null
  lecturer: string
  topic: string
  theme: string
  themeForm: ThemeForm | null
  attendance: AttendanceRow[]
  observers: string[]
  agenda: AgendaRow[]
  followUps: FollowUpRow[]
}

export function emptyMeetingModel(): MeetingFormModel {
  return {
    title: '',
    startAt: '',
    endAt: null,
    place: '',
    chairMemberId: null,
    recorderMemberId: null,
    lecturer: '',
    topic: '',
    theme: '',
    themeForm: null,
    attendance: [],
    observers: [],
    agenda: [],
    followUps: [],
  }
}

export function emptyAgendaRow(): AgendaRow {
  return {
    topic: '',
    record: '',
    dissent: '',
    hasVote: false,
    vote: { for: 0, against: 0, abstain: 0 },
    resolution: '',
  }
}

export function fromMeeting(m: MeetingDto): MeetingFormModel {
  return {
    title: m.title,
    startAt: m.startAt,
    endAt: m.endAt,
    place: m.place,
    chairMemberId: m.chairMemberId,
    recorderMemberId: m.recorderMemberId,
    lecturer: m.lecturer ?? '',
    topic: m.topic ?? '',
    theme: m.theme ?? '',
    themeForm: m.themeForm,
    attendance: m.attendance.map((a) => ({ ...a, reason: a.reason ?? '' })),
    observers: [...m.observers],
    agenda: m.agenda.map((a) => ({
      topic: a.topic,
      record: a.record,
      dissent: a.dissent,
      hasVote: a.vote !== null,
      vote: a.vote ? { ...a.vote } : { for: 0, against: 0, abstain: 0 },
      resolution: a.resolution,
    })),
    followUps: m.followUps.map((f) => ({ id: f.id, text: f.text, ownerMemberId: f.ownerMemberId, dueDate: f.dueDate })),
  }
}

const blankToNull = (s: string): string | null => (s.trim() ? s.trim() : null)

/** The fields a type does not have are sent empty: a 党课's lecturer is not kept on a 支委会. */
export function toMeetingData(m: MeetingFormModel, type: MeetingType): MeetingInput {
  return {
    title: m.title.trim(),
    startAt: m.startAt,
    endAt: m.endAt || null,
    place: m.place.trim(),
    chairMemberId: m.chairMemberId,
    recorderMemberId: m.recorderMemberId,
    lecturer: type === 'lecture' ? blankToNull(m.lecturer) : null,
    topic: type === 'lecture' ? blankToNull(m.topic) : null,
    theme: type === 'themeDay' ? blankToNull(m.theme) : null,
    themeForm: type === 'themeDay' ? m.themeForm : null,
    attendance: m.attendance.map((a) => ({
      memberId: a.memberId,
      status: a.status,
      reason: a.status === 'present' ? null : blankToNull(a.reason),
    })),
    observers: m.observers.map((o) => o.trim()).filter(Boolean),
    agenda: m.agenda
      .filter((a) => a.topic.trim() || a.record.trim() || a.resolution.trim())
      .map((a) => ({
        topic: a.topic.trim(),
        record: a.record,
        dissent: a.dissent,
        vote: a.hasVote ? { ...a.vote } : null,
        resolution: a.resolution,
      })),
    followUps: m.followUps
      .filter((f) => f.text.trim())
      .map((f) => ({
        ...(f.id ? { id: f.id } : {}),
        text: f.text.trim(),
        ownerMemberId: f.ownerMemberId,
        dueDate: f.dueDate || null,
      })),
  }
}

export function snapshotOf(m: MeetingFormModel): string {
  return JSON.stringify(m)
}

/** 应到/实到/请假/缺席, quorum and each vote, as the form stands now. */
export function liveChecks(type: MeetingType, attendance: readonly AttendanceRow[], agenda: readonly AgendaRow[]) {
  const count = (s: AttendanceStatus) => attendance.filter((a) => a.status === s).length
  const expectedVoting = attendance.filter((a) => a.voting).length
  const presentVoting = attendance.filter((a) => a.voting && a.status === 'present').length
  const quorumApplies = hasQuorumRule(type)
  const quorum = quorumMet(expectedVoting, presentVoting)
  const votes: MeetingChecksDto['votes'] = agenda.map((item) => {
    if (!item.hasVote) return { passed: null, flag: null }
    if (quorumApplies && !quorum) return { passed: false, flag: 'noQuorum' }
    if (voteExceedsPresent(item.vote, presentVoting)) {
      return { passed: resolutionPasses(expectedVoting, item.vote), flag: 'countsExceedPresent' }
    }
    return { passed: resolutionPasses(expectedVoting, item.vote), flag: null }
  })
  return {
    expected: attendance.length,
    present: count('present'),
    leave: count('leave'),
    absent: count('absent'),
    expectedVoting,
    presentVoting,
    quorumApplies,
    quorumMet: quorum,
    votes,
  } satisfies MeetingChecksDto
}

export type MeetingField = 'title' | 'startAt' | 'endAt' | 'place'

/** What the form can say before asking main: the required fields and an end before the start. */
export function validateMeeting(m: MeetingFormModel): Partial<Record<MeetingField, { message: string }>> {
  const problems: Partial<Record<MeetingField, { message: string }>> = {}
  if (!m.title.trim()) problems.title = { message: 'validation.required' }
  if (!m.startAt) problems.startAt = { message: 'validation.required' }
  if (!m.place.trim()) problems.place = { message: 'validation.required' }
  if (m.endAt && m.startAt && m.endAt < m.startAt) problems.endAt = { message: 'party.editor.endBeforeStart' }
  return problems
}

/** Quorum and majority of one meeting as the rules judge it, from its attendance and agenda. */
import type { AgendaItemDto, AttendanceStatus, MeetingChecksDto, MeetingType } from '../../contract/party-dto'
import { hasQuorumRule, quorumMet, resolutionPasses, voteExceedsPresent } from '../../contract/rules/meeting-rules'

export function meetingChecks(
  type: MeetingType,
  attendance: ReadonlyArray<{ voting: boolean; status: AttendanceStatus }>,
  agenda: ReadonlyArray<Pick<AgendaItemDto, 'vote'>>,
): MeetingChecksDto {
  const count = (s: AttendanceStatus) => attendance.filter((a) => a.status === s).length
  const expectedVoting = attendance.filter((a) => a.voting).length
  const presentVoting = attendance.filter((a) => a.voting && a.status === 'present').length
  const quorumApplies = hasQuorumRule(type)
  // "Met" reads as "no quorum problem": a type without a quorum rule never has one.
  const met = !quorumApplies || quorumMet(expectedVoting, presentVoting)
  return {
    expected: attendance.length,
    present: count('present'),
    leave: count('leave'),
    absent: count('absent'),
    expectedVoting,
    presentVoting,
    quorumApplies,
    quorumMet: met,
    votes: agenda.map(({ vote }) => {
      if (!vote) return { passed: null, flag: null }
      // A vote without quorum is kept as recorded, but never shown as if it were valid.
      const flag = !met ? 'noQuorum' : voteExceedsPresent(vote, presentVoting) ? 'countsExceedPresent' : null
      return { passed: resolutionPasses(expectedVoting, vote), flag }
    }),
  }
}

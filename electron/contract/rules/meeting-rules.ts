/**
 * The rules of 三会一课 (支部工作条例, 2018; DOMAIN.md): who counts for quorum, when a vote
 * passes, how often each meeting is required. Pure, shared by the meeting editor (live checks)
 * and the main process (which records and prints them).
 */
import type { FrequencyPeriod, MeetingType, VoteDto } from '../party-dto'

/** Types whose decisions need a quorum: the general meeting and the committee. */
export function hasQuorumRule(type: MeetingType): boolean {
  return type === 'general' || type === 'committee'
}

/**
 * More than half of the voting members who should attend are present. Probationary members
 * attend but neither vote nor count. Exactly half is not enough.
 */
export function quorumMet(expectedVoting: number, presentVoting: number): boolean {
  return expectedVoting > 0 && presentVoting * 2 > expectedVoting
}

/**
 * A resolution passes with more than half of those who should attend (not of those present):
 * a tie, or a majority of a thin room, does not pass.
 */
export function resolutionPasses(expectedVoting: number, vote: VoteDto): boolean {
  return vote.for * 2 > expectedVoting
}

/** A vote whose counts add up to more people than were there is a typing slip to flag. */
export function voteExceedsPresent(vote: VoteDto, presentVoting: number): boolean {
  return vote.for + vote.against + vote.abstain > presentVoting
}

export interface Requirement {
  period: FrequencyPeriod
  timesPerPeriod: number
}

/**
 * The defaults, configurable per branch: general meeting quarterly, committee and group monthly,
 * party lecture quarterly (the common local rule), thematic party day monthly, 组织生活会 and
 * 民主评议党员 yearly.
 */
export const DEFAULT_REQUIREMENTS: Record<MeetingType, Requirement> = {
  general: { period: 'quarter', timesPerPeriod: 1 },
  committee: { period: 'month', timesPerPeriod: 1 },
  group: { period: 'month', timesPerPeriod: 1 },
  lecture: { period: 'quarter', timesPerPeriod: 1 },
  themeDay: { period: 'month', timesPerPeriod: 1 },
  lifeMeeting: { period: 'year', timesPerPeriod: 1 },
  review: { period: 'year', timesPerPeriod: 1 },
}

/** How many periods a year has: 12 months, 4 quarters, 1 year (0 when not required). */
export function periodsInYear(period: FrequencyPeriod): number {
  return period === 'month' ? 12 : period === 'quarter' ? 4 : period === 'year' ? 1 : 0
}

/** The period (1-based) a `YYYY-MM-DD…` date falls in. */
export function periodOf(period: FrequencyPeriod, date: string): number {
  const month = Number(date.slice(5, 7))
  return period === 'month' ? month : period === 'quarter' ? Math.ceil(month / 3) : 1
}

/** First and last day (YYYY-MM-DD) of a period of a year. */
export function periodRange(period: FrequencyPeriod, year: number, n: number): { from: string; to: string } {
  const [firstMonth, lastMonth] = period === 'month' ? [n, n] : period === 'quarter' ? [3 * n - 2, 3 * n] : [1, 12]
  const pad = (x: number) => String(x).padStart(2, '0')
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate()
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` }
}

import { describe, expect, it } from 'vitest'
import {
  hasQuorumRule,
  periodOf,
  periodRange,
  quorumMet,
  resolutionPasses,
  voteExceedsPresent,
} from '../../../electron/contract/rules/meeting-rules'

describe('quorum', () => {
  it('needs more than half: exactly half present is not a quorum', () => {
    expect(quorumMet(10, 6)).toBe(true)
    expect(quorumMet(10, 5)).toBe(false)
    expect(quorumMet(9, 5)).toBe(true)
    expect(quorumMet(9, 4)).toBe(false)
    expect(quorumMet(0, 0)).toBe(false)
  })

  it('applies to the general meeting and the committee only', () => {
    expect(hasQuorumRule('general')).toBe(true)
    expect(hasQuorumRule('committee')).toBe(true)
    expect(hasQuorumRule('lecture')).toBe(false)
    expect(hasQuorumRule('group')).toBe(false)
  })
})

describe('majority', () => {
  it('counts against those who should attend, not those present; a tie fails', () => {
    // 10 should attend, 7 present: 5 for passes, 4 for (a majority of the room) does not.
    expect(resolutionPasses(10, { for: 5, against: 1, abstain: 1 })).toBe(false)
    expect(resolutionPasses(10, { for: 6, against: 1, abstain: 0 })).toBe(true)
    expect(resolutionPasses(9, { for: 5, against: 0, abstain: 0 })).toBe(true)
    expect(resolutionPasses(8, { for: 4, against: 4, abstain: 0 })).toBe(false)
  })

  it('flags counts that add up to more than were present', () => {
    expect(voteExceedsPresent({ for: 5, against: 2, abstain: 1 }, 7)).toBe(true)
    expect(voteExceedsPresent({ for: 5, against: 1, abstain: 1 }, 7)).toBe(false)
  })
})

describe('periods', () => {
  it('places dates in months and quarters', () => {
    expect(periodOf('month', '2026-03-31T19:00')).toBe(3)
    expect(periodOf('quarter', '2026-07-01')).toBe(3)
    expect(periodOf('year', '2026-12-31')).toBe(1)
  })

  it('gives each period its first and last day, leap years included', () => {
    expect(periodRange('month', 2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(periodRange('quarter', 2026, 3)).toEqual({ from: '2026-07-01', to: '2026-09-30' })
    expect(periodRange('year', 2026, 1)).toEqual({ from: '2026-01-01', to: '2026-12-31' })
  })
})

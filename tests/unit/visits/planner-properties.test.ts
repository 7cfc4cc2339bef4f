/**
 * Planner properties on seeded instances: every instance is generated from its seed, so a failure
 * names the seed that reproduces it. The checker (tests/helpers/visits.ts) recomputes each rule
 * from the input.
 */
import { describe, expect, it } from 'vitest'
import { planVisits } from '../../../electron/services/visits/planner'
import { ampleInstance, plantedInstance, randomInstance, seededRandom, violations } from '../../helpers/visits'

const RANDOM_SEEDS = 300
const AMPLE_SEEDS = 150

describe('visit planner on random instances', () => {
  it(`keeps every rule and reports every missing visit (${RANDOM_SEEDS} seeds)`, () => {
    let assigned = 0
    let unassigned = 0
    const reasons = new Set<string>()
    for (let seed = 1; seed <= RANDOM_SEEDS; seed++) {
      const input = randomInstance(seededRandom(seed))
      const result = planVisits(input)
      expect(violations(input, result), `seed ${seed}`).toEqual([])
      expect(result.stats.assigned + result.stats.unassigned + result.stats.coveredByFixed, `seed ${seed}`).toBe(
        result.stats.demanded,
      )
      assigned += result.stats.assigned
      unassigned += result.stats.unassigned
      for (const u of result.unassigned) reasons.add(u.reason)
    }
    // The generator must exercise both outcomes, or the properties above prove little.
    expect(assigned).toBeGreaterThan(1000)
    expect(unassigned).toBeGreaterThan(50)
    expect(reasons.size).toBeGreaterThanOrEqual(3)
  })

  it('is deterministic: the same input gives the same plan', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const a = planVisits(randomInstance(seededRandom(seed)))
      const b = planVisits(randomInstance(seededRandom(seed)))
      expect(b).toEqual(a)
    }
  })

  it('reports infeasible visits with a reason when volunteers are scarce', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const input = randomInstance(seededRandom(seed), { people: 60, volunteers: 2, maxPerWeek: [1, 2] })
      const result = planVisits(input)
      expect(violations(input, result), `seed ${seed}`).toEqual([])
      expect(result.unassigned.length, `seed ${seed}`).toBeGreaterThan(0)
    }
  })
})

describe('visit planner when volunteer time is ample', () => {
  it(`assigns every visit (${AMPLE_SEEDS} seeds)`, () => {
    for (let seed = 1; seed <= AMPLE_SEEDS; seed++) {
      const input = ampleInstance(seededRandom(10_000 + seed))
      const result = planVisits(input)
      expect(violations(input, result), `seed ${seed}`).toEqual([])
      expect(result.unassigned, `seed ${seed}`).toEqual([])
      // Each grid has enough volunteers of its own: nobody is sent across.
      expect(result.stats.crossGrid, `seed ${seed}`).toBe(0)
    }
  })
})

describe('visit planner when a solution exists with no slack at all', () => {
  it.each([false, true])('finds one for every planted instance (300 seeds, person windows: %s)', (preferences) => {
    for (let seed = 1; seed <= 300; seed++) {
      const input = plantedInstance(seededRandom(20_000 + seed), preferences)
      const result = planVisits(input)
      expect(violations(input, result), `seed ${seed}`).toEqual([])
      expect(result.unassigned, `seed ${seed}`).toEqual([])
      expect(result.visits.length).toBe(input.people.length)
    }
  })
})

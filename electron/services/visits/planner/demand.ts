/**
 * What a period asks for: each person's tier gives one visit in every window of `intervalDays`,
 * counted from their last visit (a person never visited, or overdue, is due from the first day),
 * plus a visit within 24 hours of a major change. A kept visit inside a window covers it.
 */
import { MINUTES_PER_DAY } from './time'
import type { FixedVisit, PlannerInput, PlannerPerson, VisitDemand } from './types'

export interface Demands {
  demands: VisitDemand[]
  coveredByFixed: number
}

export function computeDemands(input: PlannerInput): Demands {
  const fixedByPerson = new Map<number, FixedVisit[]>()
  for (const f of input.fixed) {
    const list = fixedByPerson.get(f.personId) ?? []
    list.push(f)
    fixedByPerson.set(f.personId, list)
  }
  const demands: VisitDemand[] = []
  let coveredByFixed = 0
  for (const person of input.people) {
    const fixed = fixedByPerson.get(person.id) ?? []
    for (const d of personDemands(person, input)) {
      if (fixed.some((f) => f.start >= d.from && f.start < d.to)) coveredByFixed++
      else demands.push(d)
    }
  }
  return { demands, coveredByFixed }
}

export function personDemands(person: PlannerPerson, input: PlannerInput): VisitDemand[] {
  const { fromDay, toDay } = input.period
  const rule = input.settings.tiers[person.tier]
  const interval = Math.max(1, Math.round(rule.intervalDays))
  const needed: 1 | 2 = rule.twoVolunteers ? 2 : 1
  const out: VisitDemand[] = []
  const periodFrom = fromDay * MINUTES_PER_DAY
  const periodTo = (toDay + 1) * MINUTES_PER_DAY

  if (person.majorChangeAt !== undefined) {
    const from = Math.max(person.majorChangeAt, periodFrom)
    const to = Math.min(person.majorChangeAt + MINUTES_PER_DAY, periodTo)
    if (to > from) {
      out.push({
        key: `${person.id}:urgent`,
        personId: person.id,
        kind: 'urgent',
        tier: person.tier,
        from,
        to,
        volunteersNeeded: needed,
      })
    }
  }

  const overdue = person.lastVisitDay === undefined || person.lastVisitDay + interval < fromDay
  let deadline = overdue ? fromDay + interval - 1 : (person.lastVisitDay as number) + interval
  let index = 0
  // An overdue person is due in this period even when the period is shorter than the interval.
  while (deadline <= toDay || (overdue && index === 0)) {
    const firstDay = Math.max(fromDay, deadline - interval + 1)
    const lastDay = Math.min(toDay, deadline)
    out.push({
      key: `${person.id}:${firstDay}`,
      personId: person.id,
      kind: 'regular',
      tier: person.tier,
      from: firstDay * MINUTES_PER_DAY,
      to: (lastDay + 1) * MINUTES_PER_DAY,
      volunteersNeeded: needed,
    })
    deadline += interval
    index++
  }
  return out
}

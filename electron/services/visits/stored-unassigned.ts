/**
 * What the plans could not assign, as each plan stored it. A plan keeps its own list; a newer plan
 * that covers the same days replaces the older one's list for those days (re-planning tried them
 * again). So a month planned once and then one of its weeks re-planned still shows the other weeks'
 * unassigned visits, on the plan screen and on the overview alike.
 */
import { Op, type Transaction } from 'sequelize'
import type { Models } from '../../../database/models'
import type { VisitPlanModel } from '../../../database/models/visits'
import type { UnassignedDto } from '../../contract/visit-dto'

export interface StoredUnassigned {
  personId: number
  kind: 'regular' | 'urgent'
  tier: UnassignedDto['tier']
  windowFrom: string
  windowTo: string
  reason: UnassignedDto['reason']
  detail: UnassignedDto['detail']
}

/** The newest plan overlapping the range, and the unassigned visits of every plan there that no newer plan re-planned. */
export async function unassignedIn(
  models: Models,
  range: { from: string; to: string },
  transaction?: Transaction,
): Promise<{ latest: VisitPlanModel | null; items: StoredUnassigned[] }> {
  const plans = await models.VisitPlan.findAll({
    where: { periodFrom: { [Op.lte]: range.to }, periodTo: { [Op.gte]: range.from } },
    order: [['id', 'DESC']],
    transaction,
  })
  const items: StoredUnassigned[] = []
  plans.forEach((plan, i) => {
    const newer = plans.slice(0, i)
    for (const u of JSON.parse(plan.unassigned) as StoredUnassigned[]) {
      if (u.windowFrom > `${range.to}T24:00` || u.windowTo < range.from) continue
      const day = u.windowFrom.slice(0, 10)
      if (newer.some((q) => q.periodFrom <= day && day <= q.periodTo)) continue
      items.push(u)
    }
  })
  items.sort((a, b) => a.windowFrom.localeCompare(b.windowFrom) || a.personId - b.personId)
  return { latest: plans[0] ?? null, items }
}

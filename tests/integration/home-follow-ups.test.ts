/**
 * What the home page's 待办跟进 card reads: open follow-ups carry the owner's name and the time of
 * the visit they came from, and a closed one is gone for good. On a real SQLite file.
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { CallContext } from '../../electron/services/context'
import { setupAdmin, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'
import { seedVisitCommunity } from '../helpers/visits'

let t: TempContainer
let ctx: CallContext
const clock = testClock('2026-11-24T02:00:00Z')

beforeEach(async () => {
  t = await tempContainer({ now: clock.now })
  ctx = await setupAdmin(t.services)
})
afterEach(async () => {
  await t.dispose()
})

it('an open follow-up names its owner and its visit; one without an owner says so; closed ones leave', async () => {
  const community = await seedVisitCommunity(t.services, ctx, 2)
  await t.services.visits.volunteers.create(ctx, {
    residentId: null,
    name: '周阿姨',
    mobile: null,
    skills: [],
    dialects: [],
    gridId: community.grids[0]!,
    availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '17:00' })),
    absences: [],
    maxPerWeek: 10,
    status: 'active',
    notes: null,
  })
  for (const residentId of community.residents[0]!)
    await t.services.visits.people.create(ctx, {
      residentId,
      tier: 'high',
      preferredWindows: [],
      riskNotes: null,
      usualVolunteerIds: [],
      active: true,
    })
  const plan = await t.services.visits.plans.generate(ctx, { period: 'week', from: '2026-11-30' })
  const [first, second] = plan.visits as [(typeof plan.visits)[0], (typeof plan.visits)[0]]
  expect(second).toBeDefined()
  const logs = t.services.visits.logs
  const base = { outcome: 'done' as const, durationMinutes: 60, health: null, living: null, needs: null }
  await logs.log(ctx, {
    ...base,
    visitId: first.id,
    followUp: { text: '联系助浴服务', ownerAccountId: ctx.actor!.accountId, dueDate: '2026-12-05' },
  })
  await logs.log(ctx, {
    ...base,
    visitId: second.id,
    followUp: { text: '修理门锁', ownerAccountId: null, dueDate: '2026-12-01' },
  })

  const open = await logs.openFollowUps()
  expect(open.map((f) => [f.text, f.ownerName, f.visitStartAt, f.personName])).toEqual([
    ['修理门锁', null, second.startAt, second.personName],
    ['联系助浴服务', ctx.actor!.displayName, first.startAt, first.personName],
  ])
  await logs.closeFollowUp(ctx, open[0]!.id, '已修好')
  expect((await logs.openFollowUps()).map((f) => f.text)).toEqual(['联系助浴服务'])
})

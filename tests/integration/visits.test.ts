/** Volunteers, people to visit, plans, moves, logs and points on a real SQLite file. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CallContext } from '../../electron/services/context'
import type { VolunteerInput } from '../../electron/contract/visit-schemas'
import { failure, setupAdmin, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'
import { seedVisitCommunity } from '../helpers/visits'

const weekdays = [1, 2, 3, 4, 5]
const volunteerInput = (over: Partial<VolunteerInput> = {}): VolunteerInput => ({
  residentId: null,
  name: '志愿者',
  mobile: '13812345678',
  skills: ['陪聊'],
  dialects: ['四川话'],
  gridId: null,
  availability: weekdays.map((weekday) => ({ weekday, from: '09:00', to: '12:00' })),
  absences: [],
  maxPerWeek: 3,
  status: 'active',
  notes: null,
  ...over,
})

let t: TempContainer
let ctx: CallContext
let community: { grids: number[]; residents: number[][] }
const clock = testClock('2026-11-24T02:00:00Z')

beforeEach(async () => {
  t = await tempContainer({ now: clock.now })
  ctx = await setupAdmin(t.services)
  community = await seedVisitCommunity(t.services, ctx)
})
afterEach(async () => {
  await t.dispose()
})

describe('volunteers', () => {
  it('keeps availability and absences, masks the mobile, keeps it on an edit that does not retype it', async () => {
    const v = t.services.visits.volunteers
    const created = await v.create(
      ctx,
      volunteerInput({
        name: '周阿姨',
        gridId: community.grids[0]!,
        absences: [{ from: '2026-12-07T00:00', to: '2026-12-10T00:00', reason: '探亲' }],
      }),
    )
    expect(created.mobile).toBe('138****5678')
    expect(created.gridName).toBe('1网格')
    expect(created.absences).toEqual([{ from: '2026-12-07T00:00', to: '2026-12-10T00:00', reason: '探亲' }])
    const updated = await v.update(
      ctx,
      created.id,
      volunteerInput({ name: '周阿姨', mobile: undefined, maxPerWeek: 5 }),
    )
    expect(updated.maxPerWeek).toBe(5)
    expect(updated.mobile).toBe('138****5678')
    expect(updated.absences).toEqual([])
    expect((await v.list({ status: 'active' })).map((x) => x.name)).toEqual(['周阿姨'])
    expect(await v.list({ status: 'left' })).toEqual([])
  })

  it('records trainings and commendations in the service record', async () => {
    const v = t.services.visits.volunteers
    const created = await v.create(ctx, volunteerInput())
    await v.addServiceRecord(ctx, {
      volunteerId: created.id,
      kind: 'training',
      date: '2026-11-20',
      hours: 2.5,
      title: '防诈骗培训',
    })
    expect((await v.get(created.id)).hours).toBe(2.5)
    expect((await v.serviceRecords(created.id)).map((r) => r.title)).toEqual(['防诈骗培训'])
  })
})

describe('people to visit', () => {
  it('hides risk notes in lists, reveals them on request with an audit row, refuses a resident twice', async () => {
    const p = t.services.visits.people
    const residentId = community.residents[0]![0]!
    const person = await p.create(ctx, {
      residentId,
      tier: 'high',
      preferredWindows: [],
      riskNotes: '心脏病，独居',
      usualVolunteerIds: [],
      active: true,
    })
    expect(person.hasRiskNotes).toBe(true)
    expect(JSON.stringify(await p.list({}))).not.toContain('心脏病')
    expect(person.gridId).toBe(community.grids[0])
    expect(await p.revealRiskNotes(ctx, person.id)).toBe('心脏病，独居')
    expect(await t.services.models.Audit.count({ where: { entity: 'visitPerson.riskNotes' } })).toBe(1)
    expect(JSON.stringify(await t.services.models.Audit.findAll())).not.toContain('心脏病')
    // An edit that leaves the notes out keeps them; one that sends them replaces them.
    const edit = { residentId, tier: 'key' as const, preferredWindows: [], usualVolunteerIds: [], active: true }
    await p.update(ctx, person.id, { ...edit, riskNotes: undefined })
    expect(await p.revealRiskNotes(ctx, person.id)).toBe('心脏病，独居')
    await p.update(ctx, person.id, { ...edit, riskNotes: null })
    expect(await p.revealRiskNotes(ctx, person.id)).toBeNull()
    const again = await failure(
      p.create(ctx, {
        residentId,
        tier: 'key',
        preferredWindows: [],
        riskNotes: null,
        usualVolunteerIds: [],
        active: true,
      }),
    )
    expect(again.message).toBe('errors.visits.alreadyListed')
  })
})

async function seedPlanScene() {
  const v = t.services.visits.volunteers
  const [g1, g2] = community.grids as [number, number]
  const a = await v.create(ctx, volunteerInput({ name: '甲', gridId: g1 }))
  const b = await v.create(ctx, volunteerInput({ name: '乙', gridId: g1 }))
  const c = await v.create(ctx, volunteerInput({ name: '丙', gridId: g2 }))
  const people = []
  for (const [g, ids] of community.residents.entries()) {
    for (const [i, residentId] of ids.entries()) {
      people.push(
        await t.services.visits.people.create(ctx, {
          residentId,
          tier: i === 0 ? 'high' : 'key',
          preferredWindows: g === 1 && i === 3 ? [{ weekday: 7, from: '09:00', to: '11:00' }] : [],
          riskNotes: null,
          usualVolunteerIds: [],
          active: true,
        }),
      )
    }
  }
  return { volunteers: [a, b, c], people }
}

describe('plans', () => {
  it('plans a month: tiers met, same grid preferred, the impossible visit reported with its reason', async () => {
    const { people } = await seedPlanScene()
    const plan = await t.services.visits.plans.generate(ctx, { period: 'month', from: '2026-12-15' })
    expect(plan.periodFrom).toBe('2026-12-01')
    expect(plan.periodTo).toBe('2026-12-31')
    // Two high-risk people (weekly: 4 windows in 31 days from the 1st) and six monthly ones.
    const byPerson = new Map<number, number>()
    for (const v of plan.visits) byPerson.set(v.personId, (byPerson.get(v.personId) ?? 0) + 1)
    expect(byPerson.get(people[0]!.id)).toBe(4)
    expect(byPerson.get(people[1]!.id)).toBe(1)
    // The one who only takes Sunday visits: volunteers work weekdays.
    expect(plan.unassigned.map((u) => [u.personName, u.reason])).toEqual([[people[7]!.name, 'no-volunteer-available']])
    expect(plan.stats).toMatchObject({ assigned: 13, unassigned: 1 })
    for (const v of plan.visits) expect(v.volunteers).toHaveLength(1)
    const g1 = plan.visits.filter((v) => people.slice(0, 4).some((p) => p.id === v.personId))
    expect(g1.every((v) => ['甲', '乙'].includes(v.volunteers[0]!.name))).toBe(true)
    expect(await t.services.visits.plans.list({ from: '2026-12-01', to: '2026-12-31' })).toEqual(plan)
  })

  it("re-planning one week keeps the rest of the month's unassigned visits on the list", async () => {
    const { people } = await seedPlanScene()
    const month = await t.services.visits.plans.generate(ctx, { period: 'month', from: '2026-12-01' })
    const sunday = month.unassigned.find((u) => u.personId === people[7]!.id)!
    expect(sunday.windowFrom.slice(0, 10)).toBe('2026-12-01')
    // The last week of December, re-planned: its own list replaces the month's for its days only.
    const week = await t.services.visits.plans.generate(ctx, { period: 'week', from: '2026-12-28' })
    expect(week.periodFrom).toBe('2026-12-28')
    const december = await t.services.visits.plans.list({ from: '2026-12-01', to: '2026-12-31' })
    expect(december.id).toBe(week.id)
    expect(december.unassigned).toContainEqual(sunday)
    for (const u of week.unassigned) expect(december.unassigned).toContainEqual(u)
  })

  it('re-planning keeps confirmed visits and replaces planned ones', async () => {
    await seedPlanScene()
    const first = await t.services.visits.plans.generate(ctx, { period: 'week', from: '2026-12-02' })
    expect(first.periodFrom).toBe('2026-11-30')
    const kept = first.visits[0]!
    await t.services.visits.plans.confirm(ctx, kept.id)
    const second = await t.services.visits.plans.generate(ctx, { period: 'week', from: '2026-11-30' })
    expect(second.visits.find((v) => v.id === kept.id)).toMatchObject({ status: 'confirmed', startAt: kept.startAt })
    expect(second.visits).toHaveLength(first.visits.length)
    expect(second.visits.filter((v) => v.personId === kept.personId)).toHaveLength(1)
    expect(await t.services.models.Visit.count()).toBe(first.visits.length)
  })

  it('a move that breaks a rule is refused with the rule named, then saved when forced', async () => {
    await seedPlanScene()
    const plan = await t.services.visits.plans.generate(ctx, { period: 'week', from: '2026-11-30' })
    const [x, y] = plan.visits.filter((v) => v.volunteers[0]!.name === plan.visits[0]!.volunteers[0]!.name)
    expect(y).toBeDefined()
    const clash = await t.services.visits.plans.move(ctx, {
      id: y!.id,
      startAt: x!.startAt,
      volunteerIds: [x!.volunteers[0]!.id],
      force: false,
    })
    expect(clash.saved).toBe(false)
    expect(clash.conflicts).toContainEqual({
      rule: 'double-booked',
      volunteerId: x!.volunteers[0]!.id,
      otherVisitId: x!.id,
    })
    expect((await t.services.visits.plans.getVisit(y!.id)).startAt).toBe(y!.startAt)
    const evening = `${y!.startAt.slice(0, 10)}T19:00`
    const late = await t.services.visits.plans.move(ctx, {
      id: y!.id,
      startAt: evening,
      volunteerIds: [y!.volunteers[0]!.id],
      force: false,
    })
    expect(late.conflicts.map((c) => c.rule)).toEqual(['volunteer-unavailable', 'outside-preferred-window'])
    const forced = await t.services.visits.plans.move(ctx, {
      id: y!.id,
      startAt: evening,
      volunteerIds: [y!.volunteers[0]!.id],
      force: true,
    })
    expect(forced.saved).toBe(true)
    expect(forced.visit).toMatchObject({ startAt: evening, status: 'confirmed' })
  })

  it("follows the station's rules: two volunteers for high-risk visits, a shorter interval for a tier", async () => {
    const { people } = await seedPlanScene()
    const rules = await t.services.visits.rules.get()
    await t.services.visits.rules.set(ctx, {
      ...rules,
      tiers: {
        ...rules.tiers,
        high: { intervalDays: 7, twoVolunteers: true },
        key: { intervalDays: 14, twoVolunteers: false },
      },
    })
    const plan = await t.services.visits.plans.generate(ctx, { period: 'month', from: '2026-12-01' })
    const high = plan.visits.filter((v) => v.tier === 'high')
    // Grid 1 has two volunteers, grid 2 one: its high-risk person borrows a second from grid 1.
    expect(high.length + plan.unassigned.filter((u) => u.tier === 'high').length).toBe(8)
    for (const v of high) expect(v.volunteers).toHaveLength(2)
    // Fortnightly now: two visits in December for a key person with no earlier visit.
    expect(plan.visits.filter((v) => v.personId === people[1]!.id)).toHaveLength(2)
    expect((await t.services.models.Audit.findAll({ where: { entity: 'visitRules' } })).length).toBe(1)
  })

  it('plans a visit within 24 hours of a major change', async () => {
    const { people } = await seedPlanScene()
    await t.services.visits.people.recordMajorChange(ctx, {
      personId: people[2]!.id,
      at: '2026-12-02T18:00',
      kind: '住院',
      note: null,
    })
    const plan = await t.services.visits.plans.generate(ctx, { period: 'week', from: '2026-11-30' })
    const urgent = plan.visits.filter((v) => v.kind === 'urgent')
    expect(urgent).toHaveLength(1)
    expect(urgent[0]!.personId).toBe(people[2]!.id)
    expect(urgent[0]!.startAt.slice(0, 10)).toBe('2026-12-03')
  })
})

describe('visit logs and points', () => {
  it('a visit done with a follow-up: hours and points rise, the follow-up stays open until closed', async () => {
    const { people } = await seedPlanScene()
    const plan = await t.services.visits.plans.generate(ctx, { period: 'week', from: '2026-11-30' })
    const visit = plan.visits.find((v) => v.personId === people[0]!.id)!
    const volunteerId = visit.volunteers[0]!.id
    const log = await t.services.visits.logs.log(ctx, {
      visitId: visit.id,
      outcome: 'done',
      durationMinutes: 90,
      health: '血压偏高',
      living: null,
      needs: '需要助浴',
      followUp: { text: '联系助浴服务', ownerAccountId: ctx.actor!.accountId, dueDate: '2026-12-05' },
    })
    // 1.5 h × 10 points, plus 5 for a high-risk visit.
    expect(log.pointsEarned).toBe(20)
    const account = await t.services.visits.points.account(volunteerId)
    expect(account.balance).toBe(20)
    expect((await t.services.visits.volunteers.get(volunteerId)).hours).toBe(1.5)
    const open = await t.services.visits.logs.openFollowUps()
    expect(open.map((f) => [f.text, f.personName, f.dueDate])).toEqual([
      ['联系助浴服务', people[0]!.name, '2026-12-05'],
    ])
    await t.services.visits.logs.closeFollowUp(ctx, open[0]!.id, '已联系')
    expect(await t.services.visits.logs.openFollowUps()).toEqual([])
    const twice = await failure(
      t.services.visits.logs.log(ctx, {
        visitId: visit.id,
        outcome: 'missed',
        durationMinutes: null,
        health: null,
        living: null,
        needs: null,
        followUp: null,
      }),
    )
    expect(twice.message).toBe('errors.visits.visitClosed')
    expect((await t.services.visits.plans.getVisit(visit.id)).status).toBe('done')
  })

  it('redeems and adjusts, refuses to go below zero, and the ledger cannot be edited', async () => {
    const vol = await t.services.visits.volunteers.create(ctx, volunteerInput())
    const item = await t.services.visits.points.saveItem(ctx, { id: null, name: '大米一袋', cost: 30, active: true })
    const refused = await failure(t.services.visits.points.redeem(ctx, { volunteerId: vol.id, itemId: item.id }))
    expect(refused.message).toBe('errors.visits.pointsInsufficient')
    await t.services.visits.points.adjust(ctx, { volunteerId: vol.id, points: 50, reason: '年度表彰' })
    await t.services.visits.points.redeem(ctx, { volunteerId: vol.id, itemId: item.id })
    const account = await t.services.visits.points.account(vol.id)
    expect(account.entries.map((e) => [e.kind, e.points, e.balanceAfter])).toEqual([
      ['redeemed', -30, 20],
      ['adjusted', 50, 50],
    ])
    const driverMessage = (p: Promise<unknown>) =>
      p.then(
        () => '',
        (e: { parent?: Error }) => String(e.parent?.message),
      )
    expect(
      await driverMessage(t.services.models.PointsEntry.update({ points: 999 }, { where: { volunteerId: vol.id } })),
    ).toMatch(/append-only/)
    expect(await driverMessage(t.services.models.PointsEntry.destroy({ where: { volunteerId: vol.id } }))).toMatch(
      /append-only/,
    )
    expect((await t.services.visits.points.account(vol.id)).balance).toBe(20)
  })

  it('never goes negative under concurrent redemptions, in one process and from a second connection', async () => {
    const vol = await t.services.visits.volunteers.create(ctx, volunteerInput())
    const item = await t.services.visits.points.saveItem(ctx, { id: null, name: '洗衣液', cost: 30, active: true })
    await t.services.visits.points.adjust(ctx, { volunteerId: vol.id, points: 100, reason: '初始积分' })
    const { createServiceContainer } = await import('../../electron/services/container')
    const second = await createServiceContainer({ dataDir: t.dataDir, now: clock.now })
    try {
      const calls = Array.from({ length: 12 }, (_, i) =>
        (i % 2 === 0 ? t.services : second).visits.points.redeem(ctx, { volunteerId: vol.id, itemId: item.id }),
      )
      const outcomes = await Promise.allSettled(calls)
      const ok = outcomes.filter((o) => o.status === 'fulfilled')
      const refused = outcomes
        .filter((o) => o.status === 'rejected')
        .map((o) => (o as PromiseRejectedResult).reason as Error)
      expect(ok).toHaveLength(3)
      expect(refused.map((e) => e.message)).toEqual(Array(9).fill('errors.visits.pointsInsufficient'))
      const account = await t.services.visits.points.account(vol.id)
      expect(account.balance).toBe(10)
      expect(account.entries.every((e) => e.balanceAfter >= 0)).toBe(true)
      expect(account.entries.map((e) => e.seq)).toEqual([4, 3, 2, 1])
    } finally {
      await second.close()
    }
  })
})

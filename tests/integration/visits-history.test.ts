/**
 * A person's visit history, a volunteer's service record and the station's visit rules, through
 * the real router on a real SQLite file: order and content, who may read what, refusals with
 * field paths.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  PlanDto,
  ServiceRecordDto,
  VisitFindingsDto,
  VisitHistoryEntryDto,
  VisitPersonDto,
  VisitRulesDto,
  VolunteerDto,
} from '../../electron/contract/visit-dto'
import { createRouter, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import { systemContext } from '../../electron/services/context'
import { APP_URL, routerCalls } from '../helpers/router-calls'
import { ADMIN, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'
import { seedVisitCommunity } from '../helpers/visits'

const admin: SenderInfo = { id: '1', url: APP_URL }
const coordinator: SenderInfo = { id: '2', url: APP_URL }
const secretary: SenderInfo = { id: '3', url: APP_URL }
const staff: SenderInfo = { id: '4', url: APP_URL }

let t: TempContainer
let router: Router
let community: { grids: number[]; residents: number[][] }
const { call: ok, refusal: err } = routerCalls(() => router)
const clock = testClock('2026-11-24T02:00:00Z')

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '12:00' }))

beforeEach(async () => {
  t = await tempContainer({ now: clock.now })
  router = createRouter(t.services, { isTrustedSender: (s) => s.url === APP_URL })
  await ok(admin, 'auth:setup', { ...ADMIN })
  for (const [username, role, sender] of [
    ['zhou', 'coordinator', coordinator],
    ['li', 'secretary', secretary],
    ['wang', 'staff', staff],
  ] as const) {
    await ok(admin, 'accounts:create', { username, displayName: username, password: 'secret-pass-1', role })
    await ok(sender, 'auth:login', { username, password: 'secret-pass-1' })
  }
  community = await seedVisitCommunity(t.services, systemContext('test'))
})
afterEach(async () => t.dispose())

/** One high-risk person in grid 1, one volunteer there, December planned, two visits logged. */
async function visitedPerson() {
  const volunteer = await ok<VolunteerDto>(admin, 'volunteers:create', {
    name: '周阿姨',
    mobile: '13812345678',
    gridId: community.grids[0],
    availability: weekdays,
    maxPerWeek: 5,
  })
  const person = await ok<VisitPersonDto>(admin, 'visit-people:create', {
    residentId: community.residents[0]![0],
    tier: 'high',
  })
  const plan = await ok<PlanDto>(admin, 'visit-plans:generate', { period: 'month', from: '2026-12-01' })
  const visits = plan.visits.filter((v) => v.personId === person.id).sort((a, b) => a.startAt.localeCompare(b.startAt))
  expect(visits.length).toBeGreaterThanOrEqual(4)
  await ok(staff, 'visits:log', {
    visitId: visits[0]!.id,
    outcome: 'done',
    durationMinutes: 90,
    health: '血压偏高',
    needs: '需要助浴',
    followUp: { text: '联系助浴服务', dueDate: '2026-12-05' },
  })
  await ok(staff, 'visits:log', { visitId: visits[1]!.id, outcome: 'missed' })
  return { volunteer, person, visits }
}

describe('visit-people:history', () => {
  it('lists the visits newest first with volunteers, status, duration and the follow-up', async () => {
    const { volunteer, person, visits } = await visitedPerson()
    const history = await ok<VisitHistoryEntryDto[]>(admin, 'visit-people:history', { id: person.id })
    expect(history.map((h) => h.visitId)).toEqual([...visits].reverse().map((v) => v.id))
    const done = history.find((h) => h.visitId === visits[0]!.id)!
    expect(done).toMatchObject({
      status: 'done',
      durationMinutes: 90,
      volunteers: [{ id: volunteer.id, name: '周阿姨' }],
      followUp: { dueDate: '2026-12-05', closed: false },
      hasFindings: true,
    })
    expect(await ok(admin, 'visit-people:findings', { id: visits[0]!.id })).toEqual({
      health: '血压偏高',
      living: null,
      needs: '需要助浴',
    })
    const missed = history.find((h) => h.visitId === visits[1]!.id)!
    expect(missed).toMatchObject({ status: 'missed', followUp: null, hasFindings: false })
    expect(missed.loggedAt).not.toBeNull()
    expect(history.find((h) => h.visitId === visits[2]!.id)).toMatchObject({ status: 'planned', loggedAt: null })

    // The people list: last visited on the done one, next planned the first still open.
    const listed = (await ok<VisitPersonDto[]>(coordinator, 'visit-people:list', {})).find((p) => p.id === person.id)!
    expect(listed.lastVisitAt).toBe(visits[0]!.startAt)
    expect(listed.nextVisitAt).toBe(visits[2]!.startAt)
  })

  it('says findings exist; their text comes one visit at a time, only with residents.unmask, audited', async () => {
    const { person, visits } = await visitedPerson()
    const count = () => t.services.models.Audit.count({ where: { entity: 'visitPerson.findings' } })
    const before = await count()
    for (const sender of [coordinator, staff, admin]) {
      const history = await ok<VisitHistoryEntryDto[]>(sender, 'visit-people:history', { id: person.id })
      expect(history.find((h) => h.visitId === visits[0]!.id)!.hasFindings).toBe(true)
      expect(history.find((h) => h.visitId === visits[1]!.id)!.hasFindings).toBe(false)
      // Masked by default: no account gets the text with the list, and opening it logs nothing.
      expect(JSON.stringify(history)).not.toContain('血压')
    }
    expect(await count()).toBe(before)

    expect((await err(coordinator, 'visit-people:findings', { id: visits[0]!.id })).code).toBe('FORBIDDEN')
    const shown = await ok<VisitFindingsDto>(staff, 'visit-people:findings', { id: visits[0]!.id })
    expect(shown.health).toContain('血压')
    const audits = await t.services.models.Audit.findAll({ where: { entity: 'visitPerson.findings' } })
    expect(audits.length).toBe(before + 1)
    expect(audits.at(-1)!.entityId).toBe(String(person.id))
    expect(JSON.parse(String(audits.at(-1)!.after))).toEqual({ visitId: visits[0]!.id })
    expect(JSON.stringify(audits.at(-1))).not.toContain('血压')
    // A visit with nothing found reveals nothing and records nothing; an unknown visit is not found.
    expect(await ok<VisitFindingsDto>(staff, 'visit-people:findings', { id: visits[1]!.id })).toEqual({
      health: null,
      living: null,
      needs: null,
    })
    expect(await count()).toBe(before + 1)
    expect((await err(staff, 'visit-people:findings', { id: 99999 })).code).toBe('NOT_FOUND')
  })

  it("keeps the findings from a staff account whose grids do not hold the person's file", async () => {
    const { visits } = await visitedPerson()
    const wang = (await ok<Array<{ id: number; username: string }>>(admin, 'accounts:list')).find(
      (a) => a.username === 'wang',
    )!
    const scope = async (grid: number) => {
      await ok(admin, 'accounts:update', { id: wang.id, displayName: 'wang', role: 'staff', gridIds: [grid] })
      await ok(staff, 'auth:login', { username: 'wang', password: 'secret-pass-1' })
    }
    // The person lives in the first grid; limited to the second, wang is told the visit does not exist.
    await scope(community.grids[1]!)
    const before = await t.services.models.Audit.count({ where: { entity: 'visitPerson.findings' } })
    expect((await err(staff, 'visit-people:findings', { id: visits[0]!.id })).code).toBe('NOT_FOUND')
    expect(await t.services.models.Audit.count({ where: { entity: 'visitPerson.findings' } })).toBe(before)
    // Given the person's grid, the same account reads them (and that reading is audited).
    await scope(community.grids[0]!)
    expect((await ok<VisitFindingsDto>(staff, 'visit-people:findings', { id: visits[0]!.id })).health).toContain('血压')
    expect(await t.services.models.Audit.count({ where: { entity: 'visitPerson.findings' } })).toBe(before + 1)
  })

  it('needs visits.read and an existing person', async () => {
    const { person } = await visitedPerson()
    expect((await err(secretary, 'visit-people:history', { id: person.id })).code).toBe('FORBIDDEN')
    expect((await err(admin, 'visit-people:history', { id: 9999 })).code).toBe('NOT_FOUND')
    expect((await err(admin, 'visit-people:history', { id: 'x' })).code).toBe('VALIDATION')
  })
})

describe('volunteers linked to a resident file', () => {
  it('takes the name and mobile from the file; the mobile only ever leaves masked', async () => {
    const residentId = community.residents[1]![0]!
    await t.services.models.Resident.update({ mobile: '13900001111' }, { where: { id: residentId } })
    const file = await t.services.models.Resident.findByPk(residentId)
    const v = await ok<VolunteerDto>(coordinator, 'volunteers:create', {
      residentId,
      name: 'typed name is replaced',
      availability: weekdays,
      maxPerWeek: 2,
    })
    expect(v).toMatchObject({ residentId, name: file!.name, mobile: '139****1111' })
    const row = await t.services.models.Volunteer.findByPk(v.id)
    expect(row!.mobile).toBe('13900001111')
    // The number corrected in the file reaches the volunteer at the next save, and the link is audited.
    await t.services.models.Resident.update({ mobile: '13900003333' }, { where: { id: residentId } })
    const saved = await ok<VolunteerDto>(coordinator, 'volunteers:update', {
      id: v.id,
      data: { residentId, name: file!.name, availability: weekdays, maxPerWeek: 3 },
    })
    expect(saved.mobile).toBe('139****3333')
    const audit = await t.services.models.Audit.findOne({
      where: { entity: 'volunteer', entityId: String(v.id), action: 'update' },
      order: [['id', 'DESC']],
    })
    expect(JSON.parse(String(audit!.after))).toMatchObject({ residentId })
    // Unlinking to an external volunteer keeps what was typed.
    const external = await ok<VolunteerDto>(coordinator, 'volunteers:update', {
      id: v.id,
      data: { residentId: null, name: '外来志愿者甲', mobile: '13700002222', maxPerWeek: 2 },
    })
    expect(external).toMatchObject({ residentId: null, name: '外来志愿者甲', mobile: '137****2222' })
    expect((await err(coordinator, 'volunteers:create', { residentId: 9999, name: 'x', maxPerWeek: 1 })).code).toBe(
      'NOT_FOUND',
    )
  })
})

describe('volunteers:add-record', () => {
  it('adds service, a training and a commendation; refuses bad hours, an empty title and a visit', async () => {
    const v = await ok<VolunteerDto>(admin, 'volunteers:create', { name: '陈叔', maxPerWeek: 2 })
    await ok(staff, 'volunteers:add-record', {
      volunteerId: v.id,
      kind: 'service',
      date: '2026-11-20',
      hours: 2.5,
      title: '重阳节活动',
    })
    await ok(staff, 'volunteers:add-record', {
      volunteerId: v.id,
      kind: 'training',
      date: '2026-11-21',
      hours: 0,
      title: '急救培训',
    })
    await ok(staff, 'volunteers:add-record', {
      volunteerId: v.id,
      kind: 'commendation',
      date: '2025-12-30',
      // Sent with hours by a careless caller: a commendation still adds none.
      hours: 6,
      title: '优秀志愿者',
    })
    const records = await ok<ServiceRecordDto[]>(coordinator, 'volunteers:records', { id: v.id })
    expect(records.map((r) => [r.kind, r.date, r.hours, r.title])).toEqual([
      ['training', '2026-11-21', 0, '急救培训'],
      ['service', '2026-11-20', 2.5, '重阳节活动'],
      ['commendation', '2025-12-30', 0, '优秀志愿者'],
    ])
    expect((await ok<VolunteerDto>(admin, 'volunteers:get', { id: v.id })).hours).toBe(2.5)

    const bad = await err(staff, 'volunteers:add-record', {
      volunteerId: v.id,
      kind: 'visit',
      date: '2026-13-01',
      hours: 25,
      title: '',
    })
    expect(bad.code).toBe('VALIDATION')
    const paths = (bad.fields ?? []).map((f) => f.path).sort()
    expect(paths).toEqual(['date', 'hours', 'kind', 'title'])
    const valid = { volunteerId: v.id, kind: 'service', date: '2026-11-22', hours: 1, title: '值班' }
    expect((await err(secretary, 'volunteers:add-record', valid)).code).toBe('FORBIDDEN')
    expect(await ok<ServiceRecordDto[]>(admin, 'volunteers:records', { id: v.id })).toHaveLength(3)
  })
})

describe('visit-plans:rules', () => {
  it('round-trips the rules and refuses 0 days and negative points with field paths', async () => {
    const rules = await ok<VisitRulesDto>(coordinator, 'visit-plans:rules')
    const next: VisitRulesDto = {
      ...rules,
      tiers: { ...rules.tiers, high: { intervalDays: 10, twoVolunteers: true } },
      pointsPerHour: 12,
      highRiskBonus: 3,
    }
    await ok(coordinator, 'visit-plans:set-rules', next)
    expect(await ok<VisitRulesDto>(staff, 'visit-plans:rules')).toEqual(next)

    const bad = await err(coordinator, 'visit-plans:set-rules', {
      ...next,
      tiers: { ...next.tiers, key: { intervalDays: 0, twoVolunteers: false } },
      pointsPerHour: -1,
    })
    expect(bad.code).toBe('VALIDATION')
    expect((bad.fields ?? []).map((f) => f.path).sort()).toEqual(['pointsPerHour', 'tiers.key.intervalDays'])
    expect((await err(staff, 'visit-plans:set-rules', next)).code).toBe('FORBIDDEN')
    expect(await ok<VisitRulesDto>(admin, 'visit-plans:rules')).toEqual(next)
  })
})

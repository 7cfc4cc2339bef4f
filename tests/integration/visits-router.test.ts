/** The visit channels through the real router: permissions by role, input errors with field paths. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PlanDto, VolunteerDto } from '../../electron/contract/visit-dto'
import { createRouter, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import { routerCalls } from '../helpers/router-calls'
import { ADMIN, tempContainer, type TempContainer } from '../helpers/temp-container'

const APP = 'app://station/index.html'
const admin: SenderInfo = { id: '1', url: APP }
const staff: SenderInfo = { id: '2', url: APP }
const secretary: SenderInfo = { id: '3', url: APP }

let t: TempContainer
let router: Router

const { call: ok, refusal: err } = routerCalls(() => router)

const volunteer = {
  name: '周阿姨',
  mobile: '13812345678',
  availability: [{ weekday: 2, from: '09:00', to: '11:30' }],
  maxPerWeek: 3,
}

beforeEach(async () => {
  t = await tempContainer()
  router = createRouter(t.services, { isTrustedSender: (s) => s.url === APP })
  await ok(admin, 'auth:setup', { ...ADMIN })
  for (const [username, role, sender] of [
    ['wang', 'staff', staff],
    ['li', 'secretary', secretary],
  ] as const) {
    await ok(admin, 'accounts:create', { username, displayName: username, password: 'secret-pass-1', role })
    await ok(sender, 'auth:login', { username, password: 'secret-pass-1' })
  }
})
afterEach(async () => t.dispose())

describe('visit channels', () => {
  it('staff keep volunteers and log visits but do not plan; secretaries see nothing', async () => {
    const v = await ok<VolunteerDto>(staff, 'volunteers:create', volunteer)
    expect(v.mobile).toBe('138****5678')
    expect(v.availability).toEqual(volunteer.availability)
    expect((await err(staff, 'visit-plans:generate', { period: 'week', from: '2026-12-01' })).code).toBe('FORBIDDEN')
    expect((await err(secretary, 'volunteers:list', {})).code).toBe('FORBIDDEN')
    const plan = await ok<PlanDto>(admin, 'visit-plans:generate', { period: 'week', from: '2026-12-01' })
    expect(plan).toMatchObject({ periodFrom: '2026-11-30', periodTo: '2026-12-06', visits: [], unassigned: [] })
  })

  it('answers bad windows and times with field paths and validation keys', async () => {
    const bad = await err(admin, 'volunteers:create', {
      ...volunteer,
      availability: [
        { weekday: 2, from: '11:00', to: '09:00' },
        { weekday: 8, from: '9:00', to: '10:00' },
      ],
    })
    expect(bad.code).toBe('VALIDATION')
    const paths = Object.fromEntries((bad.fields ?? []).map((f) => [f.path, f.message]))
    expect(paths['availability.0.to']).toBe('validation.visits.windowOrder')
    expect(paths['availability.1.from']).toBe('validation.visits.clock')
    expect(paths['availability.1.weekday']).toBeDefined()
    const zero = await err(admin, 'points:adjust', { volunteerId: 1, points: 0, reason: '无' })
    expect(zero.fields?.[0]).toMatchObject({ path: 'points', message: 'validation.visits.zeroPoints' })
  })
})

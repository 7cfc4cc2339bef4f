/**
 * The programme channels through the router: what each role may do (a coordinator reads, staff
 * write, only an unmask account reveals health notes, a secretary sees nothing), inputs checked
 * by the shared schemas, and a refusal's payload as the counter screen receives it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EnrolmentResultDto, ProgrammeSaveResultDto, RosterDto } from '../../electron/contract/programme-dto'
import { createRouter, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import { GUARDIANS, programmeInput } from '../helpers/programmes'
import { routerCalls } from '../helpers/router-calls'
import { ADMIN, tempContainer, type TempContainer } from '../helpers/temp-container'

const APP = 'app://station/index.html'
const admin: SenderInfo = { id: '1', url: APP }
const coordinator: SenderInfo = { id: '2', url: APP }
const secretary: SenderInfo = { id: '3', url: APP }

let t: TempContainer
let router: Router

const { call, refusal } = routerCalls(() => router)

beforeEach(async () => {
  t = await tempContainer()
  router = createRouter(t.services, { isTrustedSender: () => true })
  await call(admin, 'auth:setup', { ...ADMIN })
  for (const [username, role, password] of [
    ['zhou', 'coordinator', 'coord-pass-1'],
    ['li', 'secretary', 'secretary-pass-1'],
  ] as const)
    await call(admin, 'accounts:create', { username, displayName: username, password, role })
  await call(coordinator, 'auth:login', { username: 'zhou', password: 'coord-pass-1' })
  await call(secretary, 'auth:login', { username: 'li', password: 'secretary-pass-1' })
})
afterEach(async () => t.dispose())

describe('programme channels', () => {
  it('lets staff run a session, a coordinator only read, a secretary nothing', async () => {
    const saved = await call<ProgrammeSaveResultDto>(admin, 'programmes:save', {
      data: { ...programmeInput().data, ageMin: null, ageMax: null },
    })
    const child = await call<{ id: number }>(admin, 'residents:create', { name: '王小明', birthDate: '2018-05-01' })
    const { enrolment } = await call<EnrolmentResultDto>(admin, 'enrolments:add', {
      programmeId: saved.detail.programme.id,
      residentId: child.id,
      contacts: GUARDIANS,
      allergies: '花生',
    })
    const sessionId = saved.detail.sessions[0]!.id

    const roster = await call<RosterDto>(coordinator, 'sessions:roster', { id: sessionId, q: 'wxm' })
    expect(roster.rows.map((r) => r.name)).toEqual(['王小明'])
    expect(
      await refusal(coordinator, 'sessions:mark', { sessionId, enrolmentId: enrolment.id, status: 'present' }),
    ).toMatchObject({ code: 'FORBIDDEN' })
    expect(await refusal(coordinator, 'enrolments:reveal', { id: enrolment.id })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await refusal(secretary, 'programmes:list', {})).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call<{ allergies: string }>(admin, 'enrolments:reveal', { id: enrolment.id })).toMatchObject({
      allergies: '花生',
    })

    await call(admin, 'sessions:mark', { sessionId, enrolmentId: enrolment.id, status: 'present' })
    expect(
      await refusal(admin, 'sessions:sign-out', { sessionId, enrolmentId: enrolment.id, pickedUpBy: '陌生人' }),
    ).toEqual({
      code: 'CONFLICT',
      message: 'errors.programmes.pickUpRefused',
      params: { name: '陌生人', allowed: '王建国（父亲）、李秀英（奶奶）' },
    })
  })

  it('checks inputs with the shared schemas', async () => {
    const bad = await refusal(admin, 'programmes:save', {
      data: { ...programmeInput().data, weekdays: [], startTime: '25:00', capacity: 0 },
    })
    expect(bad.code).toBe('VALIDATION')
    expect(bad.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'data.weekdays', message: 'validation.programmes.weekdays' }),
        expect.objectContaining({ path: 'data.startTime', message: 'validation.programmes.time' }),
        expect.objectContaining({ path: 'data.capacity', message: 'validation.programmes.capacity' }),
      ]),
    )
    const status = await refusal(admin, 'sessions:mark', { sessionId: 1, enrolmentId: 1, status: 'asleep' })
    expect(status.code).toBe('VALIDATION')
  })
})

/**
 * 送医上门 / 送法上门 on a real SQLite file through the router: slots offered without overlaps,
 * one live booking a slot (also when two counters race), a resident never booked twice at once,
 * a home visit needs an address, and the visitor's note stays private to the writer's role.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProviderDto, SlotDto } from '../../electron/contract/appointment-dto'
import { createRouter, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import { routerCalls } from '../helpers/router-calls'
import { ADMIN, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'
import { buildCommunity, residentInput } from './fixtures'

const APP = 'app://station/index.html'
const admin: SenderInfo = { id: '1', url: APP }
const staff: SenderInfo = { id: '2', url: APP }
const coordinator: SenderInfo = { id: '3', url: APP }

let t: TempContainer
let router: Router
let people: { zhang: number; li: number; wang: number }

const { call, refusal } = routerCalls(() => router)

beforeEach(async () => {
  // 2026-11-24 10:00 in Shanghai.
  t = await tempContainer({ now: testClock('2026-11-24T02:00:00Z').now })
  router = createRouter(t.services, { isTrustedSender: () => true })
  await call(admin, 'auth:setup', { ...ADMIN })
  for (const [username, role] of [
    ['chen', 'staff'],
    ['zhou', 'coordinator'],
  ] as const) {
    await t.services.auth.createAccount(
      { actor: { accountId: 1, role: 'admin', displayName: '管理员' }, channel: 'test' },
      { username, displayName: username, password: `${username}-pass-1`, role, gridIds: [], mustChangePassword: false },
    )
  }
  await call(staff, 'auth:login', { username: 'chen', password: 'chen-pass-1' })
  await call(coordinator, 'auth:login', { username: 'zhou', password: 'zhou-pass-1' })
  const ctx = { actor: { accountId: 1, role: 'admin' as const, displayName: '管理员' }, channel: 'test' }
  const c = await buildCommunity(t.services, ctx)
  const zhang = await t.services.residents.create(ctx, residentInput({ name: '张奶奶', householdId: c.h501.id }))
  const li = await t.services.residents.create(ctx, residentInput({ name: '李大爷', householdId: c.h8.id }))
  const wang = await t.services.residents.create(ctx, residentInput({ name: '王阿姨' }))
  people = { zhang: zhang.id, li: li.id, wang: wang.id }
})
afterEach(async () => t.dispose())

async function doctorWithSlots(date = '2026-11-26'): Promise<{ doctor: ProviderDto; slots: SlotDto[] }> {
  const doctor = await call<ProviderDto>(admin, 'providers:save', {
    kind: 'doctor',
    name: '刘医生',
    organisation: '社区卫生服务中心',
  })
  const slots = await call<SlotDto[]>(admin, 'slots:add', {
    providerId: doctor.id,
    date,
    from: '09:00',
    minutes: 30,
    count: 4,
  })
  return { doctor, slots }
}

describe('送医上门 / 送法上门', () => {
  it('offers back-to-back slots and refuses ones that overlap or lie in the past', async () => {
    const { doctor, slots } = await doctorWithSlots()
    expect(slots.map((s) => `${s.startAt.slice(11)}-${s.endAt.slice(11)}`)).toEqual([
      '09:00-09:30',
      '09:30-10:00',
      '10:00-10:30',
      '10:30-11:00',
    ])
    expect(
      await refusal(admin, 'slots:add', {
        providerId: doctor.id,
        date: '2026-11-26',
        from: '10:45',
        minutes: 30,
        count: 2,
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'errors.appointments.overlap',
      params: { time: '10:30–11:00' },
    })
    expect(
      await refusal(admin, 'slots:add', {
        providerId: doctor.id,
        date: '2026-11-23',
        from: '09:00',
        minutes: 30,
        count: 1,
      }),
    ).toMatchObject({
      message: 'errors.appointments.past',
    })
    expect(
      await refusal(admin, 'slots:add', {
        providerId: doctor.id,
        date: '2026-11-26',
        from: '9:00',
        minutes: 30,
        count: 1,
      }),
    ).toMatchObject({
      fields: [{ path: 'from', message: 'validation.appointments.time' }],
    })
    // Another provider may work the same hours.
    const lawyer = await call<ProviderDto>(admin, 'providers:save', {
      kind: 'lawyer',
      name: '赵律师',
      organisation: '明理律师事务所',
    })
    await call(admin, 'slots:add', { providerId: lawyer.id, date: '2026-11-26', from: '09:00', minutes: 60, count: 2 })
    const day = await call<SlotDto[]>(staff, 'slots:list', { from: '2026-11-26', to: '2026-11-26' })
    expect(day).toHaveLength(6)
    expect(day.filter((s) => s.providerKind === 'lawyer').map((s) => s.providerName)).toEqual(['赵律师', '赵律师'])
  })

  it('books one resident a slot, at home with their address, and never two bookings of one slot', async () => {
    const { slots } = await doctorWithSlots()
    const booked = await call<SlotDto>(staff, 'bookings:book', {
      slotId: slots[0]!.id,
      residentId: people.zhang,
      place: 'home',
      reason: '高血压复查',
    })
    expect(booked.booking).toMatchObject({
      residentName: '张奶奶',
      place: 'home',
      status: 'booked',
      reason: '高血压复查',
    })
    expect(booked.booking!.address).toContain('幸福小区')
    expect(
      await refusal(staff, 'bookings:book', { slotId: slots[0]!.id, residentId: people.li, place: 'station' }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'errors.appointments.taken',
    })
    // Two counters at once on the next slot: exactly one wins.
    const race = await Promise.all([
      router.handle(staff, 'bookings:book', { slotId: slots[1]!.id, residentId: people.li, place: 'station' }),
      router.handle(admin, 'bookings:book', { slotId: slots[1]!.id, residentId: people.wang, place: 'station' }),
    ])
    expect(race.filter((e) => e.ok)).toHaveLength(1)
    expect(race.find((e) => !e.ok)).toMatchObject({ error: { code: 'CONFLICT', message: 'errors.appointments.taken' } })

    // Nobody is booked with two visitors at once; no home visit without a home.
    const lawyer = await call<ProviderDto>(admin, 'providers:save', { kind: 'lawyer', name: '赵律师' })
    const [at9] = await call<SlotDto[]>(admin, 'slots:add', {
      providerId: lawyer.id,
      date: '2026-11-26',
      from: '09:15',
      minutes: 30,
      count: 1,
    })
    expect(
      await refusal(staff, 'bookings:book', { slotId: at9!.id, residentId: people.zhang, place: 'station' }),
    ).toMatchObject({
      message: 'errors.appointments.residentBusy',
      params: { name: '张奶奶', time: '2026-11-26 09:00' },
    })
    expect(
      await refusal(staff, 'bookings:book', { slotId: slots[2]!.id, residentId: people.wang, place: 'home' }),
    ).toMatchObject({
      message: 'errors.appointments.noAddress',
    })

    // Cancelling frees the slot; the slot with a cancelled booking stays as history.
    await call(staff, 'bookings:cancel', { id: booked.booking!.id })
    const again = await call<SlotDto>(staff, 'bookings:book', {
      slotId: slots[0]!.id,
      residentId: people.li,
      place: 'station',
    })
    expect(again.booking!.residentName).toBe('李大爷')
    expect(await refusal(admin, 'slots:remove', { id: slots[0]!.id })).toMatchObject({
      message: 'errors.appointments.slotHasBooking',
    })
    await call(admin, 'slots:remove', { id: slots[3]!.id })
  })

  it("keeps the visitor's note private to the writer's role, and audits that a note exists, not its text", async () => {
    const { slots } = await doctorWithSlots()
    const booked = await call<SlotDto>(staff, 'bookings:book', {
      slotId: slots[0]!.id,
      residentId: people.zhang,
      place: 'home',
    })
    const done = await call<SlotDto>(staff, 'bookings:outcome', {
      id: booked.booking!.id,
      status: 'done',
      outcome: '血压 150/95，建议调整用药，两周后复查',
      followUp: true,
    })
    expect(done.booking).toMatchObject({
      status: 'done',
      followUp: true,
      outcome: '血压 150/95，建议调整用药，两周后复查',
      noteHidden: false,
    })

    const [seenByAdmin] = await call<SlotDto[]>(admin, 'slots:list', { from: '2026-11-26', to: '2026-11-26' })
    expect(seenByAdmin!.booking).toMatchObject({
      status: 'done',
      followUp: true,
      outcome: null,
      noteHidden: true,
      outcomeBy: 'chen',
    })
    const [seenByCoordinator] = await call<SlotDto[]>(coordinator, 'slots:list', {
      from: '2026-11-26',
      to: '2026-11-26',
    })
    expect(seenByCoordinator!.booking!.outcome).toBeNull()
    expect(
      await refusal(admin, 'bookings:outcome', { id: booked.booking!.id, status: 'done', outcome: '改写' }),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: 'errors.appointments.notYourNote',
    })
    expect(
      await refusal(coordinator, 'bookings:book', { slotId: slots[1]!.id, residentId: people.li, place: 'station' }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    })

    const audit = await t.services.audit.list({ entity: 'visit-booking', page: 1, pageSize: 10 })
    expect(JSON.stringify(audit.items)).not.toContain('血压')
    expect(audit.items[0]).toMatchObject({ action: 'outcome', after: { status: 'done', followUp: true, note: true } })
  })
})

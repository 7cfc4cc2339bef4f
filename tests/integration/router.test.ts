import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channels } from '../../electron/contract/channels'
import type { Envelope, ErrorPayload } from '../../electron/contract/errors'
import type { Page, ResidentDto, ResidentListItemDto, SessionDto } from '../../electron/contract/dto'
import { createRouter, handlers, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import { ADMIN, tempContainer, type TempContainer } from '../helpers/temp-container'

const APP = 'app://station/index.html'
const w1: SenderInfo = { id: '1', url: APP }
const w2: SenderInfo = { id: '2', url: APP }
const w3: SenderInfo = { id: '3', url: APP }

let t: TempContainer
let router: Router
let logged: Array<{ channel: string; error: unknown }>

beforeEach(async () => {
  t = await tempContainer()
  logged = []
  router = createRouter(t.services, {
    // A fake of the shell's policy: the app's own page in one of its windows.
    isTrustedSender: (s) => ['1', '2', '3'].includes(s.id) && s.url.startsWith('app://station/'),
    logError: (channel, error) => void logged.push({ channel, error }),
  })
})
afterEach(async () => t.dispose())

async function ok<T>(sender: SenderInfo, channel: string, input?: unknown): Promise<T> {
  const envelope = await router.handle(sender, channel, input)
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`)
  return envelope.data as T
}

async function err(sender: SenderInfo, channel: unknown, input?: unknown): Promise<ErrorPayload> {
  const envelope = await router.handle(sender, channel, input)
  if (envelope.ok) throw new Error(`${String(channel)} unexpectedly succeeded: ${JSON.stringify(envelope.data)}`)
  return envelope.error
}

/** Walks a value and lists anything JSON would not carry as is. */
function nonJson(value: unknown, path = '$'): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return []
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path]
  if (Array.isArray(value)) return value.flatMap((v, i) => nonJson(v, `${path}[${i}]`))
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => nonJson(v, `${path}.${k}`))
  }
  return [`${path}: ${Object.prototype.toString.call(value)}`]
}

async function setup(): Promise<void> {
  await ok(w1, 'auth:setup', { ...ADMIN })
}

describe('router: contract coverage', () => {
  it('has a handler for every channel and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(channels).sort())
  })
})

describe('router: sender and channel', () => {
  it('refuses an untrusted sender before anything else, with no side effect', async () => {
    for (const sender of [
      { id: '1', url: 'https://evil.example/' },
      { id: '99', url: APP },
      { id: '1', url: '' },
    ]) {
      expect(await err(sender, 'auth:setup', { ...ADMIN })).toEqual({
        code: 'UNTRUSTED_SENDER',
        message: 'errors.untrustedSender',
      })
      expect((await err(sender, 'no:such-channel')).code).toBe('UNTRUSTED_SENDER')
    }
    expect(await t.services.models.Account.count()).toBe(0)
  })

  it('refuses an unknown channel, including names inherited from Object', async () => {
    for (const name of [
      'residents:drop',
      '',
      'toString',
      'constructor',
      '__proto__',
      'hasOwnProperty',
      42,
      null,
      undefined,
      { toString: () => 'auth:state' },
    ]) {
      expect(await err(w1, name)).toEqual({ code: 'UNKNOWN_CHANNEL', message: 'errors.unknownChannel' })
    }
  })
})

describe('router: validation', () => {
  beforeEach(setup)

  it('answers a wrong check digit with the field path and the rule’s i18n key', async () => {
    const e = await err(w1, 'residents:create', { name: '张三', idNumber: '340524198001010013' })
    expect(e).toEqual({
      code: 'VALIDATION',
      message: 'errors.validation',
      fields: [{ path: 'idNumber', message: 'validation.id.checksum' }],
    })
    expect(await t.services.models.Resident.count()).toBe(0)
  })

  it('refuses control characters in text (a NUL once cut the SQL short) and drops them from a search', async () => {
    const e = await err(w1, 'residents:create', { name: 'a\u0000b', notes: 'line one\nline two' })
    expect(e).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'name', message: 'validation.controlChars' }] })
    const page = await ok<{ total: number }>(w1, 'residents:list', { q: '\u0000\u001b张' })
    expect(page.total).toBe(0)
    const saved = await ok<{ notes: string }>(w1, 'residents:create', { name: '张三', notes: 'line one\nline two' })
    expect(saved.notes).toBe('line one\nline two')
  })

  it('reports every bad field at once, with nested paths', async () => {
    const e = await err(w1, 'residents:create', {
      name: '  ',
      idNumber: '11010519800230002X',
      mobile: '12345678901',
      landline: 'abc',
      birthDate: '2023-02-29',
      tagIds: [1, -2],
    })
    expect(e.code).toBe('VALIDATION')
    expect(e.fields).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'validation.required' },
        { path: 'idNumber', message: 'validation.id.birthDate' },
        { path: 'mobile', message: 'validation.mobile.format' },
        { path: 'landline', message: 'validation.landline.format' },
        { path: 'birthDate', message: 'validation.date' },
        { path: 'tagIds.1', message: 'validation.invalid' },
      ]),
    )
    const nested = await err(w1, 'residents:update', { id: 1, data: { name: '张三', idNumber: '340524198001010013' } })
    expect(nested.fields).toEqual([{ path: 'data.idNumber', message: 'validation.id.checksum' }])
  })

  it('refuses a future or implausibly old birth date typed by hand', async () => {
    const e = await err(w1, 'residents:create', { name: '张三', birthDate: '2999-01-01' })
    expect(e.fields).toEqual([{ path: 'birthDate', message: 'validation.id.futureBirthDate' }])
    for (const birthDate of ['0199-01-01', '1879-12-31', '1980-1-1', '1980/01/01']) {
      expect((await err(w1, 'residents:create', { name: '张三', birthDate })).fields, birthDate).toEqual([
        { path: 'birthDate', message: 'validation.date' },
      ])
    }
    expect((await ok<ResidentDto>(w1, 'residents:create', { name: '张三', birthDate: '1880-01-01' })).birthDate).toBe(
      '1880-01-01',
    )
  })

  it('refuses input of the wrong shape without crashing', async () => {
    for (const input of [undefined, null, 'residents', 42, [], { name: 42 }]) {
      const e = await err(w1, 'residents:create', input)
      expect(e.code).toBe('VALIDATION')
      expect(e.fields!.length).toBeGreaterThan(0)
    }
    expect(
      (await err(w1, 'residents:list', { page: 0, pageSize: 1000, sort: 'idNumber' })).fields
        ?.map((f) => f.path)
        .sort(),
    ).toEqual(['page', 'pageSize', 'sort'])
  })

  it('accepts no input, or null, on channels that take none', async () => {
    expect((await ok<{ needsSetup: boolean }>(w1, 'auth:state')).needsSetup).toBe(false)
    expect((await ok<{ needsSetup: boolean }>(w1, 'auth:state', null)).needsSetup).toBe(false)
  })

  it('passes service errors through: CONFLICT naming the existing file, NOT_FOUND', async () => {
    const first = await ok<ResidentDto>(w1, 'residents:create', { name: '张三', idNumber: '11010519491231002X' })
    const e = await err(w1, 'residents:create', { name: '张叁', idNumber: '11010519491231002x' })
    expect(e).toEqual({
      code: 'CONFLICT',
      message: 'errors.validation',
      fields: [{ path: 'idNumber', message: 'validation.id.duplicate', params: { name: '张三', id: first.id } }],
    })
    expect(await err(w1, 'residents:get', { id: 9999 })).toEqual({
      code: 'NOT_FOUND',
      message: 'errors.notFound',
      params: { what: 'resident' },
    })
  })
})

describe('router: sessions and permissions', () => {
  it('refuses a window nobody signed in to', async () => {
    await setup()
    for (const channel of ['residents:list', 'settings:get', 'app:info', 'accounts:list']) {
      expect(await err(w3, channel, channel === 'residents:list' ? {} : undefined)).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'errors.signedOut',
      })
    }
    // Public channels still work there.
    expect((await ok<{ session: unknown }>(w3, 'auth:state')).session).toBeNull()
  })

  it('refuses a second setup', async () => {
    await setup()
    expect(await err(w2, 'auth:setup', { username: 'other', displayName: '别人', password: 'secret123' })).toEqual({
      code: 'FORBIDDEN',
      message: 'errors.setupDone',
    })
  })

  it('refuses what the role may not do, per window', async () => {
    await setup()
    const coordinator = await ok(w1, 'accounts:create', {
      username: 'zhou',
      displayName: '周协调员',
      password: 'coord-pass-1',
      role: 'coordinator',
    })
    expect(coordinator).toMatchObject({ username: 'zhou', role: 'coordinator', active: true })
    const resident = await ok<ResidentDto>(w1, 'residents:create', {
      name: '张三',
      idNumber: '11010519491231002X',
      mobile: '13812345678',
    })

    const session = await ok<SessionDto>(w2, 'auth:login', { username: 'zhou', password: 'coord-pass-1' })
    expect(session.permissions).toEqual([
      'residents.read',
      'notices.read',
      'lists.export',
      'programmes.read',
      'visits.read',
      'visits.write',
      'visits.plan',
    ])
    const forbidden = { code: 'FORBIDDEN', message: 'errors.forbidden' }
    expect(await err(w2, 'residents:create', { name: '李四' })).toEqual(forbidden)
    expect(await err(w2, 'residents:reveal', { id: resident.id, field: 'idNumber' })).toEqual(forbidden)
    expect(await err(w2, 'residents:archive', { id: resident.id })).toEqual(forbidden)
    expect(
      await err(w2, 'accounts:create', { username: 'evil', displayName: '坏人', password: 'secret123', role: 'admin' }),
    ).toEqual(forbidden)
    expect(await err(w2, 'settings:update', { stationName: '改名' })).toEqual(forbidden)
    expect(await err(w2, 'audit:list', {})).toEqual(forbidden)
    // Reading is allowed, masked.
    const page = await ok<Page<ResidentListItemDto>>(w2, 'residents:list', {})
    expect(page.items[0]).toMatchObject({ name: '张三', idNumber: '110105********002X', mobile: '138****5678' })
    // Number fragments find nobody for an account that may not see numbers in full, or a masked
    // number could be rebuilt one digit at a time; a whole number still finds its file.
    const count = async (sender: SenderInfo, q: string) =>
      (await ok<Page<ResidentListItemDto>>(sender, 'residents:list', { q })).total
    for (const fragment of ['1101051', '11010519491', '1381234', '5678', '19491231']) {
      expect(await count(w2, fragment)).toBe(0)
      expect(await count(w1, fragment)).toBe(1)
    }
    expect(await count(w2, '11010519491231002x')).toBe(1)
    expect(await count(w2, '13812345678')).toBe(1)
    expect(await count(w2, 'zs')).toBe(1)
    // The administrator's window is unaffected by the coordinator's sign-in.
    expect(
      (await ok<{ field: string; value: string }>(w1, 'residents:reveal', { id: resident.id, field: 'idNumber' }))
        .value,
    ).toBe('11010519491231002X')
    expect(await t.services.models.Resident.count()).toBe(1)
    expect((await t.services.models.Audit.findAll({ where: { action: 'reveal' } })).map((a) => a.accountId)).toEqual([
      1,
    ])
  })

  it('locks a window: everything but state, unlock and sign-out is refused until the password is given', async () => {
    await setup()
    expect(await ok(w1, 'auth:lock')).toBeNull()
    const locked = { code: 'LOCKED', message: 'errors.sessionLocked' }
    expect(await err(w1, 'residents:list', {})).toEqual(locked)
    expect(await err(w1, 'settings:get')).toEqual(locked)
    expect(await err(w1, 'residents:create', { name: '张三' })).toEqual(locked)
    expect((await ok<{ session: SessionDto }>(w1, 'auth:state')).session.locked).toBe(true)

    const wrong = await err(w1, 'auth:unlock', { password: 'not-the-password' })
    expect(wrong.message).toBe('errors.badCredentials')
    expect(await err(w1, 'residents:list', {})).toEqual(locked)

    const session = await ok<SessionDto>(w1, 'auth:unlock', { password: ADMIN.password })
    expect(session.locked).toBe(false)
    expect((await ok<Page<unknown>>(w1, 'residents:list', {})).total).toBe(0)

    await ok(w1, 'auth:lock')
    expect(await ok(w1, 'auth:logout')).toBeNull()
    expect(await err(w1, 'residents:list', {})).toEqual({ code: 'UNAUTHENTICATED', message: 'errors.signedOut' })
  })

  it('does not let a locked window be taken over by another account’s sign-in', async () => {
    await setup()
    await ok(w1, 'accounts:create', { username: 'wang', displayName: '王', password: 'staff-pass-1', role: 'staff' })
    await ok(w1, 'auth:lock')
    // Whoever is at the counter must unlock as the locked account, or sign out first.
    const e = await err(w1, 'auth:login', { username: 'wang', password: 'staff-pass-1' })
    expect(e).toEqual({ code: 'LOCKED', message: 'errors.sessionLocked' })
    expect((await ok<{ session: SessionDto }>(w1, 'auth:state')).session.account.username).toBe('admin')
    // The locked account itself may sign in again: that unlocks the window.
    expect((await ok<SessionDto>(w1, 'auth:login', { username: 'admin', password: ADMIN.password })).locked).toBe(false)
    expect((await ok<Page<unknown>>(w1, 'residents:list', {})).total).toBe(0)
    await ok(w1, 'auth:logout')
    expect(
      (await ok<SessionDto>(w1, 'auth:login', { username: 'wang', password: 'staff-pass-1' })).account.username,
    ).toBe('wang')
  })
})

describe('router: results', () => {
  beforeEach(setup)

  it('returns plain JSON, with masked numbers', async () => {
    const place = await ok<{ id: number }>(w1, 'places:create', { parentId: null, kind: 'community', name: '幸福社区' })
    const room = await ok<{ id: number }>(w1, 'places:create', { parentId: place.id, kind: 'room', name: '1号' })
    const household = await ok<{ id: number }>(w1, 'households:create', { placeId: room.id })
    const created = await ok<ResidentDto>(w1, 'residents:create', {
      name: '张三',
      idNumber: '11010519491231002X',
      mobile: '13812345678',
      householdId: household.id,
      relationToHead: '户主',
    })
    const results: unknown[] = [
      created,
      await ok(w1, 'residents:get', { id: created.id }),
      await ok(w1, 'residents:list', {}),
      await ok(w1, 'households:get', { id: household.id }),
      await ok(w1, 'places:tree'),
      await ok(w1, 'tags:list'),
      await ok(w1, 'settings:get'),
      await ok(w1, 'auth:state'),
      await ok(w1, 'accounts:list'),
      await ok(w1, 'audit:list', {}),
      await ok(w1, 'app:info'),
    ]
    for (const result of results) {
      expect(nonJson(result)).toEqual([])
      expect(result).toEqual(JSON.parse(JSON.stringify(result)))
    }
    const text = JSON.stringify(results)
    expect(text).not.toContain('11010519491231002X')
    expect(text).not.toContain('13812345678')
    expect(created).toMatchObject({
      idNumber: '110105********002X',
      mobile: '138****5678',
      gender: 'F',
      birthDate: '1949-12-31',
    })
    expect(typeof created.createdAt).toBe('string')

    const revealed = await ok(w1, 'residents:reveal', { id: created.id, field: 'mobile' })
    expect(revealed).toEqual({ field: 'mobile', value: '13812345678' })
    const audit = await ok<Page<{ action: string; channel: string; after: unknown }>>(w1, 'audit:list', {
      entity: 'resident',
    })
    expect(audit.items[0]).toMatchObject({ action: 'reveal', channel: 'residents:reveal', after: { field: 'mobile' } })
  })

  it('turns an unexpected exception into INTERNAL, without stack or SQL, and logs it', async () => {
    await t.services.sequelize.query('DROP TABLE settings')
    const envelope: Envelope<unknown> = await router.handle(w1, 'settings:get', undefined)
    expect(envelope).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } })
    const text = JSON.stringify(envelope)
    for (const leak of ['SELECT', 'settings`', 'SQLITE', 'stack', 'at ', 'no such table'])
      expect(text).not.toContain(leak)
    expect(logged).toHaveLength(1)
    expect(logged[0]!.channel).toBe('settings:get')
    expect(String(logged[0]!.error)).toMatch(/no such table/)
  })

  it('never rejects: even a throwing trust check becomes an envelope', async () => {
    const fragile = createRouter(t.services, {
      isTrustedSender: () => {
        throw new Error('frame destroyed')
      },
    })
    expect(await fragile.handle(w1, 'auth:state', undefined)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'errors.internal' },
    })
  })
})

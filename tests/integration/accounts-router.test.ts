import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ErrorPayload } from '../../electron/contract/errors'
import type { SessionDto } from '../../electron/contract/dto'
import type { ManagedAccountDto, PasswordResetDto } from '../../electron/contract/admin-dto'
import { createRouter, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import { ADMIN, tempContainer, type TempContainer } from '../helpers/temp-container'

const APP = 'app://station/index.html'
const admin: SenderInfo = { id: '1', url: APP }
const clerkWindow: SenderInfo = { id: '2', url: APP }
const other: SenderInfo = { id: '3', url: APP }

let t: TempContainer
let router: Router

beforeEach(async () => {
  t = await tempContainer()
  router = createRouter(t.services, { isTrustedSender: (s) => ['1', '2', '3'].includes(s.id) })
  await ok(admin, 'auth:setup', { ...ADMIN })
})
afterEach(async () => t.dispose())

async function ok<T>(sender: SenderInfo, channel: string, input?: unknown): Promise<T> {
  const envelope = await router.handle(sender, channel, input)
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`)
  return envelope.data as T
}

async function err(sender: SenderInfo, channel: string, input?: unknown): Promise<ErrorPayload> {
  const envelope = await router.handle(sender, channel, input)
  if (envelope.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(envelope.data)}`)
  return envelope.error
}

const fieldMessages = (e: ErrorPayload) => (e.fields ?? []).map((f) => `${f.path}:${f.message}`)

async function createClerk(extra: Record<string, unknown> = {}): Promise<ManagedAccountDto> {
  return ok<ManagedAccountDto>(admin, 'accounts:create', {
    username: 'clerk',
    displayName: '柜台小李',
    password: 'counter-2026',
    role: 'staff',
    ...extra,
  })
}

describe('password rule', () => {
  it('refuses fewer than 8 characters and only digits, at setup, creation, reset and own change', async () => {
    const fresh = await tempContainer()
    try {
      const r = createRouter(fresh.services, { isTrustedSender: () => true })
      const setup = await r.handle(admin, 'auth:setup', { ...ADMIN, password: '12345678' })
      expect(setup.ok).toBe(false)
      if (!setup.ok) expect(fieldMessages(setup.error)).toEqual(['password:validation.admin.password.digitsOnly'])
    } finally {
      await fresh.dispose()
    }
    for (const [password, message] of [
      ['abc123', 'validation.admin.password.short'],
      ['1234567', 'validation.admin.password.short'],
      ['20261124', 'validation.admin.password.digitsOnly'],
      ['１２３４５６７８', 'validation.admin.password.digitsOnly'],
    ]) {
      const e = await err(admin, 'accounts:create', { username: 'x1', displayName: 'x', password, role: 'staff' })
      expect(fieldMessages(e)).toEqual([`password:${message}`])
    }
    const clerk = await createClerk()
    expect(fieldMessages(await err(admin, 'accounts:reset-password', { id: clerk.id, password: '88888888' }))).toEqual([
      'password:validation.admin.password.digitsOnly',
    ])
    expect(
      fieldMessages(
        await err(admin, 'accounts:change-password', { oldPassword: ADMIN.password, newPassword: '13800138000' }),
      ),
    ).toEqual(['newPassword:validation.admin.password.digitsOnly'])
    // Eight characters with one letter pass.
    await ok(admin, 'accounts:reset-password', { id: clerk.id, password: '8888888a' })
  })
})

describe('accounts: create, disable, enable', () => {
  it('creates an account with a role; the list shows it without any hash', async () => {
    const clerk = await createClerk()
    expect(clerk).toMatchObject({
      username: 'clerk',
      role: 'staff',
      active: true,
      mustChangePassword: false,
      gridIds: [],
    })
    const list = await ok<ManagedAccountDto[]>(admin, 'accounts:list')
    expect(list.map((a) => a.username)).toEqual(['admin', 'clerk'])
    expect(JSON.stringify(list)).not.toMatch(/scrypt|hash|salt/i)
  })

  it('a disabled account cannot sign in and its open session ends at once; re-enabled, it can', async () => {
    const clerk = await createClerk()
    await ok(clerkWindow, 'auth:login', { username: 'clerk', password: 'counter-2026' })
    await ok(clerkWindow, 'residents:list', {})
    await ok(admin, 'accounts:set-active', { id: clerk.id, active: false })
    expect((await err(clerkWindow, 'residents:list', {})).code).toBe('UNAUTHENTICATED')
    expect((await err(clerkWindow, 'auth:login', { username: 'clerk', password: 'counter-2026' })).message).toBe(
      'errors.badCredentials',
    )
    const enabled = await ok<ManagedAccountDto>(admin, 'accounts:set-active', { id: clerk.id, active: true })
    expect(enabled.active).toBe(true)
    await ok(clerkWindow, 'auth:login', { username: 'clerk', password: 'counter-2026' })
    await ok(clerkWindow, 'residents:list', {})
  })

  it('only accounts.manage may manage accounts', async () => {
    const clerk = await createClerk()
    await ok(clerkWindow, 'auth:login', { username: 'clerk', password: 'counter-2026' })
    for (const [channel, input] of [
      ['accounts:list', undefined],
      ['accounts:set-active', { id: 1, active: false }],
      ['accounts:reset-password', { id: 1 }],
      ['accounts:update', { id: clerk.id, displayName: 'x', role: 'admin', gridIds: [] }],
    ] as const) {
      expect((await err(clerkWindow, channel, input)).code).toBe('FORBIDDEN')
    }
  })
})

describe('accounts: the last administrator and oneself', () => {
  it('nobody disables or demotes the last active administrator, nor themselves', async () => {
    expect(await err(admin, 'accounts:set-active', { id: 1, active: false })).toMatchObject({
      code: 'FORBIDDEN',
      message: 'errors.admin.accounts.notYourself',
    })
    expect(
      (await err(admin, 'accounts:update', { id: 1, displayName: '管理员', role: 'staff', gridIds: [] })).message,
    ).toBe('errors.admin.accounts.notYourself')
    expect((await err(admin, 'accounts:reset-password', { id: 1 })).message).toBe('errors.admin.accounts.notYourself')

    // A second administrator may demote the first while two are active, but not the last one.
    const second = await ok<ManagedAccountDto>(admin, 'accounts:create', {
      username: 'deputy',
      displayName: '副站长',
      password: 'deputy-pass',
      role: 'admin',
    })
    await ok(other, 'auth:login', { username: 'deputy', password: 'deputy-pass' })
    await ok(other, 'accounts:update', { id: 1, displayName: '管理员', role: 'staff', gridIds: [] })
    // The demoted administrator's session ended: it carried the old role.
    expect((await err(admin, 'accounts:list')).code).toBe('UNAUTHENTICATED')
    // Now `deputy` is the only administrator: re-enable test through a disabled admin too.
    const list = await ok<ManagedAccountDto[]>(other, 'accounts:list')
    expect(list.find((a) => a.id === 1)?.role).toBe('staff')
    // Promote back, disable deputy from account 1: allowed while two admins are active.
    await ok(other, 'accounts:update', { id: 1, displayName: '管理员', role: 'admin', gridIds: [] })
    await ok(admin, 'auth:login', { username: ADMIN.username, password: ADMIN.password })
    await ok(admin, 'accounts:set-active', { id: second.id, active: false })
    // Account 1 is the last active administrator now; the disabled one cannot be the "other".
    const e = await t.services.auth
      .setActive({ actor: null, channel: 'test' }, 1, false)
      .then(() => null)
      .catch((error: Error) => error.message)
    expect(e).toBe('errors.admin.accounts.lastAdmin')
    const demote = await t.services.auth
      .updateAccount({ actor: null, channel: 'test' }, { id: 1, displayName: 'x', role: 'staff', gridIds: [] })
      .then(() => null)
      .catch((error: Error) => error.message)
    expect(demote).toBe('errors.admin.accounts.lastAdmin')
  })
})

describe('accounts: reset and must-change, enforced by the router', () => {
  it('a reset password opens no session: every channel is refused until a new one is set', async () => {
    const clerk = await createClerk()
    await ok(clerkWindow, 'auth:login', { username: 'clerk', password: 'counter-2026' })
    const reset = await ok<PasswordResetDto>(admin, 'accounts:reset-password', { id: clerk.id })
    expect(reset.temporaryPassword).toMatch(/^(?=.*\d)(?=.*[a-zA-Z])[a-zA-Z0-9]{10}$/)
    expect(reset.account.mustChangePassword).toBe(true)
    const temporary = reset.temporaryPassword!

    // The open session ended with the reset.
    expect((await err(clerkWindow, 'residents:list', {})).code).toBe('UNAUTHENTICATED')
    // The old password no longer works; the temporary one is right but signs in to nothing.
    expect((await err(clerkWindow, 'auth:login', { username: 'clerk', password: 'counter-2026' })).message).toBe(
      'errors.badCredentials',
    )
    expect(await err(clerkWindow, 'auth:login', { username: 'clerk', password: temporary })).toMatchObject({
      code: 'FORBIDDEN',
      message: 'errors.admin.accounts.mustChangePassword',
    })
    for (const [channel, input] of [
      ['residents:list', {}],
      ['residents:get', { id: 1 }],
      ['settings:get', undefined],
      ['accounts:change-password', { oldPassword: temporary, newPassword: 'my-own-pass-1' }],
    ] as const) {
      expect((await err(clerkWindow, channel, input)).code).toBe('UNAUTHENTICATED')
    }
    const state = await ok<{ session: SessionDto | null }>(clerkWindow, 'auth:state')
    expect(state.session).toBeNull()
    // Sign-out is always possible.
    await ok(clerkWindow, 'auth:logout')

    // The replacement checks the temporary password, refuses the same one again, then opens the session.
    expect(
      (
        await err(clerkWindow, 'accounts:replace-password', {
          username: 'clerk',
          oldPassword: 'wrong-one-1',
          newPassword: 'my-own-pass-1',
        })
      ).message,
    ).toBe('errors.badCredentials')
    expect(
      fieldMessages(
        await err(clerkWindow, 'accounts:replace-password', {
          username: 'clerk',
          oldPassword: temporary,
          newPassword: temporary,
        }),
      ),
    ).toEqual(['newPassword:validation.admin.password.unchanged'])
    const session = await ok<SessionDto>(clerkWindow, 'accounts:replace-password', {
      username: 'clerk',
      oldPassword: temporary,
      newPassword: 'my-own-pass-1',
    })
    expect(session.account.username).toBe('clerk')
    await ok(clerkWindow, 'residents:list', {})
    await ok(clerkWindow, 'auth:logout')
    await ok(clerkWindow, 'auth:login', { username: 'clerk', password: 'my-own-pass-1' })
    // Replacing again, without a reset, is refused: it is no second way to sign in.
    expect(
      (
        await err(other, 'accounts:replace-password', {
          username: 'clerk',
          oldPassword: 'my-own-pass-1',
          newPassword: 'another-pass-2',
        })
      ).message,
    ).toBe('errors.admin.accounts.noChangeNeeded')
  })

  it('a password typed by the administrator is not returned; an account created "must change" must change it', async () => {
    const clerk = await createClerk({ mustChangePassword: true })
    expect(clerk.mustChangePassword).toBe(true)
    expect((await err(clerkWindow, 'auth:login', { username: 'clerk', password: 'counter-2026' })).message).toBe(
      'errors.admin.accounts.mustChangePassword',
    )
    const reset = await ok<PasswordResetDto>(admin, 'accounts:reset-password', {
      id: clerk.id,
      password: 'typed-temp-1',
    })
    expect(reset.temporaryPassword).toBeNull()
    await ok(clerkWindow, 'accounts:replace-password', {
      username: 'clerk',
      oldPassword: 'typed-temp-1',
      newPassword: 'mine-now-22',
    })
    // No password, temporary or new, is in the audit log.
    const log = JSON.stringify(await t.services.models.Audit.findAll({ raw: true }))
    for (const secret of ['typed-temp-1', 'mine-now-22', 'counter-2026']) expect(log).not.toContain(secret)
    expect(log).toContain('resetPassword')
  })

  it('a reset lifts a lockout', async () => {
    const clerk = await createClerk()
    for (let i = 0; i < 5; i++) await err(clerkWindow, 'auth:login', { username: 'clerk', password: 'wrong-pass-x' })
    expect((await err(clerkWindow, 'auth:login', { username: 'clerk', password: 'counter-2026' })).message).toBe(
      'errors.accountLocked',
    )
    const listed = (await ok<ManagedAccountDto[]>(admin, 'accounts:list')).find((a) => a.id === clerk.id)
    expect(listed?.lockedUntil).not.toBeNull()
    await ok(admin, 'accounts:reset-password', { id: clerk.id, password: 'fresh-start-1' })
    await ok(clerkWindow, 'accounts:replace-password', {
      username: 'clerk',
      oldPassword: 'fresh-start-1',
      newPassword: 'fresh-start-2',
    })
  })
})

describe('own password change', () => {
  it('needs the current password, and then only the new one works', async () => {
    await createClerk()
    await ok(clerkWindow, 'auth:login', { username: 'clerk', password: 'counter-2026' })
    expect(
      fieldMessages(
        await err(clerkWindow, 'accounts:change-password', { oldPassword: 'not-mine-1', newPassword: 'brand-new-1' }),
      ),
    ).toEqual(['oldPassword:validation.admin.password.oldWrong'])
    await ok(clerkWindow, 'accounts:change-password', { oldPassword: 'counter-2026', newPassword: 'brand-new-1' })
    // The session goes on.
    await ok(clerkWindow, 'residents:list', {})
    await ok(clerkWindow, 'auth:logout')
    expect((await err(clerkWindow, 'auth:login', { username: 'clerk', password: 'counter-2026' })).code).toBe(
      'UNAUTHENTICATED',
    )
    await ok(clerkWindow, 'auth:login', { username: 'clerk', password: 'brand-new-1' })
    // Signed out, nobody changes a password.
    expect(
      (await err(other, 'accounts:change-password', { oldPassword: 'brand-new-1', newPassword: 'brand-new-2' })).code,
    ).toBe('UNAUTHENTICATED')
  })
})

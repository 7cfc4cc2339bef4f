import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../electron/contract/errors'
import { LOCKOUT_MS } from '../../electron/services/auth-service'
import { ADMIN, setupAdmin, tempContainer, testClock, type TempContainer, failure } from '../helpers/temp-container'

let t: TempContainer | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

const pub = { actor: null, channel: 'auth:login' }

describe('first start', () => {
  it('asks for setup, creates the administrator, and refuses a second setup', async () => {
    t = await tempContainer()
    const s = t.services
    expect(await s.auth.state('w1')).toMatchObject({ needsSetup: true, session: null, idleLockMinutes: 10 })

    const session = await s.auth.setup(pub, 'w1', { ...ADMIN })
    expect(session.account).toMatchObject({ username: 'admin', displayName: '管理员', role: 'admin', active: true })
    expect(session.permissions).toContain('accounts.manage')
    expect(session.locked).toBe(false)

    const state = await s.auth.state('w1')
    expect(state.needsSetup).toBe(false)
    expect(state.session?.account.username).toBe('admin')
    // Another window is not signed in by someone else's setup.
    expect((await s.auth.state('w2')).session).toBeNull()

    const again = await failure(
      s.auth.setup(pub, 'w2', { username: 'intruder', displayName: '某人', password: 'whatever1' }),
    )
    expect(again.code).toBe('FORBIDDEN')
    expect(again.message).toBe('errors.setupDone')
    expect(await s.models.Account.count()).toBe(1)
  })

  it('lets only one of two simultaneous setups through', async () => {
    t = await tempContainer()
    const s = t.services
    const results = await Promise.allSettled([
      s.auth.setup(pub, 'w1', { username: 'first', displayName: '甲', password: 'secret123' }),
      s.auth.setup(pub, 'w2', { username: 'second', displayName: '乙', password: 'secret123' }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(await s.models.Account.count()).toBe(1)
  })
})

describe('sign-in', () => {
  it('signs in with the right password only', async () => {
    t = await tempContainer()
    const s = t.services
    await setupAdmin(s, 'setup-window')
    const bad = await failure(s.auth.login(pub, 'w1', { username: 'admin', password: 'wrong-password' }))
    expect(bad.code).toBe('UNAUTHENTICATED')
    expect(bad.message).toBe('errors.badCredentials')
    expect(bad.params).toEqual({ remaining: 4 })
    expect(s.sessions.get('w1')).toBeNull()

    const unknown = await failure(s.auth.login(pub, 'w1', { username: 'nobody', password: 'secret123' }))
    expect(unknown.code).toBe('UNAUTHENTICATED')
    expect(unknown.message).toBe('errors.badCredentials')

    const session = await s.auth.login(pub, 'w1', { username: 'admin', password: ADMIN.password })
    expect(session.account.username).toBe('admin')
    expect(s.sessions.get('w1')?.actor.accountId).toBe(session.account.id)
    // A success resets the counter.
    expect((await s.models.Account.findByPk(session.account.id))?.failedAttempts).toBe(0)
  })

  it('locks the account for five minutes after five wrong passwords, and the lock survives a restart', async () => {
    const clock = testClock()
    t = await tempContainer({ now: clock.now })
    let s = t.services
    await setupAdmin(s)
    for (let i = 1; i <= 4; i++) {
      const e = await failure(s.auth.login(pub, 'w1', { username: 'admin', password: `wrong-${i}` }))
      expect(e.code).toBe('UNAUTHENTICATED')
      expect(e.params).toEqual({ remaining: 5 - i })
    }
    const fifth = await failure(s.auth.login(pub, 'w1', { username: 'admin', password: 'wrong-5' }))
    expect(fifth.code).toBe('FORBIDDEN')
    expect(fifth.message).toBe('errors.accountLocked')
    expect(fifth.params).toEqual({ minutes: 5 })

    // The right password does not help while the lock lasts.
    clock.advance(60_000)
    const locked = await failure(s.auth.login(pub, 'w1', { username: 'admin', password: ADMIN.password }))
    expect(locked.message).toBe('errors.accountLocked')
    expect(locked.params).toEqual({ minutes: 4 })

    // Restarting the app does not reset the lock: it is stored in the database.
    s = await t.restart({ now: clock.now })
    clock.advance(LOCKOUT_MS - 60_000 - 1000)
    const stillLocked = await failure(s.auth.login(pub, 'w1', { username: 'admin', password: ADMIN.password }))
    expect(stillLocked.message).toBe('errors.accountLocked')
    expect(stillLocked.params).toEqual({ minutes: 1 })

    clock.advance(2000)
    const session = await s.auth.login(pub, 'w1', { username: 'admin', password: ADMIN.password })
    expect(session.account.username).toBe('admin')

    const rows = await s.models.Audit.findAll({ where: { entity: 'account' }, order: [['id', 'ASC']] })
    expect(rows.map((a) => a.action)).toEqual([
      'create',
      'loginFailed',
      'loginFailed',
      'loginFailed',
      'loginFailed',
      'lockedOut',
      'login',
    ])
    // Audit times come from the same clock as the lockout.
    expect(new Date(rows[0]!.at).toISOString()).toBe('2026-11-24T02:00:00.000Z')
    expect(new Date(rows.at(-1)!.at).toISOString()).toBe(clock.now().toISOString())
  })

  it('checks at most five passwords when twenty wrong attempts arrive at once, then stays locked', async () => {
    t = await tempContainer()
    const s = t.services
    await setupAdmin(s)
    const attempts = Array.from({ length: 20 }, (_, i) =>
      s.auth.login(pub, `w${i}`, { username: ADMIN.username, password: `guess-${i}` }).then(
        () => 'signed in',
        (e: AppError) => e.message,
      ),
    )
    const outcomes = await Promise.all(attempts)
    expect(outcomes).not.toContain('signed in')
    expect(outcomes.filter((m) => m === 'errors.badCredentials').length).toBeLessThanOrEqual(4)
    expect(
      (await failure(s.auth.login(pub, 'w1', { username: ADMIN.username, password: ADMIN.password }))).message,
    ).toBe('errors.accountLocked')
  })

  it('does not keep an unknown typed name in the audit log (it may be a mistyped password)', async () => {
    t = await tempContainer()
    const s = t.services
    await setupAdmin(s)
    await failure(s.auth.login(pub, 'w1', { username: 'S3cret-pass!', password: 'x' }))
    const [rows] = await s.sequelize.query('SELECT * FROM audit_log')
    expect(JSON.stringify(rows)).not.toContain('S3cret-pass!')
  })

  it('gives a fresh five attempts after a lock has expired', async () => {
    const clock = testClock()
    t = await tempContainer({ now: clock.now })
    const s = t.services
    await setupAdmin(s)
    for (let i = 0; i < 5; i++) await failure(s.auth.login(pub, 'w1', { username: 'admin', password: 'nope-nope' }))
    clock.advance(LOCKOUT_MS + 1)
    const e = await failure(s.auth.login(pub, 'w1', { username: 'admin', password: 'nope-nope' }))
    expect(e.code).toBe('UNAUTHENTICATED')
    expect(e.params).toEqual({ remaining: 4 })
  })
})

describe('idle lock and unlock', () => {
  it('unlocks only with the right password, and failed unlocks count towards the lockout', async () => {
    const clock = testClock()
    t = await tempContainer({ now: clock.now })
    const s = t.services
    await setupAdmin(s, 'w1')
    s.auth.lock('w1')
    expect(s.sessions.get('w1')?.locked).toBe(true)
    expect((await s.auth.state('w1')).session?.locked).toBe(true)

    await failure(s.auth.unlock(pub, 'w1', 'wrong-password'))
    expect(s.sessions.get('w1')?.locked).toBe(true)

    const unlocked = await s.auth.unlock(pub, 'w1', ADMIN.password)
    expect(unlocked.locked).toBe(false)
    expect(s.sessions.get('w1')?.locked).toBe(false)

    s.auth.lock('w1')
    for (let i = 0; i < 4; i++) await failure(s.auth.unlock(pub, 'w1', `wrong-${i}`))
    const fifth = await failure(s.auth.unlock(pub, 'w1', 'wrong-again'))
    expect(fifth.message).toBe('errors.accountLocked')
    // The idle screen is no way around the lockout.
    const refused = await failure(s.auth.unlock(pub, 'w1', ADMIN.password))
    expect(refused.message).toBe('errors.accountLocked')
    expect(s.sessions.get('w1')?.locked).toBe(true)
    const viaLogin = await failure(s.auth.login(pub, 'w2', { username: 'admin', password: ADMIN.password }))
    expect(viaLogin.message).toBe('errors.accountLocked')
  })

  it('refuses to unlock a window nobody signed in to', async () => {
    t = await tempContainer()
    const s = t.services
    await setupAdmin(s, 'w1')
    const e = await failure(s.auth.unlock(pub, 'w2', ADMIN.password))
    expect(e.code).toBe('UNAUTHENTICATED')
  })

  it('signs out', async () => {
    t = await tempContainer()
    const s = t.services
    const admin = await setupAdmin(s, 'w1')
    await s.auth.logout({ ...admin, channel: 'auth:logout' }, 'w1')
    expect(s.sessions.get('w1')).toBeNull()
    expect((await s.auth.state('w1')).session).toBeNull()
  })
})

describe('accounts and passwords', () => {
  it('stores scrypt hashes with a salt per account: one password, two different hashes', async () => {
    t = await tempContainer()
    const s = t.services
    const admin = await setupAdmin(s)
    const a = await s.auth.createAccount(admin, {
      username: 'wang',
      displayName: '王',
      password: 'same-password',
      role: 'staff',
    })
    const b = await s.auth.createAccount(admin, {
      username: 'li',
      displayName: '李',
      password: 'same-password',
      role: 'staff',
    })
    const rows = await s.models.sequelize.query<{ username: string; password_hash: string; password_salt: string }>(
      'SELECT username, password_hash, password_salt FROM accounts WHERE id IN (:ids)',
      { replacements: { ids: [a.id, b.id] }, type: 'SELECT' as never },
    )
    const [ra, rb] = rows as unknown as Array<{ username: string; password_hash: string; password_salt: string }>
    expect(ra!.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[0-9a-f]{128}$/)
    expect(rb!.password_hash).toMatch(/^scrypt\$/)
    expect(ra!.password_salt).toMatch(/^[0-9a-f]{32}$/)
    expect(ra!.password_salt).not.toBe(rb!.password_salt)
    expect(ra!.password_hash).not.toBe(rb!.password_hash)
    const all = JSON.stringify(await s.models.sequelize.query('SELECT * FROM accounts', { type: 'SELECT' as never }))
    expect(all).not.toContain('same-password')
    expect(all).not.toContain(ADMIN.password)

    // Both can sign in with it.
    expect((await s.auth.login(pub, 'w1', { username: 'wang', password: 'same-password' })).account.role).toBe('staff')
    expect((await s.auth.login(pub, 'w2', { username: 'li', password: 'same-password' })).account.role).toBe('staff')
  })

  it('refuses a username that is taken', async () => {
    t = await tempContainer()
    const s = t.services
    const admin = await setupAdmin(s)
    const e = await failure(
      s.auth.createAccount(admin, { username: 'admin', displayName: '又一个', password: 'secret123', role: 'staff' }),
    )
    expect(e.code).toBe('CONFLICT')
    expect(e.fields).toEqual([{ path: 'username', message: 'validation.usernameTaken' }])
    expect((await s.auth.listAccounts()).map((a) => a.username)).toEqual(['admin'])
  })
})

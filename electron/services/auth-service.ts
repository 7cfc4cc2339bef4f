/**
 * First-start setup, sign-in with lockout, idle lock and unlock, and account creation.
 * Lockout: five failed attempts lock the account for five minutes (counted in the database, so a
 * restart does not reset it).
 */
import type { Models, AccountModel } from '../../database/models'
import { AppError } from '../contract/errors'
import type { AccountDto, AuthStateDto, SessionDto } from '../contract/dto'
import { permissionsOf, type Role } from '../contract/permissions'
import type { AuditService } from './audit-service'
import type { CallContext } from './context'
import { hashPassword, verifyPassword } from './passwords'
import type { SessionStore } from './session-store'
import type { SettingsService } from './settings-service'

export const MAX_FAILED_ATTEMPTS = 5
export const LOCKOUT_MS = 5 * 60 * 1000

function toAccountDto(a: AccountModel): AccountDto {
  return { id: a.id, username: a.username, displayName: a.displayName, role: a.role, active: a.active }
}

export function createAuthService(deps: {
  models: Models
  audit: AuditService
  sessions: SessionStore
  settings: SettingsService
  now: () => Date
}) {
  const { models, audit, sessions, now } = deps

  function sessionDto(sender: string): SessionDto | null {
    const s = sessions.get(sender)
    if (!s) return null
    return {
      account: {
        id: s.actor.accountId,
        username: '',
        displayName: s.actor.displayName,
        role: s.actor.role,
        active: true,
      },
      permissions: permissionsOf(s.actor.role),
      locked: s.locked,
    }
  }

  async function startSession(sender: string, account: AccountModel): Promise<SessionDto> {
    sessions.set(sender, {
      actor: { accountId: account.id, role: account.role, displayName: account.displayName },
      locked: false,
    })
    return { account: toAccountDto(account), permissions: permissionsOf(account.role), locked: false }
  }

  /**
   * The check and the insert share one (immediate) transaction: two setups sent at once, say by a
   * double click, must not both find zero accounts and create two administrators.
   */
  async function createAccount(
    ctx: CallContext,
    input: { username: string; displayName: string; password: string; role: Role },
    options: { firstOnly?: boolean } = {},
  ) {
    // Hash before the transaction: scrypt takes a while, and the write lock should not.
    const { hash, salt } = await hashPassword(input.password)
    return models.sequelize.transaction(async (transaction) => {
      if (options.firstOnly && (await models.Account.count({ transaction })) > 0)
        throw new AppError('FORBIDDEN', 'errors.setupDone')
      const existing = await models.Account.findOne({ where: { username: input.username }, transaction })
      if (existing) {
        throw new AppError('CONFLICT', 'errors.validation', {
          fields: [{ path: 'username', message: 'validation.usernameTaken' }],
        })
      }
      const account = await models.Account.create(
        {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          passwordHash: hash,
          passwordSalt: salt,
        },
        { transaction },
      )
      // The first administrator creates themself: the audit row names them rather than nobody.
      const actor = options.firstOnly
        ? { accountId: account.id, role: account.role, displayName: account.displayName }
        : ctx.actor
      await audit.record(
        { ...ctx, actor },
        { action: 'create', entity: 'account', entityId: account.id, after: toAccountDto(account) },
        transaction,
      )
      return account
    })
  }

  return {
    async state(sender: string): Promise<AuthStateDto> {
      const count = await models.Account.count()
      const settings = await deps.settings.get()
      let session = sessionDto(sender)
      if (session) {
        const account = await models.Account.findByPk(session.account.id)
        if (account) session = { ...session, account: toAccountDto(account) }
      }
      return { needsSetup: count === 0, session, idleLockMinutes: settings.idleLockMinutes, locale: settings.locale }
    },

    async setup(ctx: CallContext, sender: string, input: { username: string; displayName: string; password: string }) {
      if ((await models.Account.count()) > 0) throw new AppError('FORBIDDEN', 'errors.setupDone')
      const account = await createAccount(ctx, { ...input, role: 'admin' }, { firstOnly: true })
      return startSession(sender, account)
    },

    async login(ctx: CallContext, sender: string, input: { username: string; password: string }): Promise<SessionDto> {
      const account = await models.Account.findOne({ where: { username: input.username } })
      // A locked window keeps what its account had typed: only that account may sign in to it
      // (which unlocks it); anyone else signs it out first.
      const current = sessions.get(sender)
      if (current?.locked && account?.id !== current.actor.accountId)
        throw new AppError('LOCKED', 'errors.sessionLocked')
      const at = now()
      if (!account || !account.active) {
        // The typed name is not kept: people type passwords into the name field by mistake.
        await audit.record(ctx, { action: 'loginFailed', entity: 'account', entityId: null })
        throw new AppError('UNAUTHENTICATED', 'errors.badCredentials')
      }
      const lockedFor = (until: Date) => Math.ceil((until.getTime() - at.getTime()) / 60000)
      // An attempt takes its slot before the password is checked, in one write transaction, so
      // attempts sent at once cannot all read "0 failures": at most five are ever checked.
      const attemptNo = await models.sequelize.transaction(async (transaction) => {
        const fresh = await models.Account.findByPk(account.id, { transaction, lock: true })
        if (!fresh) throw new AppError('UNAUTHENTICATED', 'errors.badCredentials')
        if (fresh.lockedUntil && fresh.lockedUntil.getTime() > at.getTime()) {
          throw new AppError('FORBIDDEN', 'errors.accountLocked', { params: { minutes: lockedFor(fresh.lockedUntil) } })
        }
        const taken = (fresh.lockedUntil ? 0 : fresh.failedAttempts) + 1
        // Attempts beyond the fifth wait for no verdict: the fifth, still being checked, locks.
        if (taken > MAX_FAILED_ATTEMPTS) {
          throw new AppError('FORBIDDEN', 'errors.accountLocked', { params: { minutes: LOCKOUT_MS / 60000 } })
        }
        await fresh.update({ failedAttempts: taken, lockedUntil: null }, { transaction })
        return taken
      })
      const ok = await verifyPassword(input.password, account.passwordHash, account.passwordSalt)
      if (!ok) {
        const locks = attemptNo >= MAX_FAILED_ATTEMPTS
        if (locks) {
          await models.sequelize.transaction((transaction) =>
            models.Account.update(
              { failedAttempts: 0, lockedUntil: new Date(at.getTime() + LOCKOUT_MS) },
              { where: { id: account.id }, transaction },
            ),
          )
        }
        await audit.record(
          { ...ctx, actor: null },
          { action: locks ? 'lockedOut' : 'loginFailed', entity: 'account', entityId: account.id },
        )
        if (locks) throw new AppError('FORBIDDEN', 'errors.accountLocked', { params: { minutes: LOCKOUT_MS / 60000 } })
        throw new AppError('UNAUTHENTICATED', 'errors.badCredentials', {
          params: { remaining: MAX_FAILED_ATTEMPTS - attemptNo },
        })
      }
      await models.sequelize.transaction((transaction) =>
        models.Account.update({ failedAttempts: 0, lockedUntil: null }, { where: { id: account.id }, transaction }),
      )
      const session = await startSession(sender, account)
      await audit.record(
        { ...ctx, actor: { accountId: account.id, role: account.role, displayName: account.displayName } },
        { action: 'login', entity: 'account', entityId: account.id },
      )
      return session
    },

    async logout(ctx: CallContext, sender: string): Promise<null> {
      if (sessions.get(sender))
        await audit.record(ctx, { action: 'logout', entity: 'account', entityId: ctx.actor?.accountId })
      sessions.clear(sender)
      return null
    },

    lock(sender: string): null {
      const s = sessions.get(sender)
      if (s) sessions.set(sender, { ...s, locked: true })
      return null
    },

    /** Only the same account unlocks: what was typed in open forms belongs to them. */
    async unlock(ctx: CallContext, sender: string, password: string): Promise<SessionDto> {
      const s = sessions.get(sender)
      if (!s) throw new AppError('UNAUTHENTICATED', 'errors.signedOut')
      const account = await models.Account.findByPk(s.actor.accountId)
      if (!account || !account.active) {
        sessions.clear(sender)
        throw new AppError('UNAUTHENTICATED', 'errors.signedOut')
      }
      // Unlocking shares the sign-in counter, so the idle screen is no way around the lockout.
      const session = await this.login(ctx, sender, { username: account.username, password })
      return session
    },

    async listAccounts(): Promise<AccountDto[]> {
      const rows = await models.Account.findAll({ order: [['id', 'ASC']] })
      return rows.map(toAccountDto)
    },

    async createAccount(
      ctx: CallContext,
      input: { username: string; displayName: string; password: string; role: Role },
    ) {
      return toAccountDto(await createAccount(ctx, input))
    },
  }
}

export type AuthService = ReturnType<typeof createAuthService>

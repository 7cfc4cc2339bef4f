/**
 * First-start setup, sign-in with lockout, idle lock and unlock, and the accounts an
 * administrator manages: create, disable, reset a password, role and grid scope.
 * Lockout: five failed attempts lock the account for five minutes (counted in the database, so a
 * restart does not reset it).
 *
 * A password an administrator gave (a reset, or a new account marked so) must be replaced at the
 * next sign-in. Until then the account gets no session at all, so the router refuses every channel
 * but the public ones (sign-in, sign-out, and `accounts:replace-password`, which checks the
 * temporary password like a sign-in and only then opens the session).
 */
import type { Transaction } from 'sequelize'
import type { Models, AccountModel } from '../../database/models'
import { AppError, notFoundError } from '../contract/errors'
import type { AccountDto, AuthStateDto, SessionDto } from '../contract/dto'
import type { ManagedAccountDto, PasswordResetDto } from '../contract/admin-dto'
import type { AccountCreateInput, AccountUpdateInput } from '../contract/admin-schemas'
import { permissionsOf, type Role } from '../contract/permissions'
import type { AuditService } from './audit-service'
import type { CallContext } from './context'
import { parseGridScope } from './grid-scope'
import { generatePassword, hashPassword, verifyPassword } from './passwords'
import type { SessionStore } from './session-store'
import type { SettingsService } from './settings-service'

export const MAX_FAILED_ATTEMPTS = 5
export const LOCKOUT_MS = 5 * 60 * 1000

function toAccountDto(a: AccountModel): AccountDto {
  return { id: a.id, username: a.username, displayName: a.displayName, role: a.role, active: a.active }
}

const passwordField = (message: string) =>
  new AppError('VALIDATION', 'errors.validation', { fields: [{ path: 'newPassword', message }] })

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

  async function toManagedDto(a: AccountModel, transaction?: Transaction): Promise<ManagedAccountDto> {
    const gridIds = parseGridScope(a.gridScope) ?? []
    const grids = gridIds.length
      ? await models.Place.findAll({ where: { id: gridIds }, attributes: ['id', 'name'], transaction })
      : []
    const names = new Map(grids.map((g) => [g.id, g.name]))
    return {
      ...toAccountDto(a),
      mustChangePassword: a.mustChangePassword,
      gridIds,
      gridNames: gridIds.map((id) => names.get(id) ?? `#${id}`),
      lockedUntil: a.lockedUntil && a.lockedUntil.getTime() > now().getTime() ? a.lockedUntil.toISOString() : null,
      createdAt: new Date(a.createdAt).toISOString(),
    }
  }

  /** What the audit keeps of an account: never a hash or a password. */
  function auditCopy(a: AccountModel) {
    return { ...toAccountDto(a), mustChangePassword: a.mustChangePassword, gridIds: parseGridScope(a.gridScope) ?? [] }
  }

  /** Grid scope ids must be existing places of the grid level; stored sorted, empty as null. */
  async function gridScopeValue(gridIds: number[], transaction: Transaction): Promise<string | null> {
    const unique = [...new Set(gridIds)].sort((a, b) => a - b)
    if (unique.length === 0) return null
    const n = await models.Place.count({ where: { id: unique, kind: 'grid' }, transaction })
    if (n !== unique.length) {
      throw new AppError('VALIDATION', 'errors.validation', {
        fields: [{ path: 'gridIds', message: 'validation.admin.accounts.unknownGrid' }],
      })
    }
    return JSON.stringify(unique)
  }

  async function findAccount(id: number, transaction: Transaction): Promise<AccountModel> {
    const a = await models.Account.findByPk(id, { transaction, lock: true })
    if (!a) throw notFoundError('account')
    return a
  }

  /** The station always keeps one administrator who can sign in. */
  async function assertNotLastAdmin(account: AccountModel, transaction: Transaction): Promise<void> {
    if (account.role !== 'admin' || !account.active) return
    const admins = await models.Account.count({ where: { role: 'admin', active: true }, transaction })
    if (admins <= 1) throw new AppError('FORBIDDEN', 'errors.admin.accounts.lastAdmin')
  }

  /** An administrator cannot lock themself out (disable, demote, reset) from the accounts screen. */
  function assertNotSelf(ctx: CallContext, id: number): void {
    if (ctx.actor?.accountId === id) throw new AppError('FORBIDDEN', 'errors.admin.accounts.notYourself')
  }

  /**
   * The check and the insert share one (immediate) transaction: two setups sent at once, say by a
   * double click, must not both find zero accounts and create two administrators.
   */
  async function createAccount(
    ctx: CallContext,
    input: {
      username: string
      displayName: string
      password: string
      role: Role
      gridIds?: number[]
      mustChangePassword?: boolean
    },
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
          mustChangePassword: input.mustChangePassword ?? false,
          gridScope: await gridScopeValue(input.gridIds ?? [], transaction),
        },
        { transaction },
      )
      // The first administrator creates themself: the audit row names them rather than nobody.
      const actor = options.firstOnly
        ? { accountId: account.id, role: account.role, displayName: account.displayName }
        : ctx.actor
      await audit.record(
        { ...ctx, actor },
        { action: 'create', entity: 'account', entityId: account.id, after: auditCopy(account) },
        transaction,
      )
      return account
    })
  }

  /**
   * Name and password checked with the lockout counter; the account, or a typed error. Shared by
   * sign-in, unlock and replacing a temporary password, so none of them is a way around the lockout.
   */
  async function checkCredentials(
    ctx: CallContext,
    sender: string,
    input: { username: string; password: string },
  ): Promise<AccountModel> {
    const account = await models.Account.findOne({ where: { username: input.username } })
    // A locked window keeps what its account had typed: only that account may sign in to it
    // (which unlocks it); anyone else signs it out first.
    const current = sessions.get(sender)
    if (current?.locked && account?.id !== current.actor.accountId) throw new AppError('LOCKED', 'errors.sessionLocked')
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
    // Re-read: the reset above, and a reset by an administrator while the hash was computed.
    return (await models.Account.findByPk(account.id)) ?? account
  }

  async function openSession(ctx: CallContext, sender: string, account: AccountModel): Promise<SessionDto> {
    const session = await startSession(sender, account)
    await audit.record(
      { ...ctx, actor: { accountId: account.id, role: account.role, displayName: account.displayName } },
      { action: 'login', entity: 'account', entityId: account.id },
    )
    return session
  }

  /** Sets a new hash; `mustChange`: whether it is a temporary one. Ends the account's sessions if asked. */
  async function setPassword(
    ctx: CallContext,
    account: AccountModel,
    password: string,
    options: { mustChange: boolean; action: 'resetPassword' | 'changePassword' },
  ): Promise<AccountModel> {
    const { hash, salt } = await hashPassword(password)
    return models.sequelize.transaction(async (transaction) => {
      const fresh = await findAccount(account.id, transaction)
      await fresh.update(
        {
          passwordHash: hash,
          passwordSalt: salt,
          mustChangePassword: options.mustChange,
          failedAttempts: 0,
          lockedUntil: null,
        },
        { transaction },
      )
      // No password in the log, temporary or not: only that it changed, and whether it must be replaced.
      await audit.record(
        ctx,
        {
          action: options.action,
          entity: 'account',
          entityId: fresh.id,
          after: { mustChangePassword: options.mustChange },
        },
        transaction,
      )
      return fresh
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

    /** A temporary password signs in to nothing: the sign-in screen asks for a new one instead. */
    async login(ctx: CallContext, sender: string, input: { username: string; password: string }): Promise<SessionDto> {
      const account = await checkCredentials(ctx, sender, input)
      if (account.mustChangePassword) throw new AppError('FORBIDDEN', 'errors.admin.accounts.mustChangePassword')
      return openSession(ctx, sender, account)
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

    async listAccounts(): Promise<ManagedAccountDto[]> {
      const rows = await models.Account.findAll({ order: [['id', 'ASC']] })
      return Promise.all(rows.map((a) => toManagedDto(a)))
    },

    async createAccount(ctx: CallContext, input: AccountCreateInput): Promise<ManagedAccountDto> {
      return toManagedDto(await createAccount(ctx, input))
    },

    /** Name, role and scope. The account's open sessions end: they carry the old role. */
    async updateAccount(ctx: CallContext, input: AccountUpdateInput): Promise<ManagedAccountDto> {
      const account = await models.sequelize.transaction(async (transaction) => {
        const a = await findAccount(input.id, transaction)
        const before = auditCopy(a)
        if (a.role !== input.role) {
          assertNotSelf(ctx, a.id)
          if (input.role !== 'admin') await assertNotLastAdmin(a, transaction)
        }
        await a.update(
          {
            displayName: input.displayName,
            role: input.role,
            gridScope: await gridScopeValue(input.gridIds, transaction),
          },
          { transaction },
        )
        await audit.record(
          ctx,
          { action: 'update', entity: 'account', entityId: a.id, before, after: auditCopy(a) },
          transaction,
        )
        return a
      })
      // One's own name change keeps one's session; a changed role or scope elsewhere ends it.
      if (ctx.actor?.accountId !== account.id) sessions.clearAccount(account.id)
      return toManagedDto(account)
    },

    /** A disabled account cannot sign in, and its open sessions end at once. */
    async setActive(ctx: CallContext, id: number, active: boolean): Promise<ManagedAccountDto> {
      const account = await models.sequelize.transaction(async (transaction) => {
        const a = await findAccount(id, transaction)
        if (a.active === active) return a
        if (!active) {
          assertNotSelf(ctx, a.id)
          await assertNotLastAdmin(a, transaction)
        }
        const before = auditCopy(a)
        await a.update({ active, failedAttempts: 0, lockedUntil: null }, { transaction })
        await audit.record(
          ctx,
          { action: active ? 'enable' : 'disable', entity: 'account', entityId: a.id, before, after: auditCopy(a) },
          transaction,
        )
        return a
      })
      if (!active) sessions.clearAccount(id)
      return toManagedDto(account)
    },

    /**
     * A temporary password, typed by the administrator or generated (and then returned this once),
     * to be replaced at the next sign-in. The account's open sessions end; a lockout is lifted.
     */
    async resetPassword(ctx: CallContext, id: number, password?: string): Promise<PasswordResetDto> {
      assertNotSelf(ctx, id)
      const account = await models.Account.findByPk(id)
      if (!account) throw notFoundError('account')
      const temporary = password ?? generatePassword()
      const updated = await setPassword(ctx, account, temporary, { mustChange: true, action: 'resetPassword' })
      sessions.clearAccount(id)
      return { account: await toManagedDto(updated), temporaryPassword: password ? null : temporary }
    },

    /** One's own password; the current one is required, and a wrong one counts toward the lockout. */
    async changeOwnPassword(
      ctx: CallContext,
      sender: string,
      input: { oldPassword: string; newPassword: string },
    ): Promise<null> {
      if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'errors.signedOut')
      const account = await models.Account.findByPk(ctx.actor.accountId)
      if (!account || !account.active) throw new AppError('UNAUTHENTICATED', 'errors.signedOut')
      try {
        await checkCredentials(ctx, sender, { username: account.username, password: input.oldPassword })
      } catch (error) {
        if (error instanceof AppError && error.message === 'errors.badCredentials') {
          throw new AppError('VALIDATION', 'errors.validation', {
            fields: [{ path: 'oldPassword', message: 'validation.admin.password.oldWrong' }],
          })
        }
        throw error
      }
      if (input.newPassword === input.oldPassword) throw passwordField('validation.admin.password.unchanged')
      await setPassword(ctx, account, input.newPassword, { mustChange: false, action: 'changePassword' })
      return null
    },

    /**
     * The sign-in of an account that must replace its password: the temporary one is checked like
     * any sign-in, the new one stored, and only then is a session opened.
     */
    async replaceTemporaryPassword(
      ctx: CallContext,
      sender: string,
      input: { username: string; oldPassword: string; newPassword: string },
    ): Promise<SessionDto> {
      const account = await checkCredentials(ctx, sender, { username: input.username, password: input.oldPassword })
      if (!account.mustChangePassword) throw new AppError('FORBIDDEN', 'errors.admin.accounts.noChangeNeeded')
      if (input.newPassword === input.oldPassword) throw passwordField('validation.admin.password.unchanged')
      const actor = { accountId: account.id, role: account.role, displayName: account.displayName }
      const updated = await setPassword({ ...ctx, actor }, account, input.newPassword, {
        mustChange: false,
        action: 'changePassword',
      })
      return openSession(ctx, sender, updated)
    },
  }
}

export type AuthService = ReturnType<typeof createAuthService>

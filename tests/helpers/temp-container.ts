/** A fresh, migrated SQLite database in a temp folder per test: the real thing, not a mock. */
import { expect } from 'vitest'
import { AppError } from '../../electron/contract/errors'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServiceContainer, type ContainerOptions, type ServiceContainer } from '../../electron/services/container'
import type { CallContext } from '../../electron/services/context'

export interface TempContainer {
  services: ServiceContainer
  dataDir: string
  /** Closes the database and opens a new container on the same folder: an app restart. */
  restart(options?: Partial<ContainerOptions>): Promise<ServiceContainer>
  dispose(): Promise<void>
}

/** A fresh folder under the system temp dir, for tests that build their own files. */
export function tempDir(prefix = 'station-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export async function tempContainer(options: Partial<ContainerOptions> = {}): Promise<TempContainer> {
  const dataDir = options.dataDir ?? tempDir()
  const holder: TempContainer = {
    services: await createServiceContainer({ ...options, dataDir }),
    dataDir,
    async restart(more: Partial<ContainerOptions> = {}) {
      await holder.services.close()
      holder.services = await createServiceContainer({ ...options, ...more, dataDir })
      return holder.services
    },
    async dispose() {
      await holder.services.close().catch(() => undefined)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return holder
}

/** A clock the test moves by hand, for the container's `now` (lockout, "today"). */
export function testClock(startIso = '2026-11-24T02:00:00Z') {
  let t = Date.parse(startIso)
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms
    },
    set(iso: string) {
      t = Date.parse(iso)
    },
  }
}

export const ADMIN = { username: 'admin', displayName: '管理员', password: 'secret123' } as const

/**
 * Creates the first administrator (account 1) and returns a call context acting as them. Audit
 * rows reference accounts by foreign key, so services cannot be called as an account that does
 * not exist.
 */
export async function setupAdmin(services: ServiceContainer, sender = 'test-window'): Promise<CallContext> {
  const session = await services.auth.setup({ actor: null, channel: 'auth:setup' }, sender, { ...ADMIN })
  return {
    actor: { accountId: session.account.id, role: 'admin', displayName: session.account.displayName },
    channel: 'test',
  }
}

/** An administrator's call context, for service tests that do not go through the router. */
export const adminCall: CallContext = { actor: { accountId: 1, role: 'admin', displayName: '管理员' }, channel: 'test' }

/** Runs a call that must fail and returns the AppError it threw (fails the test otherwise). */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

/** A fresh, migrated SQLite database in a temp folder per test: the real thing, not a mock. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServiceContainer, type ContainerOptions, type ServiceContainer } from '../../electron/services/container'
import type { CallContext } from '../../electron/services/context'

export interface TempContainer {
  services: ServiceContainer
  dataDir: string
  dispose(): Promise<void>
}

export async function tempContainer(options: Partial<ContainerOptions> = {}): Promise<TempContainer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'station-test-'))
  const services = await createServiceContainer({ ...options, dataDir })
  return {
    services,
    dataDir,
    async dispose() {
      await services.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** An administrator's call context, for service tests that do not go through the router. */
export const adminCall: CallContext = { actor: { accountId: 1, role: 'admin', displayName: '管理员' }, channel: 'test' }

/**
 * An app that can restart, for the restore journey: the real service container on a temp data
 * folder with a hand-moved clock and the backup port answered by the test. Its restart is the fake
 * of Electron's relaunch: the container is closed and built again on the same folder (which is
 * when a staged restore is swapped in), the page's bridge switches to the new router, and the page
 * reloads as the relaunched window would.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { createRouter, type Router } from '../../../electron/main/ipc/router'
import { createServiceContainer, type ServiceContainer } from '../../../electron/services/container'
import { testBackupHost, type TestBackupHost } from '../../helpers/backup-host'
import { bridgePage } from './bridge'

export interface RestartableStation {
  page: Page
  dataDir: string
  host: TestBackupHost
  services(): ServiceContainer
  /** Moves the station's clock (the containers built later start from it). */
  setNow(iso: string): void
  open(route?: string): Promise<void>
  /** Settles once a restart the app asked for has rebuilt the container and reloaded the page. */
  restarted(): Promise<void>
  /** A restart from the outside (the next day's start). */
  restart(): Promise<void>
  dispose(): Promise<void>
}

export async function restartableStation(browser: Browser, origin: string, preloadFile: string, startIso: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-e2e-restore-'))
  let now = Date.parse(startIso)
  const host = testBackupHost()
  const build = () => createServiceContainer({ dataDir, appVersion: 'e2e', now: () => new Date(now), backupHost: host })
  let services = await build()
  const routerFor = (s: ServiceContainer): Router =>
    createRouter(s, {
      isTrustedSender: (sender) => sender.url.startsWith(origin + '/'),
      logError: (channel, error) => console.error(`[router] ${channel}:`, (error as Error).message),
    })
  let router = routerFor(services)
  const page = await browser.newPage()
  await bridgePage(page, { handle: (sender, channel, input) => router.handle(sender, channel, input) }, preloadFile)

  async function restart(): Promise<void> {
    await services.close()
    services = await build()
    router = routerFor(services)
    await page.reload()
  }
  let pending: Promise<void> | null = null
  // As Electron does, the restart comes a moment after the answer reached the renderer.
  host.onRestart = () => {
    pending = new Promise((resolve, reject) => setTimeout(() => restart().then(resolve, reject), 800))
  }

  const station: RestartableStation = {
    page,
    dataDir,
    host,
    services: () => services,
    setNow(iso) {
      now = Date.parse(iso)
    },
    async open(route = '/') {
      await page.goto(`${origin}/index.html#${route}`)
    },
    async restarted() {
      if (!pending) throw new Error('the app did not ask to restart')
      await pending
      pending = null
    },
    restart,
    async dispose() {
      await page.close()
      await services.close().catch(() => undefined)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return station
}

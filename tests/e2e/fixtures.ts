/**
 * Playwright fixtures: one static server per worker for the built renderer, and per test a fresh
 * data folder with the real service container, bridged into the page. `app` gives the page and
 * the services (for arranging data and checking the audit log from the test).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, _electron, type Page } from '@playwright/test'
import { createServiceContainer, type ServiceContainer } from '../../electron/services/container'
import { createRouter } from '../../electron/main/ipc/router'
import { serveDirectory, type StaticServer } from './support/static-server'
import { bridgePage } from './support/bridge'
import { findElectronBinary } from '../helpers/electron-binary'
import { createChromiumPrintEngine, type ChromiumPrintEngine } from '../helpers/chromium-print-engine'

const ROOT = resolve(import.meta.dirname, '../..')
export const RENDERER_DIR = join(ROOT, 'out/renderer')
export const PRELOAD_FILE = join(ROOT, 'out/preload/index.cjs')

export interface StationApp {
  page: Page
  services: ServiceContainer
  dataDir: string
  origin: string
  /** Opens the app at a route (hash history), e.g. `/residents`. */
  open(route?: string): Promise<void>
  /** Saves a screenshot as a test artefact (attached to the report and kept in test-results). */
  screenshot(name: string): Promise<void>
  /** Printing in the Chromium project: the test printers, the save dialog and what was saved. */
  print: PrintHarness
}

/**
 * Printing without Electron: the Chromium print engine (tests/helpers) renders the real documents;
 * its printers are test doubles that keep each job; the OS save dialog is answered by the test.
 */
export interface PrintHarness {
  /** Jobs sent to the test printers in this test, oldest first. */
  jobs(): ChromiumPrintEngine['jobs']
  /** Folder the save dialog suggests first (the user's Documents, in the app). */
  defaultFolder: string
  /** What the save dialog answers; default: the suggested path. `null` cancels. */
  answerSaveDialog: (suggestedPath: string) => string | null
  /** Paths the save dialog was opened with, oldest first. */
  suggested: string[]
}

export type Runtime = 'chromium' | 'electron'

export const test = base.extend<
  { app: StationApp; runtime: Runtime },
  { server: StaticServer; printEngine: ChromiumPrintEngine }
>({
  // One print engine (its own Chromium) per worker; each test sees only its own jobs.
  printEngine: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const engine = await createChromiumPrintEngine()
      await use(engine)
      await engine.close()
    },
    { scope: 'worker' },
  ],
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const server = await serveDirectory(RENDERER_DIR)
      await use(server)
      await server.close()
    },
    { scope: 'worker' },
  ],
  runtime: ['chromium', { option: true }],
  app: async ({ runtime, server, browser, printEngine }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'station-e2e-'))
    if (runtime === 'electron') {
      await useElectron(dataDir, use, testInfo)
      return
    }
    const page = await browser.newPage()
    const firstJob = printEngine.jobs.length
    const documents = join(dataDir, 'Documents')
    mkdirSync(documents)
    const print: PrintHarness = {
      jobs: () => printEngine.jobs.slice(firstJob),
      defaultFolder: documents,
      answerSaveDialog: (suggested) => suggested,
      suggested: [],
    }
    const services = await createServiceContainer({
      dataDir,
      appVersion: 'e2e',
      print: {
        engine: printEngine,
        defaultFolder: documents,
        chooseSavePath: async (suggested) => {
          print.suggested.push(suggested)
          return print.answerSaveDialog(suggested)
        },
      },
    })
    const router = createRouter(services, {
      isTrustedSender: (sender) => sender.url.startsWith(server.origin + '/'),
      logError: (channel, error) => console.error(`[router] ${channel}:`, (error as Error).message),
    })
    await bridgePage(page, router, PRELOAD_FILE)
    const app: StationApp = {
      page,
      services,
      dataDir,
      print,
      origin: server.origin,
      async open(route = '/') {
        await page.goto(`${server.origin}/index.html#${route}`)
      },
      async screenshot(name) {
        const path = testInfo.outputPath(`${name}.png`)
        await page.screenshot({ path, fullPage: false })
        await testInfo.attach(name, { path, contentType: 'image/png' })
      },
    }
    await use(app)
    await page.close()
    await services.close()
    rmSync(dataDir, { recursive: true, force: true })
  },
})

/**
 * Real Electron: the built main process starts with its data in `dataDir`; the test opens the same
 * SQLite file (WAL lets a second reader in) to arrange and check data as in the Chromium project.
 */
async function useElectron(
  dataDir: string,
  use: (app: StationApp) => Promise<void>,
  testInfo: import('@playwright/test').TestInfo,
) {
  const binary = findElectronBinary()
  if ('missing' in binary) {
    testInfo.skip(true, `real Electron not run: ${binary.missing}`)
    return
  }
  const electronApp = await _electron.launch({
    executablePath: binary.path,
    args: [join(ROOT, 'out/main/index.js')],
    env: { ...process.env, STATION_DATA_DIR: dataDir } as Record<string, string>,
  })
  const page = await electronApp.firstWindow()
  const services = await createServiceContainer({ dataDir, appVersion: 'e2e' })
  const app: StationApp = {
    page,
    services,
    dataDir,
    origin: 'file://',
    // Real Electron prints through its own engine and dialogs; print specs check the file system.
    print: {
      jobs: () => [],
      defaultFolder: dataDir,
      answerSaveDialog: () => null,
      suggested: [],
    },
    async open(route = '/') {
      await page.evaluate((r) => (window.location.hash = r), route)
    },
    async screenshot(name) {
      const path = testInfo.outputPath(`${name}-electron.png`)
      await page.screenshot({ path })
      await testInfo.attach(name, { path, contentType: 'image/png' })
    },
  }
  await use(app)
  await electronApp.close()
  await services.close()
  rmSync(dataDir, { recursive: true, force: true })
}

export { expect }

/**
 * End-to-end tests. Project `chromium`: the built renderer in Chromium (CHROMIUM_PATH, else
 * /usr/bin/chromium, else Playwright's own), bridged to the real service container. Project
 * `electron`: the same specs in real Electron, skipped with the reason printed where no Electron
 * binary exists (it downloads on first start, which closed networks cannot do).
 */
import { defineConfig } from '@playwright/test'
import type { Runtime } from './tests/e2e/fixtures'
import { findChromium, CHROMIUM_ARGS } from './tests/e2e/support/find-chromium.mjs'
import { findElectronBinary } from './tests/helpers/electron-binary'

const chromium = await findChromium()
if ('missing' in chromium) {
  console.error(chromium.missing)
  process.exit(1)
}

const electron = findElectronBinary()
if ('missing' in electron && !process.env.PLAYWRIGHT_QUIET_ELECTRON) {
  console.log(`[electron project] every spec is skipped: ${electron.missing}`)
  // Printed once per process: Playwright loads this file in each worker too.
  process.env.PLAYWRIGHT_QUIET_ELECTRON = '1'
}

export default defineConfig<{ runtime: Runtime }>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two cores: one worker keeps the app responsive and timings honest.
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromium.path, args: CHROMIUM_ARGS },
      },
    },
    {
      name: 'electron',
      // The browser settings stay so that the shared fixtures resolve; the app itself is Electron.
      use: {
        runtime: 'electron',
        browserName: 'chromium',
        launchOptions: { executablePath: chromium.path, args: CHROMIUM_ARGS },
      },
    },
  ],
})

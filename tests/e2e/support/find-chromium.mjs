// Finds the browser for the end-to-end tests without downloading anything:
// CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own Chromium where one was
// installed. Plain JavaScript so that tests/run-all.mjs can use it before anything is compiled.
import { accessSync, constants } from 'node:fs'

function executable(path) {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** @returns {{ path: string, source: string } | { missing: string }} */
export async function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    if (executable(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }
    return { missing: `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file.` }
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (executable(candidate)) return { path: candidate, source: 'system' }
  }
  try {
    const { chromium } = await import('playwright-core')
    const bundled = chromium.executablePath()
    if (bundled && executable(bundled)) return { path: bundled, source: 'playwright' }
  } catch {
    // playwright-core not resolvable or no bundled browser: fall through to the message.
  }
  return {
    missing:
      'No Chromium found for the end-to-end tests. Install it (Debian/Ubuntu: `sudo apt-get install chromium fonts-noto-cjk`), ' +
      'or point CHROMIUM_PATH at a Chromium/Chrome executable, or run `npx playwright install chromium` where downloads are allowed.',
  }
}

/** Flags for Chromium as root on a closed network (no sandbox as root, no background fetches). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
]

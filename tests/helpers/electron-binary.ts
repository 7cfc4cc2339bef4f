/**
 * Finds Electron's own binary for the Playwright `_electron` project, or says in one line why
 * there is none. It resolves the path the way `require('electron')` does, but without requiring
 * it: when the binary is absent, that require starts Electron's downloader (a network fetch that
 * hangs or fails on machines without access), which a test run must never do behind one's back.
 */
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export type ElectronBinary = { path: string } | { missing: string }

export function findElectronBinary(env: Readonly<Record<string, string | undefined>> = process.env): ElectronBinary {
  let packageDir: string
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return { missing: 'the electron package is not installed (run npm ci)' }
  }
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  let binary: string
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
  } else if (relative) {
    binary = join(packageDir, 'dist', relative)
  } else {
    return {
      missing: `Electron's binary was never downloaded (${pathFile} is absent); run "node node_modules/electron/install.js" where the network allows`,
    }
  }
  try {
    if (!statSync(binary).isFile()) return { missing: `${binary} is not a file` }
    if (process.platform !== 'win32') accessSync(binary, constants.X_OK)
  } catch {
    return { missing: `no executable Electron binary at ${binary}` }
  }
  return { path: binary }
}

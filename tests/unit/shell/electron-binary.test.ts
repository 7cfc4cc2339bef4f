import { afterEach, describe, expect, it } from 'vitest'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findElectronBinary } from '../../helpers/electron-binary'

let dir = ''
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = ''
})

describe('findElectronBinary', () => {
  it('answers with a path or a one-line reason, without starting a download', () => {
    const found = findElectronBinary({})
    if ('missing' in found) {
      expect(found.missing).not.toContain('\n')
      expect(found.missing.length).toBeGreaterThan(10)
    } else {
      expect(found.path).toMatch(/electron/i)
    }
  })

  it('follows ELECTRON_OVERRIDE_DIST_PATH to an executable file', () => {
    dir = mkdtempSync(join(tmpdir(), 'station-electron-'))
    const found = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dir })
    expect(found).toHaveProperty('missing')
    const binary = join(dir, 'electron')
    writeFileSync(binary, '#!/bin/sh\n')
    chmodSync(binary, 0o755)
    // The name inside the folder comes from path.txt when Electron wrote one, else "electron".
    const again = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dir })
    if ('path' in again) expect(again.path.startsWith(dir)).toBe(true)
    else expect(again.missing).toContain(dir)
  })
})

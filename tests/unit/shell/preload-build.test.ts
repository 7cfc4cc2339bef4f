/**
 * The built preload is what Electron loads into a sandboxed renderer, where `require` knows only
 * 'electron': everything else (the contract, zod) must be bundled into the one file.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../../..')
const built = join(root, 'out/preload/index.cjs')
const sources = [join(root, 'electron/preload'), join(root, 'electron/contract')]

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

let buildLog = ''
beforeAll(() => {
  const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map(newestSource))
  if (!stale) return
  // Builds main, then preload, then renderer; a renderer failure does not concern this test.
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  })
  buildLog = `${result.stdout}\n${result.stderr}`
}, 200_000)

describe('built preload', () => {
  it('exists as out/preload/index.cjs', () => {
    expect(existsSync(built), `electron-vite build did not produce it:\n${buildLog}`).toBe(true)
  })

  it("requires nothing but 'electron'", () => {
    const code = readFileSync(built, 'utf8')
    const required = [...code.matchAll(/\brequire\(\s*([^)]*?)\s*\)/g)].map((m) => m[1])
    expect(required.length).toBeGreaterThan(0)
    expect(new Set(required)).toEqual(new Set(['"electron"']))
    expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s/m)
  })

  it('exposes the api under the name station', () => {
    const code = readFileSync(built, 'utf8')
    expect(code).toMatch(/exposeInMainWorld\(\s*["']station["']/)
    expect(code).toContain('station:invoke')
  })
})

/**
 * Faults on real files: a backup to a read-only folder and to a full disk fails with a clear
 * message and leaves no half file; a process killed in the middle of a write leaves a consistent
 * database. The folder faults use small tmpfs mounts, which need root: without them the test says
 * why it is skipped.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createServiceContainer, DATABASE_FILE_NAME } from '../../electron/services/container'
import { integrityOk } from '../../electron/services/backup-service'
import { testBackupHost, type TestBackupHost } from '../helpers/backup-host'
import { failure, setupAdmin, tempContainer, tempDir, type TempContainer } from '../helpers/temp-container'
import { residentInput } from './fixtures'

let t: TempContainer | undefined
let host: TestBackupHost
const mounts: string[] = []
afterEach(async () => {
  for (const m of mounts.splice(0)) spawnSync('umount', [m])
  await t?.dispose()
  t = undefined
})

/** A tmpfs at a new folder, or the reason it cannot be made here (not root, no mount). */
function tmpfs(options: string): { dir: string } | { reason: string } {
  const dir = tempDir('station-mount-')
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' })
  if (r.error || r.status !== 0) return { reason: `cannot mount a tmpfs (${(r.error?.message ?? r.stderr).trim()})` }
  mounts.push(dir)
  return { dir }
}

async function started(residents = 3) {
  host = testBackupHost()
  t = await tempContainer({ backupHost: host })
  const admin = await setupAdmin(t.services)
  for (let i = 0; i < residents; i++) await t.services.residents.create(admin, residentInput({ name: `居民${i}` }))
  return { s: t.services, admin }
}

describe('backup faults', () => {
  it('a read-only folder (a locked USB stick): a clear message, no file left, the data untouched', async (ctx) => {
    const mount = tmpfs('ro,size=1m')
    if ('reason' in mount) {
      console.log(`skipped: ${mount.reason}`)
      return ctx.skip(`no tmpfs to fill or lock here: ${mount.reason}`)
    }
    const { s, admin } = await started()
    host.folder = mount.dir
    const error = await failure(s.backupAdmin.createManual(admin, 'choose'))
    expect(error.message).toBe('errors.admin.backups.folder')
    expect(error.params).toMatchObject({ path: mount.dir })
    expect(readdirSync(mount.dir)).toEqual([])
    expect(await s.models.Resident.count()).toBe(3)
  })

  it('a full disk: a clear message, the half-written file removed, the data untouched', async (ctx) => {
    const mount = tmpfs('size=64k')
    if ('reason' in mount) {
      console.log(`skipped: ${mount.reason}`)
      return ctx.skip(`no tmpfs to fill or lock here: ${mount.reason}`)
    }
    const { s, admin } = await started()
    host.folder = mount.dir
    const error = await failure(s.backupAdmin.createManual(admin, 'choose'))
    expect(error.message).toBe('errors.admin.backups.full')
    expect(readdirSync(mount.dir)).toEqual([])
    expect(await s.models.Resident.count()).toBe(3)
    // Once there is room, the same folder works.
    const roomy = join(tempDir('station-usb-'), 'usb')
    mkdirSync(roomy)
    host.folder = roomy
    const ok = await s.backupAdmin.createManual(admin, 'choose')
    expect(await integrityOk(join(roomy, ok!.name))).toBe(true)
  })

  it('a path that is not a folder fails as a folder problem, without a mount', async () => {
    const { s, admin } = await started(1)
    host.folder = join(t!.dataDir, DATABASE_FILE_NAME, 'usb')
    expect((await failure(s.backupAdmin.createManual(admin, 'choose'))).message).toBe('errors.admin.backups.folder')
    expect(existsSync(host.folder)).toBe(false)
  })

  it('a process killed (SIGKILL) in the middle of a write transaction leaves a consistent database with every committed row', async () => {
    const { s } = await started(0)
    const before = await s.models.Audit.count()
    await s.close()
    const file = join(t!.dataDir, DATABASE_FILE_NAME)
    // The child commits three batches of 500 audit rows, then starts a large transaction whose
    // pages spill into the WAL, says so, and keeps writing until it is killed.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `
const sqlite3 = require('sqlite3')
const db = new sqlite3.Database(process.argv[1])
const row = "INSERT INTO audit_log (at, channel, action, entity, after) VALUES ('2026-11-24 01:00:00.000 +00:00', 'kill-test', 'x', 'x', ?)"
const pad = 'x'.repeat(2000)
const run = (sql, p = []) => new Promise((res, rej) => db.run(sql, p, (e) => (e ? rej(e) : res())))
;(async () => {
  await run('PRAGMA journal_mode = WAL')
  await run('PRAGMA cache_size = 50')
  for (let batch = 0; batch < 3; batch++) {
    await run('BEGIN IMMEDIATE')
    for (let i = 0; i < 500; i++) await run(row, [pad])
    await run('COMMIT')
  }
  await run('BEGIN IMMEDIATE')
  for (let i = 0; ; i++) {
    await run(row, [pad])
    if (i === 3000) process.stdout.write('midway\\n')
  }
})()
`,
        file,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    )
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('midway') && resolve())
      child.on('exit', (code) => reject(new Error(`the writer ended by itself (${code})`)))
    })
    expect(existsSync(`${file}-wal`)).toBe(true)
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))

    expect(await integrityOk(file)).toBe(true)
    const after = await createServiceContainer({ dataDir: t!.dataDir })
    t!.services = after
    expect(await after.models.Audit.count({ where: { channel: 'kill-test' } })).toBe(1500)
    expect(await after.models.Audit.count()).toBeGreaterThanOrEqual(before + 1500)
    const [[check]] = (await after.sequelize.query('PRAGMA integrity_check')) as [
      Array<Record<string, string>>,
      unknown,
    ]
    expect(Object.values(check!)[0]).toBe('ok')
  })
})

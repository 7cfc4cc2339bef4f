import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sqlite3 from 'sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../electron/contract/errors'
import { setupAdmin, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'
import { residentInput } from './fixtures'

let t: TempContainer | undefined
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

function count(file: string, sql: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (e) => {
      if (e) return reject(e)
      db.get(sql, (error, row: { n: number } | undefined) => {
        db.close()
        if (error) reject(error)
        else resolve(row?.n ?? -1)
      })
    })
  })
}

describe('backups', () => {
  it('takes one checked daily backup at the first start of a day, none at the second, another the next day', async () => {
    const clock = testClock('2026-11-24T01:00:00Z')
    t = await tempContainer({ now: clock.now })
    const daily = () => t!.services.backups.list().filter((b) => b.kind === 'daily')
    expect(daily()).toHaveLength(1)
    expect(daily()[0]!.file).toMatch(/station-daily-20261124-090000\.sqlite3$/)
    await t.services.backups.ensureDaily()
    expect(daily()).toHaveLength(1)
    clock.advance(24 * 3600_000)
    await t.services.backups.ensureDaily()
    expect(daily()).toHaveLength(2)
  })

  it('is a complete, consistent copy of the live WAL database, with nothing half-written left behind', async () => {
    t = await tempContainer()
    const s = t.services
    const admin = await setupAdmin(s)
    for (const name of ['张三', '李四', '王五']) await s.residents.create(admin, residentInput({ name }))
    const backup = await s.backups.create('manual')
    expect(await count(backup.file, 'SELECT COUNT(*) AS n FROM residents')).toBe(3)
    expect(await count(backup.file, "SELECT COUNT(*) AS n FROM schema_migrations WHERE name = '0001-initial'")).toBe(1)
    expect(readdirSync(s.backups.folder).filter((n) => n.endsWith('.partial'))).toEqual([])
  })

  it('keeps only the newest daily backups', async () => {
    const clock = testClock('2026-11-01T01:00:00Z')
    t = await tempContainer({ now: clock.now, keepDailyBackups: 3 })
    for (let day = 0; day < 5; day++) {
      clock.advance(24 * 3600_000)
      await t.services.backups.ensureDaily()
    }
    const names = t.services.backups
      .list()
      .filter((b) => b.kind === 'daily')
      .map((b) => /daily-(\d{8})/.exec(b.file)![1])
    expect(names).toEqual(['20261106', '20261105', '20261104'])
  })

  it('fails with a clear message on a folder that cannot be written, and leaves the data as it was', async () => {
    t = await tempContainer()
    const s = t.services
    const admin = await setupAdmin(s)
    await s.residents.create(admin, residentInput({ name: '张三' }))
    // A path under a regular file cannot be a folder, even for root (which ignores permissions).
    const blocker = join(t.dataDir, 'not-a-folder')
    writeFileSync(blocker, 'x')
    const error = await s.backups.create('manual', join(blocker, 'usb')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ message: 'errors.admin.backups.folder', params: { reason: 'folder' } })
    expect((await s.residents.list({ status: 'active', sort: 'name', page: 1, pageSize: 20 })).total).toBe(1)
    expect(existsSync(join(blocker, 'usb'))).toBe(false)
  })
})

describe('backups after a crash', () => {
  it('the next start removes half-written copies a crash left, in the backups folder and of a staged restore', async () => {
    t = await tempContainer()
    const folder = t.services.backups.folder
    const stale = join(folder, '.station-manual-20261124-100000.sqlite3.partial')
    writeFileSync(stale, 'half a copy')
    const staging = join(t.dataDir, 'restore-pending.sqlite3.partial')
    writeFileSync(staging, 'half a copy')
    const s = await t.restart()
    expect(existsSync(stale)).toBe(false)
    expect(existsSync(staging)).toBe(false)
    expect(s.backups.list().every((b) => !b.file.endsWith('.partial'))).toBe(true)
  })
})

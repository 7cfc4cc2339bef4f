import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sqlite3 from 'sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { MARKER_FILE, PENDING_FILE, sha256Of } from '../../electron/services/backups/restore-swap'
import { createServiceContainer, DATABASE_FILE_NAME, type ServiceContainer } from '../../electron/services/container'
import { openDatabase } from '../../database/connection'
import { migrations } from '../../database/migrations'
import type { CallContext } from '../../electron/services/context'
import { testBackupHost, type TestBackupHost } from '../helpers/backup-host'
import { failure, setupAdmin, tempContainer, tempDir, testClock, type TempContainer } from '../helpers/temp-container'
import { residentInput } from './fixtures'

let t: TempContainer | undefined
let host: TestBackupHost
afterEach(async () => {
  await t?.dispose()
  t = undefined
})

function run(file: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (e) => {
      if (e) return reject(e)
      db.exec(sql, (error) => db.close(() => (error ? reject(error) : resolve())))
    })
  })
}

async function residentCount(s: ServiceContainer): Promise<number> {
  return s.models.Resident.count()
}

async function withResidents(names: string[]): Promise<{ s: ServiceContainer; admin: CallContext }> {
  host = testBackupHost()
  const clock = testClock('2026-11-23T02:00:00Z')
  t = await tempContainer({ backupHost: host, now: clock.now })
  const s = t.services
  const admin = await setupAdmin(s)
  for (const name of names) await s.residents.create(admin, residentInput({ name }))
  return { s, admin }
}

/** No staged restore left behind: the current data is untouched and will stay so. */
function nothingStaged(dataDir: string) {
  expect(existsSync(join(dataDir, PENDING_FILE))).toBe(false)
  expect(existsSync(join(dataDir, MARKER_FILE))).toBe(false)
  expect(readdirSync(dataDir).filter((n) => n.includes('partial'))).toEqual([])
}

describe('restore', () => {
  it('round trip: checks a backup, shows its counts, backs up the current data, and swaps at the restart', async () => {
    const { s, admin } = await withResidents(['张三', '李四', '王五'])
    const backup = await s.backupAdmin.createManual(admin, 'data')
    expect(backup).not.toBeNull()
    for (const name of ['赵六', '孙七']) await s.residents.create(admin, residentInput({ name }))

    const check = await s.backupAdmin.check({ name: backup!.name })
    expect(check).toMatchObject({ fileName: backup!.name, needsMigration: false })
    expect(check!.counts).toMatchObject({ residents: 3, accounts: 1, households: 0, notices: 0, meetings: 0 })
    expect(check!.schemaVersion).toBe(s.info.schemaVersion)
    expect(check!.lastChangeAt).not.toBeNull()

    const staged = await s.backupAdmin.stage(admin, check!.token)
    expect(host.restarts).toBe(1)
    expect(staged.preRestoreBackup).toMatch(/-prerestore-\d{8}-\d{6}\.sqlite3$/)
    // Staging changes nothing yet: the swap waits for the start.
    expect(await residentCount(s)).toBe(5)
    expect(existsSync(join(t!.dataDir, PENDING_FILE))).toBe(true)

    const after = await t!.restart()
    expect(await residentCount(after)).toBe(3)
    nothingStaged(t!.dataDir)
    expect(readdirSync(t!.dataDir).filter((n) => n.includes('.replaced'))).toEqual([])
    expect(after.backupAdmin.overview().lastRestore).toMatchObject({ status: 'done', fileName: backup!.name })
    // The data as it was before the restore is one click away: its backup holds all five.
    const pre = await after.backupAdmin.check({ name: staged.preRestoreBackup })
    expect(pre!.counts.residents).toBe(5)
    // The restored data's own log records where it came from; the staging is in the log it replaced.
    const log = await after.audit.list({ entity: 'backup', page: 1, pageSize: 20 })
    expect(log.items.map((e) => e.action)).toContain('restored')
  })

  it('restores a file chosen in the dialog from another folder (a USB stick), and a cancelled dialog does nothing', async () => {
    const { s, admin } = await withResidents(['张三'])
    const usb = tempDir('station-usb-')
    host.folder = usb
    const manual = await s.backupAdmin.createManual(admin, 'choose')
    expect(manual!.folder).toBe(usb)
    expect(manual!.name).toMatch(/^社区党群服务中心-manual-\d{8}-\d{6}\.sqlite3$/)
    await s.residents.create(admin, residentInput({ name: '李四' }))

    host.file = null
    expect(await s.backupAdmin.check({})).toBeNull()
    host.file = join(usb, manual!.name)
    const check = await s.backupAdmin.check({})
    expect(check!.counts.residents).toBe(1)
    await s.backupAdmin.stage(admin, check!.token)
    expect(await residentCount(await t!.restart())).toBe(1)
  })

  const refusals: Array<[string, string, (dir: string, good: string) => string]> = [
    [
      'a truncated copy',
      'corrupt',
      (dir, good) => {
        const f = join(dir, 'truncated.sqlite3')
        copyFileSync(good, f)
        truncateSync(f, Math.floor(readFileSync(f).length / 2))
        return f
      },
    ],
    [
      'a text file renamed .db',
      'notDatabase',
      (dir) => {
        const f = join(dir, 'notes.db')
        writeFileSync(f, '居民名单\n张三,李四\n'.repeat(50))
        return f
      },
    ],
    ['an empty file', 'notDatabase', (dir) => (writeFileSync(join(dir, 'empty.db'), ''), join(dir, 'empty.db'))],
    ['a missing file', 'notFound', (dir) => join(dir, 'gone.sqlite3')],
  ]

  it.each(refusals)('refuses %s (%s) and leaves the current data untouched', async (_label, refusal, make) => {
    const { s, admin } = await withResidents(['张三', '李四'])
    const good = (await s.backupAdmin.createManual(admin, 'data'))!
    host.file = make(tempDir('station-bad-'), join(s.backups.folder, good.name))
    const error = await failure(s.backupAdmin.check({}))
    expect(error.message).toBe(`errors.admin.backups.refused.${refusal}`)
    nothingStaged(t!.dataDir)
    expect(await residentCount(await t!.restart())).toBe(2)
  })

  it("refuses another program's SQLite database", async () => {
    const { s } = await withResidents(['张三'])
    const other = join(tempDir('station-other-'), 'other.sqlite3')
    await run(
      other,
      'CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, "x");',
    )
    host.file = other
    expect((await failure(s.backupAdmin.check({}))).message).toBe('errors.admin.backups.refused.foreign')
    nothingStaged(t!.dataDir)
  })

  it('refuses a backup from a newer version of the app (a migration this build does not know)', async () => {
    const { s, admin } = await withResidents(['张三'])
    const good = (await s.backupAdmin.createManual(admin, 'data'))!
    const newer = join(tempDir('station-newer-'), 'newer.sqlite3')
    copyFileSync(join(s.backups.folder, good.name), newer)
    await run(newer, "INSERT INTO schema_migrations (name, applied_at) VALUES ('9999-future', '2027-01-01')")
    host.file = newer
    expect((await failure(s.backupAdmin.check({}))).message).toBe('errors.admin.backups.refused.tooNew')
    nothingStaged(t!.dataDir)
  })

  it('a backup from an older schema is accepted and brought up to date at the restart', async () => {
    const { s, admin } = await withResidents(['张三'])
    const good = (await s.backupAdmin.createManual(admin, 'data'))!
    await s.residents.create(admin, residentInput({ name: '李四' }))
    const older = join(tempDir('station-older-'), 'older.sqlite3')
    copyFileSync(join(s.backups.folder, good.name), older)
    // The newest migration undone with its own `down`: the file an older build of the app wrote.
    const last = migrations[migrations.length - 1]!
    const db = await openDatabase({ dialect: 'sqlite', file: older })
    await db.transaction(async (transaction) => {
      await last.down({ sequelize: db, queryInterface: db.getQueryInterface(), transaction })
      await db.query('DELETE FROM schema_migrations WHERE name = :name', {
        replacements: { name: last.name },
        transaction,
      })
    })
    await db.close()
    host.file = older
    const check = await s.backupAdmin.check({})
    expect(check!.needsMigration).toBe(true)
    await s.backupAdmin.stage(admin, check!.token)
    const after = await t!.restart()
    expect(after.backupAdmin.overview().lastRestore).toMatchObject({ status: 'done' })
    expect(await residentCount(after)).toBe(1)
    expect(after.info.schemaVersion).toBe(last.name)
    // The migration of the restored file took its own backup first, as every migration does.
    expect(after.backups.list().some((b) => b.kind === 'migration')).toBe(true)
  })

  it('a staged copy damaged before the restart is not swapped in: the previous data stays and the user is told', async () => {
    const { s, admin } = await withResidents(['张三', '李四'])
    const good = (await s.backupAdmin.createManual(admin, 'data'))!
    await s.residents.create(admin, residentInput({ name: '王五' }))
    const check = await s.backupAdmin.check({ name: good.name })
    await s.backupAdmin.stage(admin, check!.token)
    truncateSync(join(t!.dataDir, PENDING_FILE), 4096)
    const after = await t!.restart()
    expect(await residentCount(after)).toBe(3)
    expect(after.backupAdmin.overview().lastRestore).toMatchObject({ status: 'failed', reason: 'damaged' })
    nothingStaged(t!.dataDir)
  })

  it('a restored file that fails to open at the start is swapped back: the previous data stays in use', async () => {
    const { s, admin } = await withResidents(['张三', '李四'])
    const good = (await s.backupAdmin.createManual(admin, 'data'))!
    await s.residents.create(admin, residentInput({ name: '王五' }))
    await s.backupAdmin.stage(admin, (await s.backupAdmin.check({ name: good.name }))!.token)
    // Between staging and the start, the copy turns into a newer version's file (with a matching marker).
    const pending = join(t!.dataDir, PENDING_FILE)
    await run(pending, "INSERT INTO schema_migrations (name, applied_at) VALUES ('9999-future', '2027-01-01')")
    const markerFile = join(t!.dataDir, MARKER_FILE)
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as { sha256: string }
    writeFileSync(markerFile, JSON.stringify({ ...marker, sha256: sha256Of(pending) }))
    const after = await t!.restart()
    expect(await residentCount(after)).toBe(3)
    expect(after.backupAdmin.overview().lastRestore).toMatchObject({ status: 'failed', reason: 'tooNew' })
    nothingStaged(t!.dataDir)
    expect(readdirSync(t!.dataDir).filter((n) => n.includes('.replaced'))).toEqual([])
  })

  it('a power cut in the middle of the swap is finished by the next start', async () => {
    const { s, admin } = await withResidents(['张三'])
    const good = (await s.backupAdmin.createManual(admin, 'data'))!
    await s.residents.create(admin, residentInput({ name: '李四' }))
    await s.backupAdmin.stage(admin, (await s.backupAdmin.check({ name: good.name }))!.token)
    await s.close()
    // The first step done (the old file moved aside), then the power went.
    const db = join(t!.dataDir, DATABASE_FILE_NAME)
    renameSync(db, `${db}.replaced`)
    const after = await createServiceContainer({ dataDir: t!.dataDir, backupHost: host })
    t!.services = after
    expect(await residentCount(after)).toBe(1)
    expect(after.backupAdmin.overview().lastRestore).toMatchObject({ status: 'done' })
  })

  it('a file damaged between its check and the confirmation is refused at staging, and nothing is staged', async () => {
    const { s, admin } = await withResidents(['张三', '李四'])
    const good = (await s.backupAdmin.createManual(admin, 'data'))!
    const copy = join(tempDir('station-usb-'), good.name)
    copyFileSync(join(s.backups.folder, good.name), copy)
    host.file = copy
    const check = await s.backupAdmin.check({})
    truncateSync(copy, Math.floor(check!.bytes / 3))
    const error = await failure(s.backupAdmin.stage(admin, check!.token))
    expect(error.message).toMatch(/^errors\.admin\.backups\.refused\./)
    expect(host.restarts).toBe(0)
    nothingStaged(t!.dataDir)
    expect(await residentCount(await t!.restart())).toBe(2)
  })

  it('a token from an earlier check is needed, and used once', async () => {
    const { s, admin } = await withResidents(['张三'])
    expect((await failure(s.backupAdmin.stage(admin, '00000000-0000-0000-0000-000000000000'))).message).toBe(
      'errors.admin.backups.checkAgain',
    )
    nothingStaged(t!.dataDir)
  })
})

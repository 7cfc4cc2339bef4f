/**
 * The backups channels through the router: who may do what (staff back up, only the administrator
 * restores or changes how many daily backups are kept), inputs that carry no path, and the kept
 * number remembered across a restart.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackupOverviewDto, ManualBackupDto, RestoreCheckDto } from '../../electron/contract/backup-dto'
import type { Envelope, ErrorPayload } from '../../electron/contract/errors'
import { createRouter, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import { testBackupHost, type TestBackupHost } from '../helpers/backup-host'
import { ADMIN, tempContainer, tempDir, testClock, type TempContainer } from '../helpers/temp-container'

const APP = 'app://station/index.html'
const adminWindow: SenderInfo = { id: '1', url: APP }
const staffWindow: SenderInfo = { id: '2', url: APP }

let t: TempContainer
let router: Router
let host: TestBackupHost
const clock = testClock('2026-11-01T01:00:00Z')

function routerFor(): Router {
  return createRouter(t.services, { isTrustedSender: (s) => s.url === APP })
}

beforeEach(async () => {
  host = testBackupHost()
  clock.set('2026-11-01T01:00:00Z')
  t = await tempContainer({ backupHost: host, now: clock.now })
  router = routerFor()
  await ok(adminWindow, 'auth:setup', { ...ADMIN })
  await ok(adminWindow, 'accounts:create', {
    username: 'clerk',
    displayName: '柜台',
    password: 'counter123',
    role: 'staff',
  })
  await ok(staffWindow, 'auth:login', { username: 'clerk', password: 'counter123' })
})
afterEach(async () => t.dispose())

async function ok<T>(sender: SenderInfo, channel: string, input?: unknown): Promise<T> {
  const envelope: Envelope<unknown> = await router.handle(sender, channel, input)
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`)
  return envelope.data as T
}
async function err(sender: SenderInfo, channel: string, input?: unknown): Promise<ErrorPayload> {
  const envelope = await router.handle(sender, channel, input)
  if (envelope.ok) throw new Error(`${channel} unexpectedly succeeded`)
  return envelope.error
}

describe('backups through the router', () => {
  it('staff back up to a USB stick and see the list; restore and the kept number are the administrator’s', async () => {
    host.folder = tempDir('station-usb-')
    const made = await ok<ManualBackupDto>(staffWindow, 'backups:create', { destination: 'choose' })
    expect(made).toMatchObject({ kind: 'manual', folder: host.folder })
    expect(made.bytes).toBeGreaterThan(0)
    const overview = await ok<BackupOverviewDto>(staffWindow, 'backups:overview')
    expect(overview.backups.map((b) => b.kind)).toContain('daily')
    expect(overview.keepDaily).toBe(30)
    const daily = overview.backups.find((b) => b.kind === 'daily')!
    expect((await err(staffWindow, 'backups:check', { name: daily.name })).code).toBe('FORBIDDEN')
    expect((await err(staffWindow, 'backups:set-keep-daily', { keepDaily: 5 })).code).toBe('FORBIDDEN')
    const check = await ok<RestoreCheckDto>(adminWindow, 'backups:check', { name: daily.name })
    expect((await err(staffWindow, 'backups:restore', { token: check.token })).code).toBe('FORBIDDEN')
    // The backup is in the audit log, with who took it.
    const log = await t.services.audit.list({ entity: 'backup', page: 1, pageSize: 10 })
    expect(log.items.some((e) => e.action === 'backup')).toBe(true)
  })

  it('a cancelled folder dialog answers null and writes nothing', async () => {
    host.folder = null
    expect(await ok(staffWindow, 'backups:create', { destination: 'choose' })).toBeNull()
  })

  it('never takes a path: a name with a folder in it is refused before any file is touched', async () => {
    for (const name of ['../station.sqlite3', '/etc/passwd.sqlite3', 'C:\\x\\y.sqlite3', 'station.db']) {
      const e = await err(adminWindow, 'backups:check', { name })
      expect(e.code).toBe('VALIDATION')
      expect(e.fields?.[0]?.message).toBe('validation.admin.backups.name')
    }
    expect((await err(adminWindow, 'backups:check', { name: 'station-daily-20200101-000000.sqlite3' })).message).toBe(
      'errors.admin.backups.refused.notFound',
    )
  })

  it('keeps the number of daily backups the administrator sets, prunes at once, and remembers it after a restart', async () => {
    for (let day = 0; day < 4; day++) {
      clock.advance(24 * 3600_000)
      await t.services.backups.ensureDaily()
    }
    const dailies = (o: BackupOverviewDto) => o.backups.filter((b) => b.kind === 'daily').length
    expect(dailies(await ok<BackupOverviewDto>(adminWindow, 'backups:overview'))).toBe(5)
    expect((await err(adminWindow, 'backups:set-keep-daily', { keepDaily: 0 })).fields?.[0]?.message).toBe(
      'validation.admin.backups.keepRange',
    )
    const after = await ok<BackupOverviewDto>(adminWindow, 'backups:set-keep-daily', { keepDaily: 2 })
    expect(after.keepDaily).toBe(2)
    expect(dailies(after)).toBe(2)
    await t.restart({ keepDailyBackups: undefined })
    router = routerFor()
    await ok(adminWindow, 'auth:login', { username: ADMIN.username, password: ADMIN.password })
    clock.advance(24 * 3600_000)
    await t.services.backups.ensureDaily()
    const later = await ok<BackupOverviewDto>(adminWindow, 'backups:overview')
    expect(later.keepDaily).toBe(2)
    expect(dailies(later)).toBe(2)
  })
})

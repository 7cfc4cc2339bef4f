// @vitest-environment happy-dom
import './support/fake-station'
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { BackupOverviewDto, RestoreCheckDto } from '@contract/backup-dto'
import { AppError } from '@contract/errors'
import BackupsView from '@/views/backups/index.vue'
import { formatBytes } from '@/views/backups/use-backups'
import { i18n, setLocale } from '@/i18n'
import { callsTo, resetStation } from './support/fake-station'
import { allByTestId, byTestId, mountWithApp, settle, signedIn } from './support/mount-app'
import { session } from './support/fixtures'

const overview: BackupOverviewDto = {
  backups: [
    { name: 'station-daily-20261124-090000.sqlite3', kind: 'daily', bytes: 385_024, at: '2026-11-24T01:00:00.000Z' },
    { name: 'station-quit-20261123-173000.sqlite3', kind: 'quit', bytes: 3_500_000, at: '2026-11-23T09:30:00.000Z' },
  ],
  keepDaily: 30,
  folder: 'C:\\station\\backups',
  lastRestore: null,
}

const check: RestoreCheckDto = {
  token: '11111111-2222-3333-4444-555555555555',
  fileName: 'station-quit-20261123-173000.sqlite3',
  bytes: 3_500_000,
  takenAt: '2026-11-23T09:30:00.000Z',
  lastChangeAt: '2026-11-23T09:29:00.000Z',
  schemaVersion: '0006-visits',
  needsMigration: false,
  counts: { residents: 1234, households: 456, notices: 7, meetings: 8, partyMembers: 90, accounts: 3 },
}

async function mountAs(role: 'admin' | 'staff') {
  const pinia = signedIn(session(role))
  const { wrapper } = await mountWithApp(BackupsView, { pinia, path: '/settings' })
  await flushPromises()
  return wrapper
}

afterEach(() => {
  document.body.innerHTML = ''
  setLocale('zh-CN')
})

describe('the backups screen', () => {
  it('lists the backups with their time (Shanghai), kind and size; staff may back up but not restore', async () => {
    resetStation({ 'backups:overview': () => overview })
    await mountAs('staff')
    expect(allByTestId('backup-kind').map((e) => e.textContent)).toEqual(['每日自动', '退出时'])
    expect(allByTestId('backup-at')[1]!.textContent).toContain('2026/11/23 17:30')
    expect(document.body.textContent).toContain('3.3 MB')
    expect(byTestId('backups-create')).not.toBeNull()
    expect(byTestId('backups-restore-file')).toBeNull()
    expect(allByTestId(`backup-restore-${overview.backups[0]!.name}`)).toHaveLength(0)
    expect(byTestId('backups-keep-daily')).toBeNull()
  })

  it('checks a listed backup, shows what it holds and what will happen, and restores only on confirmation', async () => {
    resetStation({
      'backups:overview': () => overview,
      'backups:check': () => check,
      'backups:restore': () => ({
        fileName: check.fileName,
        preRestoreBackup: 'station-prerestore-20261124-100000.sqlite3',
      }),
    })
    await mountAs('admin')
    byTestId(`backup-restore-${check.fileName}`)!.click()
    await settle()
    expect(callsTo('backups:check')).toEqual([{ name: check.fileName }])
    expect(byTestId('restore-count-residents')!.textContent).toContain('1234')
    expect(byTestId('restore-count-partyMembers')!.textContent).toContain('90')
    expect(byTestId('restore-what')!.textContent).toContain('确认后程序将重新启动')
    expect(callsTo('backups:restore')).toEqual([])
    byTestId('restore-confirm')!.click()
    await settle()
    expect(callsTo('backups:restore')).toEqual([{ token: check.token }])
    expect(byTestId('backups-staged')!.textContent).toContain('程序正在重新启动')
    expect((byTestId('backups-create') as HTMLButtonElement).disabled).toBe(true)
  })

  it('says why a file is refused, in the person’s language', async () => {
    resetStation({
      'backups:overview': () => overview,
      'backups:check': () => {
        throw new AppError('VALIDATION', 'errors.admin.backups.refused.corrupt', { params: { file: 'x.sqlite3' } })
      },
    })
    setLocale('en')
    await mountAs('admin')
    setLocale('en')
    await settle()
    byTestId('backups-restore-file')!.click()
    await settle()
    expect(document.body.textContent).toContain('"x.sqlite3" is damaged or incomplete')
    expect(byTestId('restore-file')).toBeNull()
  })

  it('tells the last restore’s outcome, also when it failed', async () => {
    resetStation({
      'backups:overview': () => ({
        ...overview,
        lastRestore: { status: 'failed', at: '2026-11-24T02:00:00.000Z', fileName: 'old.sqlite3', reason: 'tooNew' },
      }),
    })
    await mountAs('admin')
    const text = byTestId('backups-last-restore')!.textContent!
    expect(text).toContain('仍在使用原来的数据')
    expect(text).toContain('备份来自更新版本的程序')
  })

  it('saves the number of daily backups kept', async () => {
    resetStation({
      'backups:overview': () => overview,
      'backups:set-keep-daily': (input) => ({ ...overview, keepDaily: input.keepDaily }),
    })
    await mountAs('admin')
    const input = byTestId('backups-keep-daily')!.querySelector('input')!
    input.value = '14'
    input.dispatchEvent(new Event('input'))
    input.dispatchEvent(new Event('change'))
    await settle()
    byTestId('backups-keep-save')!.click()
    await settle()
    expect(callsTo('backups:set-keep-daily')).toEqual([{ keepDaily: 14 }])
  })

  it('formats sizes', () => {
    const t = i18n.global.t as unknown as (key: string, params: Record<string, unknown>) => string
    expect(formatBytes(900, t)).toBe('900 B')
    expect(formatBytes(1536, t)).toBe('1.5 KB')
    expect(formatBytes(82 * 2 ** 20, t)).toBe('82 MB')
  })
})

// @vitest-environment happy-dom
import './support/fake-station'
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { SettingsDto } from '@contract/dto'
import type { Permission } from '@contract/permissions'
import SettingsView from '@/views/settings/index.vue'
import { callsTo, resetStation } from './support/fake-station'
import { byTestId, mountWithApp, signedIn } from './support/mount-app'
import { session } from './support/fixtures'

const settings: SettingsDto = {
  stationName: '幸福社区党群服务中心',
  community: '幸福社区',
  address: '',
  phone: '',
  locale: 'zh-CN',
  idleLockMinutes: 10,
  printBodyFont: 'fangsong',
}

async function mountSettings(permissions: Permission[]) {
  resetStation({
    'settings:get': () => settings,
    'settings:update': (patch) => ({ ...settings, ...patch }),
    'app:info': () => ({
      version: '0.1.0',
      dataDir: '/data',
      databaseFile: '/data/station.sqlite',
      schemaVersion: '0002',
    }),
  })
  const pinia = signedIn(session('admin', permissions))
  const { wrapper } = await mountWithApp(SettingsView, { pinia, path: '/settings' })
  await flushPromises()
  return wrapper
}

const selectShows = () => byTestId('settings-print-body-font')?.textContent?.trim() ?? ''

describe('the print body font setting', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it("shows the station's choice and saves a new one with the other settings", async () => {
    const wrapper = await mountSettings(['settings.write'])
    expect(byTestId('field-printBodyFont')?.textContent).toContain('打印正文字体')
    expect(selectShows()).toContain('本机仿宋（没有时用随软件安装的宋体）')
    byTestId('settings-print-body-font')?.querySelector<HTMLElement>('.el-select__wrapper')?.click()
    await flushPromises()
    expect(byTestId('settings-print-body-font-fangsong')?.textContent).toContain('本机仿宋')
    byTestId('settings-print-body-font-shipped')?.click()
    await flushPromises()
    expect(selectShows()).toContain('随软件安装的宋体')
    byTestId('settings-save')?.click()
    await flushPromises()
    expect(callsTo('settings:update')).toEqual([
      {
        stationName: '幸福社区党群服务中心',
        community: '幸福社区',
        address: '',
        phone: '',
        idleLockMinutes: 10,
        printBodyFont: 'shipped',
      },
    ])
    wrapper.unmount()
  })

  it('is read-only to an account without settings.write', async () => {
    const wrapper = await mountSettings([])
    expect(byTestId('settings-print-body-font')?.querySelector('.el-select__wrapper')?.classList).toContain(
      'is-disabled',
    )
    expect(selectShows()).toContain('本机仿宋')
    wrapper.unmount()
  })
})

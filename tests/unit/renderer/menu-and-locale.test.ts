// @vitest-environment happy-dom
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { h } from 'vue'
import { RouterView } from 'vue-router'
import type { Permission } from '@contract/permissions'
import MainLayout from '@/layouts/MainLayout.vue'
import SettingsView from '@/views/settings/index.vue'
import { currentLocale } from '@/i18n'
import { callsTo, resetStation } from './support/fake-station'
import { allByTestId, byTestId, mountWithApp, signedIn } from './support/mount-app'
import { session } from './support/fixtures'

const settings = {
  stationName: '幸福社区党群服务中心',
  community: '幸福社区',
  address: '',
  phone: '',
  locale: 'zh-CN' as const,
  idleLockMinutes: 10,
  printBodyFont: 'shipped' as const,
}
const Blank = { render: () => h('div') }
const routes = [
  {
    path: '/',
    name: 'home',
    component: MainLayout,
    children: [
      { path: 'residents', name: 'residents', component: Blank, meta: { permission: 'residents.read' as Permission } },
      { path: 'places', name: 'places', component: Blank, meta: { permission: 'residents.read' as Permission } },
      { path: 'settings', name: 'settings', component: SettingsView },
    ],
  },
  { path: '/sign-in', name: 'sign-in', component: Blank, meta: { public: true } },
]

async function mountLayout(permissions: Permission[], path = '/settings') {
  const pinia = signedIn(session('staff', permissions))
  return mountWithApp({ render: () => h(RouterView) }, { pinia, routes, path })
}

describe('main menu', () => {
  beforeEach(() => {
    resetStation({
      'settings:get': () => settings,
      'settings:update': (patch) => ({ ...settings, ...patch }),
      'app:info': () => ({
        version: '0.1.0',
        dataDir: '/data/station',
        databaseFile: '/data/station/station.sqlite',
        schemaVersion: '0001',
      }),
    })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows every working screen to an account that may read resident files', async () => {
    const { wrapper } = await mountLayout(['residents.read', 'residents.write'])
    expect(allByTestId('menu-residents')).toHaveLength(1)
    expect(allByTestId('menu-places')).toHaveLength(1)
    expect(allByTestId('menu-settings')).toHaveLength(1)
    expect(byTestId('header-station-name')?.textContent).toBe('幸福社区党群服务中心')
    expect(byTestId('header-account')?.textContent).toBe('王管理')
    wrapper.unmount()
  })

  it('hides what the role lacks, and the guard keeps the account out of it', async () => {
    const { wrapper, router } = await mountLayout([], '/residents')
    expect(allByTestId('menu-residents')).toHaveLength(0)
    expect(allByTestId('menu-places')).toHaveLength(0)
    expect(allByTestId('menu-settings')).toHaveLength(1)
    expect(router.currentRoute.value.name).toBe('settings')
    wrapper.unmount()
  })

  it('shows the settings read-only to an account without settings.write', async () => {
    const { wrapper } = await mountLayout(['residents.read'])
    expect((byTestId('settings-station-name') as HTMLInputElement).disabled).toBe(true)
    expect(byTestId('settings-save')).toBeNull()
    expect(byTestId('about-data-dir')?.textContent).toBe('/data/station')
    wrapper.unmount()
  })
})

describe('language', () => {
  beforeEach(() => {
    resetStation({
      'settings:get': () => settings,
      'settings:update': (patch) => ({ ...settings, ...patch }),
      'app:info': () => ({
        version: '0.1.0',
        dataDir: '/data/station',
        databaseFile: '/data/station/station.sqlite',
        schemaVersion: '0001',
      }),
    })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('switches every text at once and saves the choice for the station', async () => {
    const { wrapper } = await mountLayout(['residents.read', 'settings.write'])
    expect(byTestId('menu-residents')?.textContent?.trim()).toBe('居民档案')

    // Choose 繁體中文 from the language select, as a user would.
    byTestId('settings-locale')?.querySelector<HTMLElement>('.el-select__wrapper')?.click()
    await flushPromises()
    const option = [...document.body.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
      (o) => o.textContent?.trim() === '繁體中文',
    )
    expect(option).toBeDefined()
    option!.click()
    await flushPromises()

    expect(currentLocale()).toBe('zh-TW')
    expect(document.documentElement.lang).toBe('zh-TW')
    expect(byTestId('menu-residents')?.textContent?.trim()).toBe('居民檔案')
    expect(byTestId('menu-places')?.textContent?.trim()).toBe('網格與地址')
    expect(callsTo('settings:update')).toEqual([{ locale: 'zh-TW' }])
    wrapper.unmount()
  })
})

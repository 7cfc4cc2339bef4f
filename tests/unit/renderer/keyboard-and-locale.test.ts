// @vitest-environment happy-dom
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { h } from 'vue'
import { RouterView } from 'vue-router'
import type { PlaceNodeDto, SettingsDto } from '@contract/dto'
import { permissionsOf, type Permission } from '@contract/permissions'
import MainLayout from '@/layouts/MainLayout.vue'
import PlacesView from '@/views/places/index.vue'
import ResidentFormDialog from '@/views/residents/ResidentFormDialog.vue'
import { currentLocale, hasLocalLocaleChoice, setLocale } from '@/i18n'
import { useSettingsStore } from '@/stores/settings'
import { callsTo, resetStation } from './support/fake-station'
import { allByTestId, byTestId, fieldErrorText, mountWithApp, settle, signedIn, typeInto } from './support/mount-app'
import { placeTree, residentDto, session, tags } from './support/fixtures'

const settings: SettingsDto = {
  stationName: '幸福社区党群服务中心',
  community: '幸福社区',
  address: '',
  phone: '',
  locale: 'zh-CN',
  idleLockMinutes: 10,
  printBodyFont: 'shipped' as const,
}

describe("the station's language after sign-in", () => {
  afterEach(() => {
    setLocale('zh-CN', { remember: false })
    localStorage.clear()
  })

  it('does not undo the language chosen on this PC (on the sign-in screen, say)', async () => {
    signedIn(session('staff'))
    setLocale('en')
    resetStation({ 'settings:get': () => settings })
    await useSettingsStore().load()
    expect(currentLocale()).toBe('en')
    expect(localStorage.getItem('station.locale')).toBe('en')
  })

  it("applies the station's language where nobody chose one, without making it this PC's choice", async () => {
    signedIn(session('staff'))
    localStorage.clear()
    resetStation({ 'settings:get': () => ({ ...settings, locale: 'zh-TW' }) })
    await useSettingsStore().load()
    expect(currentLocale()).toBe('zh-TW')
    expect(hasLocalLocaleChoice()).toBe(false)
  })
})

describe('the main menu by keyboard', () => {
  const Screen = { render: () => h('div', [h('input', { 'data-testid': 'screen-field' })]) }
  const routes = [
    {
      path: '/',
      name: 'home',
      component: MainLayout,
      children: [
        {
          path: 'residents',
          name: 'residents',
          component: Screen,
          meta: { permission: 'residents.read' as Permission },
        },
        { path: 'places', name: 'places', component: Screen, meta: { permission: 'residents.read' as Permission } },
        { path: 'settings', name: 'settings', component: Screen },
      ],
    },
    { path: '/sign-in', name: 'sign-in', component: Screen, meta: { public: true } },
  ]
  beforeEach(() => resetStation({ 'settings:get': () => settings }))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('is made of links that Tab reaches, the current one marked', async () => {
    const pinia = signedIn(session('staff', ['residents.read']))
    const { wrapper } = await mountWithApp({ render: () => h(RouterView) }, { pinia, routes, path: '/places' })
    const links = allByTestId('menu-residents').concat(allByTestId('menu-places'), allByTestId('menu-settings'))
    expect(links.map((a) => a.tagName)).toEqual(['A', 'A', 'A'])
    for (const a of links) {
      expect(a.getAttribute('href')).toBeTruthy()
      expect(a.getAttribute('tabindex')).toBeNull()
    }
    expect(byTestId('menu-places')?.getAttribute('aria-current')).toBe('page')
    expect(byTestId('menu-residents')?.getAttribute('aria-current')).toBeNull()
    wrapper.unmount()
  })

  it('offers a skip link that puts the focus on the screen’s first field', async () => {
    const pinia = signedIn(session('staff', ['residents.read']))
    const { wrapper, router } = await mountWithApp({ render: () => h(RouterView) }, { pinia, routes, path: '/places' })
    const skip = document.body.querySelector<HTMLAnchorElement>('a.layout__skip')
    expect(skip?.textContent?.trim()).toBe('跳到主要内容')
    skip!.click()
    await flushPromises()
    expect(document.activeElement).toBe(byTestId('screen-field'))
    // The link does not navigate (the app's routes live in the hash too).
    expect(router.currentRoute.value.name).toBe('places')
    wrapper.unmount()
  })
})

describe('the places tree by keyboard', () => {
  const deeper: PlaceNodeDto[] = [
    {
      ...placeTree[0],
      children: [
        {
          ...placeTree[0].children[0],
          children: [
            {
              id: 3,
              parentId: 2,
              kind: 'compound',
              name: '幸福小区',
              sort: 0,
              fullName: '幸福社区 / 一网格 / 幸福小区',
              archived: false,
              children: [
                {
                  id: 4,
                  parentId: 3,
                  kind: 'building',
                  name: '3栋',
                  sort: 0,
                  fullName: '幸福社区 / 一网格 / 幸福小区 / 3栋',
                  archived: false,
                  children: [],
                },
              ],
            },
          ],
        },
      ],
    },
  ]
  beforeEach(() => resetStation({ 'places:tree': () => deeper, 'households:list': () => [] }))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  const item = (id: number) => document.body.querySelector<HTMLElement>(`[role="treeitem"][data-key="${id}"]`)!
  const key = (el: HTMLElement, k: string) =>
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }))

  it('is in the Tab order once its data has come, opens with →, and chooses with Enter', async () => {
    const pinia = signedIn(session('staff', permissionsOf('staff')))
    const { wrapper } = await mountWithApp(PlacesView, { pinia, path: '/places' })
    await settle(0)
    expect(item(1).getAttribute('tabindex')).toBe('0')
    expect(item(2).getAttribute('tabindex')).toBe('-1')

    // Compounds start closed: → opens one, ← closes it.
    expect(allByTestId('place-node').some((n) => n.textContent?.includes('3栋') && n.offsetParent !== null)).toBe(false)
    key(item(3), 'ArrowRight')
    await settle(0)
    expect(item(4)).toBeTruthy()
    key(item(3), 'ArrowLeft')
    await settle(0)
    expect(item(3).getAttribute('aria-expanded')).toBe('false')

    key(item(3), 'Enter')
    await settle(0)
    expect(byTestId('place-selected')?.textContent).toBe('幸福社区 / 一网格 / 幸福小区')
    // The chosen place is where Tab comes back to.
    expect(item(3).getAttribute('tabindex')).toBe('0')
    expect(item(1).getAttribute('tabindex')).toBe('-1')
    wrapper.unmount()
  })
})

describe('the resident form by keyboard', () => {
  beforeEach(() =>
    resetStation({
      'tags:list': () => tags,
      'places:tree': () => placeTree,
      'residents:create': (input) => residentDto({ name: input.name }),
    }),
  )
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('puts the focus in the name box, after the dialog’s own focus handling, and flags nothing', async () => {
    const pinia = signedIn(session('staff'))
    const { wrapper } = await mountWithApp(ResidentFormDialog, { pinia })
    await (wrapper.vm as unknown as { open: (id: number | null) => Promise<void> }).open(null)
    await settle()
    expect(document.activeElement).toBe(byTestId('rf-name'))
    expect(fieldErrorText('name')).toBe('')
    wrapper.unmount()
  })
})

describe('Ctrl+Enter in the resident form', () => {
  beforeEach(() =>
    resetStation({
      'tags:list': () => tags,
      'places:tree': () => placeTree,
      'residents:create': (input) => residentDto({ name: input.name }),
    }),
  )
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('saves even from inside a drop-down, which does not open', async () => {
    const pinia = signedIn(session('staff'))
    const { wrapper } = await mountWithApp(ResidentFormDialog, { pinia })
    await (wrapper.vm as unknown as { open: (id: number | null) => Promise<void> }).open(null)
    await settle()
    await typeInto(byTestId('rf-name'), '李四')
    const select = byTestId('rf-ethnicity')!.querySelector('input')!
    select.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }))
    await settle()
    expect(callsTo('residents:create')).toEqual([expect.objectContaining({ name: '李四' })])
    wrapper.unmount()
  })
})

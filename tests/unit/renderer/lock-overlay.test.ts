// @vitest-environment happy-dom
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { RouterView } from 'vue-router'
import { AppError } from '@contract/errors'
import MainLayout from '@/layouts/MainLayout.vue'
import { useAuthStore } from '@/stores/auth'
import { useResidentsStore } from '@/stores/residents'
import { followSession } from '@/router/session'
import { api } from '@/api'
import { callsTo, resetStation } from './support/fake-station'
import { byTestId, mountWithApp, signedIn, typeInto } from './support/mount-app'
import { session } from './support/fixtures'

/** A page with a half-filled form: what must survive the lock. */
let mountedPages = 0
const DraftPage = defineComponent({
  setup() {
    mountedPages++
    const text = ref('')
    return () =>
      h('input', {
        'data-testid': 'draft',
        value: text.value,
        onInput: (e: Event) => (text.value = (e.target as HTMLInputElement).value),
      })
  },
})

const routes = [
  {
    path: '/',
    name: 'home',
    component: MainLayout,
    children: [{ path: 'draft', name: 'draft', component: DraftPage }],
  },
  { path: '/sign-in', name: 'sign-in', component: { render: () => h('div', 'sign-in') }, meta: { public: true } },
]

const settings = {
  stationName: '幸福社区党群服务中心',
  community: '幸福社区',
  address: '',
  phone: '',
  locale: 'zh-CN' as const,
  idleLockMinutes: 10,
  printBodyFont: 'shipped' as const,
}
const MINUTE = 60_000

describe('idle lock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    mountedPages = 0
    resetStation({
      'settings:get': () => settings,
      'auth:lock': () => null,
      'auth:unlock': (input) => {
        if (input.password !== 'right-password')
          throw new AppError('UNAUTHENTICATED', 'errors.badCredentials', { params: { remaining: 4 } })
        return session('staff')
      },
    })
  })
  afterEach(() => {
    vi.useRealTimers()
    document.body.innerHTML = ''
  })

  it('locks after the idle time, over the open page, and unlocks with the password keeping what was typed', async () => {
    const pinia = signedIn(session('staff'), 10)
    const { wrapper } = await mountWithApp(
      { render: () => h('div', [h(RouterView)]) },
      { pinia, routes, path: '/draft' },
    )
    await typeInto(byTestId('draft'), '王某某 13812341234')
    expect(mountedPages).toBe(1)

    // Activity restarts the clock.
    vi.advanceTimersByTime(9 * MINUTE)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    vi.advanceTimersByTime(9 * MINUTE)
    await flushPromises()
    expect(callsTo('auth:lock')).toHaveLength(0)
    expect(useAuthStore().locked).toBe(false)
    expect(byTestId('lock-overlay')).toBeNull()

    vi.advanceTimersByTime(1 * MINUTE + 1000)
    await flushPromises()
    expect(callsTo('auth:lock')).toHaveLength(1)
    expect(useAuthStore().locked).toBe(true)
    expect(byTestId('lock-overlay')).not.toBeNull()
    expect(byTestId('lock-overlay')?.textContent).toContain('已锁定')
    // The page underneath is the same page, with its input intact.
    expect(mountedPages).toBe(1)
    expect((byTestId('draft') as HTMLInputElement).value).toBe('王某某 13812341234')

    await typeInto(byTestId('lock-password'), 'wrong')
    byTestId('lock-unlock')!.click()
    await flushPromises()
    expect(byTestId('lock-error')?.textContent).toContain('还可尝试 4 次')
    expect(useAuthStore().locked).toBe(true)

    await typeInto(byTestId('lock-password'), 'right-password')
    byTestId('lock-unlock')!.click()
    await flushPromises()
    expect(callsTo('auth:unlock').at(-1)).toEqual({ password: 'right-password' })
    expect(useAuthStore().locked).toBe(false)
    expect(mountedPages).toBe(1)
    expect((byTestId('draft') as HTMLInputElement).value).toBe('王某某 13812341234')
    wrapper.unmount()
  })

  it('follows the idle time the settings give', async () => {
    const pinia = signedIn(session('staff'), 10)
    resetStation({ 'settings:get': () => ({ ...settings, idleLockMinutes: 2 }), 'auth:lock': () => null })
    const { wrapper } = await mountWithApp({ render: () => h(RouterView) }, { pinia, routes, path: '/draft' })
    await flushPromises()
    vi.advanceTimersByTime(2 * MINUTE + 1000)
    await flushPromises()
    expect(callsTo('auth:lock')).toHaveLength(1)
    wrapper.unmount()
  })
})

describe('session news from main', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('raises the lock overlay when any call finds the session locked, and goes to sign-in when it is gone', async () => {
    const pinia = signedIn(session('staff'))
    const auth = useAuthStore()
    let answer: 'LOCKED' | 'UNAUTHENTICATED' = 'LOCKED'
    resetStation({
      'settings:get': () => settings,
      'residents:list': () => {
        throw new AppError(answer, answer === 'LOCKED' ? 'errors.sessionLocked' : 'errors.signedOut')
      },
    })
    const { wrapper, router } = await mountWithApp({ render: () => h(RouterView) }, { pinia, routes, path: '/draft' })
    const stop = followSession(pinia, router)
    useResidentsStore().result = { items: [], total: 3, page: 1, pageSize: 20 }

    await api.residents.list({}).catch(() => undefined)
    await flushPromises()
    expect(auth.locked).toBe(true)
    expect(byTestId('lock-overlay')).not.toBeNull()

    answer = 'UNAUTHENTICATED'
    await api.residents.list({}).catch(() => undefined)
    await flushPromises()
    expect(auth.signedIn).toBe(false)
    expect(router.currentRoute.value.name).toBe('sign-in')
    // Nothing of the last account is left for the next one.
    expect(useResidentsStore().result).toBeNull()
    stop()
    wrapper.unmount()
  })
})

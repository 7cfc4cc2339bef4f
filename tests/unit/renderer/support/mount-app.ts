/**
 * Mounts renderer components the way the app runs them: Pinia, the app's i18n, a router with the
 * app's guards, and Element Plus (registered in full here; the build imports it on demand).
 */
import { mount, flushPromises, type ComponentMountingOptions } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter, type RouteRecordRaw, type Router } from 'vue-router'
import { defineComponent, h, type Component } from 'vue'
import type { SessionDto } from '@contract/dto'
import { i18n, setLocale } from '@/i18n'
import { installGuards } from '@/router'
import { useAuthStore } from '@/stores/auth'

export interface AppContext {
  pinia: Pinia
  router: Router
}

/** A fresh Pinia with the given session, already "loaded" so the guards do not ask main. */
export function signedIn(session: SessionDto | null, idleLockMinutes = 10): Pinia {
  const pinia = createPinia()
  setActivePinia(pinia)
  setLocale('zh-CN')
  const auth = useAuthStore()
  auth.session = session
  auth.needsSetup = false
  auth.idleLockMinutes = idleLockMinutes
  auth.loaded = true
  return pinia
}

export async function mountWithApp<C extends Component>(
  component: C,
  options: { pinia: Pinia; routes?: RouteRecordRaw[]; path?: string; props?: Record<string, unknown> } & Pick<
    ComponentMountingOptions<C>,
    'attachTo'
  >,
) {
  const Empty = defineComponent({ render: () => h('div') })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: options.routes ?? [
      { path: '/', name: 'home', component: Empty },
      { path: '/residents', name: 'residents', component: Empty },
      { path: '/residents/:id', name: 'resident', component: Empty },
      { path: '/sign-in', name: 'sign-in', component: Empty, meta: { public: true } },
      { path: '/setup', name: 'setup', component: Empty, meta: { public: true } },
      { path: '/places', name: 'places', component: Empty },
      { path: '/settings', name: 'settings', component: Empty },
    ],
  })
  installGuards(router)
  await router.push(options.path ?? '/settings')
  await router.isReady()
  const wrapper = mount(component as Component, {
    props: options.props,
    attachTo: options.attachTo ?? document.body,
    global: { plugins: [options.pinia, i18n, router, ElementPlus] },
  })
  await flushPromises()
  return { wrapper, router }
}

/** Element Plus dialogs and poppers live in <body>, outside the wrapper. */
export function byTestId(id: string): HTMLElement | null {
  return document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)
}

export function allByTestId(id: string): HTMLElement[] {
  return [...document.body.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)]
}

/** Types into a native input the way a user does: value, then the input event Vue listens to. */
export async function typeInto(el: Element | null, value: string): Promise<void> {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) throw new Error('not an input')
  el.value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
}

/** Element Plus shows a form item's error 100 ms after it is set (a debounce); wait that out. */
export async function settle(ms = 150): Promise<void> {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, ms))
  await flushPromises()
}

/** The error text Element Plus shows under a form item (call `settle()` first). */
export function fieldErrorText(field: string): string {
  return byTestId(`field-${field}`)?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

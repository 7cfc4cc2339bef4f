// @vitest-environment happy-dom
import './support/fake-station'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { AppError } from '@contract/errors'
import SignInView from '@/views/sign-in/index.vue'
import SetupView from '@/views/setup/index.vue'
import { useAuthStore } from '@/stores/auth'
import { currentLocale, hasLocalLocaleChoice, setLocale } from '@/i18n'
import { callsTo, resetStation } from './support/fake-station'
import { byTestId, fieldErrorText, mountWithApp, settle, signedIn, typeInto } from './support/mount-app'
import { session } from './support/fixtures'

describe('sign-in', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  async function attempt(password: string) {
    const pinia = signedIn(null)
    const { wrapper, router } = await mountWithApp(SignInView, { pinia, path: '/sign-in' })
    await typeInto(byTestId('signin-username'), 'admin')
    await typeInto(byTestId('signin-password'), password)
    byTestId('signin-submit')!.click()
    await flushPromises()
    return { wrapper, router }
  }

  it('says how many attempts remain after a wrong password', async () => {
    resetStation({
      'auth:login': () => {
        throw new AppError('UNAUTHENTICATED', 'errors.badCredentials', { params: { remaining: 3 } })
      },
    })
    const { wrapper } = await attempt('wrong-password')
    expect(byTestId('signin-error')?.textContent).toContain('用户名或密码不正确，还可尝试 3 次')
    expect((byTestId('signin-password') as HTMLInputElement).value).toBe('')
    wrapper.unmount()
  })

  it('says for how long a locked account stays locked', async () => {
    resetStation({
      'auth:login': () => {
        throw new AppError('FORBIDDEN', 'errors.accountLocked', { params: { minutes: 5 } })
      },
    })
    const { wrapper } = await attempt('wrong-password')
    expect(byTestId('signin-error')?.textContent).toContain('账号已锁定，请 5 分钟后再试')
    wrapper.unmount()
  })

  it('signs in and leaves the sign-in screen', async () => {
    resetStation({
      'auth:login': () => session('staff'),
      'auth:state': () => ({ needsSetup: false, session: session('staff'), idleLockMinutes: 3, locale: 'zh-CN' }),
    })
    const { wrapper, router } = await attempt('right-password')
    expect(callsTo('auth:login')).toEqual([{ username: 'admin', password: 'right-password' }])
    expect(useAuthStore().signedIn).toBe(true)
    expect(useAuthStore().idleLockMinutes).toBe(3)
    expect(router.currentRoute.value.name).not.toBe('sign-in')
    wrapper.unmount()
  })
})

describe('first start', () => {
  beforeEach(() =>
    resetStation({
      'auth:setup': (input) => ({
        ...session('admin'),
        account: { ...session().account, username: input.username, displayName: input.displayName },
      }),
    }),
  )
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('checks the fields with the shared schema and the confirmation before creating the administrator', async () => {
    const pinia = signedIn(null)
    useAuthStore().needsSetup = true
    const { wrapper } = await mountWithApp(SetupView, { pinia, path: '/setup' })
    await typeInto(byTestId('setup-username'), 'a')
    await typeInto(byTestId('setup-display-name'), '王管理')
    await typeInto(byTestId('setup-password'), 'short')
    await typeInto(byTestId('setup-confirm'), 'other')
    byTestId('setup-submit')!.click()
    await settle()
    expect(fieldErrorText('username') || document.body.textContent).toContain('用户名至少 2 位')
    expect(document.body.textContent).toContain('密码至少 8 位')
    expect(callsTo('auth:setup')).toHaveLength(0)

    await typeInto(byTestId('setup-username'), 'admin')
    await typeInto(byTestId('setup-password'), 'long-enough-1')
    await typeInto(byTestId('setup-confirm'), 'long-enough-2')
    byTestId('setup-submit')!.click()
    await settle()
    expect(document.body.textContent).toContain('两次输入的密码不一致')
    expect(callsTo('auth:setup')).toHaveLength(0)

    await typeInto(byTestId('setup-confirm'), 'long-enough-1')
    byTestId('setup-submit')!.click()
    await flushPromises()
    expect(callsTo('auth:setup')).toEqual([{ username: 'admin', displayName: '王管理', password: 'long-enough-1' }])
    expect(useAuthStore().signedIn).toBe(true)
    wrapper.unmount()
  })
})

describe("the station's language before sign-in", () => {
  afterEach(() => {
    setLocale('zh-CN', { remember: false })
    localStorage.clear()
  })

  it('follows the station setting on a PC where nobody chose a language', async () => {
    const pinia = signedIn(null)
    localStorage.clear()
    resetStation({ 'auth:state': () => ({ needsSetup: false, session: null, idleLockMinutes: 10, locale: 'zh-TW' }) })
    await useAuthStore(pinia).load()
    expect(currentLocale()).toBe('zh-TW')
    // Applying the station's setting is not a choice made on this PC.
    expect(hasLocalLocaleChoice()).toBe(false)
  })

  it("keeps this PC's own choice", async () => {
    const pinia = signedIn(null)
    setLocale('en')
    resetStation({ 'auth:state': () => ({ needsSetup: false, session: null, idleLockMinutes: 10, locale: 'zh-TW' }) })
    await useAuthStore(pinia).load()
    expect(currentLocale()).toBe('en')
  })
})

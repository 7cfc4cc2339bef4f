/** Who is signed in on this window, what they may do, and the idle lock. */
import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type { SessionDto } from '@contract/dto'
import type { Permission } from '@contract/permissions'
import { api } from '@/api'
import { currentLocale, hasLocalLocaleChoice, setLocale } from '@/i18n'

export const useAuthStore = defineStore('auth', () => {
  const loaded = ref(false)
  const needsSetup = ref(false)
  const session = ref<SessionDto | null>(null)
  const idleLockMinutes = ref(10)

  const signedIn = computed(() => session.value !== null)
  const locked = computed(() => session.value?.locked ?? false)
  const account = computed(() => session.value?.account ?? null)
  const permissions = computed(() => new Set<Permission>(session.value?.permissions ?? []))

  function can(permission: Permission): boolean {
    return permissions.value.has(permission)
  }

  async function load(): Promise<void> {
    const state = await api.auth.state()
    needsSetup.value = state.needsSetup
    session.value = state.session
    idleLockMinutes.value = state.idleLockMinutes
    if (!hasLocalLocaleChoice() && state.locale !== currentLocale()) setLocale(state.locale, { remember: false })
    loaded.value = true
  }

  let pending: Promise<void> | null = null
  /** Loads once; the router guard calls this before the first screen. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    pending ??= load().finally(() => {
      pending = null
    })
    return pending
  }

  async function setup(input: { username: string; displayName: string; password: string }): Promise<void> {
    session.value = await api.auth.setup(input)
    needsSetup.value = false
  }

  async function login(input: { username: string; password: string }): Promise<void> {
    session.value = await api.auth.login(input)
    // The idle time may have changed since this window last asked.
    const state = await api.auth.state()
    idleLockMinutes.value = state.idleLockMinutes
  }

  async function logout(): Promise<void> {
    try {
      await api.auth.logout()
    } finally {
      session.value = null
    }
  }

  /** Hides the screen at once, then tells main; a failed call must not leave the screen open. */
  async function lock(): Promise<void> {
    if (!session.value || session.value.locked) return
    session.value = { ...session.value, locked: true }
    try {
      await api.auth.lock()
    } catch {
      // The overlay is up either way; unlock will tell whether the session still exists.
    }
  }

  async function unlock(password: string): Promise<void> {
    session.value = await api.auth.unlock({ password })
  }

  /** Main says this session is locked (another call found out first). */
  function markLocked(): void {
    if (session.value && !session.value.locked) session.value = { ...session.value, locked: true }
  }

  /** Main says this session is gone. */
  function clearSession(): void {
    session.value = null
  }

  function setIdleLockMinutes(minutes: number): void {
    idleLockMinutes.value = minutes
  }

  return {
    loaded,
    needsSetup,
    session,
    idleLockMinutes,
    signedIn,
    locked,
    account,
    permissions,
    can,
    load,
    ensureLoaded,
    setup,
    login,
    logout,
    lock,
    unlock,
    markLocked,
    clearSession,
    setIdleLockMinutes,
  }
})

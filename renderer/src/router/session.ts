/**
 * How the app follows the session when main ends or locks it, whichever call finds out first: a
 * lock raises the overlay over the open page; a lost session goes back to the sign-in screen.
 */
import type { Pinia } from 'pinia'
import type { Router } from 'vue-router'
import { onSessionEvent } from '@/api'
import { useAuthStore } from '@/stores/auth'
import { clearSessionData } from '@/stores/session-data'

export function followSession(pinia: Pinia, router: Router): () => void {
  return onSessionEvent((event) => {
    const auth = useAuthStore(pinia)
    if (event === 'locked') {
      auth.markLocked()
      return
    }
    auth.clearSession()
    clearSessionData(pinia)
    void router.replace({ name: 'sign-in' })
  })
}

/** Signs out here and in main, then shows the sign-in screen with nothing of the last account left. */
export async function signOut(router: Router, pinia?: Pinia): Promise<void> {
  try {
    await useAuthStore(pinia).logout()
  } finally {
    clearSessionData(pinia)
    await router.replace({ name: 'sign-in' })
  }
}

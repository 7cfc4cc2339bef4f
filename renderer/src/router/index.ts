/**
 * Hash history: the app is served from file:// in Electron (where paths cannot be rewritten) and
 * over http in the end-to-end tests; both see the same URLs.
 */
import { createRouter, createWebHashHistory, type Router, type RouteLocationRaw } from 'vue-router'
import type { Permission } from '@contract/permissions'
import { useAuthStore } from '@/stores/auth'
import { allowedMenu } from './menu'
import { routes } from './routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    permission?: Permission
  }
}

export function installGuards(router: Router): void {
  router.beforeEach(async (to): Promise<boolean | RouteLocationRaw> => {
    const auth = useAuthStore()
    try {
      await auth.ensureLoaded()
    } catch {
      // No answer from main: the sign-in screen is the safest place to be, and it will say why.
      return to.name === 'sign-in' ? true : { name: 'sign-in' }
    }
    if (auth.needsSetup) return to.name === 'setup' ? true : { name: 'setup' }
    if (to.name === 'setup') return auth.signedIn ? { path: '/' } : { name: 'sign-in' }
    if (!auth.signedIn) return to.meta.public ? true : { name: 'sign-in' }
    if (to.meta.public) return { path: '/' }
    // The first entry the account may open that this router knows: 今日工作 in the app.
    const home = allowedMenu(auth.can).find((m) => router.hasRoute(m.name))?.path ?? '/settings'
    if (to.name === 'home') return { path: home }
    if (to.meta.permission && !auth.can(to.meta.permission)) return { path: home }
    return true
  })
}

export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHashHistory(), routes })
  installGuards(router)
  return router
}

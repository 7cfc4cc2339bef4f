/** 今日工作, the page every account lands on; merged by routes.ts and menu.ts. */
import type { RouteRecordRaw } from 'vue-router'
import type { MenuEntry } from '../menu-entry'

/** Children of the main layout (paths without a leading slash). */
export const routes: RouteRecordRaw[] = [
  // No permission: every account has a home page; each card checks the permission its data needs.
  { path: 'today', name: 'today', component: () => import('@/views/home/index.vue') },
]

export const menu: MenuEntry[] = [{ name: 'today', path: '/today', label: 'home.menu' }]

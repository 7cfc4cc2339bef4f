/** The admin module's screens and menu entries; merged by routes.ts and menu.ts. */
import type { RouteRecordRaw } from 'vue-router'
import type { MenuEntry } from '../menu-entry'

/** Children of the main layout (paths without a leading slash). */
export const routes: RouteRecordRaw[] = [
  {
    path: 'backups',
    name: 'backups',
    component: () => import('@/views/backups/index.vue'),
    meta: { permission: 'backups.create' },
  },
]

export const menu: MenuEntry[] = [
  { name: 'backups', path: '/backups', label: 'admin.backups.menu', permission: 'backups.create' },
]

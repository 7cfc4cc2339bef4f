/** The imports module's screens and menu entries; merged by routes.ts and menu.ts. */
import type { RouteRecordRaw } from 'vue-router'
import type { MenuEntry } from '../menu-entry'

/** Children of the main layout (paths without a leading slash). */
export const routes: RouteRecordRaw[] = [
  {
    path: 'import',
    name: 'import',
    component: () => import('@/views/import/index.vue'),
    meta: { permission: 'residents.import' },
  },
]

export const menu: MenuEntry[] = [
  { name: 'import', path: '/import', label: 'imports.menu', permission: 'residents.import' },
]

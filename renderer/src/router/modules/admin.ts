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
  {
    path: 'accounts',
    name: 'accounts',
    component: () => import('@/views/accounts/index.vue'),
    meta: { permission: 'accounts.manage' },
  },
  {
    path: 'audit',
    name: 'audit',
    component: () => import('@/views/audit/index.vue'),
    meta: { permission: 'audit.read' },
  },
  // Any signed-in account changes its own password (reached from the header, not the menu).
  { path: 'password', name: 'password', component: () => import('@/views/password/index.vue') },
]

export const menu: MenuEntry[] = [
  { name: 'backups', path: '/backups', label: 'admin.backups.menu', permission: 'backups.create' },
  { name: 'accounts', path: '/accounts', label: 'admin.accounts.menu', permission: 'accounts.manage' },
  { name: 'audit', path: '/audit', label: 'admin.audit.menu', permission: 'audit.read' },
]

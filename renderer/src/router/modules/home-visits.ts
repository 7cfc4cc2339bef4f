/** 送医送法上门's screen and menu entry; merged by routes.ts and menu.ts. */
import type { RouteRecordRaw } from 'vue-router'
import type { MenuEntry } from '../menu-entry'

export const routes: RouteRecordRaw[] = [
  {
    path: 'home-visits',
    name: 'home-visits',
    component: () => import('@/views/home-visits/index.vue'),
    meta: { permission: 'programmes.read' },
  },
]

export const menu: MenuEntry[] = [
  { name: 'home-visits', path: '/home-visits', label: 'appointments.menu', permission: 'programmes.read' },
]

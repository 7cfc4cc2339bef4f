/** 季评诚信's screen and menu entry; merged by routes.ts and menu.ts. */
import type { RouteRecordRaw } from 'vue-router'
import type { MenuEntry } from '../menu-entry'

export const routes: RouteRecordRaw[] = [
  {
    path: 'ratings',
    name: 'ratings',
    component: () => import('@/views/ratings/index.vue'),
    meta: { permission: 'programmes.read' },
  },
]

export const menu: MenuEntry[] = [
  { name: 'ratings', path: '/ratings', label: 'ratings.menu', permission: 'programmes.read' },
]

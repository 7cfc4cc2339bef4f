/** The programmes module's screens and menu entries; merged by routes.ts and menu.ts. */
import type { RouteRecordRaw } from 'vue-router'
import type { MenuEntry } from '../menu-entry'

/** Children of the main layout (paths without a leading slash). */
export const routes: RouteRecordRaw[] = [
  {
    path: 'programmes',
    name: 'programmes',
    component: () => import('@/views/programmes/index.vue'),
    meta: { permission: 'programmes.read' },
  },
  {
    path: 'programmes/:id(\\d+)',
    name: 'programme',
    component: () => import('@/views/programmes/ProgrammeDetail.vue'),
    meta: { permission: 'programmes.read' },
    props: (route) => ({ id: Number(route.params.id) }),
  },
  {
    path: 'programmes/sessions/:id(\\d+)/sign-in',
    name: 'programme-sign-in',
    component: () => import('@/views/programmes/SignInCounter.vue'),
    meta: { permission: 'programmes.read' },
    props: (route) => ({ id: Number(route.params.id) }),
  },
]

export const menu: MenuEntry[] = [
  { name: 'programmes', path: '/programmes', label: 'programmes.menu', permission: 'programmes.read' },
]

/** The visits module's screens and menu entries; merged by routes.ts and menu.ts. */
import type { RouteRecordRaw } from 'vue-router'
import type { MenuEntry } from '../menu-entry'

/** Children of the main layout (paths without a leading slash). */
export const routes: RouteRecordRaw[] = [
  {
    path: 'volunteers',
    name: 'volunteers',
    component: () => import('@/views/volunteers/index.vue'),
    meta: { permission: 'visits.read' },
  },
  {
    path: 'visit-people',
    name: 'visit-people',
    component: () => import('@/views/visits/PeopleView.vue'),
    meta: { permission: 'visits.read' },
  },
  {
    path: 'visit-plan',
    name: 'visit-plan',
    component: () => import('@/views/visits/PlanView.vue'),
    meta: { permission: 'visits.read' },
  },
  {
    path: 'visit-rules',
    name: 'visit-rules',
    component: () => import('@/views/visits/RulesView.vue'),
    meta: { permission: 'visits.plan' },
  },
]

export const menu: MenuEntry[] = [
  { name: 'visit-plan', path: '/visit-plan', label: 'visits.menu.plan', permission: 'visits.read' },
  { name: 'visit-people', path: '/visit-people', label: 'visits.menu.people', permission: 'visits.read' },
  { name: 'volunteers', path: '/volunteers', label: 'visits.menu.volunteers', permission: 'visits.read' },
  { name: 'visit-rules', path: '/visit-rules', label: 'visitAdmin.rules.menu', permission: 'visits.plan' },
]

import type { RouteRecordRaw } from 'vue-router'
import { routes as adminRoutes } from './modules/admin'
import { routes as importRoutes } from './modules/imports'
import { routes as programmeRoutes } from './modules/programmes'
import { routes as ratingRoutes } from './modules/ratings'
import { routes as homeVisitRoutes } from './modules/home-visits'
import { routes as todayRoutes } from './modules/home'
import { routes as visitRoutes } from './modules/visits'

/** Every screen is its own chunk; the first screen loads only what it shows. */
export const routes: RouteRecordRaw[] = [
  { path: '/setup', name: 'setup', component: () => import('@/views/setup/index.vue'), meta: { public: true } },
  { path: '/sign-in', name: 'sign-in', component: () => import('@/views/sign-in/index.vue'), meta: { public: true } },
  {
    path: '/',
    name: 'home',
    component: () => import('@/layouts/MainLayout.vue'),
    children: [
      ...todayRoutes,
      {
        path: 'residents',
        name: 'residents',
        component: () => import('@/views/residents/index.vue'),
        meta: { permission: 'residents.read' },
      },
      {
        path: 'residents/:id(\\d+)',
        name: 'resident',
        component: () => import('@/views/resident-detail/index.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { permission: 'residents.read' },
      },
      {
        path: 'places',
        name: 'places',
        component: () => import('@/views/places/index.vue'),
        meta: { permission: 'residents.read' },
      },
      {
        path: 'notices',
        name: 'notices',
        component: () => import('@/views/notices/index.vue'),
        meta: { permission: 'notices.read' },
      },
      {
        path: 'notices/:id(\\d+)',
        name: 'notice',
        component: () => import('@/views/notice-editor/index.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { permission: 'notices.read' },
      },
      {
        path: 'notice-templates',
        name: 'notice-templates',
        component: () => import('@/views/notice-templates/index.vue'),
        meta: { permission: 'notices.read' },
      },
      {
        path: 'party',
        name: 'party',
        component: () => import('@/views/party/index.vue'),
        meta: { permission: 'party.read' },
      },
      {
        path: 'meetings',
        name: 'meetings',
        component: () => import('@/views/meetings/index.vue'),
        meta: { permission: 'party.read' },
      },
      {
        path: 'meetings/:id(\\d+)',
        name: 'meeting',
        component: () => import('@/views/meeting-editor/index.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { permission: 'party.read' },
      },
      {
        path: 'compliance',
        name: 'compliance',
        component: () => import('@/views/compliance/index.vue'),
        meta: { permission: 'party.read' },
      },
      {
        path: 'print-log',
        name: 'print-log',
        component: () => import('@/views/print-log/index.vue'),
        meta: { permission: 'print.log' },
      },
      { path: 'settings', name: 'settings', component: () => import('@/views/settings/index.vue') },
      ...importRoutes,
      ...adminRoutes,
      ...programmeRoutes,
      ...ratingRoutes,
      ...homeVisitRoutes,
      ...visitRoutes,
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/**
 * The main menu: only screens that work, each behind the permission its data needs, in three
 * groups (residents and services; party work and notices; the system) so that a counter account's
 * screens fit beside a 768-pixel-high page (an administrator's longer menu scrolls).
 */
import type { Permission } from '@contract/permissions'
import type { MenuEntry } from './menu-entry'
import { menu as adminMenu } from './modules/admin'
import { menu as importMenu } from './modules/imports'
import { menu as programmeMenu } from './modules/programmes'
import { menu as ratingMenu } from './modules/ratings'
import { menu as homeVisitMenu } from './modules/home-visits'
import { menu as todayMenu } from './modules/home'
import { menu as visitMenu } from './modules/visits'

export type { MenuEntry } from './menu-entry'

export const MENU_GROUPS = ['people', 'party', 'system'] as const
export type MenuGroup = (typeof MENU_GROUPS)[number]
export interface GroupedMenuEntry extends MenuEntry {
  group: MenuGroup
}

const inGroup = (group: MenuGroup, entries: readonly MenuEntry[]): GroupedMenuEntry[] =>
  entries.map((entry) => ({ ...entry, group }))

export const MENU: readonly GroupedMenuEntry[] = [
  ...inGroup('people', [
    // First for everyone: the guard lands each account on the first entry it may open.
    ...todayMenu,
    { name: 'residents', path: '/residents', label: 'layout.menu.residents', permission: 'residents.read' },
    ...importMenu,
    { name: 'places', path: '/places', label: 'layout.menu.places', permission: 'residents.read' },
    ...programmeMenu,
    ...homeVisitMenu,
    ...ratingMenu,
    ...visitMenu,
  ]),
  ...inGroup('party', [
    { name: 'notices', path: '/notices', label: 'layout.menu.notices', permission: 'notices.read' },
    { name: 'party', path: '/party', label: 'layout.menu.party', permission: 'party.read' },
    { name: 'meetings', path: '/meetings', label: 'layout.menu.meetings', permission: 'party.read' },
    { name: 'compliance', path: '/compliance', label: 'layout.menu.compliance', permission: 'party.read' },
  ]),
  ...inGroup('system', [
    { name: 'print-log', path: '/print-log', label: 'layout.menu.printLog', permission: 'print.log' },
    ...adminMenu,
    { name: 'settings', path: '/settings', label: 'layout.menu.settings' },
  ]),
]

export function allowedMenu(can: (p: Permission) => boolean): GroupedMenuEntry[] {
  return MENU.filter((m) => !m.permission || can(m.permission))
}

/** The allowed entries by group, leaving out groups with nothing in them. */
export function menuByGroup(can: (p: Permission) => boolean): Array<{ group: MenuGroup; entries: GroupedMenuEntry[] }> {
  const allowed = allowedMenu(can)
  return MENU_GROUPS.map((group) => ({ group, entries: allowed.filter((e) => e.group === group) })).filter(
    (g) => g.entries.length > 0,
  )
}

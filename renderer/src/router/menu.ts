/** The main menu: only screens that work, each behind the permission its data needs. */
import type { Permission } from '@contract/permissions'
import type { MenuEntry } from './menu-entry'
import { menu as adminMenu } from './modules/admin'
import { menu as importMenu } from './modules/imports'
import { menu as programmeMenu } from './modules/programmes'
import { menu as visitMenu } from './modules/visits'

export type { MenuEntry } from './menu-entry'

export const MENU: readonly MenuEntry[] = [
  { name: 'residents', path: '/residents', label: 'layout.menu.residents', permission: 'residents.read' },
  ...importMenu,
  { name: 'places', path: '/places', label: 'layout.menu.places', permission: 'residents.read' },
  ...programmeMenu,
  ...visitMenu,
  { name: 'notices', path: '/notices', label: 'layout.menu.notices', permission: 'notices.read' },
  { name: 'party', path: '/party', label: 'layout.menu.party', permission: 'party.read' },
  { name: 'meetings', path: '/meetings', label: 'layout.menu.meetings', permission: 'party.read' },
  { name: 'compliance', path: '/compliance', label: 'layout.menu.compliance', permission: 'party.read' },
  { name: 'print-log', path: '/print-log', label: 'layout.menu.printLog', permission: 'print.log' },
  ...adminMenu,
  { name: 'settings', path: '/settings', label: 'layout.menu.settings' },
]

export function allowedMenu(can: (p: Permission) => boolean): MenuEntry[] {
  return MENU.filter((m) => !m.permission || can(m.permission))
}

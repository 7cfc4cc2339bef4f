/** The main menu: only screens that work, each behind the permission its data needs. */
import type { Permission } from '@contract/permissions'

export interface MenuEntry {
  name: 'residents' | 'places' | 'settings'
  path: string
  label: string
  /** Absent: any signed-in account. */
  permission?: Permission
}

export const MENU: readonly MenuEntry[] = [
  { name: 'residents', path: '/residents', label: 'layout.menu.residents', permission: 'residents.read' },
  { name: 'places', path: '/places', label: 'layout.menu.places', permission: 'residents.read' },
  { name: 'settings', path: '/settings', label: 'layout.menu.settings' },
]

export function allowedMenu(can: (p: Permission) => boolean): MenuEntry[] {
  return MENU.filter((m) => !m.permission || can(m.permission))
}

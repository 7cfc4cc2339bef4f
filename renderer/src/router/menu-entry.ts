import type { Permission } from '@contract/permissions'

export interface MenuEntry {
  /** Also the menu item's test id: `menu-<name>`. */
  name: string
  path: string
  /** An i18n key. */
  label: string
  /** Absent: any signed-in account. */
  permission?: Permission
}

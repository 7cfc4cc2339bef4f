/** Roles and what each may do. Every channel names one permission; the router checks it. */

export const ROLES = ['admin', 'staff', 'secretary', 'coordinator'] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  'residents.read',
  'residents.write',
  'residents.unmask',
  'places.write',
  'tags.write',
  'settings.write',
  'accounts.manage',
  'audit.read',
  'notices.read',
  'notices.write',
  'print.log',
  'party.read',
  'party.write',
  'residents.import',
  'lists.export',
  'backups.create',
  'backups.restore',
  'programmes.read',
  'programmes.write',
  'visits.read',
  'visits.write',
  'visits.plan',
] as const
export type Permission = (typeof PERMISSIONS)[number]

/**
 * `public`: allowed before sign-in (setup, sign-in itself); `signedIn`: any unlocked account.
 * Everything else is a named permission.
 */
export type Access = 'public' | 'signedIn' | Permission

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  staff: [
    'residents.read',
    'residents.write',
    'residents.unmask',
    'places.write',
    'tags.write',
    'notices.read',
    'notices.write',
    'print.log',
    'party.read',
    'residents.import',
    'lists.export',
    // A backup to the counter's USB stick; restoring replaces everyone's data, so admin only.
    'backups.create',
    'programmes.read',
    'programmes.write',
    // Staff enter major changes (a hospital stay) and log visits; the coordinator plans.
    'visits.read',
    'visits.write',
  ],
  // Secretaries look people up (to link party members) but do not keep resident files; they
  // write their branch's meeting notices.
  secretary: ['residents.read', 'notices.read', 'notices.write', 'party.read', 'party.write', 'lists.export'],
  // Coordinators plan visits: they read files, and see numbers only masked.
  coordinator: [
    'residents.read',
    'notices.read',
    'lists.export',
    'programmes.read',
    'visits.read',
    'visits.write',
    'visits.plan',
  ],
}

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]]
}

/** What the accounts and audit-log channels return (issue 4). */
import type { AccountDto, SessionDto } from './dto'

/** An account as the administrator's screen shows it. */
export interface ManagedAccountDto extends AccountDto {
  /** The password was given by an administrator and must be replaced at the next sign-in. */
  mustChangePassword: boolean
  /** Grids (places of kind `grid`) the account is limited to; empty: every grid. */
  gridIds: number[]
  gridNames: string[]
  /** Locked out after failed sign-ins until then (ISO), or null. */
  lockedUntil: string | null
  createdAt: string
}

/** A reset: the temporary password is in the reply only when main generated it, and only once. */
export interface PasswordResetDto {
  account: ManagedAccountDto
  temporaryPassword: string | null
}

/** A sign-in that replaced its temporary password: the session it opens. */
export type PasswordReplacedDto = SessionDto

/** What the audit log's filters offer: the kinds, actions and accounts that occur in it. */
export interface AuditFacetsDto {
  entities: string[]
  actions: string[]
  accounts: Array<{ id: number; displayName: string; username: string }>
}

/** An export of the audit log under the screen's filter, as base64 xlsx bytes. */
export interface AuditExportDto {
  fileName: string
  base64: string
  rows: number
}

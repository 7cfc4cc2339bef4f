import type { Role } from '../contract/permissions'

/** Who is acting. `null` for actions before sign-in (setup, a failed sign-in). */
export interface Actor {
  accountId: number
  role: Role
  displayName: string
}

/** Passed to every service call from the router: enough to write the audit row. */
export interface CallContext {
  actor: Actor | null
  channel: string
}

/** Calls from code (seeding, the benchmark) rather than from a person at the counter. */
export function systemContext(channel = 'system'): CallContext {
  return { actor: null, channel }
}

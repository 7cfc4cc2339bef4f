/**
 * Who is signed in, per window (keyed by the sender's id). Held in the main process only: the
 * renderer is told who it is, but a renderer cannot claim to be anyone.
 */
import type { Actor } from './context'

export interface Session {
  actor: Actor
  locked: boolean
}

export function createSessionStore() {
  const sessions = new Map<string, Session>()
  return {
    get: (sender: string): Session | null => sessions.get(sender) ?? null,
    set: (sender: string, session: Session) => void sessions.set(sender, session),
    clear: (sender: string) => void sessions.delete(sender),
    /** An account that is deactivated or changes role loses its open sessions. */
    clearAccount(accountId: number) {
      for (const [key, s] of sessions) if (s.actor.accountId === accountId) sessions.delete(key)
    },
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>

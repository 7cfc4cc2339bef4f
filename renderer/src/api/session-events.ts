/**
 * Notices that the main process ended or locked this window's session, whichever call found out.
 * The app reacts once, in one place (main.ts): a lock shows the overlay, a sign-out goes back to
 * the sign-in screen.
 */
import type { BridgeApi } from '@contract/api'
import type { Envelope } from '@contract/errors'

export type SessionEvent = 'locked' | 'signedOut'
type Listener = (event: SessionEvent) => void

const listeners = new Set<Listener>()

export function onSessionEvent(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

type BridgeMethod = (input?: unknown) => Promise<Envelope<unknown>>

/** Wraps every bridge method; the `auth` domain is left alone, where a refusal is an answer (wrong password), not news. */
export function watchSession(bridge: BridgeApi): BridgeApi {
  const out: Record<string, Record<string, BridgeMethod>> = {}
  for (const [domain, methods] of Object.entries(bridge as unknown as Record<string, Record<string, BridgeMethod>>)) {
    out[domain] = {}
    for (const [name, method] of Object.entries(methods)) {
      out[domain][name] = async (input?: unknown) => {
        const envelope = await method(input)
        if (!envelope.ok && domain !== 'auth') {
          if (envelope.error.code === 'LOCKED') listeners.forEach((l) => l('locked'))
          if (envelope.error.code === 'UNAUTHENTICATED') listeners.forEach((l) => l('signedOut'))
        }
        return envelope
      }
    }
  }
  return out as unknown as BridgeApi
}

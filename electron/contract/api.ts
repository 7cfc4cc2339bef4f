/**
 * The typed api object the renderer uses: `api.residents.list(query)`, built from the contract.
 *
 * Two layers, because Electron's contextBridge copies errors without their custom properties:
 *  - `createBridgeApi(transport)` is what the preload exposes as `window.station`. Its methods
 *    resolve to an {@link Envelope} and never throw, so the error payload survives the bridge.
 *    The end-to-end harness runs the very same preload bundle with another transport.
 *  - `unwrapApi(bridge)` runs in the renderer and turns a failed envelope into an {@link ApiError}.
 */
import { channels, type Channel, type InputOf, type ResultOf } from './channels'
import type { Envelope, ErrorPayload } from './errors'

export type Transport = (channel: Channel, input: unknown) => Promise<Envelope<unknown>>

/** Thrown in the renderer when a call fails; carries the payload to show next to the fields. */
export class ApiError extends Error {
  readonly payload: ErrorPayload
  constructor(payload: ErrorPayload) {
    super(payload.message)
    this.name = 'ApiError'
    this.payload = payload
  }
  get code() {
    return this.payload.code
  }
}

type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S
type DomainOf<C> = C extends `${infer D}:${string}` ? D : never
type Method<C extends Channel, Out> =
  undefined extends InputOf<C> ? (input?: InputOf<C>) => Promise<Out> : (input: InputOf<C>) => Promise<Out>

type ApiOf<Wrap extends 'plain' | 'envelope'> = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}:${infer V}` ? Camel<V> : never]: Method<
      C,
      Wrap extends 'plain' ? ResultOf<C> : Envelope<ResultOf<C>>
    >
  }
}

/** What the renderer calls: methods resolve to results and throw {@link ApiError}. */
export type StationApi = ApiOf<'plain'>
/** What crosses the context bridge as `window.station`. */
export type BridgeApi = ApiOf<'envelope'>

type AnyMethod = (input?: unknown) => Promise<unknown>
type Loose = Record<string, Record<string, AnyMethod>>

function camel(verb: string): string {
  return verb.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}

export function createBridgeApi(transport: Transport): BridgeApi {
  const api: Loose = {}
  for (const channel of Object.keys(channels) as Channel[]) {
    const [domain, verb] = channel.split(':') as [string, string]
    api[domain] ??= {}
    api[domain][camel(verb)] = async (input?: unknown) => {
      try {
        return await transport(channel, input)
      } catch {
        // A transport failure (window closing, main restarting) is an error like any other.
        return { ok: false, error: { code: 'INTERNAL', message: 'errors.transport' } }
      }
    }
  }
  return api as unknown as BridgeApi
}

export function unwrapApi(bridge: BridgeApi): StationApi {
  const api: Loose = {}
  for (const [domain, methods] of Object.entries(bridge as unknown as Loose)) {
    api[domain] = {}
    for (const [name, method] of Object.entries(methods)) {
      api[domain][name] = async (input?: unknown) => {
        const envelope = (await method(input)) as Envelope<unknown>
        if (!envelope.ok) throw new ApiError(envelope.error)
        return envelope.data
      }
    }
  }
  return api as unknown as StationApi
}

/** Both layers at once: for component tests and Node callers. */
export function createApi(transport: Transport): StationApi {
  return unwrapApi(createBridgeApi(transport))
}

/**
 * The typed api object the renderer uses: `api.residents.list(query)`. Built from the contract by a
 * factory that takes its transport, so the preload (Electron IPC), the end-to-end harness
 * (Playwright binding) and component tests (a fake) all share this one code path.
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
type Method<C extends Channel> = undefined extends InputOf<C>
  ? (input?: InputOf<C>) => Promise<ResultOf<C>>
  : (input: InputOf<C>) => Promise<ResultOf<C>>

export type StationApi = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}:${infer V}` ? Camel<V> : never]: Method<C>
  }
}

function camel(verb: string): string {
  return verb.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}

export function createApi(transport: Transport): StationApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of Object.keys(channels) as Channel[]) {
    const [domain, verb] = channel.split(':') as [string, string]
    api[domain] ??= {}
    api[domain][camel(verb)] = async (input?: unknown) => {
      const envelope = await transport(channel, input)
      if (!envelope.ok) throw new ApiError(envelope.error)
      return envelope.data
    }
  }
  return api as unknown as StationApi
}

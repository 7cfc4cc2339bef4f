/**
 * A fake main process for component tests: `window.station` built by the contract's own
 * `createBridgeApi`, over a transport that validates input with the channel's zod schema (as the
 * router does) and answers from per-test handlers. Import this module before any renderer module.
 */
import { createBridgeApi, type Transport } from '@contract/api'
import { channels, type Channel, type InputOf, type ParsedInputOf, type ResultOf } from '@contract/channels'
import { AppError, type Envelope } from '@contract/errors'

export type Handler<C extends Channel> = (input: ParsedInputOf<C>) => ResultOf<C> | Promise<ResultOf<C>>
export type Handlers = { [C in Channel]?: Handler<C> }

export interface Call {
  channel: Channel
  input: unknown
}

export const calls: Call[] = []
let handlers: Handlers = {}

export function setHandlers(next: Handlers): void {
  handlers = next
}

export function resetStation(next: Handlers = {}): void {
  calls.length = 0
  handlers = next
}

export function callsTo<C extends Channel>(channel: C): InputOf<C>[] {
  return calls.filter((c) => c.channel === channel).map((c) => c.input as InputOf<C>)
}

const transport: Transport = async (channel, input): Promise<Envelope<unknown>> => {
  calls.push({ channel, input })
  const parsed = channels[channel].input.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'errors.validation',
        fields: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      },
    }
  }
  const handler = handlers[channel] as ((input: unknown) => unknown) | undefined
  if (!handler) return { ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } }
  try {
    const data = await handler(parsed.data)
    return { ok: true, data: data === undefined ? null : JSON.parse(JSON.stringify(data)) }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toPayload() }
    throw error
  }
}

window.station = createBridgeApi(transport)

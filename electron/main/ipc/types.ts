import type { Channel, ParsedInputOf, ResultOf } from '../../contract/channels'
import type { CallContext } from '../../services/context'
import type { ServiceContainer } from '../../services/container'

/** What a handler receives besides its parsed input. */
export interface HandlerContext {
  call: CallContext
  /** The window the call came from: sessions are per window. */
  sender: string
  services: ServiceContainer
}

export type Handler<C extends Channel> = (
  input: ParsedInputOf<C>,
  ctx: HandlerContext,
) => Promise<ResultOf<C>> | ResultOf<C>

export type HandlerMap = { [C in Channel]: Handler<C> }

/** Handlers of one domain, e.g. every `residents:*` channel. */
export type DomainHandlers<D extends string> = {
  [C in Channel as C extends `${D}:${string}` ? C : never]: Handler<C>
}

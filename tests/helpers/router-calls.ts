/**
 * Calling the IPC router from an integration test as a window would: `call` expects success and
 * returns the data, `refusal` expects an error and returns its payload. The router is looked up at
 * each call, so a test file can build a fresh one per test.
 */
import type { ErrorPayload } from '../../electron/contract/errors'
import type { Router, SenderInfo } from '../../electron/main/ipc/router'

export const APP_URL = 'app://station/index.html'

export function routerCalls(current: () => Router) {
  return {
    async call<T>(sender: SenderInfo, channel: string, input?: unknown): Promise<T> {
      const envelope = await current().handle(sender, channel, input)
      if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`)
      return envelope.data as T
    },
    async refusal(sender: SenderInfo, channel: string, input?: unknown): Promise<ErrorPayload> {
      const envelope = await current().handle(sender, channel, input)
      if (envelope.ok) throw new Error(`${channel} unexpectedly succeeded`)
      return envelope.error
    },
  }
}

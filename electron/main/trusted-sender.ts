import type { SenderInfo } from './ipc/router'
import { isAppUrl } from './app-url'

export interface TrustPolicy {
  /** webContents ids of the app's own windows, as strings (the router's sender id). */
  windowIds: ReadonlySet<string>
  appUrl: string
}

/**
 * A call is trusted only from one of the app's own windows AND from a frame showing the app's own
 * page: an iframe or a page navigated elsewhere inside our window must not reach the services.
 */
export function isTrustedSender(sender: SenderInfo, policy: TrustPolicy): boolean {
  return policy.windowIds.has(sender.id) && isAppUrl(sender.url, policy.appUrl)
}

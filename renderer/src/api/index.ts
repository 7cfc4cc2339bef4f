/**
 * The one module that touches `window.station` (installed by the preload, or by the end-to-end
 * harness with another transport). Everything else imports `api` from here.
 */
import { unwrapApi } from '@contract/api'
import { watchSession } from './session-events'

export const api = unwrapApi(watchSession(window.station))

export { ApiError } from '@contract/api'
export { onSessionEvent } from './session-events'

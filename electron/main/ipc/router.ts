/**
 * The one IPC router: trusted-sender check → zod parse → permission → service → plain JSON.
 * No `electron` import: the Electron binding (ipc/bind-electron.ts) and the end-to-end harness both
 * call `handle`, and the router tests call it directly with a fake sender.
 */
import type { ZodError } from 'zod'
import { channels, isChannel, type Channel } from '../../contract/channels'
import { AppError, type Envelope, type FieldError } from '../../contract/errors'
import { roleHas } from '../../contract/permissions'
import type { ServiceContainer } from '../../services/container'
import type { CallContext } from '../../services/context'
import { adminHandlers } from './handlers/admin'
import { backupHandlers } from './handlers/backups'
import { authHandlers } from './handlers/auth'
import { exportHandlers } from './handlers/exports'
import { importHandlers } from './handlers/imports'
import { meetingHandlers } from './handlers/meetings'
import { noticeHandlers } from './handlers/notices'
import { partyHandlers } from './handlers/party'
import { printHandlers } from './handlers/print'
import { programmeHandlers } from './handlers/programmes'
import { ratingHandlers } from './handlers/ratings'
import { homeVisitHandlers } from './handlers/home-visits'
import { residentHandlers } from './handlers/residents'
import { settingsHandlers } from './handlers/settings'
import { visitHandlers } from './handlers/visits'
import type { Handler, HandlerMap } from './types'

export const handlers = {
  ...authHandlers,
  ...settingsHandlers,
  ...residentHandlers,
  ...noticeHandlers,
  ...printHandlers,
  ...partyHandlers,
  ...meetingHandlers,
  ...adminHandlers,
  ...backupHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...programmeHandlers,
  ...ratingHandlers,
  ...homeVisitHandlers,
  ...visitHandlers,
} satisfies HandlerMap

/** Who sent a call: the window's id and the URL of the frame that sent it. */
export interface SenderInfo {
  id: string
  url: string
}

export interface RouterOptions {
  isTrustedSender: (sender: SenderInfo) => boolean
  /** Where unexpected errors go; never given input values, which may hold ID numbers. */
  logError?: (channel: string, error: unknown) => void
}

/** Channels a locked session may still use: to unlock, to sign out, or to see that it is locked. */
const WHILE_LOCKED = new Set<Channel>(['auth:state', 'auth:unlock', 'auth:logout', 'auth:lock'])

function zodFields(error: ZodError): FieldError[] {
  const fields: FieldError[] = []
  const seen = new Set<string>()
  for (const issue of error.issues) {
    const field = {
      path: issue.path.map(String).join('.'),
      // Zod's own messages are English sentences; ours are i18n keys. Show ours, else a generic key.
      message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid',
    }
    // Zod runs later checks after a failed one (a bad format, then the date check): one message
    // per field and key is what the form shows.
    const key = `${field.path}\u0000${field.message}`
    if (!seen.has(key)) fields.push(field)
    seen.add(key)
  }
  return fields
}

export function createRouter(services: ServiceContainer, options: RouterOptions) {
  const table = handlers as HandlerMap

  async function handle(sender: SenderInfo, channelName: unknown, rawInput: unknown): Promise<Envelope<unknown>> {
    try {
      if (!options.isTrustedSender(sender)) throw new AppError('UNTRUSTED_SENDER', 'errors.untrustedSender')
      if (!isChannel(channelName)) throw new AppError('UNKNOWN_CHANNEL', 'errors.unknownChannel')
      const channel = channelName
      const def = channels[channel]
      const parsed = def.input.safeParse(rawInput)
      if (!parsed.success) throw new AppError('VALIDATION', 'errors.validation', { fields: zodFields(parsed.error) })

      const session = services.sessions.get(sender.id)
      if (def.access !== 'public') {
        if (!session) throw new AppError('UNAUTHENTICATED', 'errors.signedOut')
        if (session.locked && !WHILE_LOCKED.has(channel)) throw new AppError('LOCKED', 'errors.sessionLocked')
        if (def.access !== 'signedIn' && !roleHas(session.actor.role, def.access)) {
          throw new AppError('FORBIDDEN', 'errors.forbidden')
        }
      }
      const call: CallContext = { actor: session?.actor ?? null, channel }
      const handler = table[channel] as Handler<Channel>
      const result = await handler(parsed.data as never, { call, sender: sender.id, services })
      // A round trip through JSON guarantees plain data: no Sequelize instance, no Date object.
      return { ok: true, data: result === undefined ? null : JSON.parse(JSON.stringify(result)) }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toPayload() }
      options.logError?.(String(channelName), error)
      return { ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } }
    }
  }

  return { handle }
}

export type Router = ReturnType<typeof createRouter>

/**
 * Errors that cross the IPC bridge. Messages are i18n keys (`errors.*`, `validation.*`), never
 * sentences: the renderer translates them into the user's language, and the main process never has
 * to know which language the counter is using.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'LOCKED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  /** Full ID or mobile numbers found in a document; printing waits for the person to confirm. */
  | 'SENSITIVE_UNCONFIRMED'
  /** Something the PC lacks or refused: no print engine, a printer that failed, a full disk. */
  | 'UNAVAILABLE'
  | 'UNTRUSTED_SENDER'
  | 'UNKNOWN_CHANNEL'
  | 'INTERNAL'

export type MessageParams = Record<string, string | number>

/** One problem with one field of an input, addressed by its dotted path (`members.0.idNumber`). */
export interface FieldError {
  path: string
  message: string
  params?: MessageParams
}

/** The plain-JSON shape of every error the router returns. */
export interface ErrorPayload {
  code: ErrorCode
  message: string
  params?: MessageParams
  fields?: FieldError[]
}

/** Thrown by services and the router; serialised to an {@link ErrorPayload}. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly params?: MessageParams
  readonly fields?: FieldError[]

  constructor(code: ErrorCode, message: string, options: { params?: MessageParams; fields?: FieldError[] } = {}) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.params = options.params
    this.fields = options.fields
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message }
    if (this.params) payload.params = this.params
    if (this.fields) payload.fields = this.fields
    return payload
  }
}

/** A validation error on a single field, the most common case. */
export function fieldError(path: string, message: string, params?: MessageParams): AppError {
  return new AppError('VALIDATION', 'errors.validation', { fields: [{ path, message, params }] })
}

/** A record of this kind (`resident`, `slot` …) does not exist, or not for this account. */
export function notFoundError(what: string): AppError {
  return new AppError('NOT_FOUND', 'errors.notFound', { params: { what } })
}

/** What travels back over IPC: never a thrown error, whose properties Electron would strip. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload }

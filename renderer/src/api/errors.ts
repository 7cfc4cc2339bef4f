/**
 * Turns a failed call into what the user sees: messages next to the form's own fields, and one
 * toast for everything else (shown by `ui/show-error.ts`). Messages are i18n keys from the main
 * process or the shared schemas. No Element Plus here: the sign-in screen stays light.
 */
import { ApiError } from '@contract/api'
import type { ErrorPayload, MessageParams } from '@contract/errors'
import { i18n } from '@/i18n'

/** One problem with one field, still untranslated so it follows a change of language. */
export interface Problem {
  message: string
  params?: MessageParams
}
export type FieldProblems = Record<string, Problem>

export function payloadOf(error: unknown): ErrorPayload {
  if (error instanceof ApiError) return error.payload
  return { code: 'INTERNAL', message: 'errors.internal' }
}

/** The translated text of a problem; a key this version does not know falls back to a generic one. */
export function translateProblem(problem: Problem): string {
  const { t, te } = i18n.global
  let key = problem.message
  const params: Record<string, string | number> = { ...(problem.params ?? {}) }
  if (key === 'errors.badCredentials' && params.remaining !== undefined) key = 'errors.badCredentialsRemaining'
  // A duplicate found by the database's unique index (a race) carries no name to show.
  if ((key === 'validation.id.duplicate' || key === 'validation.id.duplicateArchived') && !params.name)
    key = `${key}Plain`
  if (typeof params.what === 'string' && te(`options.entity.${params.what}`))
    params.what = t(`options.entity.${params.what}`)
  if (!te(key)) key = key.startsWith('validation.') ? 'validation.invalid' : 'errors.internal'
  return t(key, params)
}

/** A non-blocking note on a saved file (`ResidentDto.warnings`). */
export function translateWarning(warning: string): string {
  const { t, te } = i18n.global
  return te(`warnings.${warning}`) ? t(`warnings.${warning}`) : warning
}

function mainMessage(payload: ErrorPayload): string {
  const { t, te } = i18n.global
  if (te(payload.message)) return translateProblem({ message: payload.message, params: payload.params })
  return te(`errors.code.${payload.code}`) ? t(`errors.code.${payload.code}`) : t('errors.internal')
}

export interface DescribedError {
  /** Problems for fields the form shows, keyed by path (`idNumber`, `members.0.name`). */
  fields: FieldProblems
  /** What is left for a toast, or null when the fields say it all. */
  toast: string | null
  code: ErrorPayload['code']
}

/** Splits an error between the form's fields (those named in `formFields`) and a toast. */
export function describeError(error: unknown, formFields: readonly string[] = []): DescribedError {
  const payload = payloadOf(error)
  const fields: FieldProblems = {}
  const leftovers: string[] = []
  for (const f of payload.fields ?? []) {
    const path = formFields.includes(f.path) ? f.path : formFields.find((name) => f.path.startsWith(`${name}.`))
    if (path !== undefined) {
      fields[path] ??= { message: f.message, params: f.params }
    } else {
      leftovers.push(translateProblem(f))
    }
  }
  const handled = Object.keys(fields).length > 0 && leftovers.length === 0
  const toast = handled ? null : leftovers.length ? leftovers.join('；') : mainMessage(payload)
  return { fields, toast, code: payload.code }
}

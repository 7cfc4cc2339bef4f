/** Zod issues as field problems: our messages are i18n keys; zod's own English ones become generic. */
import type { ZodError } from 'zod'
import type { FieldProblems } from '@/api/errors'

export function zodProblems(error: ZodError): FieldProblems {
  const out: FieldProblems = {}
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.')
    out[path] ??= { message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid' }
  }
  return out
}

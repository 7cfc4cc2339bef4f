import { describeError, type FieldProblems } from '@/api/errors'
import { toastError } from './feedback'

/**
 * Shows an error: field problems are returned for the form, the rest is toasted. A lock is not
 * toasted: the lock overlay already says so.
 */
export function showError(error: unknown, formFields: readonly string[] = []): FieldProblems {
  const described = describeError(error, formFields)
  if (described.toast && described.code !== 'LOCKED') toastError(described.toast)
  return described.fields
}

import type { Ref } from 'vue'
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

/**
 * Runs one action of a screen with `busy` set (buttons disabled), showing any error the usual
 * way; resolves to whether it succeeded. One place for the try/catch/finally every editor needs.
 */
export async function whileBusy(busy: Ref<boolean>, action: () => Promise<unknown>): Promise<boolean> {
  busy.value = true
  try {
    await action()
    return true
  } catch (error) {
    showError(error)
    return false
  } finally {
    busy.value = false
  }
}

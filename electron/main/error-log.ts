/**
 * The main process's log of unexpected errors, in the data folder where support will look for it.
 * It never receives input values, and long digit runs are blanked from what it does receive: a
 * driver's message could still quote an ID or a mobile number.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const LOG_FILE_NAME = 'main.log'
const MAX_BYTES = 1024 * 1024

/** Six or more digits (half- or full-width), with an ID number's trailing X. */
export function redactNumbers(text: string): string {
  return text.replace(/[0-9０-９]{6,}[Xx]?/g, '[…]')
}

/** One entry: time, where, and the error's name, message and stack; nothing else of the error. */
export function formatLogEntry(time: Date, where: string, error: unknown): string {
  const err = error instanceof Error ? error : null
  const head = err ? `${err.name}: ${err.message}` : String(error)
  const stack = err?.stack ? err.stack.split('\n').slice(1).join('\n') : ''
  return redactNumbers(`[${time.toISOString()}] ${where} ${head}${stack ? `\n${stack}` : ''}`) + '\n'
}

export type ErrorLog = (where: string, error: unknown) => void

/** Appends to `<dataDir>/logs/main.log`, keeping one previous file of at most 1 MB. */
export function createErrorLog(dataDir: string, now: () => Date = () => new Date()): ErrorLog {
  const dir = join(dataDir, 'logs')
  const file = join(dir, LOG_FILE_NAME)
  return (where, error) => {
    try {
      mkdirSync(dir, { recursive: true })
      try {
        if (statSync(file).size > MAX_BYTES) renameSync(file, `${file}.1`)
      } catch {
        // No log yet.
      }
      appendFileSync(file, formatLogEntry(now(), where, error))
    } catch {
      // A log that cannot be written must not take the app down with it.
    }
  }
}

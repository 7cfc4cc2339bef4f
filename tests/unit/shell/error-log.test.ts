import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createErrorLog, formatLogEntry, redactNumbers } from '../../../electron/main/error-log'

let dir = ''
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = ''
})

describe('error log', () => {
  it('blanks ID and mobile numbers, keeps short numbers', () => {
    expect(redactNumbers('dup 11010519491231002X and 13812345678 at line 42')).toBe('dup […] and […] at line 42')
    expect(redactNumbers('全角 １１０１０５１９４９１２３１００２x')).toBe('全角 […]')
  })

  it('writes time, place and error, never extra properties of the error', () => {
    const error = Object.assign(new Error('UNIQUE constraint failed: residents.id_number'), {
      parameters: ['11010519491231002X'],
      sql: "INSERT ... VALUES ('11010519491231002X')",
    })
    const entry = formatLogEntry(new Date('2025-01-02T03:04:05Z'), 'residents:create', error)
    expect(entry.startsWith('[2025-01-02T03:04:05.000Z] residents:create Error: UNIQUE constraint failed')).toBe(true)
    expect(entry).not.toContain('1101051949')
    expect(entry).not.toContain('INSERT')
  })

  it('appends to logs/main.log in the data folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'station-log-'))
    const log = createErrorLog(dir, () => new Date('2025-01-01T00:00:00Z'))
    log('a:b', new Error('first'))
    log('c:d', 'second')
    const text = readFileSync(join(dir, 'logs', 'main.log'), 'utf8')
    expect(text).toContain('a:b Error: first')
    expect(text).toContain('c:d second')
  })

  it('never throws when the log cannot be written', () => {
    dir = mkdtempSync(join(tmpdir(), 'station-log-'))
    writeFileSync(join(dir, 'logs'), 'a file where the folder should be')
    expect(() => createErrorLog(dir)('x', new Error('y'))).not.toThrow()
  })
})

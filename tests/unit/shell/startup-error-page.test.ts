import { describe, expect, it } from 'vitest'
import { DatabaseOpenError } from '../../../database/connection'
import {
  actionOf,
  describeStartupFailure,
  escapeHtml,
  STARTUP_ACTIONS,
  startupErrorHtml,
  startupErrorUrl,
  type StartupProblem,
} from '../../../electron/main/startup-error-page'

const problems: StartupProblem[] = [
  'notDatabase',
  'corrupt',
  'locked',
  'unreadable',
  'tooNew',
  'migrationFailed',
  'unknown',
]
const location = 'D:\\社区数据\\station.sqlite3'

describe('startup-error page', () => {
  it.each(problems)('explains %s in Chinese then English, with the path and the actions', (problem) => {
    const html = startupErrorHtml({ problem, location, dataDir: 'D:\\社区数据' })
    expect(html).toContain(escapeHtml(location))
    expect(html).toMatch(/[\u4e00-\u9fff]/)
    const zh = html.search(/<h1>[^<]*[\u4e00-\u9fff]/)
    const en = html.search(/<p class="en">[A-Za-z]/)
    expect(zh).toBeGreaterThan(0)
    expect(en).toBeGreaterThan(zh)
    expect(html).toContain(STARTUP_ACTIONS.openFolder)
    expect(html).toContain(STARTUP_ACTIONS.quit)
    expect(html).not.toMatch(/<script/i)
  })

  it('gives each problem its own advice', () => {
    const pages = problems.map((problem) => startupErrorHtml({ problem, location, dataDir: '/d' }))
    expect(new Set(pages).size).toBe(problems.length)
    expect(startupErrorHtml({ problem: 'locked', location, dataDir: '/d' })).toContain('关闭')
    expect(startupErrorHtml({ problem: 'tooNew', location, dataDir: '/d' })).toContain('Install the newer version')
    expect(startupErrorHtml({ problem: 'corrupt', location, dataDir: '/d' })).toContain('Restore a backup')
    expect(startupErrorHtml({ problem: 'migrationFailed', location, dataDir: '/d' })).toContain('call support')
  })

  it('offers "try again" only where waiting can help', () => {
    expect(startupErrorHtml({ problem: 'locked', location, dataDir: '/d' })).toContain(STARTUP_ACTIONS.retry)
    expect(startupErrorHtml({ problem: 'corrupt', location, dataDir: '/d' })).not.toContain(STARTUP_ACTIONS.retry)
  })

  it('escapes every interpolated value', () => {
    const nasty = '/tmp/<img src=x onerror=alert(1)>/"quoted"&\'.sqlite3'
    const html = startupErrorHtml({
      problem: 'unknown',
      location: nasty,
      dataDir: '<b>dir</b>',
      detail: '<script>x</script>',
    })
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>dir')
    expect(html).not.toContain('<script>x')
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;/&#34;quoted&#34;&#38;&#39;.sqlite3')
  })

  it('carries the page in a data: URL that decodes to the same HTML', () => {
    const failure = { problem: 'corrupt' as const, location, dataDir: '/d' }
    const url = startupErrorUrl(failure)
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true)
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')).toBe(startupErrorHtml(failure))
  })

  it('maps a DatabaseOpenError and any other error to a failure', () => {
    const fromDb = describeStartupFailure(
      new DatabaseOpenError('locked', '/d/station.sqlite3', 'SQLITE_BUSY'),
      '/d',
      '/d/x',
    )
    expect(fromDb).toEqual({ problem: 'locked', location: '/d/station.sqlite3', dataDir: '/d', detail: 'SQLITE_BUSY' })
    const other = describeStartupFailure(new TypeError('boom'), '/d', '/d/station.sqlite3')
    expect(other).toEqual({
      problem: 'unknown',
      location: '/d/station.sqlite3',
      dataDir: '/d',
      detail: 'TypeError: boom',
    })
  })

  it('recognises its action links and nothing else', () => {
    expect(actionOf(STARTUP_ACTIONS.quit)).toBe('quit')
    expect(actionOf(STARTUP_ACTIONS.openFolder)).toBe('openFolder')
    expect(actionOf('https://station.invalid/format-disk')).toBeNull()
  })
})

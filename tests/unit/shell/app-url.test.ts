import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { isAppUrl, rendererUrl } from '../../../electron/main/app-url'
import { databaseUrl, dataDirectory } from '../../../electron/main/paths'
import { isTrustedSender } from '../../../electron/main/trusted-sender'

const mainDir = join('/opt', 'station', 'out', 'main')
const builtUrl = pathToFileURL(join('/opt', 'station', 'out', 'renderer', 'index.html')).href

describe('rendererUrl', () => {
  it('is the built index.html next to out/main', () => {
    expect(rendererUrl({ env: {}, isPackaged: false, mainDir })).toBe(builtUrl)
  })
  it('is the dev server in development', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(rendererUrl({ env, isPackaged: false, mainDir })).toBe('http://localhost:5173')
  })
  it('ignores the dev variable in a packaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'https://evil.example' }
    expect(rendererUrl({ env, isPackaged: true, mainDir })).toBe(builtUrl)
  })
})

describe('isAppUrl', () => {
  it('accepts the built file with a router hash or query', () => {
    expect(isAppUrl(builtUrl, builtUrl)).toBe(true)
    expect(isAppUrl(`${builtUrl}#/residents?q=zs`, builtUrl)).toBe(true)
    expect(isAppUrl(`${builtUrl}?lang=en`, builtUrl)).toBe(true)
  })
  it('refuses another file, another scheme, and garbage', () => {
    expect(isAppUrl(pathToFileURL('/opt/station/out/renderer/other.html').href, builtUrl)).toBe(false)
    expect(isAppUrl(pathToFileURL('/tmp/index.html').href, builtUrl)).toBe(false)
    expect(isAppUrl('https://example.com/index.html', builtUrl)).toBe(false)
    expect(isAppUrl('data:text/html,<h1>x</h1>', builtUrl)).toBe(false)
    expect(isAppUrl('', builtUrl)).toBe(false)
    expect(isAppUrl('not a url', builtUrl)).toBe(false)
  })
  it('tolerates percent-encoding and a drive letter in another case (Windows)', () => {
    const app = 'file:///C:/Program%20Files/%E7%A4%BE%E5%8C%BA/out/renderer/index.html'
    expect(isAppUrl('file:///c:/Program Files/社区/out/renderer/index.html#/', app)).toBe(true)
    expect(isAppUrl('file:///D:/Program%20Files/%E7%A4%BE%E5%8C%BA/out/renderer/index.html', app)).toBe(false)
  })
  it('refuses a file on a network share that only looks alike', () => {
    expect(isAppUrl('file://server/opt/station/out/renderer/index.html', builtUrl)).toBe(false)
  })
  it('compares origins for the dev server', () => {
    const dev = 'http://localhost:5173'
    expect(isAppUrl('http://localhost:5173/#/residents', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false)
  })
})

describe('isTrustedSender', () => {
  const policy = { windowIds: new Set(['1']), appUrl: builtUrl }
  it('trusts the app window showing the app page', () => {
    expect(isTrustedSender({ id: '1', url: `${builtUrl}#/` }, policy)).toBe(true)
  })
  it('refuses an unknown webContents id', () => {
    expect(isTrustedSender({ id: '2', url: builtUrl }, policy)).toBe(false)
  })
  it('refuses a foreign URL in a known window (navigated away, or an iframe)', () => {
    expect(isTrustedSender({ id: '1', url: 'https://evil.example/' }, policy)).toBe(false)
    expect(isTrustedSender({ id: '1', url: '' }, policy)).toBe(false)
  })
})

describe('dataDirectory', () => {
  it('uses STATION_DATA_DIR when set', () => {
    expect(dataDirectory({ STATION_DATA_DIR: '/srv/station' }, '/home/u/.config/app')).toBe('/srv/station')
  })
  it('else a data folder in userData', () => {
    expect(dataDirectory({}, '/home/u/.config/app')).toBe(join('/home/u/.config/app', 'data'))
    expect(dataDirectory({ STATION_DATA_DIR: '  ' }, '/home/u/.config/app')).toBe(join('/home/u/.config/app', 'data'))
  })
})

describe('databaseUrl', () => {
  it('takes a postgres URL from STATION_DATABASE_URL and nothing else', () => {
    expect(databaseUrl({ STATION_DATABASE_URL: ' postgres://station@db/street ' })).toBe('postgres://station@db/street')
    expect(databaseUrl({ STATION_DATABASE_URL: 'postgresql://db/x' })).toBe('postgresql://db/x')
    expect(databaseUrl({ STATION_DATABASE_URL: 'mysql://db/x' })).toBeUndefined()
    expect(databaseUrl({})).toBeUndefined()
  })
})

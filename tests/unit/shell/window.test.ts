import { beforeEach, describe, expect, it, vi } from 'vitest'
import { pathToFileURL } from 'node:url'
import { fakeEvent, resetFake, type FakeBrowserWindow, type FakeElectronState } from './fake-electron'

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule))

const { createMainWindow, bringToFront } = await import('../../../electron/main/window')
const { applySessionSecurity, contentSecurityPolicy } = await import('../../../electron/main/session-security')
const { installApplicationMenu } = await import('../../../electron/main/menu')
const electron = (await import('electron')) as unknown as typeof import('./fake-electron').electronModule

const appUrl = pathToFileURL('/opt/station/out/renderer/index.html').href
let state: FakeElectronState
beforeEach(() => {
  state = resetFake()
})

function open(): FakeBrowserWindow {
  createMainWindow({ appUrl, preloadPath: '/opt/station/out/preload/index.cjs', title: '社区党群服务中心' })
  return state.windows.at(-1)!
}

describe('main window', () => {
  it('is created with secure webPreferences and the sandboxed preload', () => {
    const win = open()
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    })
    expect(String(win.options.webPreferences?.preload)).toMatch(/preload[\\/]index\.cjs$/)
  })

  it('is 1366×768 with a 1024×700 minimum, hidden until ready, titled with the product name', () => {
    const win = open()
    expect(win.options).toMatchObject({
      width: 1366,
      height: 768,
      minWidth: 1024,
      minHeight: 700,
      show: false,
      title: '社区党群服务中心',
    })
    expect(win.visible).toBe(false)
    win.emit('ready-to-show')
    expect(win.visible).toBe(true)
    expect(win.maximized).toBe(false)
    expect(win.loadedUrls).toEqual([appUrl])
  })

  it('opens maximised where the screen is smaller than the default size', () => {
    state.workArea = { width: 1366, height: 728 }
    const win = open()
    expect(win.options).toMatchObject({ width: 1366, height: 728 })
    win.emit('ready-to-show')
    expect(win.maximized).toBe(true)
  })

  it('refuses navigation to any other page, allows its own', () => {
    const contents = open().webContents
    expect(contents.navigate('https://example.com/')).toBe(false)
    expect(contents.navigate(pathToFileURL('/etc/passwd').href)).toBe(false)
    expect(contents.navigate(`${appUrl}#/residents`)).toBe(true)
    const redirect = fakeEvent('https://example.com/')
    contents.emit('will-redirect', redirect, redirect.url)
    expect(redirect.defaultPrevented).toBe(true)
  })

  it('denies window.open and webviews', () => {
    const contents = open().webContents
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: appUrl })).toEqual({ action: 'deny' })
    const attach = fakeEvent()
    contents.emit('will-attach-webview', attach)
    expect(attach.defaultPrevented).toBe(true)
  })

  it('brings a minimised window back to the front', () => {
    const win = open()
    win.minimized = true
    bringToFront(win as never)
    expect(win.isMinimized()).toBe(false)
    expect(win.visible).toBe(true)
    expect(win.focused).toBe(true)
    expect(() => bringToFront(null)).not.toThrow()
  })
})

describe('session security', () => {
  it('denies every permission request and check', () => {
    applySessionSecurity(electron.session.defaultSession as never, appUrl)
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      state.permissionRequestHandler?.({}, permission, (granted: boolean) => answers.push(granted), {})
    }
    expect(answers).toEqual([false, false, false, false, false])
    expect(state.permissionCheckHandler?.({}, 'media', appUrl, {})).toBe(false)
  })

  it('sends a strict CSP with http(s) pages and leaves file:// alone', () => {
    applySessionSecurity(electron.session.defaultSession as never, 'http://localhost:5173')
    let response: { responseHeaders?: Record<string, string[]> } = {}
    state.headersReceived?.(
      {
        url: 'http://localhost:5173/',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'X-A': ['1'] },
      },
      (r) => (response = r as typeof response),
    )
    expect(response.responseHeaders?.['X-A']).toEqual(['1'])
    expect(response.responseHeaders?.['content-security-policy']).toBeUndefined()
    const csp = response.responseHeaders?.['Content-Security-Policy']?.[0] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain('ws://localhost:5173')
    state.headersReceived?.({ url: appUrl, responseHeaders: {} }, (r) => (response = r as typeof response))
    expect(response).toEqual({})
  })

  it('never allows eval or inline scripts', () => {
    for (const csp of [contentSecurityPolicy(appUrl), contentSecurityPolicy('http://localhost:5173')]) {
      expect(csp).not.toContain('unsafe-eval')
      expect(csp).toMatch(/script-src 'self'(;|$)/)
      expect(csp).toContain("object-src 'none'")
    }
  })
})

describe('application menu', () => {
  it('has no menu bar on Windows and Linux (Chromium handles Ctrl+C/V in fields there)', () => {
    installApplicationMenu('win32')
    installApplicationMenu('linux')
    expect(state.menus).toEqual([null, null])
  })
  it('keeps the edit menu on macOS, where copy and paste go through it', () => {
    installApplicationMenu('darwin')
    expect(state.menus).toEqual([[{ role: 'appMenu' }, { role: 'editMenu' }]])
  })
})

/**
 * The real entry (electron/main/index.ts) against the fake `electron` module and a real database
 * in a temp data folder: lifecycle, the single-instance lock, IPC end to end, and the startup
 * error window for a damaged file.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { IPC_INVOKE } from '../../../electron/contract/channels'
import type { Envelope } from '../../../electron/contract/errors'
import { STARTUP_ACTIONS } from '../../../electron/main/startup-error-page'
import { resetFake, type FakeElectronState } from './fake-electron'

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule))

const appUrl = pathToFileURL(resolve(__dirname, '../../../electron/renderer/index.html')).href
let state: FakeElectronState
let dataDir: string

async function startApp(): Promise<void> {
  vi.resetModules()
  const entry = await import('../../../electron/main/index')
  await entry.ready
}

async function quitApp(): Promise<void> {
  state.appEvents.emit('window-all-closed')
  await vi.waitFor(() => expect(state.quitCalls).toBe(1))
}

beforeEach(() => {
  state = resetFake()
  dataDir = mkdtempSync(join(tmpdir(), 'station-shell-'))
  vi.stubEnv('STATION_DATA_DIR', dataDir)
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
})
afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('main entry', () => {
  it('quits at once when another instance holds the lock, without touching the database', async () => {
    state.gotLock = false
    await startApp()
    expect(state.quitCalls).toBe(1)
    expect(state.windows).toHaveLength(0)
    expect(state.ipcHandlers.size).toBe(0)
    expect(readdirSync(dataDir)).toEqual([])
  })

  it('opens the database, binds IPC and shows the secure main window', async () => {
    await startApp()
    expect(existsSync(join(dataDir, 'station.sqlite3'))).toBe(true)
    expect(state.windows).toHaveLength(1)
    const win = state.windows[0]!
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(String(win.options.webPreferences?.preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(win.loadedUrls).toEqual([appUrl])
    expect(win.webContents.navigate('https://example.com/')).toBe(false)
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(state.permissionRequestHandler).not.toBeNull()
    expect(state.menus).toEqual([process.platform === 'darwin' ? expect.any(Array) : null])

    const invoke = state.ipcHandlers.get(IPC_INVOKE)!
    const own = { sender: { id: win.webContents.id }, senderFrame: { url: `${appUrl}#/` } }
    const info = (await invoke(own, 'auth:state', undefined)) as Envelope<{ needsSetup: boolean }>
    expect(info).toMatchObject({ ok: true, data: { needsSetup: true } })
    const stranger = { sender: { id: win.webContents.id + 100 }, senderFrame: { url: appUrl } }
    const refused = (await invoke(stranger, 'auth:state', undefined)) as Envelope<unknown>
    expect(refused.ok).toBe(false)

    await quitApp()
  })

  it('empties print-tmp at start and gives the container the print host', async () => {
    mkdirSync(join(dataDir, 'print-tmp'))
    writeFileSync(join(dataDir, 'print-tmp', 'print-left-over.html'), '<p>王小明</p>')
    state.printers = [{ name: 'HP_LaserJet_1020', displayName: 'HP LaserJet 1020', description: '', options: {} }]
    await startApp()
    expect(existsSync(join(dataDir, 'print-tmp', 'print-left-over.html'))).toBe(false)

    const win = state.windows[0]!
    const invoke = state.ipcHandlers.get(IPC_INVOKE)!
    const own = { sender: { id: win.webContents.id }, senderFrame: { url: appUrl } }
    const setup = (await invoke(own, 'auth:setup', {
      username: 'admin',
      displayName: '管理员',
      password: 'secret123',
    })) as Envelope<unknown>
    expect(setup.ok).toBe(true)
    const printers = (await invoke(own, 'print:printers', undefined)) as Envelope<{ printers: unknown[] }>
    expect(printers).toMatchObject({
      ok: true,
      data: { printers: [{ name: 'HP_LaserJet_1020', displayName: 'HP LaserJet 1020', isDefault: false }] },
    })
    // Listed through the app window's web contents, not a window of its own.
    expect(state.printerQueries).toEqual([win.webContents.id])
    expect(state.windows).toHaveLength(1)
    await quitApp()
  })

  it('brings the window forward when a second instance starts', async () => {
    await startApp()
    const win = state.windows[0]!
    win.minimized = true
    state.appEvents.emit('second-instance')
    expect(win.minimized).toBe(false)
    expect(win.focused).toBe(true)
    await quitApp()
  })

  it('forgets the window and its sign-in when it closes, then closes the database and quits', async () => {
    await startApp()
    const win = state.windows[0]!
    const invoke = state.ipcHandlers.get(IPC_INVOKE)!
    const own = { sender: { id: win.webContents.id }, senderFrame: { url: appUrl } }
    const setup = (await invoke(own, 'auth:setup', {
      username: 'admin',
      displayName: '管理员',
      password: 'secret123',
    })) as Envelope<unknown>
    expect(setup.ok).toBe(true)
    win.close()
    const after = (await invoke(own, 'auth:state', undefined)) as Envelope<unknown>
    expect(after).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    await quitApp()
    // Quitting leaves a checked backup of the day's work beside the daily one.
    const backups = readdirSync(join(dataDir, 'backups'))
    expect(backups.filter((n) => /^station-quit-\d{8}-\d{6}\.sqlite3$/.test(n))).toHaveLength(1)
    expect(backups.filter((n) => n.startsWith('station-daily-'))).toHaveLength(1)
  })

  it('shows the startup-error window for a garbage database file and leaves it byte for byte', async () => {
    const file = join(dataDir, 'station.sqlite3')
    const garbage = randomBytes(8192)
    writeFileSync(file, garbage)

    await startApp()

    expect(state.ipcHandlers.size).toBe(0)
    expect(state.windows).toHaveLength(1)
    const win = state.windows[0]!
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(win.options.webPreferences?.preload).toBeUndefined()
    const url = win.loadedUrls[0] ?? ''
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true)
    const html = Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')
    expect(html).toContain(file)
    expect(html).toContain('数据文件无法识别')
    expect(html).toContain('problem: notDatabase')
    win.emit('ready-to-show')
    expect(win.visible).toBe(true)

    expect(readFileSync(file).equals(garbage)).toBe(true)
    expect(existsSync(`${file}-wal`)).toBe(false)
    expect(existsSync(`${file}-shm`)).toBe(false)
    expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toContain('startup DatabaseOpenError')

    // Its links are actions, never navigations.
    expect(win.webContents.navigate(STARTUP_ACTIONS.openFolder)).toBe(false)
    expect(state.shownInFolder).toEqual([file])
    expect(win.webContents.navigate('https://example.com/')).toBe(false)
    expect(state.quitCalls).toBe(0)
    expect(win.webContents.navigate(STARTUP_ACTIONS.quit)).toBe(false)
    expect(state.quitCalls).toBe(1)
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
  })

  it('offers a retry that relaunches when the file is locked or unreadable', async () => {
    // A folder where the database file should be: it cannot be read as a file.
    mkdirSync(join(dataDir, 'station.sqlite3'))
    await startApp()
    const win = state.windows[0]!
    const html = Buffer.from(win.loadedUrls[0]!.split(',')[1]!, 'base64').toString('utf8')
    expect(html).toContain(STARTUP_ACTIONS.retry)
    expect(win.webContents.navigate(STARTUP_ACTIONS.retry)).toBe(false)
    expect(state.relaunchCalls).toBe(1)
    expect(state.quitCalls).toBe(1)
  })
})

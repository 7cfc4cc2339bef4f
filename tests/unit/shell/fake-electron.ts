/**
 * A fake `electron` module for the shell tests: it records what the main process asks of Electron
 * (windows and their options, IPC handlers, app events, menus, session handlers, bridge calls,
 * print jobs, save dialogs) and lets a test play Electron's part (emit an event, invoke a handler,
 * answer a print job or a dialog).
 *
 * Use: `vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule))`.
 * The state lives on globalThis so that a module re-imported after `vi.resetModules()` still
 * talks to the instance the test holds.
 */
type Listener = (...args: unknown[]) => unknown

class Emitter {
  readonly listeners = new Map<string, Listener[]>()
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(event, wrapped)
      return listener(...args)
    }
    return this.on(event, wrapped)
  }
  off(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    )
    return this
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args)
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0
  }
}

/** An event whose default a listener may prevent, like Electron's. */
export interface FakeEvent {
  url?: string
  defaultPrevented: boolean
  preventDefault(): void
}
export function fakeEvent(url?: string): FakeEvent {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

export interface WindowOpenResponse {
  action: string
}

export type PrintCallback = (success: boolean, failureReason: string) => void

export class FakeWebContents extends Emitter {
  windowOpenHandler: ((details: { url: string }) => WindowOpenResponse) | null = null
  constructor(readonly id: number) {
    super()
  }
  getPrintersAsync(): Promise<FakePrinterInfo[]> {
    fake().printerQueries.push(this.id)
    return Promise.resolve(fake().printers.map((p) => ({ ...p })))
  }
  printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    fake().pdfCalls.push({ contentsId: this.id, options })
    return fake().printToPdf(this)
  }
  print(options: Record<string, unknown>, callback?: PrintCallback): void {
    fake().printCalls.push({ contentsId: this.id, options })
    const answer = fake().printAnswer
    if (answer === 'never') return
    setTimeout(() => callback?.(answer.success, answer.failureReason), 0)
  }
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void {
    this.windowOpenHandler = handler
  }
  /** Plays a navigation the page starts; returns whether the app let it go ahead. */
  navigate(url: string): boolean {
    const event = fakeEvent(url)
    this.emit('will-navigate', event, url)
    return !event.defaultPrevented
  }
}

export type WindowOptions = Record<string, unknown> & { webPreferences?: Record<string, unknown> }

export class FakeBrowserWindow extends Emitter {
  readonly webContents: FakeWebContents
  readonly loadedUrls: string[] = []
  visible = false
  maximized = false
  minimized = false
  focused = false
  destroyed = false
  constructor(readonly options: WindowOptions) {
    super()
    const state = fake()
    this.webContents = new FakeWebContents(state.nextWebContentsId++)
    state.windows.push(this)
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url)
    return Promise.resolve()
  }
  readonly loadedFiles: string[] = []
  loadFile(path: string): Promise<void> {
    this.loadedFiles.push(path)
    return Promise.resolve(fake().onLoadFile(this, path))
  }
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('closed')
  }
  show(): void {
    this.visible = true
  }
  maximize(): void {
    this.maximized = true
  }
  isMinimized(): boolean {
    return this.minimized
  }
  restore(): void {
    this.minimized = false
  }
  isVisible(): boolean {
    return this.visible
  }
  focus(): void {
    this.focused = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** Plays the user closing the window. */
  close(): void {
    this.destroyed = true
    this.emit('closed')
  }
}

export type IpcInvokeHandler = (event: unknown, ...args: unknown[]) => unknown

export interface FakePrinterInfo {
  name: string
  displayName: string
  description: string
  options: Record<string, string>
  isDefault?: boolean
}

export interface RequestDetails {
  id: number
  url: string
}

/** A session from `session.fromPartition`: its handlers, and requests a test plays through them. */
export class FakeSession {
  permissionRequestHandler: null | ((...args: unknown[]) => void) = null
  permissionCheckHandler: null | ((...args: unknown[]) => boolean) = null
  beforeRequest: null | ((details: RequestDetails, callback: (response: { cancel?: boolean }) => void) => void) = null
  completed: null | ((details: RequestDetails) => void) = null
  errorOccurred: null | ((details: RequestDetails) => void) = null
  private nextRequestId = 1
  constructor(readonly partition: string) {}
  setPermissionRequestHandler(handler: (...args: unknown[]) => void): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler
  }
  readonly webRequest = {
    onBeforeRequest: (handler: FakeSession['beforeRequest']) => void (this.beforeRequest = handler),
    onCompleted: (handler: FakeSession['completed']) => void (this.completed = handler),
    onErrorOccurred: (handler: FakeSession['errorOccurred']) => void (this.errorOccurred = handler),
  }
  /** Plays a request the page makes; returns its id and whether the session let it go ahead. */
  request(url: string): { id: number; allowed: boolean } {
    const id = this.nextRequestId++
    let allowed = true
    if (this.beforeRequest) this.beforeRequest({ id, url }, (response) => (allowed = !response.cancel))
    return { id, allowed }
  }
  complete(id: number, url = ''): void {
    this.completed?.({ id, url })
  }
}

export interface SaveDialogCall {
  parent: FakeBrowserWindow | null
  options: Record<string, unknown>
}

function createState() {
  const app = new Emitter()
  return {
    windows: [] as FakeBrowserWindow[],
    nextWebContentsId: 1,
    ipcHandlers: new Map<string, IpcInvokeHandler>(),
    exposed: [] as Array<{ key: string; api: unknown }>,
    invoked: [] as unknown[][],
    appEvents: app,
    gotLock: true,
    quitCalls: 0,
    exitCodes: [] as number[],
    relaunchCalls: 0,
    userData: '/nonexistent/user-data',
    workArea: { width: 1920, height: 1040 },
    menus: [] as Array<unknown[] | null>,
    shownInFolder: [] as string[],
    openedPaths: [] as string[],
    permissionRequestHandler: null as null | ((...args: unknown[]) => void),
    permissionCheckHandler: null as null | ((...args: unknown[]) => boolean),
    headersReceived: null as null | ((details: unknown, callback: (response: unknown) => void) => void),
    partitions: new Map<string, FakeSession>(),
    printers: [] as FakePrinterInfo[],
    printerQueries: [] as number[],
    pdfCalls: [] as Array<{ contentsId: number; options: Record<string, unknown> }>,
    printCalls: [] as Array<{ contentsId: number; options: Record<string, unknown> }>,
    /** What `printToPDF` does; a test replaces it to fail or to look at the window first. */
    printToPdf: (_contents: FakeWebContents): Promise<Buffer> => Promise.resolve(Buffer.from('%PDF-1.7 fake')),
    /** How the printer answers `print`: success or a failure reason, or never. */
    printAnswer: { success: true, failureReason: '' } as { success: boolean; failureReason: string } | 'never',
    /** What `loadFile` does besides recording the path (a test reads the file, or never settles). */
    onLoadFile: (_window: FakeBrowserWindow, _path: string): Promise<void> | void => undefined,
    saveDialogCalls: [] as SaveDialogCall[],
    saveDialogAnswer: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
    openDialogCalls: [] as SaveDialogCall[],
    openDialogAnswer: { canceled: true, filePaths: [] } as { canceled: boolean; filePaths: string[] },
  }
}
export type FakeElectronState = ReturnType<typeof createState>

const KEY = '__stationFakeElectron'
type Holder = { [KEY]?: FakeElectronState }

export function fake(): FakeElectronState {
  const holder = globalThis as Holder
  return (holder[KEY] ??= createState())
}

/** A fresh fake for each test. */
export function resetFake(): FakeElectronState {
  ;(globalThis as Holder)[KEY] = createState()
  return fake()
}

const app = {
  get isPackaged() {
    return false
  },
  requestSingleInstanceLock: () => fake().gotLock,
  quit: () => void fake().quitCalls++,
  exit: (code = 0) => void fake().exitCodes.push(code),
  relaunch: () => void fake().relaunchCalls++,
  whenReady: () => Promise.resolve(),
  getPath: (name: string) => (name === 'userData' ? fake().userData : `/nonexistent/${name}`),
  getVersion: () => '0.1.0-test',
  getName: () => '社区党群服务中心',
  on: (event: string, listener: Listener) => fake().appEvents.on(event, listener),
  once: (event: string, listener: Listener) => fake().appEvents.once(event, listener),
}

export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handle: (channel: string, handler: IpcInvokeHandler) => {
      if (fake().ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`)
      fake().ipcHandlers.set(channel, handler)
    },
    removeHandler: (channel: string) => void fake().ipcHandlers.delete(channel),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      fake().invoked.push(args)
      return Promise.resolve({ ok: true, data: 'from-main' })
    },
  },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => void fake().exposed.push({ key, api }),
  },
  Menu: {
    buildFromTemplate: (template: unknown[]) => template,
    setApplicationMenu: (menu: unknown[] | null) => void fake().menus.push(menu),
  },
  screen: {
    getPrimaryDisplay: () => ({ workAreaSize: fake().workArea }),
  },
  shell: {
    showItemInFolder: (path: string) => void fake().shownInFolder.push(path),
    openPath: (path: string) => {
      fake().openedPaths.push(path)
      return Promise.resolve('')
    },
  },
  dialog: {
    showOpenDialog: (...args: unknown[]) => {
      const [parent, options] = args.length > 1 ? [args[0] as FakeBrowserWindow, args[1]] : [null, args[0]]
      fake().openDialogCalls.push({ parent, options: options as Record<string, unknown> })
      return Promise.resolve({ ...fake().openDialogAnswer })
    },
    showSaveDialog: (...args: unknown[]) => {
      const [parent, options] = args.length > 1 ? [args[0] as FakeBrowserWindow, args[1]] : [null, args[0]]
      fake().saveDialogCalls.push({ parent, options: options as Record<string, unknown> })
      return Promise.resolve({ ...fake().saveDialogAnswer })
    },
  },
  session: {
    fromPartition: (partition: string) => {
      const partitions = fake().partitions
      let session = partitions.get(partition)
      if (!session) partitions.set(partition, (session = new FakeSession(partition)))
      return session
    },
    defaultSession: {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => {
        fake().permissionRequestHandler = handler
      },
      setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => {
        fake().permissionCheckHandler = handler
      },
      webRequest: {
        onHeadersReceived: (handler: (details: unknown, callback: (response: unknown) => void) => void) => {
          fake().headersReceived = handler
        },
      },
    },
  },
}

export default electronModule

import { BrowserWindow, screen } from 'electron'
import { isAppUrl } from './app-url'
import { hardenWebContents, secureWebPreferences } from './web-security'

export const DEFAULT_SIZE = { width: 1366, height: 768 }
export const MIN_SIZE = { width: 1024, height: 700 }

export interface MainWindowOptions {
  appUrl: string
  preloadPath: string
  title: string
  /** Where a renderer that fails to load is reported. */
  onLoadFailed?: (error: unknown) => void
}

/**
 * The app's window. On a 1366×768 screen the taskbar leaves less room than the default size, so
 * there the window opens maximised instead of spilling under the taskbar.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const area = screen.getPrimaryDisplay().workAreaSize
  const fits = area.width >= DEFAULT_SIZE.width && area.height >= DEFAULT_SIZE.height
  const window = new BrowserWindow({
    width: Math.min(DEFAULT_SIZE.width, area.width),
    height: Math.min(DEFAULT_SIZE.height, area.height),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: options.title,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  window.once('ready-to-show', () => {
    if (!fits) window.maximize()
    window.show()
  })
  hardenWebContents(window.webContents, { allow: (url) => isAppUrl(url, options.appUrl) })
  window.loadURL(options.appUrl).catch((error: unknown) => options.onLoadFailed?.(error))
  return window
}

/** A second start of the app brings the running window to the front instead. */
export function bringToFront(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  if (!window.isVisible()) window.show()
  window.focus()
}

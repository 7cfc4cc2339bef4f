import { existsSync } from 'node:fs'
import { app, BrowserWindow, shell } from 'electron'
import { actionOf, startupErrorUrl, type StartupFailure } from './startup-error-page'
import { hardenWebContents, secureWebPreferences } from './web-security'

/**
 * A small window that explains why the app cannot start. No preload: the page cannot call the
 * app; its links are cancelled navigations that this window turns into actions.
 */
export function showStartupError(failure: StartupFailure): BrowserWindow {
  const window = new BrowserWindow({
    width: 760,
    height: 640,
    show: false,
    title: app.getName(),
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(),
  })
  hardenWebContents(window.webContents, {
    allow: () => false,
    onRefused: (url) => {
      const action = actionOf(url)
      if (action === 'openFolder') {
        if (existsSync(failure.location)) shell.showItemInFolder(failure.location)
        else void shell.openPath(failure.dataDir)
      } else if (action === 'retry') {
        app.relaunch()
        app.quit()
      } else if (action === 'quit') {
        app.quit()
      }
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(startupErrorUrl(failure))
  return window
}

import { Menu } from 'electron'

/**
 * No menu bar: counter staff need none, and without it Ctrl+R cannot reload away a half-filled
 * form. On Windows and Linux, Ctrl+C/V/X/A/Z in text fields are handled by Chromium itself; only
 * macOS routes them through the application menu, so there the standard app and edit menus stay
 * (their labels follow the system language).
 */
export function installApplicationMenu(platform: NodeJS.Platform = process.platform): void {
  if (platform === 'darwin') {
    Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]))
  } else {
    Menu.setApplicationMenu(null)
  }
}

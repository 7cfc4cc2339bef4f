/**
 * The shell's side of backups: the system's folder and file dialogs over the app's window, and
 * the restart a staged restore needs (the swap happens at the next start, before the database
 * opens). The restart waits a moment so the renderer receives its answer and says "restarting".
 */
import { app, dialog, type BrowserWindow, type OpenDialogOptions } from 'electron'
import type { BackupHost } from '../services/backups/backup-host'

export const RESTART_DELAY_MS = 1500

export interface BackupHostOptions {
  /** The app's window, the dialogs' parent; null before it opens or after it closes. */
  getWindow: () => BrowserWindow | null
  /** Closes the database (no quit backup: the restore has just taken one). */
  closeServices: () => Promise<void>
  logError: (area: string, error: unknown) => void
  delayMs?: number
}

export function createBackupHost(options: BackupHostOptions): BackupHost {
  async function open(dialogOptions: OpenDialogOptions): Promise<string | null> {
    const parent = options.getWindow()
    const answer =
      parent && !parent.isDestroyed()
        ? await dialog.showOpenDialog(parent, dialogOptions)
        : await dialog.showOpenDialog(dialogOptions)
    return answer.canceled || !answer.filePaths[0] ? null : answer.filePaths[0]
  }
  let restarting = false
  return {
    chooseFolder: (defaultPath) => open({ defaultPath, properties: ['openDirectory', 'createDirectory'] }),
    chooseBackupFile: (defaultPath) =>
      open({
        defaultPath,
        properties: ['openFile'],
        filters: [
          { name: 'SQLite', extensions: ['sqlite3', 'sqlite', 'db'] },
          { name: '*', extensions: ['*'] },
        ],
      }),
    restart() {
      if (restarting) return
      restarting = true
      setTimeout(() => {
        void options
          .closeServices()
          .catch((error: unknown) => options.logError('restart', error))
          .finally(() => {
            app.relaunch()
            app.exit(0)
          })
      }, options.delayMs ?? RESTART_DELAY_MS)
    },
  }
}

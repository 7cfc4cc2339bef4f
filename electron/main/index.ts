/**
 * The Electron entry: lifecycle only. Everything it wires together is built and tested elsewhere;
 * `ready` settles once the window (or the startup-error window) exists, for the shell tests.
 */
import { join } from 'node:path'
import { app, session, type BrowserWindow } from 'electron'
import { createServiceContainer, DATABASE_FILE_NAME, type ServiceContainer } from '../services/container'
import { createBackupHost } from './backup-host'
import { rendererUrl } from './app-url'
import { createErrorLog } from './error-log'
import { bindIpc } from './ipc/bind-electron'
import { createRouter, type SenderInfo } from './ipc/router'
import { installApplicationMenu } from './menu'
import { databaseUrl, dataDirectory } from './paths'
import { clearPrintTemp, createPrintHost } from './printing/print-host'
import { applySessionSecurity } from './session-security'
import { showStartupError } from './startup-error'
import { describeStartupFailure } from './startup-error-page'
import { isTrustedSender } from './trusted-sender'
import { bringToFront, createMainWindow } from './window'

async function start(): Promise<void> {
  // A second process must never open the database: hand over to the running one and leave.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  const env = process.env
  const dataDir = dataDirectory(env, app.getPath('userData'))
  const appUrl = rendererUrl({ env, isPackaged: app.isPackaged, mainDir: __dirname })
  const logError = createErrorLog(dataDir)
  let services: ServiceContainer | null = null
  let current: BrowserWindow | null = null

  app.on('second-instance', () => bringToFront(current))
  app.on('window-all-closed', () => {
    const closing = services
    services = null
    // The quit backup comes first: whatever was entered today is in a checked copy before closing.
    const quitBackup =
      closing && closing.sequelize.getDialect() === 'sqlite'
        ? closing.backups.create('quit').catch((error: unknown) => logError('backup', error))
        : null
    void Promise.resolve(quitBackup)
      .then(() => (closing ? closing.close() : undefined))
      .catch((error: unknown) => logError('shutdown', error))
      .finally(() => app.quit())
  })

  await app.whenReady()
  installApplicationMenu()
  applySessionSecurity(session.defaultSession, appUrl)
  try {
    clearPrintTemp(dataDir)
  } catch (error) {
    logError('print-tmp', error)
  }
  const printHost = createPrintHost({ dataDir, getWindow: () => current })
  const backupHost = createBackupHost({
    getWindow: () => current,
    closeServices: async () => {
      const closing = services
      // Cleared first, so that the windows closing with the exit take no quit backup.
      services = null
      await closing?.close()
    },
    logError,
  })

  try {
    services = await createServiceContainer({
      dataDir,
      databaseUrl: databaseUrl(process.env),
      appVersion: app.getVersion(),
      print: printHost,
      backupHost,
    })
    if (services.dailyBackupError) logError('backup', services.dailyBackupError)
  } catch (error) {
    logError('startup', error)
    current = showStartupError(describeStartupFailure(error, dataDir, join(dataDir, DATABASE_FILE_NAME)))
    return
  }

  const windowIds = new Set<string>()
  const sessions = services.sessions
  const trusted = (sender: SenderInfo) => isTrustedSender(sender, { windowIds, appUrl })
  bindIpc(createRouter(services, { isTrustedSender: trusted, logError }))
  const window = createMainWindow({
    appUrl,
    preloadPath: join(__dirname, '../preload/index.cjs'),
    title: app.getName(),
    onLoadFailed: (error) => logError('load', error),
  })
  const id = String(window.webContents.id)
  windowIds.add(id)
  window.on('closed', () => {
    windowIds.delete(id)
    sessions.clear(id)
    current = null
  })
  current = window
}

export const ready: Promise<void> = start().catch((error: unknown) => {
  // Whatever escapes start() must still end the process rather than leave it running unseen.
  console.error(error)
  app.exit(1)
})

/** The shell's backup port: the folder and file dialogs, and the restart after a staged restore. */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronModule, resetFake, type FakeElectronState } from './fake-electron'

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule))

const { createBackupHost } = await import('../../../electron/main/backup-host')

let state: FakeElectronState
beforeEach(() => {
  state = resetFake()
})

function host(closeServices = vi.fn(async () => undefined), logError = vi.fn()) {
  const main = new electronModule.BrowserWindow({})
  return {
    main,
    closeServices,
    logError,
    host: createBackupHost({ getWindow: () => main as never, closeServices, logError, delayMs: 5 }),
  }
}

describe('backup host', () => {
  it('asks for a folder over the app window (one it may create), and answers null on cancel', async () => {
    const { main, host: h } = host()
    state.openDialogAnswer = { canceled: false, filePaths: ['E:\\'] }
    expect(await h.chooseFolder('C:\\data\\backups')).toBe('E:\\')
    expect(state.openDialogCalls[0]).toMatchObject({
      parent: main,
      options: { defaultPath: 'C:\\data\\backups', properties: ['openDirectory', 'createDirectory'] },
    })
    state.openDialogAnswer = { canceled: true, filePaths: [] }
    expect(await h.chooseFolder('C:\\')).toBeNull()
  })

  it('asks for one backup file, SQLite files first', async () => {
    const { host: h } = host()
    state.openDialogAnswer = { canceled: false, filePaths: ['E:\\station-daily-20261123-090000.sqlite3'] }
    expect(await h.chooseBackupFile('E:\\')).toBe('E:\\station-daily-20261123-090000.sqlite3')
    const options = state.openDialogCalls[0]!.options as {
      properties: string[]
      filters: Array<{ extensions: string[] }>
    }
    expect(options.properties).toEqual(['openFile'])
    expect(options.filters[0]!.extensions).toContain('sqlite3')
  })

  it('restarts after a moment: the database closed first, then relaunch and exit, once', async () => {
    const order: string[] = []
    const closeServices = vi.fn(async () => void order.push('close'))
    const { host: h } = host(closeServices)
    h.restart()
    h.restart()
    // Not at once: the renderer must still get its answer.
    expect(state.relaunchCalls).toBe(0)
    await vi.waitFor(() => expect(state.exitCodes).toEqual([0]))
    expect(closeServices).toHaveBeenCalledTimes(1)
    expect(order).toEqual(['close'])
    expect(state.relaunchCalls).toBe(1)
  })

  it('still restarts when closing the database fails, and logs it', async () => {
    const logError = vi.fn()
    const { host: h } = host(
      vi.fn(async () => Promise.reject(new Error('busy'))),
      logError,
    )
    h.restart()
    await vi.waitFor(() => expect(state.exitCodes).toEqual([0]))
    expect(logError).toHaveBeenCalledWith('restart', expect.any(Error))
  })
})

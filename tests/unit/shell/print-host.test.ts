/**
 * The shell's side of printing around the engine: the save dialog, the Documents folder, and the
 * print temp folder emptied at start.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { electronModule, resetFake, type FakeElectronState } from './fake-electron'

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule))

const { createSavePathChooser, withPdfExtension } = await import('../../../electron/main/printing/save-dialog')
const { clearPrintTemp, createPrintHost, printTempDir } = await import('../../../electron/main/printing/print-host')

let state: FakeElectronState
let dataDir: string
beforeEach(() => {
  state = resetFake()
  dataDir = mkdtempSync(join(tmpdir(), 'station-print-host-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

describe('save dialog', () => {
  it('opens over the app window, suggesting the path, for PDF files only', async () => {
    const main = new electronModule.BrowserWindow({})
    state.saveDialogAnswer = { canceled: false, filePath: 'D:\\通知\\停水通知.pdf' }
    const choose = createSavePathChooser(() => main as never)
    expect(await choose('C:\\Users\\counter\\Documents\\停水通知-2026-11-24.pdf')).toBe('D:\\通知\\停水通知.pdf')
    expect(state.saveDialogCalls).toHaveLength(1)
    const call = state.saveDialogCalls[0]!
    expect(call.parent).toBe(main)
    expect(call.options).toMatchObject({
      defaultPath: 'C:\\Users\\counter\\Documents\\停水通知-2026-11-24.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: expect.arrayContaining(['createDirectory', 'showOverwriteConfirmation']),
    })
  })

  it('answers null when the person cancels', async () => {
    state.saveDialogAnswer = { canceled: true, filePath: '' }
    expect(await createSavePathChooser(() => null)('/home/a/x.pdf')).toBeNull()
    // Some platforms report no path rather than a cancel.
    state.saveDialogAnswer = { canceled: false, filePath: '' }
    expect(await createSavePathChooser(() => null)('/home/a/x.pdf')).toBeNull()
  })

  it('adds .pdf to a name typed without it', async () => {
    state.saveDialogAnswer = { canceled: false, filePath: '/home/a/会议通知' }
    expect(await createSavePathChooser(() => null)('/home/a/x.pdf')).toBe('/home/a/会议通知.pdf')
    expect(withPdfExtension('/home/a/report.PDF')).toBe('/home/a/report.PDF')
    expect(withPdfExtension('/home/a/report.pdf.txt')).toBe('/home/a/report.pdf.txt.pdf')
  })

  it('opens without a parent when the app window is closed', async () => {
    const closed = new electronModule.BrowserWindow({})
    closed.close()
    state.saveDialogAnswer = { canceled: false, filePath: '/home/a/b.pdf' }
    expect(await createSavePathChooser(() => closed as never)('/home/a/b.pdf')).toBe('/home/a/b.pdf')
    expect(state.saveDialogCalls[0]!.parent).toBeNull()
  })
})

describe('print host', () => {
  it('suggests the Documents folder and prints through the data folder’s print-tmp', async () => {
    const host = createPrintHost({ dataDir, getWindow: () => null })
    expect(host.defaultFolder).toBe(electronModule.app.getPath('documents'))
    const loaded: string[] = []
    state.onLoadFile = (_window, path) => void loaded.push(path)
    await host.engine.toPdf({ html: '<!doctype html><p>x</p>', paper: 'A4' })
    expect(loaded).toHaveLength(1)
    expect(loaded[0]!.startsWith(join(dataDir, 'print-tmp'))).toBe(true)
    expect(readdirSync(printTempDir(dataDir))).toEqual([])
    expect(host.engine.fontSource).toBe('file:')
  })

  it('empties what a crash left in print-tmp', () => {
    const dir = printTempDir(dataDir)
    mkdirSync(join(dir, 'nested'), { recursive: true })
    writeFileSync(join(dir, 'print-left-over.html'), '<p>王小明 13812345678</p>')
    writeFileSync(join(dir, 'nested', 'x.html'), 'x')
    writeFileSync(join(dataDir, 'station.sqlite3'), 'keep')
    clearPrintTemp(dataDir)
    expect(existsSync(dir)).toBe(false)
    expect(readdirSync(dataDir)).toEqual(['station.sqlite3'])
    // Nothing there is fine too.
    expect(() => clearPrintTemp(dataDir)).not.toThrow()
  })
})

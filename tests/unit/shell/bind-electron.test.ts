import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { IPC_INVOKE } from '../../../electron/contract/channels'
import type { Envelope } from '../../../electron/contract/errors'
import { createErrorLog } from '../../../electron/main/error-log'
import { createRouter } from '../../../electron/main/ipc/router'
import { isTrustedSender } from '../../../electron/main/trusted-sender'
import { tempContainer, type TempContainer } from '../../helpers/temp-container'
import { fake, resetFake } from './fake-electron'

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule))
const { bindIpc, senderOf } = await import('../../../electron/main/ipc/bind-electron')

const appUrl = pathToFileURL('/opt/station/out/renderer/index.html').href
const event = (id: number, url: string | null) => ({ sender: { id }, senderFrame: url === null ? null : { url } })

let t: TempContainer
beforeEach(() => void resetFake())
afterEach(async () => t?.dispose())

describe('IPC binding', () => {
  it('routes one call end to end into a real container and returns an Envelope', async () => {
    t = await tempContainer()
    const router = createRouter(t.services, {
      isTrustedSender: (s) => isTrustedSender(s, { windowIds: new Set(['7']), appUrl }),
    })
    const unbind = bindIpc(router)
    const handlers = fake().ipcHandlers
    expect([...handlers.keys()]).toEqual([IPC_INVOKE])
    const invoke = handlers.get(IPC_INVOKE)!

    const state = (await invoke(event(7, `${appUrl}#/`), 'auth:state', undefined)) as Envelope<{ needsSetup: boolean }>
    expect(state).toMatchObject({ ok: true, data: { needsSetup: true, session: null } })

    const setup = (await invoke(event(7, appUrl), 'auth:setup', {
      username: 'admin',
      displayName: '管理员',
      password: 'secret123',
    })) as Envelope<unknown>
    expect(setup.ok).toBe(true)
    expect(t.services.sessions.get('7')?.actor.role).toBe('admin')

    const bad = (await invoke(event(7, appUrl), 'places:create', {
      parentId: null,
      kind: 'nonsense',
      name: '',
    })) as Envelope<unknown>
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.code).toBe('VALIDATION')

    unbind()
    expect(handlers.size).toBe(0)
  })

  it('refuses an unknown window and a foreign page before touching any service', async () => {
    t = await tempContainer()
    const router = createRouter(t.services, {
      isTrustedSender: (s) => isTrustedSender(s, { windowIds: new Set(['7']), appUrl }),
    })
    bindIpc(router)
    const invoke = fake().ipcHandlers.get(IPC_INVOKE)!
    for (const e of [event(8, appUrl), event(7, 'https://evil.example/'), event(7, null)]) {
      const result = (await invoke(e, 'auth:setup', {
        username: 'x',
        displayName: 'x',
        password: 'secret123',
      })) as Envelope<unknown>
      expect(result).toEqual({ ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'errors.untrustedSender' } })
    }
    expect(await t.services.auth.state('7')).toMatchObject({ needsSetup: true })
  })

  it('logs an unexpected failure to the data folder without the input values', async () => {
    t = await tempContainer()
    const router = createRouter(t.services, {
      isTrustedSender: (s) => isTrustedSender(s, { windowIds: new Set(['7']), appUrl }),
      logError: createErrorLog(t.dataDir),
    })
    bindIpc(router)
    const invoke = fake().ipcHandlers.get(IPC_INVOKE)!
    await invoke(event(7, appUrl), 'auth:setup', { username: 'admin', displayName: '管理员', password: 'secret123' })
    // The database going away under a signed-in window: an error no service expects.
    await t.services.sequelize.close()
    const input = { name: '张三', idNumber: '11010519491231002X', mobile: '13812345678' }
    const result = (await invoke(event(7, appUrl), 'residents:create', input)) as Envelope<unknown>
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } })
    const log = readFileSync(join(t.dataDir, 'logs', 'main.log'), 'utf8')
    expect(log).toContain('residents:create Error: ConnectionManager')
    expect(log).not.toContain('1101051949')
    expect(log).not.toContain('13812345678')
    expect(log).not.toContain('张三')
  })

  it('treats a frame that is gone as having no URL', () => {
    const gone = {
      sender: { id: 3 },
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
    }
    expect(senderOf(gone as never)).toEqual({ id: '3', url: '' })
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { pathToFileURL } from 'node:url'
import { IPC_INVOKE } from '../../../electron/contract/channels'
import type { Envelope } from '../../../electron/contract/errors'
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

import { describe, expect, it, vi } from 'vitest'
import { IPC_INVOKE, channels } from '../../../electron/contract/channels'
import { fake, resetFake } from './fake-electron'

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule))

type Bridge = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>

describe('preload', () => {
  it('exposes exactly one key, station, whose methods invoke IPC_INVOKE with the contract channel', async () => {
    resetFake()
    await import('../../../electron/preload/index')
    const { exposed, invoked } = fake()
    expect(exposed.map((e) => e.key)).toEqual(['station'])
    const api = exposed[0]!.api as Bridge

    const methods = Object.values(api).flatMap((domain) => Object.keys(domain))
    expect(methods).toHaveLength(Object.keys(channels).length)

    await expect(api.auth!.state!()).resolves.toEqual({ ok: true, data: 'from-main' })
    await api.residents!.list!({ q: 'zs' })
    await api.households!.moveMember!({ residentId: 1, householdId: null })
    expect(invoked).toEqual([
      [IPC_INVOKE, 'auth:state', undefined],
      [IPC_INVOKE, 'residents:list', { q: 'zs' }],
      [IPC_INVOKE, 'households:move-member', { residentId: 1, householdId: null }],
    ])
  })
})

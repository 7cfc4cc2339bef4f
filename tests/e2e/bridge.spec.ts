import { test, expect } from './fixtures'

test.describe('the bridge between the page and the real services', () => {
  test.skip(
    ({ runtime }) => runtime === 'electron',
    'tests the Chromium harness itself; real Electron has no page binding',
  )
  test('the preload bundle exposes one api object and calls reach the real database', async ({ app }) => {
    await app.open('/')
    const result = await app.page.evaluate(async () => {
      const w = window as unknown as { station: Record<string, Record<string, (i?: unknown) => Promise<unknown>>> }
      return {
        keys: Object.keys(w.station).sort(),
        state: await w.station.auth.state(),
        refused: await w.station.residents.list({}),
      }
    })
    expect(result.keys).toContain('residents')
    expect(result.state).toMatchObject({ ok: true, data: { needsSetup: true, session: null } })
    // Not signed in: the router refuses, and the error crosses the bridge with its code intact.
    expect(result.refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  test('a page from another origin is not a trusted sender', async ({ app }) => {
    await app.open('/')
    const bad = await app.page.evaluate(async () => {
      // An iframe from about:blank shares the binding but not the app's URL.
      const frame = document.createElement('iframe')
      document.body.appendChild(frame)
      const w = frame.contentWindow as unknown as { __stationInvoke?: (c: string, i: unknown) => Promise<unknown> }
      return w.__stationInvoke ? w.__stationInvoke('auth:state', undefined) : 'no binding in frame'
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
  })
})

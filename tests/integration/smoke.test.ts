import { afterEach, describe, expect, it } from 'vitest'
import { tempContainer, type TempContainer } from '../helpers/temp-container'
import { schemas } from '../../electron/contract/schemas'

let t: TempContainer
afterEach(async () => t?.dispose())

describe('smoke', () => {
  it('creates places, a household and residents, and finds by initials', async () => {
    t = await tempContainer()
    const s = t.services
    const call = { actor: null, channel: 'test' }
    await s.auth.setup(call, 'w1', { username: 'admin', displayName: '管理员', password: 'secret123' })
    const admin = { actor: { accountId: 1, role: 'admin' as const, displayName: '管理员' }, channel: 'test' }
    const c = await s.places.create(admin, { parentId: null, kind: 'community', name: '幸福社区' })
    const g = await s.places.create(admin, { parentId: c.id, kind: 'grid', name: '一网格' })
    const room = await s.places.create(admin, { parentId: g.id, kind: 'room', name: '501' })
    const h = await s.households.create(admin, room.id)
    const r = await s.residents.create(
      admin,
      schemas.residentInput.parse({
        name: '张三',
        idNumber: '11010519491231002X',
        mobile: '13812345678',
        householdId: h.id,
        relationToHead: '户主',
      }),
    )
    expect(r.idNumber).toBe('110105********002X')
    expect(r.gender).toBe('F')
    const page = await s.residents.list(schemas.residentQuery.parse({ q: 'zs' }))
    expect(page.total).toBe(1)
    const page2 = await s.residents.list(schemas.residentQuery.parse({ q: '2345' }))
    expect(page2.items[0]?.name).toBe('张三')
  })
})

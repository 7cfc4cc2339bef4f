import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../electron/contract/errors'
import type { PlaceNodeDto } from '../../electron/contract/dto'
import type { ServiceContainer } from '../../electron/services/container'
import type { CallContext } from '../../electron/services/context'
import { setupAdmin, tempContainer, type TempContainer, failure } from '../helpers/temp-container'
import { buildCommunity, query, residentInput } from './fixtures'

let t: TempContainer
let s: ServiceContainer
let admin: CallContext

beforeEach(async () => {
  t = await tempContainer()
  s = t.services
  admin = await setupAdmin(s)
})
afterEach(async () => t.dispose())

async function pathOf(id: number): Promise<string> {
  return (await s.models.Place.findByPk(id))!.path
}

function find(nodes: PlaceNodeDto[], id: number): PlaceNodeDto | undefined {
  for (const n of nodes) {
    if (n.id === id) return n
    const below = find(n.children, id)
    if (below) return below
  }
  return undefined
}

describe('places: levels', () => {
  it('puts only a community at the root', async () => {
    const e = await failure(s.places.create(admin, { parentId: null, kind: 'grid', name: '一网格' }))
    expect(e.code).toBe('VALIDATION')
    expect(e.fields).toEqual([{ path: 'kind', message: 'validation.place.rootMustBeCommunity' }])
    const c = await s.places.create(admin, { parentId: null, kind: 'community', name: '幸福社区' })
    expect(c).toMatchObject({
      parentId: null,
      kind: 'community',
      name: '幸福社区',
      fullName: '幸福社区',
      archived: false,
    })
  })

  it('allows a deeper level under a place, levels may be skipped, never the same or a higher one', async () => {
    const c = await s.places.create(admin, { parentId: null, kind: 'community', name: '幸福社区' })
    const g = await s.places.create(admin, { parentId: c.id, kind: 'grid', name: '一网格' })
    expect(g.fullName).toBe('幸福社区 / 一网格')
    const lane = await s.places.create(admin, { parentId: g.id, kind: 'compound', name: '和平街' })
    // A lane has houses, not buildings or units.
    const house = await s.places.create(admin, { parentId: lane.id, kind: 'room', name: '8号' })
    expect(house.fullName).toBe('幸福社区 / 一网格 / 和平街 / 8号')

    for (const [parentId, kind] of [
      [g.id, 'community'],
      [g.id, 'grid'],
      [lane.id, 'grid'],
      [house.id, 'building'],
      [house.id, 'room'],
    ] as const) {
      const e = await failure(s.places.create(admin, { parentId, kind, name: `x-${kind}` }))
      expect(e.fields, `${kind} under ${parentId}`).toEqual([{ path: 'kind', message: 'validation.place.levelOrder' }])
    }
  })

  it('refuses two siblings with one name, but not cousins', async () => {
    const c = await s.places.create(admin, { parentId: null, kind: 'community', name: '幸福社区' })
    const g1 = await s.places.create(admin, { parentId: c.id, kind: 'grid', name: '一网格' })
    const g2 = await s.places.create(admin, { parentId: c.id, kind: 'grid', name: '二网格' })
    const e = await failure(s.places.create(admin, { parentId: c.id, kind: 'grid', name: '一网格' }))
    expect(e.code).toBe('CONFLICT')
    expect(e.fields).toEqual([{ path: 'name', message: 'validation.place.duplicateName' }])
    await s.places.create(admin, { parentId: g1.id, kind: 'building', name: '1栋' })
    await s.places.create(admin, { parentId: g2.id, kind: 'building', name: '1栋' })
    // Renaming onto a sibling's name is the same duplicate.
    const r = await failure(s.places.update(admin, { id: g2.id, name: '一网格' }))
    expect(r.fields).toEqual([{ path: 'name', message: 'validation.place.duplicateName' }])
  })

  it('answers NOT_FOUND for a missing parent', async () => {
    expect((await failure(s.places.create(admin, { parentId: 999, kind: 'grid', name: '一网格' }))).code).toBe(
      'NOT_FOUND',
    )
  })
})

describe('places: tree, move and archive', () => {
  it('builds the tree in sort order', async () => {
    const p = await buildCommunity(s, admin)
    const tree = await s.places.tree()
    expect(tree.map((n) => n.name)).toEqual(['幸福社区'])
    // Entered order, not pinyin order (which would put 二 er before 一 yi).
    expect(tree[0]!.children.map((n) => n.name)).toEqual(['一网格', '二网格'])
    const g3 = await s.places.create(admin, { parentId: p.community.id, kind: 'grid', name: '三网格' })
    const g0 = await s.places.create(admin, { parentId: p.community.id, kind: 'grid', name: '零网格', sort: 1 })
    expect((await s.places.tree())[0]!.children.map((n) => n.id)).toEqual([g0.id, p.grid1.id, p.grid2.id, g3.id])
    expect(find(tree, p.unit.id)!.children.map((n) => n.name)).toEqual(['501', '502'])
    expect(find(tree, p.room502.id)!.fullName).toBe('幸福社区 / 一网格 / 幸福小区 / 17栋 / 2单元 / 502')
  })

  it('moves a subtree: paths, full names and filters follow', async () => {
    const p = await buildCommunity(s, admin)
    await s.residents.create(admin, residentInput({ name: '张三', householdId: p.h501.id }))
    const moved = await s.places.update(admin, { id: p.building.id, parentId: p.street.id })
    expect(moved.parentId).toBe(p.street.id)
    expect(moved.fullName).toBe('幸福社区 / 二网格 / 和平街 / 17栋')

    const streetPath = await pathOf(p.street.id)
    expect(await pathOf(p.building.id)).toBe(`${streetPath}${p.building.id}/`)
    expect(await pathOf(p.unit.id)).toBe(`${streetPath}${p.building.id}/${p.unit.id}/`)
    expect(await pathOf(p.room501.id)).toBe(`${streetPath}${p.building.id}/${p.unit.id}/${p.room501.id}/`)
    // Places outside the subtree keep their paths.
    expect(await pathOf(p.compound.id)).toBe(`/${p.community.id}/${p.grid1.id}/${p.compound.id}/`)

    expect((await s.places.get(p.room501.id)).fullName).toBe('幸福社区 / 二网格 / 和平街 / 17栋 / 2单元 / 501')
    expect((await s.households.get(p.h501.id)).address).toBe('和平街 17栋 2单元 501')
    expect((await s.residents.list(query({ placeId: p.grid2.id }))).items.map((i) => i.name)).toEqual(['张三'])
    expect((await s.residents.list(query({ placeId: p.grid1.id }))).total).toBe(0)
    // Equal sort numbers fall back to the name, numbers compared as numbers.
    expect(find(await s.places.tree(), p.street.id)!.children.map((n) => n.name)).toEqual(['8号', '17栋'])
  })

  it('refuses a move under its own subtree, onto a shallower level, or to the root', async () => {
    const p = await buildCommunity(s, admin)
    expect((await failure(s.places.update(admin, { id: p.compound.id, parentId: p.unit.id }))).fields).toEqual([
      { path: 'parentId', message: 'validation.place.cycle' },
    ])
    expect((await failure(s.places.update(admin, { id: p.building.id, parentId: p.room502.id }))).fields).toEqual([
      { path: 'parentId', message: 'validation.place.cycle' },
    ])
    expect((await failure(s.places.update(admin, { id: p.building.id, parentId: p.house8.id }))).fields).toEqual([
      { path: 'parentId', message: 'validation.place.levelOrder' },
    ])
    expect((await failure(s.places.update(admin, { id: p.grid1.id, parentId: null }))).fields).toEqual([
      { path: 'parentId', message: 'validation.place.rootMustBeCommunity' },
    ])
    expect(await pathOf(p.room501.id)).toBe(
      `/${p.community.id}/${p.grid1.id}/${p.compound.id}/${p.building.id}/${p.unit.id}/${p.room501.id}/`,
    )
  })

  it('refuses to archive a place that still has places or people in it', async () => {
    const p = await buildCommunity(s, admin)
    const withChildren = await failure(s.places.archive(admin, p.unit.id))
    expect(withChildren.code).toBe('CONFLICT')
    expect(withChildren.message).toBe('errors.placeNotEmpty')

    const r = await s.residents.create(admin, residentInput({ name: '张三', householdId: p.h501.id }))
    expect((await failure(s.places.archive(admin, p.room501.id))).message).toBe('errors.placeNotEmpty')
    await s.households.moveMember(admin, { residentId: r.id, householdId: null, relationToHead: null })
    const archived = await s.places.archive(admin, p.room501.id)
    expect(archived.archived).toBe(true)
    expect(find(await s.places.tree(), p.room501.id)?.archived).toBe(true)
    // Its empty household is archived with it: nobody can be moved to an archived address.
    expect((await s.households.get(p.h501.id)).archived).toBe(true)
    expect(await s.households.list(p.room501.id)).toEqual([])
    expect(
      (
        await failure(
          s.households.moveMember(admin, { residentId: r.id, householdId: p.h501.id, relationToHead: null }),
        )
      ).fields,
    ).toEqual([{ path: 'householdId', message: 'validation.household.unknown' }])
  })

  it('puts nothing new under an archived place', async () => {
    const p = await buildCommunity(s, admin)
    const empty = await s.places.create(admin, { parentId: p.unit.id, kind: 'room', name: '503' })
    await s.places.archive(admin, empty.id)
    const e = await failure(
      s.places
        .create(admin, { parentId: p.compound.id, kind: 'building', name: '18栋' })
        .then(() => s.places.archive(admin, p.compound.id)),
    )
    expect(e.message).toBe('errors.placeNotEmpty')
    const lane = await s.places.create(admin, { parentId: p.grid2.id, kind: 'compound', name: '旧巷' })
    await s.places.archive(admin, lane.id)
    expect((await failure(s.places.create(admin, { parentId: lane.id, kind: 'room', name: '1号' }))).fields).toEqual([
      { path: 'parentId', message: 'validation.place.parentArchived' },
    ])
    expect((await failure(s.places.update(admin, { id: p.house8.id, parentId: lane.id }))).fields).toEqual([
      { path: 'parentId', message: 'validation.place.parentArchived' },
    ])
    expect((await failure(s.households.create(admin, empty.id))).fields).toEqual([
      { path: 'placeId', message: 'validation.place.unknown' },
    ])
  })
})

describe('households', () => {
  it('creates a household at a place, with its address', async () => {
    const p = await buildCommunity(s, admin)
    expect(p.h501).toMatchObject({
      placeId: p.room501.id,
      address: '幸福小区 17栋 2单元 501',
      headResidentId: null,
      headName: null,
      members: [],
      archived: false,
    })
    expect((await s.households.list(p.room501.id)).map((h) => h.id)).toEqual([p.h501.id])
    expect((await failure(s.households.create(admin, 9999))).fields).toEqual([
      { path: 'placeId', message: 'validation.place.unknown' },
    ])
  })

  it('sets a head from among the members only', async () => {
    const p = await buildCommunity(s, admin)
    const zhang = await s.residents.create(
      admin,
      residentInput({ name: '张三', householdId: p.h501.id, relationToHead: '配偶' }),
    )
    const li = await s.residents.create(
      admin,
      residentInput({ name: '李四', householdId: p.h501.id, relationToHead: '子' }),
    )
    const outsider = await s.residents.create(admin, residentInput({ name: '王五', householdId: p.h8.id }))
    expect((await s.households.get(p.h501.id)).headResidentId).toBeNull()

    const h = await s.households.setHead(admin, p.h501.id, li.id)
    expect(h).toMatchObject({ headResidentId: li.id, headName: '李四' })
    expect(h.members.map((m) => [m.name, m.isHead, m.relationToHead])).toEqual([
      ['李四', true, '户主'],
      ['张三', false, '配偶'],
    ])
    // Changing the head again: the old head no longer shows as 户主.
    const again = await s.households.setHead(admin, p.h501.id, zhang.id)
    expect(again.members.map((m) => [m.name, m.isHead, m.relationToHead])).toEqual([
      ['张三', true, '户主'],
      ['李四', false, null],
    ])
    expect((await failure(s.households.setHead(admin, p.h501.id, outsider.id))).fields).toEqual([
      { path: 'residentId', message: 'validation.household.notMember' },
    ])
    expect((await failure(s.households.setHead(admin, 9999, zhang.id))).code).toBe('NOT_FOUND')
  })

  it('archiving the head leaves the household headless; restoring makes them head again if nobody is', async () => {
    const p = await buildCommunity(s, admin)
    const zhang = await s.residents.create(
      admin,
      residentInput({ name: '张三', householdId: p.h501.id, relationToHead: '户主' }),
    )
    await s.residents.setArchived(admin, zhang.id, true)
    expect((await s.households.get(p.h501.id)).headResidentId).toBeNull()
    await s.residents.setArchived(admin, zhang.id, false)
    expect((await s.households.get(p.h501.id)).headResidentId).toBe(zhang.id)
  })

  it('refuses a second 户主 entered through the resident form', async () => {
    const p = await buildCommunity(s, admin)
    await s.residents.create(admin, residentInput({ name: '张三', householdId: p.h501.id, relationToHead: '户主' }))
    const refused = await s.residents
      .create(admin, residentInput({ name: '李四', householdId: p.h501.id, relationToHead: '户主' }))
      .catch((e: AppError) => e)
    expect(refused).toMatchObject({ fields: [{ path: 'relationToHead', params: { name: '张三' } }] })
  })

  it('moves a member between households: the old household loses its head, the new may gain one', async () => {
    const p = await buildCommunity(s, admin)
    const zhang = await s.residents.create(
      admin,
      residentInput({ name: '张三', householdId: p.h501.id, relationToHead: '户主' }),
    )
    await s.residents.create(admin, residentInput({ name: '李四', householdId: p.h501.id, relationToHead: '配偶' }))
    expect((await s.households.get(p.h501.id)).headResidentId).toBe(zhang.id)

    const moved = await s.households.moveMember(admin, {
      residentId: zhang.id,
      householdId: p.h502.id,
      relationToHead: '户主',
    })
    expect(moved).toMatchObject({ householdId: p.h502.id, relationToHead: '户主', address: '幸福小区 17栋 2单元 502' })
    const old = await s.households.get(p.h501.id)
    expect(old.headResidentId).toBeNull()
    expect(old.members.map((m) => m.name)).toEqual(['李四'])
    const target = await s.households.get(p.h502.id)
    expect(target).toMatchObject({ headResidentId: zhang.id, headName: '张三' })

    // A household has one head: a second 户主 is refused, naming the head it has.
    const li = (await s.residents.list(query({ q: '李四' }))).items[0]!
    const refused = await s.households
      .moveMember(admin, { residentId: li.id, householdId: p.h502.id, relationToHead: '户主' })
      .catch((e: AppError) => e)
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'relationToHead', message: 'validation.household.headExists', params: { name: '张三' } }],
    })
    await s.households.moveMember(admin, { residentId: li.id, householdId: p.h502.id, relationToHead: '配偶' })
    expect((await s.households.get(p.h502.id)).headResidentId).toBe(zhang.id)

    // Out of any household.
    const out = await s.households.moveMember(admin, { residentId: zhang.id, householdId: null, relationToHead: null })
    expect(out).toMatchObject({ householdId: null, address: null })
    expect((await s.households.get(p.h502.id)).headResidentId).toBeNull()
  })

  it('refuses a move to a missing household and of a missing person', async () => {
    const p = await buildCommunity(s, admin)
    const zhang = await s.residents.create(admin, residentInput({ name: '张三', householdId: p.h501.id }))
    expect(
      (await failure(s.households.moveMember(admin, { residentId: zhang.id, householdId: 9999, relationToHead: null })))
        .fields,
    ).toEqual([{ path: 'householdId', message: 'validation.household.unknown' }])
    expect(
      (
        await failure(
          s.households.moveMember(admin, { residentId: 9999, householdId: p.h502.id, relationToHead: null }),
        )
      ).code,
    ).toBe('NOT_FOUND')
    expect((await s.residents.get(zhang.id)).householdId).toBe(p.h501.id)
  })
})

describe('households: changes made through the resident form', () => {
  it('clears the old household’s head when its head is moved by editing the file', async () => {
    const p = await buildCommunity(s, admin)
    const zhang = await s.residents.create(
      admin,
      residentInput({ name: '张三', householdId: p.h501.id, relationToHead: '户主' }),
    )
    expect((await s.households.get(p.h501.id)).headResidentId).toBe(zhang.id)
    await s.residents.update(
      admin,
      zhang.id,
      residentInput({ name: '张三', householdId: p.h502.id, relationToHead: '户主' }),
    )
    expect((await s.households.get(p.h501.id)).headResidentId).toBeNull()
    expect((await s.households.get(p.h502.id)).headResidentId).toBe(zhang.id)
    await s.residents.update(admin, zhang.id, residentInput({ name: '张三' }))
    expect((await s.households.get(p.h502.id)).headResidentId).toBeNull()
  })
})

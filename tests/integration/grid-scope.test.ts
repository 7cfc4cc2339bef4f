/**
 * Grid scope, proved through the router as a renderer would ask: an account limited to one grid
 * neither lists, finds, opens nor reveals a resident of another grid, by id or by any search.
 */
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ErrorPayload } from '../../electron/contract/errors'
import type {
  HouseholdDto,
  Page,
  PlaceDto,
  ResidentDto,
  ResidentListItemDto,
  TagDto,
} from '../../electron/contract/dto'
import { createRouter, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import { ADMIN, tempContainer, type TempContainer } from '../helpers/temp-container'

const APP = 'app://station/index.html'
const admin: SenderInfo = { id: '1', url: APP }
const wang: SenderInfo = { id: '2', url: APP }

let t: TempContainer
let router: Router

async function ok<T>(sender: SenderInfo, channel: string, input?: unknown): Promise<T> {
  const envelope = await router.handle(sender, channel, input)
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`)
  return envelope.data as T
}
async function err(sender: SenderInfo, channel: string, input?: unknown): Promise<ErrorPayload> {
  const envelope = await router.handle(sender, channel, input)
  if (envelope.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(envelope.data)}`)
  return envelope.error
}

interface World {
  gridA: number
  gridB: number
  gridC: number
  community: number
  compoundA: number
  buildingB: number
  householdA: number
  householdB: number
  inA: ResidentDto
  inB: ResidentDto
  inC: ResidentDto
  unhoused: ResidentDto
  tag: TagDto
}
let w: World

async function place(parentId: number | null, kind: string, name: string): Promise<number> {
  return (await ok<PlaceDto>(admin, 'places:create', { parentId, kind, name })).id
}

beforeEach(async () => {
  t = await tempContainer()
  router = createRouter(t.services, { isTrustedSender: () => true })
  await ok(admin, 'auth:setup', { ...ADMIN })
  const community = await place(null, 'community', '幸福社区')
  const gridA = await place(community, 'grid', '第一网格')
  const gridB = await place(community, 'grid', '第二网格')
  const gridC = await place(community, 'grid', '第三网格')
  const compoundA = await place(gridA, 'compound', '阳光小区')
  const buildingA = await place(compoundA, 'building', '1栋')
  const compoundB = await place(gridB, 'compound', '月亮小区')
  const buildingB = await place(compoundB, 'building', '2栋')
  const buildingC = await place(await place(gridC, 'compound', '星星小区'), 'building', '3栋')
  const household = async (placeId: number) => (await ok<HouseholdDto>(admin, 'households:create', { placeId })).id
  const householdA = await household(buildingA)
  const householdB = await household(buildingB)
  const householdC = await household(buildingC)
  const tag = await ok<TagDto>(admin, 'tags:create', { name: '独居老人' })
  const resident = (input: Record<string, unknown>) => ok<ResidentDto>(admin, 'residents:create', input)
  w = {
    community,
    gridA,
    gridB,
    gridC,
    compoundA,
    buildingB,
    householdA,
    householdB,
    tag,
    inA: await resident({
      name: '张阳光',
      householdId: householdA,
      gender: 'M',
      birthDate: '1950-03-01',
      tagIds: [tag.id],
    }),
    // Same surname, same tag, same age: only the grid differs.
    inB: await resident({
      name: '张月亮',
      householdId: householdB,
      gender: 'M',
      birthDate: '1950-03-02',
      tagIds: [tag.id],
      idNumber: '11010519491231002X',
      mobile: '13912345678',
    }),
    inC: await resident({ name: '李星星', householdId: householdC, birthDate: '1980-01-01' }),
    unhoused: await resident({ name: '张无家' }),
  }
  await ok(admin, 'accounts:create', {
    username: 'wang',
    displayName: '网格员小王',
    password: 'grid-one-1',
    role: 'staff',
    gridIds: [gridA],
  })
  await ok(wang, 'auth:login', { username: 'wang', password: 'grid-one-1' })
})
afterEach(async () => t.dispose())

const names = (page: Page<ResidentListItemDto>) => page.items.map((r) => r.name).sort()

describe('grid scope through the router', () => {
  it('lists only the grid’s residents, under every filter and every kind of search', async () => {
    expect(names(await ok(admin, 'residents:list', {}))).toEqual(['张无家', '张月亮', '张阳光', '李星星'].sort())
    const all = await ok<Page<ResidentListItemDto>>(wang, 'residents:list', {})
    expect(names(all)).toEqual(['张阳光'])
    expect(all.total).toBe(1)
    for (const query of [
      { q: '张' }, // a surname: the prefix range
      { q: 'zyl' }, // initials
      { q: 'zhangyueliang' }, // full pinyin, three letters or more: the trigram index
      { q: '月亮' }, // a two-character fragment: the substring fallback
      { q: '张月亮' },
      { q: '月亮小区' }, // the address
      { q: '11010519491231002X' }, // a whole ID number
      { q: '13912345678' }, // a whole mobile number
      { q: '1391234' }, // a number fragment
      { tagIds: [w.tag.id] },
      { gender: 'M' },
      { ageMin: 60 },
      { ageMin: 60, q: '张' },
      { status: 'all' },
      { sort: 'age' },
      { sort: '-createdAt', pageSize: 1 },
      { placeId: w.community },
      { placeId: w.gridB },
      { placeId: w.buildingB },
    ]) {
      const page = await ok<Page<ResidentListItemDto>>(wang, 'residents:list', query)
      expect(
        page.items.map((r) => r.id),
        JSON.stringify(query),
      ).not.toContain(w.inB.id)
      expect(
        page.items.map((r) => r.id),
        JSON.stringify(query),
      ).not.toContain(w.unhoused.id)
      expect(
        page.items.map((r) => r.id),
        JSON.stringify(query),
      ).not.toContain(w.inC.id)
    }
    expect(names(await ok(wang, 'residents:list', { q: '张' }))).toEqual(['张阳光'])
    expect(names(await ok(wang, 'residents:list', { placeId: w.community }))).toEqual(['张阳光'])
    expect(names(await ok(wang, 'residents:list', { placeId: w.compoundA }))).toEqual(['张阳光'])
    expect((await ok<Page<ResidentListItemDto>>(wang, 'residents:list', { placeId: w.gridB })).total).toBe(0)
    // The admin, unscoped, does find the other grid's resident by the same searches.
    expect(names(await ok(admin, 'residents:list', { q: '月亮' }))).toEqual(['张月亮'])
  })

  it('does not open, reveal, edit or archive a resident outside the scope: not found, as a wrong id', async () => {
    const notFound = { code: 'NOT_FOUND', message: 'errors.notFound' }
    await ok(wang, 'residents:get', { id: w.inA.id })
    expect(await err(wang, 'residents:get', { id: w.inB.id })).toMatchObject(notFound)
    expect(await err(wang, 'residents:get', { id: w.unhoused.id })).toMatchObject(notFound)
    expect(await err(wang, 'residents:reveal', { id: w.inB.id, field: 'idNumber' })).toMatchObject(notFound)
    expect(await err(wang, 'residents:archive', { id: w.inB.id })).toMatchObject(notFound)
    expect(
      await err(wang, 'residents:update', { id: w.inB.id, data: { name: '改名', householdId: w.householdB } }),
    ).toMatchObject(notFound)
    // Nor files someone into a household outside it, or moves their own resident there.
    expect(await err(wang, 'residents:create', { name: '新人', householdId: w.householdB })).toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(
      await err(wang, 'residents:update', { id: w.inA.id, data: { name: '张阳光', householdId: w.householdB } }),
    ).toMatchObject({ code: 'NOT_FOUND' })
    await ok(wang, 'residents:create', { name: '新人', householdId: w.householdA })
    // Nothing was revealed, so nothing was logged as revealed.
    const reveals = await t.services.models.Audit.count({ where: { action: 'reveal' } })
    expect(reveals).toBe(0)
  })

  it('does not show a household outside the scope, nor list one at a place outside it', async () => {
    const mine = await ok<HouseholdDto>(wang, 'households:get', { id: w.householdA })
    expect(mine.members.map((m) => m.name)).toEqual(['张阳光'])
    expect((await err(wang, 'households:get', { id: w.householdB })).code).toBe('NOT_FOUND')
    expect(await ok(wang, 'households:list', { placeId: w.buildingB })).toEqual([])
    expect((await ok<HouseholdDto[]>(admin, 'households:list', { placeId: w.buildingB })).length).toBe(1)
    // Nor changes one: its head, or a move into or out of it.
    expect((await err(wang, 'households:set-head', { householdId: w.householdB, residentId: w.inB.id })).code).toBe(
      'NOT_FOUND',
    )
    for (const move of [
      { residentId: w.inA.id, householdId: w.householdB },
      { residentId: w.inB.id, householdId: w.householdA },
      { residentId: w.inB.id, householdId: null },
    ]) {
      expect((await err(wang, 'households:move-member', move)).code, JSON.stringify(move)).toBe('NOT_FOUND')
    }
  })

  it('several grids: their union; a scope change applies at the next call; none: everyone', async () => {
    const [account] = (await ok<Array<{ id: number; username: string }>>(admin, 'accounts:list')).filter(
      (a) => a.username === 'wang',
    )
    await ok(admin, 'accounts:update', {
      id: account!.id,
      displayName: '网格员小王',
      role: 'staff',
      gridIds: [w.gridA, w.gridB],
    })
    // The change ended wang's session; signed in again, the scope is the union.
    expect((await err(wang, 'residents:list', {})).code).toBe('UNAUTHENTICATED')
    await ok(wang, 'auth:login', { username: 'wang', password: 'grid-one-1' })
    expect(names(await ok(wang, 'residents:list', {}))).toEqual(['张月亮', '张阳光'].sort())
    expect(names(await ok(wang, 'residents:list', { q: '张' }))).toEqual(['张月亮', '张阳光'].sort())
    expect(names(await ok(wang, 'residents:list', { placeId: w.gridB }))).toEqual(['张月亮'])
    expect(names(await ok(wang, 'residents:list', { q: '星星' }))).toEqual([])
    await ok(admin, 'accounts:update', { id: account!.id, displayName: '网格员小王', role: 'staff', gridIds: [] })
    await ok(wang, 'auth:login', { username: 'wang', password: 'grid-one-1' })
    expect((await ok<Page<ResidentListItemDto>>(wang, 'residents:list', {})).total).toBe(4)
  })

  it('exports only the grid’s residents', async () => {
    const file = await ok<{ rows: number; dataBase64: string }>(wang, 'export:list', {
      list: 'residents',
      query: {},
      columns: [{ key: 'name', header: '姓名' }],
      titleLines: ['居民档案'],
      fileName: '居民档案',
    })
    expect(file.rows).toBe(1)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer)
    const text = JSON.stringify(book.worksheets[0]!.getSheetValues())
    expect(text).toContain('张阳光')
    expect(text).not.toContain('张月亮')
  })

  it('refuses a scope that is not a grid', async () => {
    const e = await err(admin, 'accounts:create', {
      username: 'li',
      displayName: '李',
      password: 'li-pass-12',
      role: 'staff',
      gridIds: [w.compoundA],
    })
    expect(e.fields).toEqual([{ path: 'gridIds', message: 'validation.admin.accounts.unknownGrid' }])
  })
})

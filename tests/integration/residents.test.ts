import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../electron/contract/errors'
import type { ServiceContainer } from '../../electron/services/container'
import type { CallContext } from '../../electron/services/context'
import { setupAdmin, tempContainer, testClock, type TempContainer, failure } from '../helpers/temp-container'
import { buildCommunity, makeId, query, residentInput } from './fixtures'

let t: TempContainer
let s: ServiceContainer
let admin: CallContext
let place: Awaited<ReturnType<typeof buildCommunity>>
let tagId: Record<string, number>

// 2026-11-24 in Shanghai: ages below are computed on that day.
const clock = testClock('2026-11-24T02:00:00Z')

beforeEach(async () => {
  t = await tempContainer({ now: clock.now })
  s = t.services
  admin = await setupAdmin(s)
  place = await buildCommunity(s, admin)
  tagId = Object.fromEntries((await s.tags.list()).map((tag) => [tag.name, tag.id]))
})
afterEach(async () => t.dispose())

const names = (page: { items: Array<{ name: string }> }) => page.items.map((i) => i.name)

/** Four people in three households, with tags, ages and political status to filter on. */
async function seedPeople() {
  const zhang = await s.residents.create(
    admin,
    residentInput({
      name: '张三',
      idNumber: '11010519491231002x',
      mobile: '+86 138-1234-5678',
      householdId: place.h501.id,
      relationToHead: '户主',
      politicalStatus: '中共党员',
      tagIds: [tagId['低保']!, tagId['独居']!],
    }),
  )
  const li = await s.residents.create(
    admin,
    residentInput({
      name: '李四',
      idNumber: '34052419800101001X',
      mobile: '13900001111',
      householdId: place.h501.id,
      relationToHead: '配偶',
      politicalStatus: '群众',
      tagIds: [tagId['退役军人']!],
    }),
  )
  const wang = await s.residents.create(
    admin,
    residentInput({
      name: '王五',
      gender: 'M',
      birthDate: '2016-11-25',
      landline: '0816-2345678',
      householdId: place.h8.id,
      relationToHead: '户主',
      tagIds: [tagId['留守儿童']!],
    }),
  )
  const a = await s.residents.create(
    admin,
    residentInput({
      name: '阿明',
      idNumber: makeId('19561124', '046'),
      householdId: place.h502.id,
      relationToHead: '户主',
      politicalStatus: '中共党员',
    }),
  )
  return { zhang, li, wang, a }
}

describe('create and read', () => {
  it('derives birth date and gender from the ID number and masks the numbers', async () => {
    const r = await s.residents.create(
      admin,
      // The ID says female, born 1949-12-31: it wins over a gender and birth date typed by hand.
      residentInput({
        name: '张三',
        gender: 'M',
        birthDate: '1950-01-01',
        idNumber: '11010519491231002x',
        mobile: '138 1234 5678',
        householdId: place.h501.id,
        relationToHead: '户主',
      }),
    )
    expect(r).toMatchObject({
      name: '张三',
      gender: 'F',
      birthDate: '1949-12-31',
      age: 76,
      idNumber: '110105********002X',
      mobile: '138****5678',
      idNumberMasked: true,
      mobileMasked: true,
      address: '幸福小区 17栋 2单元 501',
      householdId: place.h501.id,
      archived: false,
      warnings: [],
    })
    const row = await s.models.Resident.findByPk(r.id)
    expect(row?.idNumber).toBe('11010519491231002X')
    expect(row?.mobile).toBe('13812345678')
    expect(row?.namePinyin).toBe('zhangsan')
    expect(row?.nameInitials).toBe('zs')
    // First member with 户主 becomes the household's head.
    expect((await s.households.get(place.h501.id)).headResidentId).toBe(r.id)
    expect(await s.residents.get(r.id)).toEqual(r)
  })

  it('keeps a birth date and gender typed by hand when there is no ID number', async () => {
    const r = await s.residents.create(admin, residentInput({ name: '王五', gender: 'M', birthDate: '2016-11-25' }))
    expect(r).toMatchObject({
      gender: 'M',
      birthDate: '2016-11-25',
      age: 9,
      idNumber: null,
      idNumberMasked: false,
      address: null,
    })
  })

  it('keeps an unallocated mobile with a warning', async () => {
    const r = await s.residents.create(admin, residentInput({ name: '赵六', mobile: '14012345678' }))
    expect(r.mobile).toBe('140****5678')
    expect(r.warnings).toEqual(['mobileUnallocated'])
  })

  it('refuses unknown tags and households', async () => {
    const e1 = await failure(s.residents.create(admin, residentInput({ name: '甲', tagIds: [9999] })))
    expect(e1.fields).toEqual([{ path: 'tagIds', message: 'validation.tag.unknown' }])
    const e2 = await failure(s.residents.create(admin, residentInput({ name: '甲', householdId: 9999 })))
    expect(e2.fields).toEqual([{ path: 'householdId', message: 'validation.household.unknown' }])
    expect(await s.models.Resident.count()).toBe(0)
  })

  it('answers NOT_FOUND for a missing file', async () => {
    expect((await failure(s.residents.get(12345))).code).toBe('NOT_FOUND')
  })
})

describe('duplicate ID numbers', () => {
  it('refuses a second file for one ID, naming the existing file, whatever the spelling', async () => {
    const first = await s.residents.create(admin, residentInput({ name: '张三', idNumber: '11010519491231002X' }))
    for (const spelling of [
      '11010519491231002X',
      '11010519491231002x',
      '１１０１０５１９４９１２３１００２Ｘ',
      '110105 19491231 002X',
    ]) {
      const e = await failure(s.residents.create(admin, residentInput({ name: '张叁', idNumber: spelling })))
      expect(e.code).toBe('CONFLICT')
      expect(e.fields).toEqual([
        { path: 'idNumber', message: 'validation.id.duplicate', params: { name: '张三', id: first.id } },
      ])
    }
    expect(await s.models.Resident.count()).toBe(1)
  })

  it('names an archived file as archived', async () => {
    const first = await s.residents.create(admin, residentInput({ name: '张三', idNumber: '11010519491231002X' }))
    await s.residents.setArchived(admin, first.id, true)
    const e = await failure(s.residents.create(admin, residentInput({ name: '张叁', idNumber: '11010519491231002X' })))
    expect(e.code).toBe('CONFLICT')
    expect(e.fields).toEqual([
      { path: 'idNumber', message: 'validation.id.duplicateArchived', params: { name: '张三', id: first.id } },
    ])
  })

  it('refuses an update onto another file’s ID, but lets a file keep its own', async () => {
    const a = await s.residents.create(admin, residentInput({ name: '张三', idNumber: '11010519491231002X' }))
    const b = await s.residents.create(admin, residentInput({ name: '李四', idNumber: '34052419800101001X' }))
    const e = await failure(
      s.residents.update(admin, b.id, residentInput({ name: '李四', idNumber: '11010519491231002X' })),
    )
    expect(e.fields?.[0]).toMatchObject({
      path: 'idNumber',
      message: 'validation.id.duplicate',
      params: { name: '张三', id: a.id },
    })
    const same = await s.residents.update(
      admin,
      a.id,
      residentInput({ name: '张三丰', idNumber: '11010519491231002X' }),
    )
    expect(same.name).toBe('张三丰')
  })

  it('allows many files without an ID number', async () => {
    await s.residents.create(admin, residentInput({ name: '甲' }))
    await s.residents.create(admin, residentInput({ name: '乙', idNumber: '' }))
    await s.residents.create(admin, residentInput({ name: '丙', idNumber: null }))
    expect(await s.models.Resident.count()).toBe(3)
  })
})

describe('update, archive and restore', () => {
  it('updates a file, re-deriving from a new ID and re-indexing the new name', async () => {
    const { zhang } = await seedPeople()
    const updated = await s.residents.update(
      admin,
      zhang.id,
      residentInput({
        name: '章山',
        idNumber: makeId('19700707', '031'),
        mobile: '13700001234',
        householdId: place.h501.id,
        relationToHead: '户主',
        tagIds: [tagId['空巢']!],
      }),
    )
    expect(updated).toMatchObject({
      name: '章山',
      gender: 'M',
      birthDate: '1970-07-07',
      mobile: '137****1234',
      tags: ['空巢'],
      politicalStatus: null,
    })
    expect(names(await s.residents.list(query({ q: '章山' })))).toEqual(['章山'])
    expect(names(await s.residents.list(query({ q: '0707' })))).toEqual(['章山'])
    expect((await s.residents.list(query({ q: '2345678' }))).items.map((i) => i.name)).not.toContain('章山')
    expect(names(await s.residents.list(query({ q: '19491231' })))).toEqual([])
  })

  it('keeps the stored numbers when an update leaves them out, and clears them when sent empty', async () => {
    const { zhang } = await seedPeople()
    const kept = await s.residents.update(
      admin,
      zhang.id,
      residentInput({ name: '张三', householdId: place.h501.id, relationToHead: '户主' }),
    )
    expect(kept).toMatchObject({
      idNumber: '110105********002X',
      mobile: '138****5678',
      gender: 'F',
      birthDate: '1949-12-31',
    })
    expect((await s.residents.reveal(admin, zhang.id, 'idNumber')).value).toBe('11010519491231002X')
    const cleared = await s.residents.update(
      admin,
      zhang.id,
      residentInput({ name: '张三', idNumber: '', mobile: null, birthDate: '1949-12-31' }),
    )
    expect(cleared).toMatchObject({ idNumber: null, mobile: null, birthDate: '1949-12-31' })
  })

  it('refuses a save over a version changed since the form was opened, and accepts the current one', async () => {
    const { zhang } = await seedPeople()
    const opened = (await s.residents.get(zhang.id)).updatedAt
    clock.advance(60_000)
    // Meanwhile, at another counter (or a household move), the file changes.
    await s.households.moveMember(admin, { residentId: zhang.id, householdId: place.h502.id, relationToHead: '其他' })
    const stale = await s.residents
      .update(admin, zhang.id, residentInput({ name: '张叁' }), opened)
      .catch((e: AppError) => e)
    expect(stale).toMatchObject({ code: 'CONFLICT', message: 'errors.staleEdit' })
    expect((await s.residents.get(zhang.id)).name).toBe('张三')
    const current = (await s.residents.get(zhang.id)).updatedAt
    const saved = await s.residents.update(
      admin,
      zhang.id,
      residentInput({ name: '张叁', householdId: place.h502.id, relationToHead: '其他' }),
      current,
    )
    expect(saved.name).toBe('张叁')
  })

  it('keeps a tag archived since it was given: the file can still be edited', async () => {
    const { zhang } = await seedPeople()
    await s.tags.update(admin, { id: tagId['低保']!, archived: true })
    const file = await s.residents.get(zhang.id)
    const updated = await s.residents.update(
      admin,
      zhang.id,
      residentInput({
        name: '张三',
        householdId: place.h501.id,
        relationToHead: '户主',
        tagIds: file.tagIds,
        notes: '复核',
      }),
    )
    expect(updated.tags).toContain('低保')
    // But an archived tag cannot be newly given.
    const li = (await s.residents.list(query({ q: '李四' }))).items[0]!.id
    await expect(
      s.residents.update(admin, li, residentInput({ name: '李四', tagIds: [tagId['低保']!] })),
    ).rejects.toMatchObject({ fields: [{ path: 'tagIds', message: 'validation.tag.unknown' }] })
  })

  it('hides archived files from the default list and shows them on request', async () => {
    const { zhang } = await seedPeople()
    const archived = await s.residents.setArchived(admin, zhang.id, true)
    expect(archived.archived).toBe(true)
    expect(names(await s.residents.list(query()))).not.toContain('张三')
    expect((await s.residents.list(query())).total).toBe(3)
    expect(names(await s.residents.list(query({ status: 'archived' })))).toEqual(['张三'])
    expect((await s.residents.list(query({ status: 'all' }))).total).toBe(4)
    expect((await s.residents.list(query({ q: 'zs', status: 'archived' }))).items[0]?.archived).toBe(true)
    expect((await s.residents.list(query({ q: 'zs' }))).total).toBe(0)

    const restored = await s.residents.setArchived(admin, zhang.id, false)
    expect(restored.archived).toBe(false)
    expect(names(await s.residents.list(query({ q: 'zs' })))).toEqual(['张三'])
    // Nothing is ever deleted here.
    expect(await s.models.Resident.count()).toBe(4)
  })
})

describe('search', () => {
  it.each([
    ['张三', ['张三']],
    ['张', ['张三']],
    ['zs', ['张三']],
    ['ZS', ['张三']],
    ['zhangs', ['张三']],
    ['zhangsan', ['张三']],
    ['zhang san', ['张三']],
    ['lisi', ['李四']],
    ['ls', ['李四']],
    ['am', ['阿明']],
    ['19491231', ['张三']],
    ['002x', ['张三']],
    ['3405241980', ['李四']],
    ['1234', ['张三']],
    ['0000111', ['李四']],
    ['0816-2345', ['王五']],
    ['幸福小区', ['阿明', '李四', '张三']],
    ['17栋', ['阿明', '李四', '张三']],
    ['2单元', ['阿明', '李四', '张三']],
    ['502', ['阿明']],
    ['2单元 502', ['阿明']],
    ['2单元502', ['阿明']],
    ['幸福小区17栋', ['阿明', '李四', '张三']],
    ['和平街', ['王五']],
  ])('%s finds %j', async (q, expected) => {
    await seedPeople()
    expect(names(await s.residents.list(query({ q })))).toEqual(expected)
  })

  it('treats LIKE wildcards in the query as text', async () => {
    await seedPeople()
    expect((await s.residents.list(query({ q: '%%%' }))).total).toBe(0)
    expect((await s.residents.list(query({ q: '___' }))).total).toBe(0)
  })

  it('finds people under a renamed place by its new name, and no longer by the old', async () => {
    await seedPeople()
    await s.places.update(admin, { id: place.compound.id, name: '和谐家园' })
    expect(names(await s.residents.list(query({ q: '和谐家园' })))).toEqual(['阿明', '李四', '张三'])
    expect((await s.residents.list(query({ q: '幸福小区' }))).total).toBe(0)
    expect((await s.residents.list(query())).items.find((i) => i.name === '张三')?.address).toBe(
      '和谐家园 17栋 2单元 501',
    )
  })

  it('keeps addresses and search as they were when a grid is renamed (grids are not part of an address)', async () => {
    await seedPeople()
    await s.places.update(admin, { id: place.grid1.id, name: '第一网格' })
    expect(names(await s.residents.list(query({ q: '幸福小区' })))).toEqual(['阿明', '李四', '张三'])
    expect(names(await s.residents.list(query({ placeId: place.grid1.id })))).toEqual(['阿明', '李四', '张三'])
    expect((await s.places.get(place.room501.id)).fullName).toBe('幸福社区 / 第一网格 / 幸福小区 / 17栋 / 2单元 / 501')
  })

  it('finds people under a moved building by their new compound', async () => {
    await seedPeople()
    await s.places.update(admin, { id: place.building.id, parentId: place.street.id })
    expect(names(await s.residents.list(query({ q: '和平街' })))).toEqual(['阿明', '李四', '王五', '张三'])
    expect((await s.residents.list(query({ q: '幸福小区' }))).total).toBe(0)
  })

  it('re-indexes a person moved to another household', async () => {
    const { zhang } = await seedPeople()
    await s.households.moveMember(admin, { residentId: zhang.id, householdId: place.h8.id, relationToHead: '租户' })
    expect(names(await s.residents.list(query({ q: '和平街' })))).toEqual(['王五', '张三'])
  })
})

describe('filters, sort and pages', () => {
  it('filters by place subtree', async () => {
    await seedPeople()
    expect(names(await s.residents.list(query({ placeId: place.community.id })))).toEqual([
      '阿明',
      '李四',
      '王五',
      '张三',
    ])
    expect(names(await s.residents.list(query({ placeId: place.grid1.id })))).toEqual(['阿明', '李四', '张三'])
    expect(names(await s.residents.list(query({ placeId: place.room501.id })))).toEqual(['李四', '张三'])
    expect(names(await s.residents.list(query({ placeId: place.grid2.id })))).toEqual(['王五'])
  })

  it('filters by tags, any of them', async () => {
    await seedPeople()
    expect(names(await s.residents.list(query({ tagIds: [tagId['低保']!] })))).toEqual(['张三'])
    expect(names(await s.residents.list(query({ tagIds: [tagId['独居']!, tagId['退役军人']!] })))).toEqual([
      '李四',
      '张三',
    ])
    expect(names(await s.residents.list(query({ tagIds: [tagId['失独']!] })))).toEqual([])
    const [item] = (await s.residents.list(query({ q: 'zs' }))).items
    expect(item?.tags).toEqual(['低保', '独居'])
  })

  it('filters by age range, birthdays included', async () => {
    await seedPeople()
    // 阿明 turns 70 today (born 1956-11-24); 王五 turns 10 tomorrow (born 2016-11-25).
    expect(names(await s.residents.list(query({ ageMin: 70, ageMax: 70 })))).toEqual(['阿明'])
    expect(names(await s.residents.list(query({ ageMin: 71 })))).toEqual(['张三'])
    expect(names(await s.residents.list(query({ ageMax: 9 })))).toEqual(['王五'])
    expect(names(await s.residents.list(query({ ageMin: 10, ageMax: 69 })))).toEqual(['李四'])
    expect(names(await s.residents.list(query({ ageMin: 60 })))).toEqual(['阿明', '张三'])
  })

  it('filters by gender and political status, combined with search', async () => {
    await seedPeople()
    expect(names(await s.residents.list(query({ gender: 'F' })))).toEqual(['阿明', '张三'])
    expect(names(await s.residents.list(query({ gender: 'M' })))).toEqual(['李四', '王五'])
    expect(names(await s.residents.list(query({ politicalStatus: '中共党员' })))).toEqual(['阿明', '张三'])
    expect(names(await s.residents.list(query({ politicalStatus: '中共党员', gender: 'F', q: 'zs' })))).toEqual([
      '张三',
    ])
  })

  it('sorts by name in pinyin order and by age', async () => {
    await seedPeople()
    expect(names(await s.residents.list(query({ sort: 'name' })))).toEqual(['阿明', '李四', '王五', '张三'])
    expect(names(await s.residents.list(query({ sort: '-name' })))).toEqual(['张三', '王五', '李四', '阿明'])
    expect(names(await s.residents.list(query({ sort: 'age' })))).toEqual(['王五', '李四', '阿明', '张三'])
    expect(names(await s.residents.list(query({ sort: '-age' })))).toEqual(['张三', '阿明', '李四', '王五'])
  })

  it('pages with a total', async () => {
    await seedPeople()
    for (let i = 0; i < 21; i++)
      await s.residents.create(admin, residentInput({ name: `测试${String(i).padStart(2, '0')}` }))
    const p1 = await s.residents.list(query({ pageSize: 10 }))
    const p3 = await s.residents.list(query({ pageSize: 10, page: 3 }))
    expect(p1).toMatchObject({ total: 25, page: 1, pageSize: 10 })
    expect(p1.items).toHaveLength(10)
    expect(p3.items).toHaveLength(5)
    expect((await s.residents.list(query({ pageSize: 10, page: 4 }))).items).toHaveLength(0)
    const all = [...p1.items, ...(await s.residents.list(query({ pageSize: 10, page: 2 }))).items, ...p3.items].map(
      (i) => i.id,
    )
    expect(new Set(all).size).toBe(25)
    expect((await s.residents.list(query({ q: 'cs', pageSize: 5 }))).total).toBe(21)
  })

  it('lists masked numbers only', async () => {
    await seedPeople()
    const page = await s.residents.list(query())
    const text = JSON.stringify(page)
    expect(text).not.toContain('11010519491231002X')
    expect(text).not.toContain('13812345678')
    expect(page.items.find((i) => i.name === '张三')).toMatchObject({
      idNumber: '110105********002X',
      mobile: '138****5678',
      age: 76,
    })
  })
})

describe('reveal', () => {
  it('returns one full number', async () => {
    const { zhang, wang } = await seedPeople()
    expect(await s.residents.reveal(admin, zhang.id, 'idNumber')).toEqual({
      field: 'idNumber',
      value: '11010519491231002X',
    })
    expect(await s.residents.reveal(admin, zhang.id, 'mobile')).toEqual({ field: 'mobile', value: '13812345678' })
    expect(await s.residents.reveal(admin, wang.id, 'idNumber')).toEqual({ field: 'idNumber', value: null })
  })
})

describe('search: one or two characters', () => {
  it('finds a two-character address fragment (幸福) or a given name alone (明) when no name starts with it', async () => {
    await seedPeople()
    expect(names(await s.residents.list(query({ q: '幸福' })))).toEqual(['阿明', '李四', '张三'])
    expect(names(await s.residents.list(query({ q: '明' })))).toEqual(['阿明'])
  })

  it('prefers names that start with the query: 张 finds the 张 family, not every address with 张 in it', async () => {
    await seedPeople()
    expect(names(await s.residents.list(query({ q: '张' })))).toEqual(['张三'])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ServiceContainer } from '../../electron/services/container'
import type { CallContext } from '../../electron/services/context'
import { DEFAULT_TAGS } from '../../electron/services/tag-service'
import { setupAdmin, tempContainer, type TempContainer, failure } from '../helpers/temp-container'
import { buildCommunity, makeId, residentInput } from './fixtures'

let t: TempContainer
let s: ServiceContainer
let admin: CallContext

beforeEach(async () => {
  t = await tempContainer()
  s = t.services
  admin = await setupAdmin(s)
})
afterEach(async () => t.dispose())

const as = (channel: string): CallContext => ({ ...admin, channel })

interface RawAuditRow {
  id: number
  account_id: number | null
  channel: string
  action: string
  entity: string
  entity_id: string | null
  before: string | null
  after: string | null
}

async function auditRows(): Promise<RawAuditRow[]> {
  return (await s.sequelize.query('SELECT * FROM audit_log ORDER BY id', {
    type: 'SELECT' as never,
  })) as unknown as RawAuditRow[]
}

describe('audit', () => {
  it('records every write with account, channel, entity, id, before and after', async () => {
    const start = (await auditRows()).length
    const p = await buildCommunity(s, as('places:create'))
    const tag = await s.tags.create(as('tags:create'), { name: '重点关注', sensitive: false })
    await s.tags.update(as('tags:update'), { id: tag.id, name: '重点人员' })
    const r = await s.residents.create(
      as('residents:create'),
      residentInput({ name: '张三', idNumber: '11010519491231002X', householdId: p.h501.id, tagIds: [tag.id] }),
    )
    await s.residents.update(
      as('residents:update'),
      r.id,
      residentInput({ name: '张三丰', idNumber: '11010519491231002X', householdId: p.h501.id, tagIds: [] }),
    )
    await s.residents.setArchived(as('residents:archive'), r.id, true)
    await s.residents.setArchived(as('residents:restore'), r.id, false)
    await s.households.setHead(as('households:set-head'), p.h501.id, r.id)
    await s.households.moveMember(as('households:move-member'), {
      residentId: r.id,
      householdId: p.h502.id,
      relationToHead: '户主',
    })
    await s.places.update(as('places:update'), { id: p.compound.id, name: '和谐家园' })
    await s.places.archive(as('places:archive'), p.house8.id) // has a household, but nobody in it
    await s.settings.update(as('settings:update'), { stationName: '幸福社区党群服务中心', idleLockMinutes: 15 })
    await s.auth.createAccount(as('accounts:create'), {
      username: 'wang',
      displayName: '王',
      password: 'secret123',
      role: 'staff',
    })

    const rows = (await auditRows()).slice(start)
    expect(rows.every((row) => row.account_id === admin.actor!.accountId)).toBe(true)
    const summary = rows.map((row) => `${row.channel} ${row.action} ${row.entity}`)
    expect(summary).toEqual([
      ...Array(10).fill('places:create create place'),
      ...Array(3).fill('places:create create household'),
      'tags:create create tag',
      'tags:update update tag',
      'residents:create create resident',
      'residents:update update resident',
      'residents:archive archive resident',
      'residents:restore restore resident',
      'households:set-head setHead household',
      'households:move-member moveMember resident',
      'places:update update place',
      'places:archive archive place',
      'settings:update update settings',
      'accounts:create create account',
    ])

    const byAction = (action: string, entity: string) =>
      rows.find((row) => row.action === action && row.entity === entity)!
    const update = byAction('update', 'resident')
    expect(update.entity_id).toBe(String(r.id))
    expect(JSON.parse(update.before!)).toMatchObject({
      name: '张三',
      tagIds: [tag.id],
      idNumber: '110105********002X',
      archived: false,
    })
    expect(JSON.parse(update.after!)).toMatchObject({ name: '张三丰', tagIds: [] })
    expect(JSON.parse(byAction('archive', 'resident').after!)).toMatchObject({ archived: true })
    expect(JSON.parse(byAction('update', 'tag').before!)).toMatchObject({ name: '重点关注' })
    expect(JSON.parse(byAction('update', 'tag').after!)).toMatchObject({ name: '重点人员' })
    expect(JSON.parse(byAction('update', 'place').before!)).toMatchObject({ name: '幸福小区' })
    expect(JSON.parse(byAction('update', 'place').after!)).toMatchObject({ name: '和谐家园' })
    const move = byAction('moveMember', 'resident')
    expect(JSON.parse(move.before!)).toEqual({ householdId: p.h501.id, relationToHead: '户主' })
    expect(JSON.parse(move.after!)).toEqual({ householdId: p.h502.id, relationToHead: '户主' })
    expect(JSON.parse(byAction('update', 'settings').after!)).toMatchObject({
      stationName: '幸福社区党群服务中心',
      idleLockMinutes: 15,
    })
    expect(byAction('create', 'account').after).not.toContain('secret123')

    // The list reads the same rows back, newest first, with the account's name.
    const page = await s.audit.list({ entity: 'resident', entityId: String(r.id), page: 1, pageSize: 50 })
    expect(page.items.map((i) => i.action)).toEqual(['moveMember', 'restore', 'archive', 'update', 'create'])
    expect(page.items[0]).toMatchObject({
      accountId: admin.actor!.accountId,
      accountName: '管理员',
      channel: 'households:move-member',
      entity: 'resident',
      entityId: String(r.id),
    })
    expect(page.items[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(page.total).toBe(5)
  })

  it('names the first administrator on their own setup row', async () => {
    const [row] = await auditRows()
    expect(row).toMatchObject({ action: 'create', entity: 'account', entity_id: '1', account_id: 1 })
  })

  it('never stores a full ID or mobile number, before or after a change, or on a reveal', async () => {
    const ids = ['11010519491231002X', makeId('19700707', '031')]
    const mobiles = ['13812345678', '13998765432']
    const r = await s.residents.create(
      as('residents:create'),
      residentInput({ name: '张三', idNumber: ids[0], mobile: mobiles[0] }),
    )
    await s.residents.update(
      as('residents:update'),
      r.id,
      residentInput({ name: '张三', idNumber: ids[1], mobile: mobiles[1] }),
    )
    await s.residents.reveal(as('residents:reveal'), r.id, 'idNumber')
    await s.residents.reveal(as('residents:reveal'), r.id, 'mobile')
    await s.residents.setArchived(as('residents:archive'), r.id, true)

    const text = JSON.stringify(await auditRows())
    for (const secret of [...ids, ...mobiles, ids[0]!.slice(6, 14), ids[1]!.slice(6, 14)])
      expect(text).not.toContain(secret)
    expect(text).toContain('110105********002X')
    expect(text).toContain('138****5678')
    const listed = JSON.stringify(await s.audit.list({ page: 1, pageSize: 200 }))
    for (const secret of [...ids, ...mobiles]) expect(listed).not.toContain(secret)
  })

  it('writes a row for every reveal, naming the field but not the value', async () => {
    const r = await s.residents.create(
      as('residents:create'),
      residentInput({ name: '张三', idNumber: '11010519491231002X', mobile: '13812345678' }),
    )
    await s.residents.reveal(as('residents:reveal'), r.id, 'idNumber')
    await s.residents.reveal(as('residents:reveal'), r.id, 'mobile')
    const reveals = (await auditRows()).filter((row) => row.action === 'reveal')
    expect(reveals).toHaveLength(2)
    expect(reveals[0]).toMatchObject({
      channel: 'residents:reveal',
      entity: 'resident',
      entity_id: String(r.id),
      account_id: admin.actor!.accountId,
      before: null,
    })
    expect(JSON.parse(reveals[0]!.after!)).toEqual({ field: 'idNumber' })
    expect(JSON.parse(reveals[1]!.after!)).toEqual({ field: 'mobile' })
  })

  it('writes no audit row for a write that failed, and no change without its row', async () => {
    const before = (await auditRows()).length
    await failure(s.residents.create(as('residents:create'), residentInput({ name: '张三', tagIds: [999] })))
    await failure(s.tags.create(as('tags:create'), { name: '低保', sensitive: true }))
    expect((await auditRows()).length).toBe(before)
    expect(await s.models.Resident.count()).toBe(0)
  })
})

describe('tags', () => {
  it('seeds the default dictionary once', async () => {
    const tags = await s.tags.list()
    expect(tags.map((x) => x.name)).toEqual(DEFAULT_TAGS.map((x) => x.name))
    expect(tags.find((x) => x.name === '低保')).toMatchObject({ sensitive: true, archived: false })
    expect(tags.find((x) => x.name === '空巢')?.sensitive).toBe(false)
    for (const name of [
      '低保',
      '特困',
      '残疾',
      '空巢',
      '独居',
      '失独',
      '留守儿童',
      '务工人员子女',
      '个体工商户',
      '流入党员',
      '退役军人',
    ]) {
      expect(tags.map((x) => x.name)).toContain(name)
    }
    // A renamed default is not brought back at the next start.
    await s.tags.update(admin, { id: tags[0]!.id, name: '城乡低保' })
    s = await t.restart()
    const again = await s.tags.list()
    expect(again).toHaveLength(DEFAULT_TAGS.length)
    expect(again.map((x) => x.name)).not.toContain('低保')
  })

  it('refuses a duplicate name, on create and on rename', async () => {
    const e = await failure(s.tags.create(admin, { name: '低保', sensitive: false }))
    expect(e.code).toBe('CONFLICT')
    expect(e.fields).toEqual([{ path: 'name', message: 'validation.tag.duplicate' }])
    const mine = await s.tags.create(admin, { name: '重点关注', sensitive: false })
    expect(mine.sort).toBeGreaterThan(
      Math.max(...(await s.tags.list()).filter((x) => x.id !== mine.id).map((x) => x.sort)),
    )
    const r = await failure(s.tags.update(admin, { id: mine.id, name: '独居' }))
    expect(r.fields).toEqual([{ path: 'name', message: 'validation.tag.duplicate' }])
    expect((await failure(s.tags.update(admin, { id: 9999, name: 'x' }))).code).toBe('NOT_FOUND')
  })

  it('archives a tag: kept on files that have it, refused for new ones', async () => {
    const tags = await s.tags.list()
    const lonely = tags.find((x) => x.name === '独居')!
    const r = await s.residents.create(admin, residentInput({ name: '张三', tagIds: [lonely.id] }))
    const archived = await s.tags.update(admin, { id: lonely.id, archived: true })
    expect(archived.archived).toBe(true)
    expect((await s.residents.get(r.id)).tags).toEqual(['独居'])
    const e = await failure(s.residents.create(admin, residentInput({ name: '李四', tagIds: [lonely.id] })))
    expect(e.fields).toEqual([{ path: 'tagIds', message: 'validation.tag.unknown' }])
  })
})

describe('settings', () => {
  it('starts from defaults and keeps what was saved across a restart', async () => {
    expect(await s.settings.get()).toEqual({
      stationName: '社区党群服务中心',
      community: '',
      address: '',
      phone: '',
      locale: 'zh-CN',
      idleLockMinutes: 10,
      printBodyFont: 'shipped',
    })
    await s.settings.update(admin, { locale: 'zh-TW', idleLockMinutes: 5, community: '幸福社区' })
    s = await t.restart()
    expect(await s.settings.get()).toMatchObject({
      locale: 'zh-TW',
      idleLockMinutes: 5,
      community: '幸福社区',
      stationName: '社区党群服务中心',
    })
    expect((await s.auth.state('w')).idleLockMinutes).toBe(5)
  })
})

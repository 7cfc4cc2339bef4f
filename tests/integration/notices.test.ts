import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CallContext } from '../../electron/services/context'
import { noticeSchemas } from '../../electron/contract/notice-schemas'
import { noticeEdit } from '../helpers/notices'
import { failure, setupAdmin, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'

let t: TempContainer
let admin: CallContext
const clock = testClock('2026-11-23T17:30:00Z') // 01:30 on the 24th in Shanghai

beforeEach(async () => {
  clock.set('2026-11-23T17:30:00Z')
  t = await tempContainer({ now: clock.now })
  admin = await setupAdmin(t.services)
  await t.services.settings.update(admin, { stationName: '幸福社区党群服务中心', phone: '0816-2345678' })
})
afterEach(async () => t.dispose())

async function template(key: string) {
  const all = await t.services.notices.listTemplates()
  const found = all.find((x) => x.builtinKey === key)
  if (!found) throw new Error(`no template ${key}`)
  return found
}

const edit = noticeEdit

describe('templates', () => {
  it('starts with the five built-in templates, seeded once across restarts', async () => {
    const names = (await t.services.notices.listTemplates()).map((x) => x.name)
    expect(names).toEqual(['会议通知', '活动通知', '温馨提示', '公告', '停水停电通知'])
    await t.restart({ now: clock.now })
    expect(await t.services.notices.listTemplates()).toHaveLength(5)
    const meeting = await template('meeting')
    expect(meeting.variables).toEqual(expect.arrayContaining(['会议名称', '会议时间', '会议地点', '联系电话']))
  })

  it('keeps built-ins read-only; the station writes, changes and archives its own', async () => {
    const meeting = await template('meeting')
    const refused = await failure(t.services.notices.saveTemplate(admin, { ...meeting, id: meeting.id, name: '改掉' }))
    expect(refused.message).toBe('errors.notice.templateBuiltin')
    const own = await t.services.notices.saveTemplate(admin, {
      name: '垃圾分类提示',
      title: '垃圾分类温馨提示',
      bodyHtml: '<p onclick="x()">请于{{投放时间}}投放。</p><script>alert(1)</script>',
      layout: 'poster',
      paper: 'A3',
    })
    expect(own.bodyHtml).toBe('<p>请于{{投放时间}}投放。</p>')
    expect(own.variables).toEqual(['投放时间'])
    expect(own.paper).toBe('A3')
    const changed = await t.services.notices.saveTemplate(admin, { ...own, id: own.id, layout: 'formal' })
    // A3 is for posters only.
    expect(changed.paper).toBe('A4')
    await t.services.notices.archiveTemplate(admin, own.id)
    expect((await t.services.notices.listTemplates()).map((x) => x.id)).not.toContain(own.id)
  })
})

describe('making a notice from a template', () => {
  it('fills typed values and the station’s own, escapes them, and flags what is left', async () => {
    const meeting = await template('meeting')
    const n = await t.services.notices.create(admin, {
      templateId: meeting.id,
      values: { 会议名称: '居民代表会议', 会议时间: '11月28日下午3点', 会议地点: '社区二楼<会议室>', 联系电话: '110' },
    })
    expect(n.title).toBe('关于召开居民代表会议的通知')
    expect(n.bodyHtml).toContain('在社区二楼&lt;会议室&gt;召开')
    // 联系电话 is the station's, whatever was typed for it.
    expect(n.bodyHtml).toContain('0816-2345678')
    expect(n.bodyHtml).not.toContain('110')
    expect(n.issuer).toBe('幸福社区党群服务中心')
    // Shanghai's date, not UTC's.
    expect(n.issueDate).toBe('2026-11-24')
    expect(n.status).toBe('draft')
    expect(n.version).toBe(1)
    expect(n.unfilled).toEqual(['会议内容', '参会人员'])
    expect(n.layout).toBe('formal')

    const refused = await failure(t.services.notices.issue(admin, n.id))
    expect(refused.message).toBe('errors.notice.unfilled')
    expect(refused.params).toEqual({ names: '会议内容、参会人员' })
  })

  it('flags a placeholder that formatting split, which filling cannot reach', async () => {
    const reminder = await template('reminder')
    const n = await t.services.notices.create(admin, { templateId: reminder.id, values: { 提示内容: '近期天气寒冷' } })
    const updated = await t.services.notices.update(
      admin,
      n.id,
      edit(n, { bodyHtml: '<p>请于{{截止<strong>时间</strong>}}前缴费</p>' }).data,
    )
    expect(updated.unfilled).toEqual(['截止时间'])
  })
})

describe('lifecycle', () => {
  async function issuedNotice() {
    const reminder = await template('reminder')
    const n = await t.services.notices.create(admin, {
      templateId: reminder.id,
      values: { 提示内容: '冬季用电注意安全。' },
    })
    return t.services.notices.issue(admin, n.id)
  }

  it('locks an issued notice; a revision is a new version and the old one is kept', async () => {
    const v1 = await issuedNotice()
    expect(v1.status).toBe('issued')
    expect(v1.issuedBy).toBe('管理员')
    const locked = await failure(t.services.notices.update(admin, v1.id, edit(v1, { title: '改' }).data))
    expect(locked.code).toBe('CONFLICT')
    expect(locked.message).toBe('errors.notice.locked')

    const v2 = await t.services.notices.revise(admin, v1.id)
    expect(v2.id).not.toBe(v1.id)
    expect(v2.seriesId).toBe(v1.id)
    expect(v2.version).toBe(2)
    expect(v2.status).toBe('draft')
    // Revising again opens the same draft rather than a third version.
    expect((await t.services.notices.revise(admin, v1.id)).id).toBe(v2.id)

    const changed = await t.services.notices.update(admin, v2.id, edit(v2, { title: '温馨提示（更正）' }).data)
    await t.services.notices.issue(admin, changed.id)
    const old = await t.services.notices.get(v1.id)
    expect(old.status).toBe('superseded')
    expect(old.title).toBe('温馨提示')
    expect(old.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'issued'],
    ])
  })

  it('refuses a save over a newer version of the draft', async () => {
    const reminder = await template('reminder')
    const n = await t.services.notices.create(admin, { templateId: reminder.id, values: {} })
    const first = edit(n, { title: '第一次' })
    clock.advance(1000)
    await t.services.notices.update(admin, n.id, first.data, first.expectedUpdatedAt)
    const second = edit(n, { title: '第二次' })
    const stale = await failure(t.services.notices.update(admin, n.id, second.data, second.expectedUpdatedAt))
    expect(stale.message).toBe('errors.notice.staleEdit')
    expect((await t.services.notices.get(n.id)).title).toBe('第一次')
  })

  it('copies into a new series, discards drafts only, and audits each step', async () => {
    const v1 = await issuedNotice()
    clock.advance(86_400_000)
    const copy = await t.services.notices.copy(admin, v1.id)
    expect(copy.seriesId).toBe(copy.id)
    expect(copy.version).toBe(1)
    expect(copy.issueDate).toBe('2026-11-25')
    expect((await failure(t.services.notices.discard(admin, v1.id))).message).toBe('errors.notice.notDraft')
    await t.services.notices.discard(admin, copy.id)
    expect((await failure(t.services.notices.get(copy.id))).code).toBe('NOT_FOUND')
    const actions = (await t.services.audit.list({ entity: 'notice', page: 1, pageSize: 50 })).items.map(
      (a) => a.action,
    )
    expect(actions).toEqual(expect.arrayContaining(['create', 'issue', 'discard']))
  })
})

describe('list', () => {
  it('searches title and text, filters by template, status and date', async () => {
    const reminder = await template('reminder')
    const meeting = await template('meeting')
    const a = await t.services.notices.create(admin, {
      templateId: reminder.id,
      values: { 提示内容: '电动车请勿进楼道充电' },
    })
    await t.services.notices.issue(admin, a.id)
    clock.advance(3 * 86_400_000)
    await t.services.notices.create(admin, { templateId: meeting.id, values: { 会议名称: '党员大会' } })
    const page = (q: Record<string, unknown>) =>
      t.services.notices.list(noticeSchemas.noticeQuery.parse({ ...q })).then((p) => p.items.map((i) => i.title))

    expect(await page({ q: '楼道' })).toEqual(['温馨提示'])
    expect(await page({ q: '党员大会' })).toEqual(['关于召开党员大会的通知'])
    // `%` and `_` are text, not wildcards: nothing holds them yet, then a notice that does.
    expect(await page({ q: '%' })).toEqual([])
    expect(await page({ q: '_' })).toEqual([])
    expect(await page({ templateId: meeting.id })).toEqual(['关于召开党员大会的通知'])
    expect(await page({ status: 'issued' })).toEqual(['温馨提示'])
    expect(await page({ from: '2026-11-25' })).toEqual(['关于召开党员大会的通知'])
    expect(await page({ to: '2026-11-24' })).toEqual(['温馨提示'])
    // Newest first, with the template's name.
    const all = await t.services.notices.list(noticeSchemas.noticeQuery.parse({}))
    expect(all.items.map((i) => i.templateName)).toEqual(['会议通知', '温馨提示'])
    expect(all.total).toBe(2)
    const discount = await t.services.notices.create(admin, {
      templateId: reminder.id,
      values: { 提示内容: '水费减免50%_本月' },
    })
    expect(
      (await t.services.notices.list(noticeSchemas.noticeQuery.parse({ q: '50%_' }))).items.map((i) => i.id),
    ).toEqual([discount.id])
  })
})

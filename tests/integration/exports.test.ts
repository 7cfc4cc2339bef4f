/** Lists to xlsx through the router: filters honoured, numbers masked unless allowed, audited. */
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExportFileDto } from '../../electron/contract/export-schemas'
import { createRouter, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import { routerCalls } from '../helpers/router-calls'
import { ADMIN, tempContainer, type TempContainer } from '../helpers/temp-container'
import { buildCommunity, makeId, residentInput } from './fixtures'

const APP = 'app://station/index.html'
const admin: SenderInfo = { id: '1', url: APP }
const coordinator: SenderInfo = { id: '2', url: APP }

let t: TempContainer
let router: Router

const { call, refusal } = routerCalls(() => router)

async function rowsOf(file: ExportFileDto): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer)
  const rows: unknown[][] = []
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

const ZHANG_ID = makeId('19450301', '131')
const columns = [
  { key: 'name', header: '姓名' },
  { key: 'gender', header: '性别', values: { M: '男', F: '女' } },
  { key: 'idNumber', header: '身份证号' },
  { key: 'mobile', header: '手机' },
  { key: 'tags', header: '标签' },
]
const request = (extra: Record<string, unknown> = {}) => ({
  list: 'residents',
  query: { q: '' },
  columns,
  titleLines: ['居民档案', '导出时间：2026-11-24 10:00'],
  fileName: '居民档案',
  ...extra,
})

beforeEach(async () => {
  t = await tempContainer()
  router = createRouter(t.services, { isTrustedSender: () => true })
  await call(admin, 'auth:setup', { ...ADMIN })
  const actorCall = { actor: { accountId: 1, role: 'admin' as const, displayName: '管理员' }, channel: 'test' }
  const c = await buildCommunity(t.services, actorCall)
  const tags = await t.services.tags.list()
  const elderly = tags.find((tag) => tag.name === '独居老人') ?? tags[0]!
  await t.services.residents.create(
    actorCall,
    residentInput({
      name: '张三',
      idNumber: ZHANG_ID,
      mobile: '13812345678',
      householdId: c.h501.id,
      tagIds: [elderly.id],
    }),
  )
  await t.services.residents.create(
    actorCall,
    residentInput({ name: '李四', idNumber: makeId('19800101', '242'), householdId: c.h8.id }),
  )
  await t.services.residents.create(actorCall, residentInput({ name: '王五', householdId: c.h502.id }))
  await call(admin, 'accounts:create', {
    username: 'zhou',
    displayName: '周协调',
    password: 'coord-pass-1',
    role: 'coordinator',
  })
  await call(coordinator, 'auth:login', { username: 'zhou', password: 'coord-pass-1' })
})
afterEach(async () => t.dispose())

describe('export:list', () => {
  it('writes the filtered list with its columns, masked, and audits the export', async () => {
    const file = await call<ExportFileDto>(admin, 'export:list', request({ query: { q: '张' } }))
    expect(file.rows).toBe(1)
    expect(file.full).toBe(false)
    expect(file.fileName).toMatch(/^居民档案-\d{8}-\d{4}\.xlsx$/)
    const rows = await rowsOf(file)
    expect(rows[0]![0]).toBe('居民档案')
    expect(rows[2]).toEqual(['姓名', '性别', '身份证号', '手机', '标签'])
    expect(rows[3]!.slice(0, 4)).toEqual([
      '张三',
      '男',
      `${ZHANG_ID.slice(0, 6)}********${ZHANG_ID.slice(-4)}`,
      '138****5678',
    ])
    expect(rows).toHaveLength(4)

    const audit = await t.services.audit.list({ entity: 'residents', page: 1, pageSize: 10 })
    expect(audit.items[0]).toMatchObject({
      action: 'export',
      after: { rows: 1, full: [], columns: ['name', 'gender', 'idNumber', 'mobile', 'tags'] },
    })
  })

  it('gives full numbers only when asked by an account that may unmask, and records that', async () => {
    const file = await call<ExportFileDto>(
      admin,
      'export:list',
      request({ full: true, query: { q: '', sort: 'name' } }),
    )
    expect(file.full).toBe(true)
    const rows = await rowsOf(file)
    const zhang = rows.find((r) => r[0] === '张三')!
    expect(zhang[2]).toBe(ZHANG_ID)
    expect(zhang[3]).toBe('13812345678')
    // No numbers on file: empty cells, not "null".
    const wang = rows.find((r) => r[0] === '王五')!
    expect([wang[2] ?? null, wang[3] ?? null]).toEqual([null, null])
    const audit = await t.services.audit.list({ entity: 'residents', page: 1, pageSize: 10 })
    expect(audit.items[0]!.after).toMatchObject({ rows: 3, full: ['idNumber', 'mobile'] })

    expect(await refusal(coordinator, 'export:list', request({ full: true }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'errors.exports.fullNotAllowed',
    })
    const masked = await rowsOf(await call<ExportFileDto>(coordinator, 'export:list', request()))
    expect(masked.find((r) => r[0] === '张三')![2]).toContain('********')
  })

  it('keeps a searched number masked in the audit, and refuses unknown columns and lists the role may not read', async () => {
    await call<ExportFileDto>(admin, 'export:list', request({ query: { q: ZHANG_ID } }))
    const audit = await t.services.audit.list({ entity: 'residents', page: 1, pageSize: 10 })
    expect(JSON.stringify(audit.items[0]!.after)).not.toContain(ZHANG_ID)

    expect(
      await refusal(admin, 'export:list', request({ columns: [{ key: 'passwordHash', header: 'x' }] })),
    ).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'columns', message: 'validation.exports.unknownColumn' }],
    })
    // Coordinators read no party data: the members list is not theirs to export.
    expect(
      await refusal(coordinator, 'export:list', {
        ...request(),
        list: 'members',
        query: {},
        columns: [{ key: 'name', header: '姓名' }],
      }),
    ).toMatchObject({ code: 'FORBIDDEN' })
  })

  it("exports only the residents of a grid-scoped account's grids", async () => {
    const grid1 = (await t.services.places.tree())[0]!.children.find((p) => p.name === '一网格')!
    await call(admin, 'accounts:create', {
      username: 'wu',
      displayName: '吴网格员',
      password: 'grid-pass-1',
      role: 'staff',
      gridIds: [grid1.id],
    })
    const scoped: SenderInfo = { id: '3', url: APP }
    await call(scoped, 'auth:login', { username: 'wu', password: 'grid-pass-1' })
    const rows = await rowsOf(await call<ExportFileDto>(scoped, 'export:list', request()))
    expect(
      rows
        .slice(3)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['张三', '王五'])
  })

  it('exports the print log and notices lists with coded values labelled', async () => {
    const file = await call<ExportFileDto>(admin, 'export:list', {
      list: 'notices',
      query: {},
      columns: [
        { key: 'title', header: '标题' },
        { key: 'status', header: '状态', values: { draft: '草稿' } },
      ],
      titleLines: ['通知公告'],
      fileName: '通知公告',
    })
    expect(file.rows).toBe(0)
    expect((await rowsOf(file))[1]).toEqual(['标题', '状态'])
  })
})

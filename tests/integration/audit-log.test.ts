import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditEntryDto, Page } from '../../electron/contract/dto'
import type { AuditExportDto, AuditFacetsDto, ManagedAccountDto } from '../../electron/contract/admin-dto'
import { createRouter, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import { ADMIN, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'

const APP = 'app://station/index.html'
const admin: SenderInfo = { id: '1', url: APP }
const clerkWindow: SenderInfo = { id: '2', url: APP }

let t: TempContainer
let router: Router
const clock = testClock('2026-11-23T15:30:00Z') // 23:30 on the 23rd in Shanghai

async function ok<T>(sender: SenderInfo, channel: string, input?: unknown): Promise<T> {
  const envelope = await router.handle(sender, channel, input)
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`)
  return envelope.data as T
}

let clerk: ManagedAccountDto

beforeEach(async () => {
  clock.set('2026-11-23T15:30:00Z')
  t = await tempContainer({ now: clock.now })
  router = createRouter(t.services, { isTrustedSender: () => true })
  await ok(admin, 'auth:setup', { ...ADMIN })
  clerk = await ok<ManagedAccountDto>(admin, 'accounts:create', {
    username: 'clerk',
    displayName: '柜台小李',
    password: 'counter-2026',
    role: 'staff',
  })
  // 00:30 on the 24th in Shanghai (still the 23rd in UTC).
  clock.set('2026-11-23T16:30:00Z')
  await ok(clerkWindow, 'auth:login', { username: 'clerk', password: 'counter-2026' })
  await ok(clerkWindow, 'residents:create', { name: '王大妈', idNumber: '11010519491231002X' })
})
afterEach(async () => t.dispose())

const list = (input: Record<string, unknown>) => ok<Page<AuditEntryDto>>(admin, 'audit:list', input)

describe('audit log screen: filters', () => {
  it('filters by account, kind, action and Shanghai days, newest first, paged', async () => {
    const everything = await list({})
    expect(everything.items.map((e) => `${e.entity}:${e.action}`)).toEqual([
      'resident:create',
      'account:login',
      'account:create',
      'account:create',
    ])
    const byClerk = await list({ accountId: clerk.id })
    expect(byClerk.items.map((e) => e.action)).toEqual(['create', 'login'])
    expect(byClerk.items.every((e) => e.accountName === '柜台小李')).toBe(true)
    expect((await list({ entity: 'account' })).total).toBe(3)
    expect((await list({ entity: 'account', action: 'login' })).total).toBe(1)
    // The 23rd (Shanghai) holds the setup and the account; the 24th the sign-in and the file.
    expect((await list({ from: '2026-11-23', to: '2026-11-23' })).total).toBe(2)
    expect((await list({ from: '2026-11-24', to: '2026-11-24' })).total).toBe(2)
    expect((await list({ from: '2026-11-25' })).total).toBe(0)
    const paged = await list({ page: 2, pageSize: 3 })
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 3 })
    expect(paged.items).toHaveLength(1)
    // A range the wrong way round is a field error, not an empty page.
    const wrong = await router.handle(admin, 'audit:list', { from: '2026-11-24', to: '2026-11-23' })
    expect(wrong.ok ? null : wrong.error.fields).toEqual([{ path: 'to', message: 'validation.admin.audit.range' }])
  })

  it('keeps before and after; numbers stay masked', async () => {
    const [entry] = (await list({ entity: 'resident' })).items
    expect(entry!.after).toMatchObject({ name: '王大妈' })
    expect(JSON.stringify(entry)).not.toContain('11010519491231002X')
  })

  it('offers the kinds, actions and accounts the log holds', async () => {
    const facets = await ok<AuditFacetsDto>(admin, 'audit:facets')
    expect(facets.entities).toEqual(['account', 'resident'])
    expect(facets.actions).toEqual(['create', 'login'])
    expect(facets.accounts.map((a) => a.displayName)).toEqual(['管理员', '柜台小李'])
  })

  it('only audit.read reads it', async () => {
    const refused = await router.handle(clerkWindow, 'audit:list', {})
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN')
  })
})

describe('audit log export', () => {
  it('writes the filtered entries to xlsx with the screen’s labels, and logs the export', async () => {
    const file = await ok<AuditExportDto>(admin, 'audit:export', {
      accountId: clerk.id,
      title: '操作日志',
      columns: [
        { key: 'at', header: '时间' },
        { key: 'account', header: '账号' },
        { key: 'entity', header: '记录类型' },
        { key: 'action', header: '操作' },
        { key: 'after', header: '修改后' },
      ],
      entityLabels: { resident: '居民档案', account: '账号' },
      actionLabels: { create: '新建', login: '登录' },
    })
    expect(file.rows).toBe(2)
    expect(file.fileName).toBe('操作日志-20261124.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]!
    const values = sheet.getSheetValues().filter(Boolean) as unknown[][]
    const rows = values.map((r) => r.slice(1).map((c) => (c === undefined || c === null ? '' : String(c))))
    expect(rows[0]).toEqual(['时间', '账号', '记录类型', '操作', '修改后'])
    expect(rows[1]!.slice(0, 4)).toEqual(['2026-11-24 00:30:00', '柜台小李', '居民档案', '新建'])
    expect(rows[2]!.slice(0, 4)).toEqual(['2026-11-24 00:30:00', '柜台小李', '账号', '登录'])
    expect(rows[1]![4]).toContain('王大妈')
    expect(JSON.stringify(rows)).not.toContain('11010519491231002X')
    // The export is itself in the log, with its filter and row count.
    const [logged] = (await list({ entity: 'audit', action: 'export' })).items
    expect(logged).toMatchObject({ accountName: '管理员', after: { filter: { accountId: clerk.id }, rows: 2 } })
  })
})

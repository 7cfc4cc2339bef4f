/**
 * The import through the router: who may import, how a bad mapping is refused, and progress and
 * cancel answered while the import's write transaction is open (they read memory only).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  ImportCheckDto,
  ImportProgressDto,
  ImportResultDto,
  ImportSheetDto,
} from '../../electron/contract/import-dto'
import { createRouter, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import { base64, rosterXlsx, validId } from '../helpers/rosters'
import { routerCalls } from '../helpers/router-calls'
import { ADMIN, tempContainer, type TempContainer } from '../helpers/temp-container'
import { buildCommunity } from './fixtures'

const APP = 'app://station/index.html'
const admin: SenderInfo = { id: '1', url: APP }
const coordinator: SenderInfo = { id: '2', url: APP }

let t: TempContainer
let router: Router

const { call, refusal } = routerCalls(() => router)

beforeEach(async () => {
  t = await tempContainer()
  router = createRouter(t.services, { isTrustedSender: () => true })
  await call(admin, 'auth:setup', { ...ADMIN })
  await buildCommunity(t.services, {
    actor: { accountId: 1, role: 'admin', displayName: '管理员' },
    channel: 'test',
  })
  await call(admin, 'accounts:create', {
    username: 'zhou',
    displayName: '周协调',
    password: 'coord-pass-1',
    role: 'coordinator',
  })
  await call(coordinator, 'auth:login', { username: 'zhou', password: 'coord-pass-1' })
})
afterEach(async () => t.dispose())

async function bigRoster(n: number): Promise<string> {
  const rows = Array.from({ length: n }, (_, i) => [
    `居民${i}`,
    validId('19700101', String(i % 1000).padStart(3, '0'), String(510000 + Math.floor(i / 1000))),
    '一网格',
    `和平里${Math.floor(i / 3)}号`,
  ])
  return base64(await rosterXlsx({ titles: ['和平社区居民名册'], headers: ['姓名', '身份证号', '网格', '住址'], rows }))
}

describe('import channels', () => {
  it('are refused to an account without residents.import', async () => {
    const error = await refusal(coordinator, 'import:template', undefined)
    expect(error.code).toBe('FORBIDDEN')
  })

  it('keep one account’s roster from another account at the same PC', async () => {
    const clerk: SenderInfo = { id: '3', url: APP }
    await call(admin, 'accounts:create', {
      username: 'li',
      displayName: '李干事',
      password: 'staff-pass-1',
      role: 'staff',
    })
    await call(clerk, 'auth:login', { username: 'li', password: 'staff-pass-1' })
    const sheet = await call<ImportSheetDto>(admin, 'import:open', {
      fileName: 'a.xlsx',
      dataBase64: await bigRoster(3),
    })
    const error = await refusal(clerk, 'import:rows', { importId: sheet.importId })
    expect(error.code).toBe('NOT_FOUND')
  })

  it('refuse a mapping without a name column, naming the field', async () => {
    const sheet = await call<ImportSheetDto>(admin, 'import:open', {
      fileName: 'a.xlsx',
      dataBase64: await bigRoster(3),
    })
    const error = await refusal(admin, 'import:check', {
      importId: sheet.importId,
      mapping: { ...sheet.guessed, name: null },
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.fields).toContainEqual(
      expect.objectContaining({ path: 'mapping.name', message: 'validation.imports.nameColumn' }),
    )
  })

  it('answer progress and cancel while the write transaction is open; the cancel rolls everything back', async () => {
    const sheet = await call<ImportSheetDto>(admin, 'import:open', {
      fileName: 'big.xlsx',
      dataBase64: await bigRoster(20_000),
    })
    const checked = await call<ImportCheckDto>(admin, 'import:check', {
      importId: sheet.importId,
      mapping: sheet.guessed,
    })
    expect(checked.counts.ok).toBe(20_000)
    const before = await t.services.models.Resident.count()
    const running = call<ImportResultDto>(admin, 'import:run', {
      importId: sheet.importId,
      mode: 'valid',
      duplicates: 'skip',
    })
    let progress: ImportProgressDto = { phase: 'idle', done: 0, total: 0 }
    const deadline = Date.now() + 20_000
    while (progress.done === 0 && Date.now() < deadline) {
      progress = await call<ImportProgressDto>(admin, 'import:progress', { importId: sheet.importId })
      await new Promise((r) => setTimeout(r, 5))
    }
    expect(progress.phase).toBe('writing')
    expect(progress.total).toBe(20_000)
    expect(progress.done).toBeGreaterThan(0)
    expect(progress.done).toBeLessThan(20_000)
    expect(await call(admin, 'import:cancel', { importId: sheet.importId })).toEqual({ cancelled: true })
    expect((await running).status).toBe('cancelled')
    expect(await t.services.models.Resident.count()).toBe(before)
    expect(await t.services.models.Audit.count({ where: { action: 'import' } })).toBe(0)
  })
})

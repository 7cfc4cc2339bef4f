/**
 * 季评诚信 on a real SQLite file, through the router where permissions matter: the seeded
 * checklist, levels against configurable thresholds, scores checked against the checklist,
 * re-rating only over the version opened, history that a changed checklist does not rewrite,
 * and the results list and certificate rendered by Chromium and read back with pdf.js.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BusinessDto, CriterionDto, RatingDto } from '../../electron/contract/rating-dto'
import { createRouter, type Router, type SenderInfo } from '../../electron/main/ipc/router'
import { createChromiumPrintEngine, type ChromiumPrintEngine } from '../helpers/chromium-print-engine'
import { readPdf } from '../helpers/pdf-reader'
import { routerCalls } from '../helpers/router-calls'
import { ADMIN, tempContainer, type TempContainer } from '../helpers/temp-container'

const APP = 'app://station/index.html'
const admin: SenderInfo = { id: '1', url: APP }
const coordinator: SenderInfo = { id: '2', url: APP }
const secretary: SenderInfo = { id: '3', url: APP }

let engine: ChromiumPrintEngine
let t: TempContainer
let router: Router

const { call, refusal } = routerCalls(() => router)

/** Every character of the document in reading order, spaces dropped (pdf.js splits runs freely). */
async function pdfText(base64: string, keepAs?: string): Promise<string> {
  // PRINT_TEST_OUT=/some/folder keeps the PDFs for looking at (pdftoppm -r 60 -png).
  if (keepAs && process.env.PRINT_TEST_OUT) {
    mkdirSync(process.env.PRINT_TEST_OUT, { recursive: true })
    writeFileSync(join(process.env.PRINT_TEST_OUT, keepAs), Buffer.from(base64, 'base64'))
  }
  const pdf = await readPdf(new Uint8Array(Buffer.from(base64, 'base64')))
  return pdf.pages
    .flatMap((p) => p.items.map((i) => i.text))
    .join('')
    .replace(/\s+/g, '')
}

const business = (name: string, extra: Record<string, unknown> = {}) =>
  call<BusinessDto>(admin, 'businesses:save', { data: { name, operatorName: `${name.slice(0, 1)}老板`, ...extra } })

/** Scores for every active criterion: full marks less `lost` points taken from the first ones. */
async function scores(lost: number): Promise<Array<{ criterionId: number; score: number }>> {
  const criteria = (await call<CriterionDto[]>(admin, 'ratings:criteria')).filter((c) => !c.archived)
  let left = lost
  return criteria.map((c) => {
    const take = Math.min(left, c.maxScore)
    left -= take
    return { criterionId: c.id, score: c.maxScore - take }
  })
}

beforeAll(async () => {
  engine = await createChromiumPrintEngine()
})
afterAll(async () => engine.close())

beforeEach(async () => {
  t = await tempContainer({ print: { engine, defaultFolder: '/nonexistent', chooseSavePath: async () => null } })
  router = createRouter(t.services, { isTrustedSender: () => true })
  await call(admin, 'auth:setup', { ...ADMIN })
  await t.services.settings.update(
    { actor: null, channel: 'test' },
    {
      stationName: '幸福社区党群服务中心',
      community: '幸福社区',
      address: '',
      phone: '',
      locale: 'zh-CN',
      idleLockMinutes: 10,
    },
  )
  await call(admin, 'accounts:create', {
    username: 'zhou',
    displayName: '周协调',
    password: 'coord-pass-1',
    role: 'coordinator',
  })
  await call(admin, 'accounts:create', {
    username: 'li',
    displayName: '李书记',
    password: 'secretary-pass-1',
    role: 'secretary',
  })
  await call(coordinator, 'auth:login', { username: 'zhou', password: 'coord-pass-1' })
  await call(secretary, 'auth:login', { username: 'li', password: 'secretary-pass-1' })
})
afterEach(async () => t.dispose())

describe('季评诚信', () => {
  it('starts with a 100-point checklist and rates against the thresholds in force', async () => {
    const criteria = await call<CriterionDto[]>(admin, 'ratings:criteria')
    expect(criteria.length).toBeGreaterThanOrEqual(5)
    expect(criteria.reduce((s, c) => s + c.maxScore, 0)).toBe(100)

    const shop = await business('老王烟酒店', { phone: '13812345678', creditCode: '92510703ma6abcde1x' })
    expect(shop.phone).toBe('138****5678')
    expect(shop.creditCode).toBe('92510703MA6ABCDE1X')
    const a = await call<RatingDto>(admin, 'ratings:rate', {
      businessId: shop.id,
      quarter: '2026-Q3',
      ratedOn: '2026-09-20',
      scores: await scores(8),
    })
    expect(a).toMatchObject({ total: 92, max: 100, level: 'A', ratedBy: '管理员', businessName: '老王烟酒店' })

    const noodles = await business('李记面馆')
    const b = await call<RatingDto>(admin, 'ratings:rate', {
      businessId: noodles.id,
      quarter: '2026-Q3',
      ratedOn: '2026-09-21',
      scores: await scores(15),
    })
    expect(b.level).toBe('B')

    // The station lowers its thresholds: the next rating with the same score is an A.
    expect(await refusal(admin, 'ratings:set-thresholds', { a: 70, b: 80 })).toMatchObject({
      fields: [{ path: 'a', message: 'validation.ratings.thresholdOrder' }],
    })
    await call(admin, 'ratings:set-thresholds', { a: 85, b: 60 })
    const again = await call<RatingDto>(admin, 'ratings:rate', {
      businessId: noodles.id,
      quarter: '2026-Q4',
      ratedOn: '2026-11-24',
      scores: await scores(15),
    })
    expect(again.level).toBe('A')
    // …and the quarter already rated keeps the level it was given.
    expect((await call<RatingDto>(admin, 'ratings:get', { id: b.id })).level).toBe('B')
  })

  it('refuses scores that do not fit the checklist, and a second rating of a quarter unless over the one opened', async () => {
    const shop = await business('张姐水果店')
    const full = await scores(0)
    const missing = await refusal(admin, 'ratings:rate', {
      businessId: shop.id,
      quarter: '2026-Q4',
      ratedOn: '2026-11-24',
      scores: full.slice(1),
    })
    expect(missing.fields?.[0]).toMatchObject({ path: 'scores', message: 'validation.ratings.missingScores' })
    const tooMany = full.map((s, i) => (i === 0 ? { ...s, score: s.score + 1 } : s))
    const over = await refusal(admin, 'ratings:rate', {
      businessId: shop.id,
      quarter: '2026-Q4',
      ratedOn: '2026-11-24',
      scores: tooMany,
    })
    expect(over.fields?.[0]).toMatchObject({ path: 'scores.0.score', message: 'validation.ratings.scoreRange' })

    const first = await call<RatingDto>(admin, 'ratings:rate', {
      businessId: shop.id,
      quarter: '2026-Q4',
      ratedOn: '2026-11-24',
      scores: full,
    })
    expect(
      await refusal(admin, 'ratings:rate', {
        businessId: shop.id,
        quarter: '2026-Q4',
        ratedOn: '2026-11-25',
        scores: await scores(30),
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'errors.ratings.alreadyRated',
    })
    expect(
      await refusal(admin, 'ratings:rate', {
        businessId: shop.id,
        quarter: '2026-Q4',
        ratedOn: '2026-11-25',
        scores: await scores(30),
        expectedUpdatedAt: '2020-01-01T00:00:00.000Z',
      }),
    ).toMatchObject({ code: 'CONFLICT', message: 'errors.ratings.staleEdit' })
    const corrected = await call<RatingDto>(admin, 'ratings:rate', {
      businessId: shop.id,
      quarter: '2026-Q4',
      ratedOn: '2026-11-25',
      scores: await scores(30),
      expectedUpdatedAt: first.updatedAt,
    })
    expect(corrected).toMatchObject({ id: first.id, total: 70, level: 'C' })
    const audit = await t.services.audit.list({ entity: 'business-rating', page: 1, pageSize: 5 })
    expect(audit.items[0]).toMatchObject({
      action: 'update',
      before: { total: 100, level: 'A' },
      after: { total: 70, level: 'C' },
    })
  })

  it('keeps history as rated when the checklist changes, and lists a quarter by level', async () => {
    const shop = await business('老王烟酒店')
    const other = await business('李记面馆')
    await business('新开的小卖部')
    await call(admin, 'ratings:rate', {
      businessId: shop.id,
      quarter: '2026-Q3',
      ratedOn: '2026-09-20',
      scores: await scores(5),
    })
    await call(admin, 'ratings:rate', {
      businessId: other.id,
      quarter: '2026-Q3',
      ratedOn: '2026-09-20',
      scores: await scores(40),
    })

    const [first] = await call<CriterionDto[]>(admin, 'ratings:criteria')
    await call(admin, 'ratings:save-criterion', { id: first!.id, name: '亮证亮照', maxScore: 20, sort: first!.sort })
    await call(admin, 'ratings:rate', {
      businessId: shop.id,
      quarter: '2026-Q4',
      ratedOn: '2026-11-24',
      scores: await scores(0),
    })

    const history = await call<RatingDto[]>(admin, 'businesses:history', { id: shop.id })
    expect(history.map((r) => [r.quarter, r.max])).toEqual([
      ['2026-Q4', 110],
      ['2026-Q3', 100],
    ])
    expect(history[1]!.scores[0]).toMatchObject({ name: first!.name, maxScore: first!.maxScore })
    expect(history[0]!.scores[0]).toMatchObject({ name: '亮证亮照', maxScore: 20 })

    const q3 = await call<{ items: BusinessDto[]; total: number }>(coordinator, 'businesses:list', {
      quarter: '2026-Q3',
    })
    expect(q3.total).toBe(3)
    expect(q3.items.find((b) => b.name === '新开的小卖部')!.rating).toBeNull()
    const unrated = await call<{ items: BusinessDto[] }>(admin, 'businesses:list', {
      quarter: '2026-Q3',
      level: 'unrated',
    })
    expect(unrated.items.map((b) => b.name)).toEqual(['新开的小卖部'])
    const c = await call<{ items: BusinessDto[] }>(admin, 'businesses:list', { quarter: '2026-Q3', level: 'C' })
    expect(c.items.map((b) => b.name)).toEqual(['李记面馆'])

    // Coordinators read, but do not rate; secretaries have nothing to do with it.
    expect(
      await refusal(coordinator, 'ratings:rate', {
        businessId: shop.id,
        quarter: '2026-Q2',
        ratedOn: '2026-06-01',
        scores: await scores(0),
      }),
    ).toMatchObject({ code: 'FORBIDDEN' })
    expect(await refusal(secretary, 'businesses:list', {})).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('prints the quarter results and a certificate, and refuses a certificate for a C', async () => {
    const shop = await business('老王烟酒店')
    const other = await business('李记面馆')
    const a = await call<RatingDto>(admin, 'ratings:rate', {
      businessId: shop.id,
      quarter: '2026-Q4',
      ratedOn: '2026-11-24',
      scores: await scores(4),
    })
    const c = await call<RatingDto>(admin, 'ratings:rate', {
      businessId: other.id,
      quarter: '2026-Q4',
      ratedOn: '2026-11-24',
      scores: await scores(40),
    })

    const list = await call<{ pdfBase64: string; pageCount: number }>(coordinator, 'print:preview', {
      type: 'integrity-list',
      id: 4,
      year: 2026,
    })
    const text = await pdfText(list.pdfBase64, 'integrity-list.pdf')
    expect(text).toContain('幸福社区2026年第四季度个体工商户诚信经营评定结果')
    expect(text).toContain('共评定2户：A级1户，B级0户，C级1户')
    expect(text.indexOf('老王烟酒店')).toBeLessThan(text.indexOf('李记面馆'))
    expect(text).toContain('96/100')

    const certificate = await call<{ pdfBase64: string; pageCount: number }>(admin, 'print:preview', {
      type: 'integrity-certificate',
      id: a.id,
    })
    expect(certificate.pageCount).toBe(1)
    const cert = await pdfText(certificate.pdfBase64, 'integrity-certificate.pdf')
    expect(cert).toContain('荣誉证书')
    expect(cert).toContain('老王烟酒店（经营者：老老板）')
    expect(cert).toContain('被评为A级诚信经营户')
    expect(cert).toContain('幸福社区党群服务中心')

    expect(await refusal(admin, 'print:preview', { type: 'integrity-certificate', id: c.id })).toMatchObject({
      message: 'errors.ratings.noCertificate',
    })
    expect(await refusal(admin, 'print:preview', { type: 'integrity-list', id: 3, year: 2026 })).toMatchObject({
      message: 'errors.ratings.nothingRated',
    })
  })
})

/**
 * The print pipeline end to end below the router: real notices in a real SQLite file, rendered by
 * Chromium into real PDFs, "printed" on the test printers, saved to disk, and logged.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { noticeSchemas } from '../../electron/contract/notice-schemas'
import type { NoticeDto } from '../../electron/contract/dto'
import type { CallContext } from '../../electron/services/context'
import { noticeFrom } from '../helpers/notices'
import { countPdfPages, pdfFileName } from '../../electron/services/printing/print-service'
import { createChromiumPrintEngine, TEST_PRINTERS, type ChromiumPrintEngine } from '../helpers/chromium-print-engine'
import { failure, setupAdmin, tempContainer, tempDir, testClock, type TempContainer } from '../helpers/temp-container'

let engine: ChromiumPrintEngine
let t: TempContainer
let admin: CallContext
let documents: string
let answer: (suggested: string) => string | null
let suggested: string[]
const clock = testClock('2026-11-24T02:00:00Z')
const PRINTER = TEST_PRINTERS[0].name

beforeAll(async () => {
  engine = await createChromiumPrintEngine()
})
afterAll(async () => engine?.close())

beforeEach(async () => {
  clock.set('2026-11-24T02:00:00Z')
  documents = tempDir('station-docs-')
  suggested = []
  answer = (s) => s
  t = await tempContainer({
    now: clock.now,
    print: {
      engine,
      defaultFolder: documents,
      chooseSavePath: async (s) => {
        suggested.push(s)
        return answer(s)
      },
    },
  })
  admin = await setupAdmin(t.services)
  // 联系电话 fills itself from the settings; without it, it would stay unfilled (and be flagged).
  await t.services.settings.update(admin, { phone: '0816-2345678' })
})
afterEach(async () => t.dispose())

async function notice(key: string, values: Record<string, string>): Promise<NoticeDto> {
  return noticeFrom(t.services, admin, key, values)
}

const ref = (n: NoticeDto) => ({ type: 'notice' as const, id: n.id })

async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false }).promise
  let text = ''
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent()
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('')
  }
  const pages = doc.numPages
  await doc.destroy()
  return { pages, text }
}

describe('preview', () => {
  it('returns the PDF as it will print, its page count and no findings for a clean notice', async () => {
    const n = await notice('reminder', { 提示内容: '近期气温骤降，请注意防寒保暖。' })
    const preview = await t.services.printing.preview(admin, ref(n))
    const pdf = Buffer.from(preview.pdfBase64, 'base64')
    const read = await pdfText(new Uint8Array(pdf))
    expect(preview.pageCount).toBe(read.pages)
    expect(preview.pageCount).toBeGreaterThanOrEqual(1)
    expect(read.text.replace(/\s/g, '')).toContain('近期气温骤降，请注意防寒保暖。')
    expect(preview.sensitive).toEqual([])
    expect(preview.title).toBe('温馨提示')
    // A preview is not a print: nothing is logged.
    expect((await t.services.printing.log(noticeSchemas.printLogQuery.parse({}))).total).toBe(0)
  })

  it('counts pages as pdf.js does on a long notice', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `第${i + 1}条：请各位居民按时参加社区组织的各项活动。`).join('')
    const n = await notice('announcement', { 公告内容: long })
    const preview = await t.services.printing.preview(admin, ref(n))
    const pdf = new Uint8Array(Buffer.from(preview.pdfBase64, 'base64'))
    expect(preview.pageCount).toBeGreaterThan(1)
    expect(countPdfPages(pdf)).toBe((await pdfText(pdf)).pages)
  })

  it('refuses a household slip longer than half a page rather than clipping it', async () => {
    const long = '请各位居民提前储水，停水期间注意关闭水龙头。'.repeat(30)
    const n = await notice('outage', {
      停供类别: '水',
      通知单位: '市自来水公司',
      停供原因: long,
      停供时间: '11月26日8时',
      恢复时间: '18时',
      影响范围: '幸福小区1至6栋',
    })
    const refused = await failure(t.services.printing.preview(admin, ref(n)))
    expect(refused.message).toBe('errors.print.slipTooLong')
  })
})

describe('printing', () => {
  it('prints the copies asked for on the chosen printer, logs it and remembers the printer', async () => {
    const n = await notice('reminder', { 提示内容: '楼道内禁止堆放杂物。' })
    expect((await t.services.printing.printers()).lastPrinter).toBeNull()
    const job = await t.services.printing.print(admin, {
      document: ref(n),
      printer: PRINTER,
      copies: 3,
      confirmSensitive: false,
    })
    expect(job).toMatchObject({
      documentType: 'notice',
      documentId: n.id,
      documentTitle: '温馨提示',
      records: [`notice:${n.id}`],
      copies: 3,
      target: 'printer',
      targetName: PRINTER,
      accountName: '管理员',
      sensitiveConfirmed: [],
    })
    const sent = engine.jobs.at(-1)!
    expect(sent.printer).toBe(PRINTER)
    expect(sent.copies).toBe(3)
    expect(job.pageCount).toBe((await pdfText(sent.pdf)).pages)
    expect((await t.services.printing.printers()).lastPrinter).toBe(PRINTER)
  })

  it('asks before printing full ID or mobile numbers, naming them masked', async () => {
    const n = await notice('reminder', { 提示内容: '有事请联系楼长王阿姨，电话13812345678。' })
    const preview = await t.services.printing.preview(admin, ref(n))
    expect(preview.sensitive).toEqual([{ kind: 'mobile', masked: '138****5678' }])
    const before = engine.jobs.length
    const refused = await failure(
      t.services.printing.print(admin, { document: ref(n), printer: PRINTER, copies: 1, confirmSensitive: false }),
    )
    expect(refused.code).toBe('SENSITIVE_UNCONFIRMED')
    expect(refused.params).toEqual({ found: '138****5678' })
    expect(JSON.stringify(refused.params)).not.toContain('13812345678')
    expect(engine.jobs.length).toBe(before)
    expect(
      (await failure(t.services.printing.savePdf(admin, { document: ref(n), confirmSensitive: false }))).code,
    ).toBe('SENSITIVE_UNCONFIRMED')
    expect(suggested).toEqual([])

    const job = await t.services.printing.print(admin, {
      document: ref(n),
      printer: PRINTER,
      copies: 1,
      confirmSensitive: true,
    })
    expect(job.sensitiveConfirmed).toEqual(['mobile'])
  })

  it('refuses to print a notice with unfilled variables, naming them', async () => {
    const n = await notice('meeting', { 会议名称: '居民代表会议' })
    const refused = await failure(
      t.services.printing.print(admin, { document: ref(n), printer: PRINTER, copies: 1, confirmSensitive: false }),
    )
    expect(refused.message).toBe('errors.notice.unfilled')
    expect(refused.params?.names).toBe('会议时间、会议地点、会议内容、参会人员')
  })
})

describe('saving as PDF', () => {
  it('saves where the person chose, logs the file and suggests that folder next time', async () => {
    const n = await notice('reminder', { 提示内容: '请爱护公共设施。' })
    const result = await t.services.printing.savePdf(admin, { document: ref(n), confirmSensitive: false })
    expect(suggested).toEqual([join(documents, '温馨提示-2026-11-24.pdf')])
    if (!result.saved) throw new Error('not saved')
    expect(result.job.target).toBe('pdf')
    expect(result.job.targetName).toBe(suggested[0])
    const bytes = readFileSync(suggested[0])
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect((await pdfText(new Uint8Array(bytes))).text).toContain('请爱护公共设施')

    const elsewhere = join(tempDir('station-elsewhere-'), 'sub')
    mkdirSync(elsewhere)
    answer = () => join(elsewhere, '给三栋的通知') // typed without .pdf
    const second = await t.services.printing.savePdf(admin, { document: ref(n), confirmSensitive: false })
    expect(second.saved && second.job.targetName).toBe(join(elsewhere, '给三栋的通知.pdf'))
    answer = (s) => s
    await t.services.printing.savePdf(admin, { document: ref(n), confirmSensitive: false })
    expect(suggested[2]).toBe(join(elsewhere, '温馨提示-2026-11-24.pdf'))
  })

  it('logs nothing when the dialog is cancelled', async () => {
    const n = await notice('reminder', { 提示内容: '请爱护公共设施。' })
    answer = () => null
    expect(await t.services.printing.savePdf(admin, { document: ref(n), confirmSensitive: false })).toEqual({
      saved: false,
    })
    expect((await t.services.printing.log(noticeSchemas.printLogQuery.parse({}))).total).toBe(0)
  })

  it('says so when the file cannot be written, keeps the old file and leaves no half-written one', async () => {
    const n = await notice('reminder', { 提示内容: '请爱护公共设施。' })
    const folder = tempDir('station-readonly-')
    const target = join(folder, 'notice.pdf')
    // A folder where the PDF should go: the rename fails like a full disk or a locked file would.
    mkdirSync(target)
    writeFileSync(join(target, 'keep.txt'), 'old')
    answer = () => target
    const refused = await failure(t.services.printing.savePdf(admin, { document: ref(n), confirmSensitive: false }))
    expect(refused).toMatchObject({ code: 'UNAVAILABLE', message: 'errors.print.saveFailed', params: { path: target } })
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('old')
    expect(readdirSync(folder)).toEqual(['notice.pdf'])
    expect((await t.services.printing.log(noticeSchemas.printLogQuery.parse({}))).total).toBe(0)
    expect(existsSync(join(documents, '温馨提示-2026-11-24.pdf'))).toBe(false)
  })
})

describe('the print log', () => {
  it('filters by title, type and Shanghai day, newest first', async () => {
    const a = await notice('reminder', { 提示内容: '甲' })
    const b = await notice('announcement', { 公告内容: '乙' })
    // 23:30 on the 24th in Shanghai is still the 24th there, though the 24th 15:30 in UTC.
    clock.set('2026-11-24T15:30:00Z')
    await t.services.printing.print(admin, { document: ref(a), printer: PRINTER, copies: 1, confirmSensitive: false })
    clock.set('2026-11-24T16:30:00Z') // 00:30 on the 25th in Shanghai
    await t.services.printing.print(admin, { document: ref(b), printer: PRINTER, copies: 2, confirmSensitive: false })
    const titles = async (q: Record<string, unknown>) =>
      (await t.services.printing.log(noticeSchemas.printLogQuery.parse(q))).items.map((j) => j.documentTitle)
    expect(await titles({})).toEqual(['公告', '温馨提示'])
    expect(await titles({ from: '2026-11-24', to: '2026-11-24' })).toEqual(['温馨提示'])
    expect(await titles({ from: '2026-11-25' })).toEqual(['公告'])
    expect(await titles({ q: '温馨' })).toEqual(['温馨提示'])
    expect(await titles({ documentType: 'notice', accountId: admin.actor!.accountId })).toHaveLength(2)
  })
})

describe('file names', () => {
  it('replaces what Windows refuses in a file name', () => {
    expect(pdfFileName('关于"停水"的通知: 3/4栋?', '2026-11-24')).toBe('关于_停水_的通知_ 3_4栋_-2026-11-24.pdf')
    expect(pdfFileName('...', '2026-11-24')).toBe('document-2026-11-24.pdf')
  })
})

/**
 * `npm run bench:print`: how long a notice takes from "预览" to a PDF, per layout, through the print
 * service (load the notice, sanitise, lay out, render in Chromium, count pages, check for
 * sensitive numbers) and, interleaved in the same run, the engine alone rendering the same
 * finished HTML: the difference is what the service adds. Chromium here is Debian's, driven by
 * Playwright, the engine the tests use (Electron's own engine is not available on this machine).
 *
 *   npm run bench:print -- --iterations 10 --out bench-results/print.json
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { NoticeDto } from '../../electron/contract/dto'
import { renderNotice } from '../../electron/services/printing/layouts/notice-layouts'
import { sanitiseRichText } from '../../electron/services/printing/print-html'
import { createChromiumPrintEngine } from '../helpers/chromium-print-engine'
import { noticeEdit, noticeFrom } from '../helpers/notices'
import { setupAdmin, tempContainer } from '../helpers/temp-container'
import { summarise, table, type Summary } from './stats'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const { values: args } = parseArgs({
  options: {
    iterations: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    out: { type: 'string', default: 'bench-results/print.json' },
  },
})
const iterations = Number(args.iterations)
const warmup = Number(args.warmup)

const engine = await createChromiumPrintEngine()
const t = await tempContainer({
  print: { engine, defaultFolder: root, chooseSavePath: async () => null },
})
const admin = await setupAdmin(t.services)
await t.services.settings.update(admin, { stationName: '幸福社区党群服务中心', phone: '0816-2251234' })

const paragraph = '为进一步做好辖区居民服务工作，社区将结合实际情况，认真听取居民代表的意见和建议，逐项研究落实。'
const cases: Array<{ name: string; notice: NoticeDto }> = []
async function add(name: string, key: string, values: Record<string, string>, patch: Record<string, unknown> = {}) {
  const n = await noticeFrom(t.services, admin, key, values)
  cases.push({ name, notice: await t.services.notices.update(admin, n.id, noticeEdit(n, patch).data) })
}
await add('formal, 1 page', 'announcement', { 公告内容: paragraph.repeat(3) })
await add(
  'formal, 3 pages',
  'announcement',
  { 公告内容: paragraph.repeat(3) },
  {
    bodyHtml: Array.from({ length: 24 }, (_, i) => `<p>${i + 1}. ${paragraph}</p>`).join(''),
  },
)
await add('poster, A3', 'reminder', { 提示内容: paragraph }, { layout: 'poster', paper: 'A3' })
await add('household slip', 'outage', {
  停供类别: '水',
  通知单位: '市自来水公司',
  停供原因: '主管道维修',
  停供时间: '11月26日8:00',
  恢复时间: '当日18:00',
  影响范围: '幸福小区1至6栋',
})

const results: Array<{
  name: string
  pages: number
  htmlKB: number
  pdfKB: number
  service: Summary
  engine: Summary
}> = []
for (const c of cases) {
  const s = await t.services.settings.get()
  const doc = renderNotice(engine, {
    ...c.notice,
    bodyHtml: sanitiseRichText(c.notice.bodyHtml),
    bodyFont: s.printBodyFont,
  })
  const service: number[] = []
  const raw: number[] = []
  let pages = 0
  let pdfBytes = 0
  for (let i = 0; i < warmup + iterations; i++) {
    // Interleaved, so that load on the machine falls on both sides alike.
    const a = performance.now()
    const preview = await t.services.printing.preview(admin, { type: 'notice', id: c.notice.id })
    const b = performance.now()
    const pdf = await engine.toPdf(doc)
    const e = performance.now()
    if (i < warmup) continue
    service.push(b - a)
    raw.push(e - b)
    pages = preview.pageCount
    pdfBytes = pdf.byteLength
  }
  results.push({
    name: c.name,
    pages,
    htmlKB: Math.round(Buffer.byteLength(doc.html) / 1024),
    pdfKB: Math.round(pdfBytes / 1024),
    service: summarise(service),
    engine: summarise(raw),
  })
}

console.log(`\nNotice → PDF, ${iterations} runs each after ${warmup} warm-up (ms)\n`)
console.log(
  table(
    ['layout', 'pages', 'HTML KB', 'PDF KB', 'service p50', 'service p95', 'engine p50', 'engine p95'],
    results.map((r) => [
      r.name,
      String(r.pages),
      String(r.htmlKB),
      String(r.pdfKB),
      String(Math.round(r.service.p50)),
      String(Math.round(r.service.p95)),
      String(Math.round(r.engine.p50)),
      String(Math.round(r.engine.p95)),
    ]),
    [false, true, true, true, true, true, true, true],
  ),
)
const out = resolve(root, args.out!)
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), iterations, results }, null, 2))
console.log(`\nwritten to ${out}`)
await t.dispose()
await engine.close()

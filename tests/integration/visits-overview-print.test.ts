/**
 * The coordinator's monthly overview and the volunteer's certificate of service hours through the
 * print pipeline, rendered by Chromium and read back from the PDF. The expected figures are
 * worked out here from the tier rules by hand and from plain queries of what the test logged,
 * never by calling the overview's own code; seeded risk notes, a sensitive tag and phone numbers
 * must not reach the paper.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Op } from 'sequelize'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CallContext } from '../../electron/services/context'
import { dayFromDate } from '../../electron/services/visits/planner'
import { createChromiumPrintEngine, type ChromiumPrintEngine } from '../helpers/chromium-print-engine'
import { readPdf, textLines, type PdfContent } from '../helpers/pdf-reader'
import { failure, setupAdmin, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'
import { seedVisitCommunity } from '../helpers/visits'

let engine: ChromiumPrintEngine
let t: TempContainer
let ctx: CallContext
let saveDir: string
// Printed in the new year: December is complete, so "overdue" is judged on December 31st.
const clock = testClock('2027-01-05T02:00:00Z')
const DECEMBER = dayFromDate('2026-12-01')

beforeAll(async () => {
  engine = await createChromiumPrintEngine()
})
afterAll(async () => engine?.close())
beforeEach(async () => {
  saveDir = mkdtempSync(join(tmpdir(), 'overview-print-'))
  let n = 0
  t = await tempContainer({
    now: clock.now,
    print: { engine, defaultFolder: saveDir, chooseSavePath: async () => join(saveDir, `out-${++n}.pdf`) },
  })
  ctx = await setupAdmin(t.services)
})
afterEach(async () => {
  await t.dispose()
  rmSync(saveDir, { recursive: true, force: true })
})

const REASONS: Record<string, string> = {
  'no-volunteer-available': '这段时间没有志愿者有空',
  'all-at-weekly-limit': '有空的志愿者本周已排满',
  'all-booked': '有空的志愿者在这些时段都已有走访',
  'no-time-in-preferred-window': '对象希望的时段放不下一次走访',
  'no-second-volunteer': '需要两名志愿者，找不到第二位同时有空的',
}

async function volunteer(name: string, gridId: number | null, mobile: string | null = null) {
  return t.services.visits.volunteers.create(ctx, {
    residentId: null,
    name,
    mobile,
    skills: [],
    dialects: [],
    gridId,
    availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '12:00' })),
    absences: [],
    maxPerWeek: 5,
    status: 'active',
    notes: null,
  })
}

let dumped = 0
const pdfOf = async (base64: string) => {
  // Set VISIT_PRINT_DUMP=<folder> to keep the PDFs and look at them.
  if (process.env.VISIT_PRINT_DUMP)
    writeFileSync(join(process.env.VISIT_PRINT_DUMP, `visit-print-${++dumped}.pdf`), Buffer.from(base64, 'base64'))
  return readPdf(new Uint8Array(Buffer.from(base64, 'base64')))
}
const allText = (pdf: PdfContent) => pdf.pages.map((p) => p.items.map((i) => i.text).join('')).join('\n')
const lines = (pdf: PdfContent) => pdf.pages.flatMap((p) => textLines(p).map((l) => l.text.replace(/\s+/g, '')))

/**
 * December 2026 in 幸福社区: four people (high, key, key, general), the general one only free in
 * the evening so the planner cannot place her; two volunteers who visit; the high-risk person
 * visited twice, both key people once, one visit missed, one follow-up left open.
 */
async function buildDecember() {
  const community = await seedVisitCommunity(t.services, ctx, 2)
  const [[a0, a1], [b0, b1]] = community.residents as [[number, number], [number, number]]
  const m = t.services.models
  const low = (await m.Tag.findAll()).find((x) => x.name === '低保')!
  await m.ResidentTag.create({ residentId: a0, tagId: low.id })
  await m.Resident.update({ mobile: '13912345678' }, { where: { id: a0 } })
  const zhou = await volunteer('周阿姨', community.grids[0]!, '13812345678')
  const wu = await volunteer('吴师傅', community.grids[1]!)
  const person = async (residentId: number, tier: 'high' | 'key' | 'general', evening = false) =>
    t.services.visits.people.create(ctx, {
      residentId,
      tier,
      preferredWindows: evening ? [{ weekday: null, from: '18:00', to: '20:00' }] : [],
      riskNotes: '心脏病史，家属电话13700001111',
      usualVolunteerIds: [],
      active: true,
    })
  const pa0 = await person(a0, 'high')
  const pa1 = await person(a1, 'key')
  const pb0 = await person(b0, 'key')
  const pb1 = await person(b1, 'general', true)
  await t.services.visits.plans.generate(ctx, { period: 'month', from: '2026-12-01' })
  // Joins after the plan: no visit, no service.
  const idle = await volunteer('郑老师', community.grids[0]!)

  const visitsOf = async (personId: number) => m.Visit.findAll({ where: { personId }, order: [['startAt', 'ASC']] })
  const high = await visitsOf(pa0.id)
  const log = (visitId: number, outcome: 'done' | 'missed', durationMinutes: number | null, followUp = false) =>
    t.services.visits.logs.log(ctx, {
      visitId,
      outcome,
      durationMinutes,
      health: '血压偏高',
      living: null,
      needs: null,
      followUp: followUp ? { text: '联系家属', ownerAccountId: null, dueDate: '2026-12-20' } : null,
    })
  await log(high[0]!.id, 'done', 90, true)
  await log(high[1]!.id, 'done', 45)
  await log(high[2]!.id, 'missed', null)
  await t.services.visits.plans.confirm(ctx, high[3]!.id)
  await log((await visitsOf(pa1.id))[0]!.id, 'done', 60)
  await log((await visitsOf(pb0.id))[0]!.id, 'done', 30, true)
  // A visit logged as moved (改期) is shown apart: it is not counted as scheduled.
  const moved = await m.Visit.create({
    personId: pa1.id,
    kind: 'regular',
    startAt: '2026-12-15T09:00',
    endAt: '2026-12-15T10:00',
    status: 'moved',
  })
  await m.VisitVolunteer.create({ visitId: moved.id, volunteerId: wu.id })
  // One follow-up closed: only the other counts as open.
  const followUps = await m.VisitFollowUp.findAll({ order: [['id', 'ASC']] })
  await t.services.visits.logs.closeFollowUp(ctx, followUps[1]!.id, null)

  const service = (volunteerId: number, kind: 'service' | 'training' | 'commendation', date: string, hours: number) =>
    t.services.visits.volunteers.addServiceRecord(ctx, { volunteerId, kind, date, hours, title: `${kind}-${date}` })
  await service(zhou.id, 'service', '2026-12-12', 2.5)
  await service(zhou.id, 'training', '2026-06-03', 3)
  await service(zhou.id, 'service', '2025-08-01', 4)
  await service(zhou.id, 'service', '2027-01-02', 1.25)
  await service(zhou.id, 'commendation', '2026-10-15', 0)
  return { community, zhou, wu, idle, people: { pa0, pa1, pb0, pb1 } }
}

describe('visit overview', () => {
  it('prints the month’s figures, grids, unassigned visits, overdue people and volunteer load, nothing sensitive', async () => {
    const { zhou, wu, people } = await buildDecember()
    const m = t.services.models

    // What the month holds, by plain queries.
    const december = await m.Visit.findAll({ where: { startAt: { [Op.gte]: '2026-12-01', [Op.lt]: '2027-01-01' } } })
    const status = (s: string) => december.filter((v) => v.status === s).length
    expect(status('done')).toBe(4)
    expect(status('missed')).toBe(1)
    expect(status('confirmed')).toBe(1)
    expect(status('moved')).toBe(1)
    // Due, by the tier rules, none visited before: weekly → windows ending Dec 7, 14, 21, 28 (4);
    // monthly → one each (2); quarterly, never visited → one (1).
    const due = 4 + 1 + 1 + 1
    const plan = (await m.VisitPlan.findAll({ order: [['id', 'DESC']] }))[0]!
    const unassigned = JSON.parse(plan.unassigned) as Array<{ personId: number; reason: string }>
    expect(unassigned.map((u) => u.personId)).toEqual([people.pb1.id])

    const preview = await t.services.printing.preview(ctx, { type: 'visit-overview', id: DECEMBER })
    expect(preview.sensitive).toEqual([])
    const pdf = await pdfOf(preview.pdfBase64)
    const text = allText(pdf)
    const rows = lines(pdf)
    for (const page of pdf.pages) {
      expect(page.widthMm).toBeCloseTo(210, 0)
      expect(page.heightMm).toBeCloseTo(297, 0)
    }
    expect(text).toMatch(/\S+2026年12月走访工作总览/)
    expect(text).toContain('2026年12月1日至2026年12月31日')
    // People by tier; visits due, scheduled and by status.
    expect(rows).toContain('1人2人1人4人')
    expect(rows).toContain([due, december.length - 1, status('planned'), 1, 4, 1, 1].map((x) => `${x}次`).join(''))
    // Coverage: four people are due; both key people had their visit; the high-risk person two of
    // four, the general one none.
    expect(text).toContain('本月应走访对象 4 人，按所属等级要求走访到位 2 人，覆盖率 50%')
    // Overdue on Dec 31: the high-risk person (last done visit before the 24th) and the general one.
    const lastHigh = (
      await m.Visit.findAll({ where: { personId: people.pa0.id, status: 'done' }, order: [['startAt', 'DESC']] })
    )[0]!
    expect(dayFromDate(lastHigh.startAt.slice(0, 10)) + 7).toBeLessThan(dayFromDate('2026-12-31'))
    expect(text).toContain('超过规定间隔未走访 2 人')
    expect(text).toContain('王奶奶00（1网格）')
    expect(text).toContain('刘奶奶11（2网格）')
    expect(text).not.toContain('李奶奶01（')
    expect(text).toContain('未办结的跟进事项 1 件，其中已过期限 1 件')

    // Grids: people, visits scheduled (not moved), done, unassigned.
    const byGrid = async (personIds: number[]) => {
      const vs = december.filter((v) => personIds.includes(v.personId) && v.status !== 'moved')
      return [vs.length, vs.filter((v) => v.status === 'done').length]
    }
    const [g1Visits, g1Done] = await byGrid([people.pa0.id, people.pa1.id])
    const [g2Visits, g2Done] = await byGrid([people.pb0.id, people.pb1.id])
    expect(rows).toContain(`1网格2${g1Visits}${g1Done}0`)
    expect(rows).toContain(`2网格2${g2Visits}${g2Done}1`)
    expect(text).toContain(REASONS[unassigned[0]!.reason])
    expect(text).toContain('刘奶奶11')

    // Volunteer load: their December visits (from the crew table) and December hours.
    for (const v of [zhou, wu]) {
      const crew = await m.VisitVolunteer.findAll({ where: { volunteerId: v.id } })
      const mine = december.filter((x) => crew.some((c) => c.visitId === x.id) && x.status !== 'moved')
      const records = await m.ServiceRecord.findAll({
        where: { volunteerId: v.id, date: { [Op.between]: ['2026-12-01', '2026-12-31'] } },
      })
      const hours = Math.round(records.reduce((s, r) => s + Number(r.hours), 0) * 100) / 100
      const otherGrid = mine.filter((x) =>
        v.id === zhou.id
          ? [people.pb0.id, people.pb1.id].includes(x.personId)
          : [people.pa0.id, people.pa1.id].includes(x.personId),
      ).length
      const done = mine.filter((x) => x.status === 'done').length
      expect(rows).toContain(`${v.name}${v.gridName}${mine.length}${done}${hours}${otherGrid}`)
    }
    expect(text).not.toContain('郑老师')

    // Nothing sensitive: no risk notes, findings, sensitive tags or phone numbers.
    for (const secret of ['心脏病', '13700001111', '13912345678', '13812345678', '血压', '低保', '联系家属']) {
      expect(text).not.toContain(secret)
    }

    // The print log names the plan, the people and volunteers on paper.
    const saved = await t.services.printing.savePdf(ctx, {
      document: { type: 'visit-overview', id: DECEMBER },
      confirmSensitive: false,
    })
    expect(saved.saved).toBe(true)
    const job = (await t.services.printing.log({ page: 1, pageSize: 10 })).items[0]!
    expect(job.documentType).toBe('visit-overview')
    expect(job.documentId).toBe(DECEMBER)
    expect(job.records).toContain(`visit-plan:${plan.id}`)
    expect(job.records).toContain(`visit-person:${people.pa0.id}`)
    expect(job.records).toContain(`visit-person:${people.pb1.id}`)
    expect(job.records).toContain(`volunteer:${zhou.id}`)
    expect(job.records).not.toContain(`visit-person:${people.pa1.id}`)
  })

  it('repeats the header over pages and never splits a row; refuses a day that is not a month’s first', async () => {
    const community = await seedVisitCommunity(t.services, ctx, 1)
    const names: string[] = []
    for (let i = 0; i < 70; i++) {
      const v = await volunteer(`志愿者${String(i).padStart(2, '0')}号`, community.grids[i % 2]!)
      names.push(v.name)
      await t.services.visits.volunteers.addServiceRecord(ctx, {
        volunteerId: v.id,
        kind: 'service',
        date: '2026-12-05',
        hours: 1 + (i % 4) * 0.5,
        title: '社区清洁',
      })
    }
    const preview = await t.services.printing.preview(ctx, { type: 'visit-overview', id: DECEMBER })
    const pdf = await pdfOf(preview.pdfBase64)
    expect(pdf.pageCount).toBeGreaterThan(1)
    for (const [i, page] of pdf.pages.entries()) {
      const pageLines = textLines(page).map((l) => l.text.replace(/\s+/g, ''))
      expect(pageLines).toContain(`—${i + 1}—`)
      // Every page the load table reaches opens with its header.
      if (pageLines.some((l) => /^志愿者\d\d号/.test(l)))
        expect(pageLines.some((l) => l.startsWith('志愿者所属网格'))).toBe(true)
    }
    // Each volunteer's row whole on one line of one page.
    const all = lines(pdf)
    for (const name of names) expect(all.filter((l) => l.startsWith(name))).toHaveLength(1)

    expect((await failure(t.services.printing.preview(ctx, { type: 'visit-overview', id: DECEMBER + 1 }))).code).toBe(
      'NOT_FOUND',
    )
  })
})

describe('certificate of service hours', () => {
  it('counts the year’s visit durations and recorded service, not other years; one page, sealed, logged', async () => {
    const { zhou, idle } = await buildDecember()
    const m = t.services.models
    // Zhou's visits done in 2026, with the durations the test logged.
    const crew = await m.VisitVolunteer.findAll({ where: { volunteerId: zhou.id } })
    const logs = await m.VisitLog.findAll({
      where: { visitId: { [Op.in]: crew.map((c) => c.visitId) }, outcome: 'done' },
    })
    const visitHours = logs.reduce((s, l) => s + (l.durationMinutes ?? 60) / 60, 0)
    expect(logs.length).toBeGreaterThan(0)
    // 2026: the visits, 2.5 h of service in December and 3 h of training in June; not the 4 h of
    // 2025 nor the 1.25 h of January 2027.
    const total2026 = Math.round((visitHours + 2.5 + 3) * 100) / 100

    const preview = await t.services.printing.preview(ctx, {
      type: 'volunteer-hours-certificate',
      id: zhou.id,
      year: 2026,
    })
    expect(preview.pageCount).toBe(1)
    expect(preview.sensitive).toEqual([])
    const pdf = await pdfOf(preview.pdfBase64)
    const text = allText(pdf).replace(/\s+/g, '')
    expect(text).toContain('志愿服务时长证明')
    expect(text).toContain('兹证明周阿姨同志于2026年1月1日至2026年12月31日期间')
    expect(text).toContain(`累计服务时长${total2026}小时`)
    expect(text).toContain(`走访慰问社区老人${logs.length}次`)
    expect(text).toContain('期间获得表彰：2026年10月commendation-2026-10-15')
    expect(text).toContain('（盖章）')
    expect(text).toContain('2027年1月5日')
    expect(text).toContain(`编号：2026-V${String(zhou.id).padStart(4, '0')}-20270105`)
    expect(text).not.toContain('13812345678')

    // All service to date: every year, up to today.
    const all = await pdfOf(
      (await t.services.printing.preview(ctx, { type: 'volunteer-hours-certificate', id: zhou.id })).pdfBase64,
    )
    const totalAll = Math.round((visitHours + 2.5 + 3 + 4 + 1.25) * 100) / 100
    expect(allText(all).replace(/\s+/g, '')).toContain(`累计服务时长${totalAll}小时`)
    expect(allText(all).replace(/\s+/g, '')).toContain('2025年8月1日至2027年1月5日')

    // This year's certificate, printed on 5 January, counts 2 January and not the 20th entered ahead.
    await t.services.visits.volunteers.addServiceRecord(ctx, {
      volunteerId: zhou.id,
      kind: 'service',
      date: '2027-01-20',
      hours: 7,
      title: '春节慰问（预排）',
    })
    const thisYear = await pdfOf(
      (await t.services.printing.preview(ctx, { type: 'volunteer-hours-certificate', id: zhou.id, year: 2027 }))
        .pdfBase64,
    )
    expect(allText(thisYear).replace(/\s+/g, '')).toContain('累计服务时长1.25小时')
    expect(allText(thisYear)).not.toContain('春节慰问')

    // A year without service, and a volunteer without any: refused, with the reason.
    const none = await failure(
      t.services.printing.preview(ctx, { type: 'volunteer-hours-certificate', id: zhou.id, year: 2024 }),
    )
    expect(none.message).toBe('errors.visits.noServiceHours')
    expect(
      (await failure(t.services.printing.preview(ctx, { type: 'volunteer-hours-certificate', id: idle.id }))).message,
    ).toBe('errors.visits.noServiceHours')

    const saved = await t.services.printing.savePdf(ctx, {
      document: { type: 'volunteer-hours-certificate', id: zhou.id, year: 2026 },
      confirmSensitive: false,
    })
    expect(saved.saved).toBe(true)
    const job = (await t.services.printing.log({ page: 1, pageSize: 10 })).items[0]!
    expect(job.documentType).toBe('volunteer-hours-certificate')
    const records2026 = await m.ServiceRecord.findAll({
      where: { volunteerId: zhou.id, date: { [Op.between]: ['2026-01-01', '2026-12-31'] } },
    })
    expect(job.records.sort()).toEqual(
      [`volunteer:${zhou.id}`, ...records2026.map((r) => `service-record:${r.id}`)].sort(),
    )
  })
})

/**
 * The volunteers' weekly schedule sheet through the print pipeline, rendered by Chromium and read
 * back from the PDF: one page per volunteer, the visits with address and what to watch for, and
 * nothing sensitive (risk notes, sensitive tags).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CallContext } from '../../electron/services/context'
import { dayFromDate } from '../../electron/services/visits/planner'
import { createChromiumPrintEngine, type ChromiumPrintEngine } from '../helpers/chromium-print-engine'
import { readPdf } from '../helpers/pdf-reader'
import { failure, setupAdmin, tempContainer, testClock, type TempContainer } from '../helpers/temp-container'
import { seedVisitCommunity } from '../helpers/visits'

let engine: ChromiumPrintEngine
let t: TempContainer
let ctx: CallContext
const clock = testClock('2026-11-24T02:00:00Z')

beforeAll(async () => {
  engine = await createChromiumPrintEngine()
})
afterAll(async () => engine?.close())
beforeEach(async () => {
  t = await tempContainer({
    now: clock.now,
    print: { engine, defaultFolder: '/nonexistent', chooseSavePath: async () => null },
  })
  ctx = await setupAdmin(t.services)
})
afterEach(async () => t.dispose())

describe('weekly schedule sheet', () => {
  it('prints a page per volunteer with times, names and what to watch for, never the risk notes', async () => {
    const community = await seedVisitCommunity(t.services, ctx, 2)
    const tags = await t.services.models.Tag.findAll()
    const tagId = (name: string) => tags.find((x) => x.name === name)!.id
    const [first] = community.residents[0]!
    await t.services.models.ResidentTag.bulkCreate([
      { residentId: first!, tagId: tagId('独居') },
      { residentId: first!, tagId: tagId('低保') },
    ])
    for (const [i, name] of ['周阿姨', '吴师傅'].entries()) {
      await t.services.visits.volunteers.create(ctx, {
        residentId: null,
        name,
        mobile: null,
        skills: [],
        dialects: [],
        gridId: community.grids[i]!,
        availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '12:00' })),
        absences: [],
        maxPerWeek: 5,
        status: 'active',
        notes: null,
      })
    }
    for (const [g, ids] of community.residents.entries()) {
      for (const residentId of ids) {
        await t.services.visits.people.create(ctx, {
          residentId,
          tier: g === 0 ? 'high' : 'key',
          preferredWindows: [],
          riskNotes: '心脏病史，家属电话13912345678',
          usualVolunteerIds: [],
          active: true,
        })
      }
    }
    await t.services.visits.plans.generate(ctx, { period: 'week', from: '2026-11-30' })
    const preview = await t.services.printing.preview(ctx, { type: 'visit-schedule', id: dayFromDate('2026-11-30') })
    const pdf = await readPdf(new Uint8Array(Buffer.from(preview.pdfBase64, 'base64')))
    expect(pdf.pageCount).toBe(2)
    const text = pdf.pages.map((p) => p.items.map((i) => i.text).join('')).join('\n')
    expect(text).toContain('周阿姨 本周走访安排')
    expect(text).toContain('吴师傅 本周走访安排')
    expect(text).toContain('2026年11月30日')
    expect(text).toContain('高风险，每周走访')
    expect(text).toContain('独居')
    expect(text).toContain('1-1号院')
    expect(text).not.toContain('低保')
    expect(text).not.toContain('心脏病')
    expect(text).not.toContain('13912345678')
  })

  it('refuses a week with nothing planned, and a day that is not a Monday', async () => {
    expect(
      (await failure(t.services.printing.preview(ctx, { type: 'visit-schedule', id: dayFromDate('2026-11-30') })))
        .message,
    ).toBe('errors.visits.nothingPlanned')
    expect(
      (await failure(t.services.printing.preview(ctx, { type: 'visit-schedule', id: dayFromDate('2026-12-01') }))).code,
    ).toBe('NOT_FOUND')
  })
})

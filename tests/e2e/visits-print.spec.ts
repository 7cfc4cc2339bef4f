/**
 * The visit printables from their screens: a volunteer's certificate of service hours (时长证明)
 * from the volunteers list, this year's, saved as PDF and logged with its records; the month's
 * overview (打印总览) from the plan screen's toolbar. Screenshots at 1366×768 go to test-results
 * and /tmp/shots/visits-print-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { test, expect, type StationApp } from './fixtures'
import { openVisitPlan, printDialog, savePdf, signIn } from './support/flows'
import { seedAdministrator } from './support/community'
import { expectTidyScreen, watchConsole } from './support/screen-checks'
import type { CallContext } from '../../electron/services/context'
import { readPdf } from '../helpers/pdf-reader'
import { seedVisitCommunity } from '../helpers/visits'

const CTX: CallContext = { actor: null, channel: 'test' }
const SHOTS = '/tmp/shots'

async function shot(app: StationApp, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await app.page.waitForTimeout(400)
  await app.page.screenshot({ path: `${SHOTS}/${name}.png` })
  await app.screenshot(name)
}

const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear()

async function volunteer(app: StationApp, name: string, gridId: number) {
  return app.services.visits.volunteers.create(CTX, {
    residentId: null,
    name,
    mobile: '13812345670',
    skills: [],
    dialects: [],
    gridId,
    availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '12:00' })),
    absences: [],
    maxPerWeek: 4,
    status: 'active',
    notes: null,
  })
}

test('a volunteer’s certificate of service hours for this year is saved as PDF from the volunteers screen', async ({
  app,
}) => {
  test.setTimeout(120_000)
  const { page, services } = app
  const console = watchConsole(page)
  await seedAdministrator(services)
  const community = await seedVisitCommunity(services, CTX, 1)
  const zhou = await volunteer(app, '周阿姨', community.grids[0]!)
  const newcomer = await volunteer(app, '吴师傅', community.grids[1]!)
  const year = thisYear()
  const add = (kind: 'service' | 'training' | 'commendation', date: string, hours: number, title: string) =>
    services.visits.volunteers.addServiceRecord(CTX, { volunteerId: zhou.id, kind, date, hours, title })
  await add('service', `${year}-03-12`, 3.5, '社区义诊引导')
  await add('training', `${year}-04-02`, 2, '急救培训')
  await add('service', `${year - 1}-09-01`, 6, '重阳节活动')
  await add('commendation', `${year}-05-04`, 0, '街道优秀志愿者')

  await page.setViewportSize({ width: 1366, height: 768 })
  await app.open('/')
  await signIn(page)
  await page.getByTestId('menu-volunteers').click()
  const row = page.locator('.el-table__row', {
    has: page.locator(`[data-testid="volunteer-row"][data-id="${zhou.id}"]`),
  })
  await row.getByTestId('vr-certificate').click()
  const choose = page.getByTestId('certificate-dialog')
  await expect(choose.getByTestId('certificate-period')).toHaveCount(3)
  await expect(choose.locator('[data-period="thisYear"]')).toHaveText(`今年（${year}年）`)
  await expect(choose.locator('[data-period="thisYear"]')).toHaveClass(/is-checked/)
  await shot(app, 'visits-print-certificate-period')
  await choose.getByTestId('certificate-open').click()

  const print = await printDialog(page)
  await expect(print.getByTestId('print-page')).toHaveCount(1)
  await expectTidyScreen(page, console)
  await shot(app, 'visits-print-certificate')
  const saved = await savePdf(print, app.print.suggested)
  const pdf = await readPdf(new Uint8Array(readFileSync(saved)))
  expect(pdf.pageCount).toBe(1)
  const text = pdf.pages[0]!.items.map((i) => i.text)
    .join('')
    .replace(/\s+/g, '')
  expect(text).toContain('志愿服务时长证明')
  expect(text).toContain('兹证明周阿姨同志')
  expect(text).toContain('累计服务时长5.5小时')
  expect(text).toContain('街道优秀志愿者')
  expect(text).not.toContain('13812345670')
  const job = (await services.printing.log({ page: 1, pageSize: 5 })).items[0]!
  expect(job.documentType).toBe('volunteer-hours-certificate')
  expect(job.records).toContain(`volunteer:${zhou.id}`)
  expect(job.records.filter((r) => r.startsWith('service-record:'))).toHaveLength(3)
  await print.getByTestId('print-close').click()
  await expect(print).toBeHidden()

  // Someone with no service yet: refused, in words, nothing to save.
  const other = page.locator('.el-table__row', {
    has: page.locator(`[data-testid="volunteer-row"][data-id="${newcomer.id}"]`),
  })
  // By keyboard this time: the choices are radio buttons, arrows move; Tab to the button, Enter.
  await other.getByTestId('vr-certificate').focus()
  await page.keyboard.press('Enter')
  const choice = page.getByTestId('certificate-dialog').filter({ visible: true })
  await expect(choice).toBeVisible()
  await choice.locator('[data-period="thisYear"] input').focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(choice.locator('[data-period="all"]')).toHaveClass(/is-checked/)
  await choice.getByTestId('certificate-open').focus()
  await page.keyboard.press('Enter')
  await expect(print).toContainText('吴师傅在所选期间没有服务记录，不能出具志愿服务时长证明', { timeout: 30_000 })
  await shot(app, 'visits-print-certificate-refused')
})

test('the month’s overview opens in the print dialog from the plan screen', async ({ app }) => {
  test.setTimeout(120_000)
  const { page, services } = app
  await seedAdministrator(services)
  const community = await seedVisitCommunity(services, CTX, 2)
  await volunteer(app, '周阿姨', community.grids[0]!)
  for (const residentId of community.residents.flat()) {
    await services.visits.people.create(CTX, {
      residentId,
      tier: 'key',
      preferredWindows: [],
      riskNotes: '心脏病',
      usualVolunteerIds: [],
      active: true,
    })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
  await app.open('/')
  await signIn(page)
  await openVisitPlan(page, '2026-12-01')
  await page.getByTestId('plan-generate').click()
  await expect(page.getByTestId('plan-stats')).toBeVisible()
  await page.getByTestId('plan-print-overview').click()
  const print = await printDialog(page)
  await expect(print).toContainText('2026年12月走访工作总览')
  await shot(app, 'visits-print-overview')
  const pdf = await readPdf(new Uint8Array(readFileSync(await savePdf(print, app.print.suggested))))
  const text = pdf.pages.map((p) => p.items.map((i) => i.text).join('')).join('')
  expect(text).toContain('2026年12月走访工作总览')
  expect(text).not.toContain('心脏病')
})

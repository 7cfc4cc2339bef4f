/**
 * Elderly-care visits end to end, on the real services and a fresh SQLite file: the coordinator
 * plans December, sees the visit nobody can make with its reason, moves a visit (the broken
 * rules are named, then saved anyway), logs a visit as done with a follow-up, and the
 * volunteer's points rise on the volunteers screen; the week's schedule sheets are saved as PDF. Screenshots at 1366×768 go to
 * test-results and /tmp/shots/visits-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { test, expect, type StationApp } from './fixtures'
import { fill, signIn } from './support/flows'
import { seedAdministrator } from './support/community'
import { expectTidyScreen, watchConsole } from './support/screen-checks'
import type { CallContext } from '../../electron/services/context'
import { seedVisitCommunity } from '../helpers/visits'

const CTX: CallContext = { actor: null, channel: 'test' }
const SHOTS = '/tmp/shots'

async function shot(app: StationApp, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await app.page.waitForTimeout(400)
  await app.page.screenshot({ path: `${SHOTS}/${name}.png` })
  await app.screenshot(name)
}

test('the coordinator plans a month, moves a visit, logs one done with a follow-up, and points rise', async ({
  app,
}) => {
  test.setTimeout(180_000)
  const { page, services } = app
  const console = watchConsole(page)
  await seedAdministrator(services)
  const community = await seedVisitCommunity(services, CTX, 3)
  const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '12:00' }))
  for (const [i, name] of ['周阿姨', '吴师傅', '郑大姐'].entries()) {
    await services.visits.volunteers.create(CTX, {
      residentId: null,
      name,
      mobile: `1381234567${i}`,
      skills: [],
      dialects: [],
      gridId: community.grids[i === 2 ? 1 : 0]!,
      availability: weekdays,
      absences: [],
      maxPerWeek: 4,
      status: 'active',
      notes: null,
    })
  }
  for (const [g, ids] of community.residents.entries()) {
    for (const [i, residentId] of ids.entries()) {
      await services.visits.people.create(CTX, {
        residentId,
        tier: i === 0 ? 'high' : 'key',
        // One person takes visits on Sundays only, when nobody volunteers.
        preferredWindows: g === 1 && i === 2 ? [{ weekday: 7, from: '09:00', to: '11:00' }] : [],
        riskNotes: i === 0 ? '独居，心脏病' : null,
        usualVolunteerIds: [],
        active: true,
      })
    }
  }

  await page.setViewportSize({ width: 1366, height: 768 })
  await app.open('/')
  await signIn(page)
  await page.getByTestId('menu-visit-plan').click()
  const date = page.getByRole('combobox', { name: '计划日期' })
  await date.fill('2026-12-01')
  await date.press('Enter')
  await page.getByTestId('plan-generate').click()
  await expect(page.getByTestId('plan-stats')).toContainText('未能安排 1 次')
  await expect(page.getByTestId('unassigned-row')).toHaveAttribute('data-reason', 'no-volunteer-available')
  await expect(page.getByTestId('unassigned-row')).toHaveText('这段时间没有志愿者有空')
  // Weekly visits for the two high-risk people spread December over its weeks.
  await expect(page.getByTestId('plan-week').first()).toBeVisible()
  expect(await page.getByTestId('plan-week').count()).toBeGreaterThanOrEqual(4)
  await expectTidyScreen(page, console)
  await shot(app, 'visits-plan')

  // Move the first visit into the evening: the volunteer is not free then.
  const firstRow = page.getByTestId('visit-row').first()
  const movedId = await firstRow.getAttribute('data-id')
  await page.getByTestId('vr-move').first().click()
  const move = page.getByTestId('move-dialog')
  await expect(move).toBeVisible()
  const time = move.getByRole('combobox', { name: '新时间' })
  const current = await time.inputValue()
  await time.fill(`${current.slice(0, 10)} 19:00`)
  await time.press('Enter')
  await move.getByTestId('move-save').click()
  await expect(move.getByTestId('move-conflict').first()).toHaveAttribute('data-rule', 'volunteer-unavailable')
  await expect(move.getByTestId('move-conflicts')).toContainText('志愿者这个时间没空')
  await shot(app, 'visits-move-conflict')
  await move.getByTestId('move-force').click()
  await expect(move).toBeHidden()
  const moved = await services.visits.plans.getVisit(Number(movedId))
  expect(moved.startAt.slice(11)).toBe('19:00')
  expect(moved.status).toBe('confirmed')

  // Log another visit as done, with a follow-up.
  const logRow = page.getByTestId('vr-log').nth(1)
  await logRow.click()
  const log = page.getByTestId('log-dialog')
  await expect(log).toBeVisible()
  await fill(page, 'log-health', '血压偏高')
  await fill(page, 'log-needs', '需要助浴')
  await log.getByTestId('log-follow-up').click()
  await fill(page, 'log-follow-up-text', '联系助浴服务')
  await shot(app, 'visits-log')
  await log.getByTestId('log-save').click()
  await expect(log).toBeHidden()
  const followUps = await services.visits.logs.openFollowUps()
  expect(followUps.map((f) => f.text)).toEqual(['联系助浴服务'])
  await expect(page.getByTestId('follow-up-row')).toHaveText(['联系助浴服务'])

  // The first week's schedule sheets, saved as PDF.
  await page.getByTestId('plan-print-week').first().click()
  const print = page.getByTestId('print-dialog')
  await expect(print).toBeVisible()
  await expect(print.getByTestId('print-page').first()).toBeVisible({ timeout: 30_000 })
  await shot(app, 'visits-print')
  await print.getByTestId('print-save-pdf').click()
  await expect(print.getByTestId('print-saved-path')).toBeVisible({ timeout: 30_000 })
  const saved = app.print.suggested[0]
  expect(saved).toBeTruthy()
  expect(readFileSync(saved!).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  await print.getByTestId('print-close').click()

  await page.getByTestId('menu-volunteers').click()
  await expect(page.getByTestId('volunteer-row')).toHaveCount(3)
  const volunteers = await services.visits.volunteers.list({})
  expect(volunteers.reduce((n, v) => n + v.points, 0)).toBeGreaterThan(0)
  await expect(page.getByTestId('volunteers-table')).toContainText('138****5670')

  // Points: a catalogue item, redeemed; the ledger shows both entries and the new balance.
  const earner = volunteers.find((v) => v.points > 0)!
  const earnerRow = page.locator('tr', { has: page.locator(`[data-testid="volunteer-row"][data-id="${earner.id}"]`) })
  await earnerRow.getByTestId('vr-points').click()
  const points = page.getByTestId('points-dialog')
  await expect(points.getByTestId('points-balance')).toHaveText(String(earner.points))
  await fill(page, 'points-new-name', '洗衣液')
  await points.getByTestId('points-new-item').click()
  await points.getByTestId('points-item').click()
  await page.locator('.el-select-dropdown:visible').getByText('洗衣液', { exact: false }).click()
  await points.getByTestId('points-redeem').click()
  await expect(points.getByTestId('points-balance')).toHaveText(String(earner.points - 10))
  await expect(points.getByTestId('points-entry')).toHaveCount(2)
  await shot(app, 'visits-points')
  await page.keyboard.press('Escape')
  await expect(points).toBeHidden()
  await expectTidyScreen(page, console)
  await shot(app, 'visits-volunteers')
  await page.getByTestId('vr-edit').first().click()
  await expect(page.getByTestId('volunteer-dialog')).toBeVisible()
  await page.getByTestId('vd-add-absence').click()
  await shot(app, 'visits-volunteer-dialog')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('volunteer-dialog')).toBeHidden()

  await page.getByTestId('menu-visit-people').click()
  await expect(page.getByTestId('person-row')).toHaveCount(6)
  await expect(page.getByTestId('people-table')).not.toContainText('心脏病')
  await shot(app, 'visits-people')
})

/**
 * Elderly-care visits end to end, on the real services and a fresh SQLite file: the coordinator
 * plans December, sees the visit nobody can make with its reason, moves a visit (the broken
 * rules are named, then saved anyway), logs a visit as done with a follow-up, and the
 * volunteer's points rise on the volunteers screen; the week's schedule sheets are saved as PDF. Screenshots at 1366×768 go to
 * test-results and /tmp/shots/visits-*.png.
 */
import { mkdirSync } from 'node:fs'
import { test, expect, type StationApp } from './fixtures'
import { fill, openVisitPlan, printDialog, savePdf, signIn } from './support/flows'
import { seedAdministrator } from './support/community'
import { expectTidyScreen, watchConsole } from './support/screen-checks'
import type { CallContext } from '../../electron/services/context'
import type { VisitDto } from '../../electron/contract/visit-dto'
import { benchInstance, seedVisitCommunity } from '../helpers/visits'
import { seedPlannerInstance } from '../helpers/visit-station'

const CTX: CallContext = { actor: null, channel: 'test' }
const SHOTS = '/tmp/shots'

async function shot(app: StationApp, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await app.page.waitForTimeout(400)
  await app.page.screenshot({ path: `${SHOTS}/${name}.png` })
  await app.screenshot(name)
}

/** Drags a visit on the week's time grid so that it starts at `time` on `date`. */
async function dragVisit(page: StationApp['page'], visitId: number, date: string, time: string) {
  const event = page.locator(`[data-testid="calendar-event"][data-visit-id="${visitId}"]`)
  await event.scrollIntoViewIfNeeded()
  const from = (await event.boundingBox())!
  const column = (await page.locator(`td.fc-timegrid-col[data-date="${date}"]`).boundingBox())!
  const slot = page.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`)
  await slot.scrollIntoViewIfNeeded()
  const row = (await slot.boundingBox())!
  // FullCalendar follows the middle of the slot-high piece of the event under the pointer, not
  // the pointer itself: held a quarter slot below the event's top (inside its first quarter-hour),
  // let go at the slot's top edge, the followed point sits mid-way in the slot's first quarter-hour.
  const quarter = row.height / 4
  await page.mouse.move(from.x + from.width / 2, from.y + quarter)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2, from.y + quarter + 20, { steps: 5 })
  await page.mouse.move(column.x + column.width / 2, row.y + 1, { steps: 15 })
  await page.mouse.up()
}

/**
 * A weekday morning slot in the visit's week and due window where none of its volunteers has
 * another visit within the visit length plus the travel buffer (60 + 30 minutes by default).
 */
function freeSlot(visits: VisitDto[], visit: VisitDto): string {
  const minutes = (at: string) => Date.parse(`${at}:00Z`) / 60_000
  const mine = new Set(visit.volunteers.map((v) => v.id))
  const others = visits.filter((v) => v.id !== visit.id && v.volunteers.some((x) => mine.has(x.id)))
  for (const day of ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) {
    for (const time of ['09:00', '09:30', '10:00', '10:30', '11:00']) {
      const at = `${day}T${time}`
      if (at === visit.startAt) continue
      if (visit.windowFrom && at < visit.windowFrom) continue
      if (visit.windowTo && minutes(at) + 60 > minutes(visit.windowTo)) continue
      if (others.every((o) => Math.abs(minutes(o.startAt) - minutes(at)) >= 90)) return at
    }
  }
  throw new Error('no free slot in the first week')
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
  await openVisitPlan(page, '2026-12-01')
  await page.getByTestId('plan-generate').click()
  await expect(page.getByTestId('plan-stats')).toContainText('未能安排 1 次')
  await expect(page.getByTestId('unassigned-row')).toHaveAttribute('data-reason', 'no-volunteer-available')
  await expect(page.getByTestId('unassigned-row')).toHaveText('这段时间没有志愿者有空')
  // December as a month calendar: every visit on its day, coloured by status, with a legend.
  const calendar = page.getByTestId('plan-calendar')
  await expect(calendar).toHaveAttribute('data-view', 'month')
  await expect(calendar.getByTestId('calendar-event').first()).toBeVisible()
  const december = await services.visits.plans.list({ from: '2026-12-01', to: '2026-12-31' })
  await expect(page.getByTestId('plan-shown')).toContainText(`${december.visits.length} / ${december.visits.length}`)
  await expect(page.getByTestId('plan-legend')).toContainText('已确认')
  await expectTidyScreen(page, console)
  await shot(app, 'visits-plan')
  await shot(app, 'visits-calendar-month-zh-CN')

  // The first week as a time grid; one volunteer's visits only.
  await page.getByTestId('plan-period').getByText('按周').click()
  await expect(calendar).toHaveAttribute('data-view', 'week')
  const week = await services.visits.plans.list({ from: '2026-11-30', to: '2026-12-06' })
  const events = calendar.getByTestId('calendar-event')
  await expect(events).toHaveCount(week.visits.length)
  const someone = week.visits[0]!.volunteers[0]!
  await page.getByTestId('plan-filter-volunteer').click()
  await page.locator('.el-select-dropdown:visible').getByText(someone.name, { exact: true }).click()
  const theirs = week.visits.filter((v) => v.volunteers.some((x) => x.id === someone.id))
  await expect(events).toHaveCount(theirs.length)
  await page.getByTestId('plan-filter-volunteer').locator('.el-select__clear').click()
  await expect(events).toHaveCount(week.visits.length)
  await shot(app, 'visits-calendar-week-zh-CN')

  // Drag a visit to the afternoon, when its volunteer is not free: the dialog names the rule; undo.
  const dragged = week.visits.find((v) => v.status === 'planned')!
  await dragVisit(page, dragged.id, dragged.startAt.slice(0, 10), '14:00')
  const conflict = page.getByTestId('drop-conflict-dialog')
  await expect(conflict).toBeVisible()
  await expect(conflict.locator('[data-testid="drop-conflict"][data-rule="volunteer-unavailable"]')).toBeVisible()
  await expect(conflict).toContainText('志愿者这个时间没空')
  await shot(app, 'visits-calendar-drop-conflict')
  await conflict.getByTestId('drop-revert').click()
  await expect(conflict).toBeHidden()
  expect((await services.visits.plans.getVisit(dragged.id)).startAt).toBe(dragged.startAt)

  // Then to a free morning slot: saved at once.
  const target = freeSlot(week.visits, dragged)
  await dragVisit(page, dragged.id, target.slice(0, 10), target.slice(11))
  await expect(page.locator('.el-message--success')).toBeVisible()
  await expect.poll(async () => (await services.visits.plans.getVisit(dragged.id)).startAt).toBe(target)
  await expect(conflict).toBeHidden()

  // By keyboard: focus a visit, Enter opens its card, Enter on 调整, type the evening, Enter.
  const movedId = week.visits.find((v) => v.id !== dragged.id && v.status === 'planned')!.id
  await calendar.locator(`[data-visit-id="${movedId}"]`).focus()
  await page.keyboard.press('Enter')
  const card = page.getByTestId('visit-card')
  await expect(card).toBeVisible()
  await expect(card.getByTestId('vc-move')).toBeFocused()
  await page.keyboard.press('Enter')
  const move = page.getByTestId('move-dialog')
  await expect(move).toBeVisible()
  const time = move.getByRole('combobox', { name: '新时间' })
  const current = await time.inputValue()
  await time.fill(`${current.slice(0, 10)} 19:00`)
  // Enter takes the typed time, Enter again saves: the move is checked and its broken rule named.
  await time.press('Enter')
  await time.press('Enter')
  await expect(move.getByTestId('move-conflict').first()).toHaveAttribute('data-rule', 'volunteer-unavailable')
  await expect(move.getByTestId('move-conflicts')).toContainText('志愿者这个时间没空')
  await shot(app, 'visits-move-conflict')
  await move.getByTestId('move-force').click()
  await expect(move).toBeHidden()
  const moved = await services.visits.plans.getVisit(movedId)
  expect(moved.startAt.slice(11)).toBe('19:00')
  expect(moved.status).toBe('confirmed')
  // The evening visit stays in sight: the grid stretches past the day's hours.
  await expect(calendar.locator(`[data-visit-id="${movedId}"]`)).toBeVisible()

  // Log another visit as done, with a follow-up, from its card; a done visit no longer drags.
  const loggedId = week.visits.find((v) => v.id !== dragged.id && v.id !== movedId)!.id
  await calendar.locator(`[data-visit-id="${loggedId}"]`).click()
  await card.getByTestId('vc-log').click()
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
  const done = calendar.locator(`[data-visit-id="${loggedId}"]`)
  await expect(done).toHaveAttribute('data-status', 'done')
  await expect(done).not.toHaveClass(/fc-event-draggable/)

  // The list, week by week, is still there.
  await page.getByTestId('plan-display').getByText('列表').click()
  await expect(page.getByTestId('plan-week').first()).toBeVisible()
  await page.getByTestId('plan-display').getByText('日历').click()
  await expect(calendar).toBeVisible()

  // The first week's schedule sheets, saved as PDF.
  await page.getByTestId('plan-print-week').first().click()
  const print = await printDialog(page)
  await shot(app, 'visits-print')
  await savePdf(print, app.print.suggested)
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

  // The calendar speaks the chosen language: English week and month.
  await app.open('/')
  await page.evaluate(() => localStorage.setItem('station.locale', 'en'))
  // The session outlives the reload: still signed in, now in English.
  await page.reload()
  await openVisitPlan(page, '2026-12-01', 'Date in the period')
  await expect(calendar).toHaveAttribute('data-view', 'month')
  await expect(calendar.locator('.fc-toolbar-title')).toHaveText('December 2026')
  await expect(calendar.locator('.fc-col-header-cell').first()).toHaveText(/Mon/)
  await expectTidyScreen(page, console)
  await shot(app, 'visits-calendar-month-en')
  // The calendar's own arrows move the plan screen's date (and load that month).
  await calendar.locator('.fc-next-button').click()
  await expect(calendar.locator('.fc-toolbar-title')).toHaveText('January 2027')
  await expect(page.getByRole('combobox', { name: 'Date in the period' })).toHaveValue('2027-01-01')
  await calendar.locator('.fc-prev-button').click()
  await expect(calendar.locator('.fc-toolbar-title')).toHaveText('December 2026')
  await expect(calendar.getByTestId('calendar-event').first()).toBeVisible()
  await page.getByTestId('plan-period').getByText('Week').click()
  await expect(calendar).toHaveAttribute('data-view', 'week')
  await expect(calendar.getByTestId('calendar-event').first()).toBeVisible()
  await shot(app, 'visits-calendar-week-en')
})

test("a large station's month (2,000 people, 300 volunteers) shows as a calendar with +N more per day", async ({
  app,
}) => {
  test.setTimeout(180_000)
  const { page, services } = app
  const console = watchConsole(page)
  await seedAdministrator(services)
  await seedPlannerInstance(services, CTX, benchInstance(1))
  const plan = await services.visits.plans.generate(CTX, { period: 'month', from: '2026-12-01' })
  expect(plan.visits.length).toBeGreaterThan(1500)

  await page.setViewportSize({ width: 1366, height: 768 })
  await app.open('/')
  await signIn(page)
  await page.getByTestId('menu-visit-plan').click()
  const date = page.getByRole('combobox', { name: '计划日期' })
  let t0 = Date.now()
  await date.fill('2026-12-01')
  await date.press('Enter')
  const calendar = page.getByTestId('plan-calendar')
  await expect(page.getByTestId('plan-shown')).toContainText(`${plan.visits.length} / ${plan.visits.length}`)
  const chips = calendar.getByTestId('calendar-more')
  await expect(chips.first()).toBeVisible()
  const monthMs = Date.now() - t0
  // Every crowded day shows its two earliest visits and an exact "+N more"; never thousands of rows.
  expect(await calendar.getByTestId('calendar-event').count()).toBeLessThan(100)
  const firstDay = (await chips.first().getAttribute('data-date'))!
  const onFirstDay = plan.visits.filter((v) => v.startAt.startsWith(firstDay)).length
  await expect(chips.first()).toContainText(`另外 ${onFirstDay - 2} 次`)
  await expectTidyScreen(page, console)
  await shot(app, 'visits-calendar-large-month')

  // "+N more" opens that day's week, with every visit of the week.
  t0 = Date.now()
  await chips.first().click()
  await expect(calendar).toHaveAttribute('data-view', 'week')
  await expect(calendar.getByTestId('calendar-event').first()).toBeVisible()
  const weekMs = Date.now() - t0
  await shot(app, 'visits-calendar-large-week')
  const volunteer = plan.visits[0]!.volunteers[0]!
  await page.getByTestId('plan-filter-volunteer').click()
  await page.keyboard.type(volunteer.name)
  await page.locator('.el-select-dropdown:visible').getByText(volunteer.name, { exact: true }).click()
  const shown = await page.getByTestId('plan-shown').innerText()
  expect(Number(shown.match(/\d+/)![0])).toBeLessThanOrEqual(12)
  await shot(app, 'visits-calendar-large-volunteer-week')
  test.info().annotations.push({ type: 'timing', description: `month ${monthMs} ms, week ${weekMs} ms` })
  process.stdout.write(
    `large station: ${plan.visits.length} visits; month shown in ${monthMs} ms, week in ${weekMs} ms\n`,
  )
})

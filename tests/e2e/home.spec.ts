/**
 * 今日工作, the page every account lands on: the coordinator signs in and sees the visit
 * follow-ups (the overdue one in red, first), today's visits and the empty cards in words; closes
 * the overdue follow-up by keyboard with a note, and it stays gone after a reload. A secretary,
 * who may not read visits, sees no follow-up card; a counter clerk's menu fits 1366×768.
 * Screenshots at 1366×768 (zh-CN and en) go to test-results and /tmp/shots/home-*.png.
 */
import { mkdirSync } from 'node:fs'
import { test, expect, type StationApp } from './fixtures'
import { field, signIn, signOut } from './support/flows'
import { seedAdministrator } from './support/community'
import { expectVisibleFocus, focused, tabTo } from './support/keyboard'
import { expectTidyScreen, watchConsole } from './support/screen-checks'
import type { CallContext } from '../../electron/services/context'
import type { ServiceContainer } from '../../electron/services/container'
import { shanghaiToday } from '../../electron/contract/rules/dates'
import { seedVisitCommunity } from '../helpers/visits'

const SHOTS = '/tmp/shots'
const ADMIN_CTX: CallContext = { actor: { accountId: 1, role: 'admin', displayName: '王主任' }, channel: 'test' }
const COORDINATOR = { username: 'li', displayName: '李协调', password: 'li-pass-2026' }
const SECRETARY = { username: 'zhao', displayName: '赵书记', password: 'zhao-pass-2026' }
const CLERK = { username: 'chen', displayName: '陈柜员', password: 'chen-pass-2026' }

async function shot(app: StationApp, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await app.page.waitForTimeout(300)
  await app.page.screenshot({ path: `${SHOTS}/${name}.png` })
  await app.screenshot(name)
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

async function account(
  services: ServiceContainer,
  who: typeof COORDINATOR,
  role: 'coordinator' | 'secretary' | 'staff',
) {
  const created = await services.auth.createAccount(ADMIN_CTX, {
    ...who,
    role,
    gridIds: [],
    mustChangePassword: false,
  })
  return created.id
}

/**
 * This week planned for six high-risk people; one visit moved to today 15:00; three visits logged
 * done with follow-ups: two the coordinator's (one overdue by three days), one the administrator's.
 */
async function arrange(services: ServiceContainer, coordinatorId: number) {
  const today = shanghaiToday()
  const community = await seedVisitCommunity(services, ADMIN_CTX, 3)
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '08:00', to: '20:00' }))
  for (const [i, name] of ['周阿姨', '吴师傅'].entries())
    await services.visits.volunteers.create(ADMIN_CTX, {
      residentId: null,
      name,
      mobile: null,
      skills: [],
      dialects: [],
      gridId: community.grids[i]!,
      availability: everyDay,
      absences: [],
      maxPerWeek: 10,
      status: 'active',
      notes: null,
    })
  for (const residentId of community.residents.flat())
    await services.visits.people.create(ADMIN_CTX, {
      residentId,
      tier: 'high',
      preferredWindows: [],
      riskNotes: null,
      usualVolunteerIds: [],
      active: true,
    })
  const plan = await services.visits.plans.generate(ADMIN_CTX, { period: 'week', from: today })
  expect(plan.visits.length).toBeGreaterThanOrEqual(4)
  const [todays, a, b, c] = plan.visits as [(typeof plan.visits)[0], ...typeof plan.visits]
  await services.visits.plans.move(ADMIN_CTX, {
    id: todays.id,
    startAt: `${today}T15:00`,
    volunteerIds: todays.volunteers.map((v) => v.id),
    force: true,
  })
  const done = { outcome: 'done' as const, durationMinutes: 60, health: null, living: null, needs: '需要助浴' }
  const followUps = [
    { visit: a!, text: '联系助浴服务', ownerAccountId: coordinatorId, dueDate: addDays(today, -3) },
    { visit: b!, text: '回访血压情况', ownerAccountId: coordinatorId, dueDate: addDays(today, 2) },
    { visit: c!, text: '申请居家适老化改造', ownerAccountId: 1, dueDate: addDays(today, 1) },
  ]
  for (const f of followUps)
    await services.visits.logs.log(ADMIN_CTX, {
      ...done,
      visitId: f.visit.id,
      followUp: { text: f.text, ownerAccountId: f.ownerAccountId, dueDate: f.dueDate },
    })
  return { today, todays, followUps }
}

test('the coordinator lands on 今日工作, sees the overdue follow-up first and closes it by keyboard', async ({
  app,
}) => {
  test.setTimeout(120_000)
  const { page, services } = app
  const console = watchConsole(page)
  await seedAdministrator(services)
  const coordinatorId = await account(services, COORDINATOR, 'coordinator')
  const { today, todays, followUps } = await arrange(services, coordinatorId)

  await page.setViewportSize({ width: 1366, height: 768 })
  await app.open('/')
  await signIn(page, COORDINATOR.username, COORDINATOR.password)
  await expect(page.getByTestId('home-title')).toHaveText('今日工作')
  expect(page.url()).toMatch(/#\/today$/)
  await expect(page.getByTestId('menu-today')).toHaveAttribute('aria-current', 'page')

  // Mine first: the coordinator's two, the overdue one on top and in red.
  const card = page.getByTestId('home-follow-ups')
  const rows = card.getByTestId('fu-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toHaveAttribute('data-overdue', 'true')
  await expect(rows.nth(0)).toContainText('联系助浴服务')
  await expect(rows.nth(0).getByTestId('fu-due')).toHaveText('逾期 3 天')
  const red = await rows
    .nth(0)
    .getByTestId('fu-due')
    .evaluate((el) => getComputedStyle(el).color)
  // The theme's danger red, whatever its exact shade: red well above green and blue.
  const [r, g, b] = (red.match(/\d+/g) ?? []).map(Number) as [number, number, number]
  expect(r, red).toBeGreaterThan(2 * Math.max(g, b))
  await expect(rows.nth(1)).toHaveAttribute('data-overdue', 'false')
  await expect(rows.nth(1)).toContainText('回访血压情况')
  await expect(rows.nth(0)).toContainText(followUps[0]!.visit.personName)
  await expect(rows.nth(0)).toContainText(COORDINATOR.displayName)
  // Everyone's: the administrator's as well, by due date.
  await card.getByTestId('fu-filter').getByText('全部 3').click()
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(1)).toContainText('申请居家适老化改造')
  await expect(rows.nth(1)).toContainText('王主任')

  // Today's visit, and the empty cards say so in words.
  const visits = page.getByTestId('home-visits')
  const planned = await services.visits.plans.list({ from: today, to: today })
  const expected = planned.visits.filter((v) => v.status !== 'moved')
  expect(expected.map((v) => v.id)).toContain(todays.id)
  await expect(visits.getByTestId('tv-row')).toHaveCount(expected.length)
  await expect(visits.locator(`[data-testid="tv-row"][data-id="${todays.id}"]`)).toContainText(
    `15:00${todays.personName}`,
  )
  await expect(page.getByTestId('home-sessions-empty')).toHaveText('今天没有活动或课程。')
  await expect(page.getByTestId('home-bookings-empty')).toHaveText('今天没有送医、送法预约。')
  await expectTidyScreen(page, console)
  await shot(app, 'home-zh-CN')

  // By keyboard: Tab to the overdue row's 关闭, Enter, type the note, Enter.
  await page.getByTestId('home-title').focus()
  await tabTo(page, 'fu-close', 10)
  expect((await focused(page)).label).toContain('联系助浴服务')
  await expectVisibleFocus(page)
  await page.keyboard.press('Enter')
  await expect(field(page, 'fu-note')).toBeFocused()
  await page.keyboard.type('已联系助浴服务，下周一上门')
  await shot(app, 'home-closing')
  await page.keyboard.press('Enter')
  await expect(rows).toHaveCount(2)
  await expect(card).not.toContainText('联系助浴服务')
  // The focus waits on the next row's 关闭.
  await expect(rows.nth(0).getByTestId('fu-close')).toBeFocused()
  const closed = await services.models.VisitFollowUp.findByPk(
    (await services.models.VisitFollowUp.findOne({ where: { text: '联系助浴服务' } }))!.id,
  )
  expect(closed!.closedAt).not.toBeNull()
  expect(closed!.closedNote).toBe('已联系助浴服务，下周一上门')

  await page.reload()
  await expect(page.getByTestId('home-title')).toBeVisible()
  await expect(rows).toHaveCount(1)
  await expect(rows.nth(0)).toContainText('回访血压情况')
  await card.getByTestId('fu-filter').getByText('全部 2').click()
  await expect(rows).toHaveCount(2)
  await expect(card).not.toContainText('联系助浴服务')
  await expectTidyScreen(page, console)
})

test('in English; and a secretary, without visits.read, sees the meetings due but no follow-up card', async ({
  app,
}) => {
  test.setTimeout(120_000)
  const { page, services } = app
  const console = watchConsole(page)
  await seedAdministrator(services)
  const coordinatorId = await account(services, COORDINATOR, 'coordinator')
  await account(services, SECRETARY, 'secretary')
  await arrange(services, coordinatorId)

  await page.setViewportSize({ width: 1366, height: 768 })
  await app.open('/')
  await page.getByTestId('auth-locale-en').click()
  await signIn(page, COORDINATOR.username, COORDINATOR.password)
  await expect(page.getByTestId('home-title')).toHaveText('Today')
  await expect(page.getByTestId('home-follow-ups').getByTestId('fu-row').first()).toContainText('3 d overdue')
  await expect(page.getByTestId('home-sessions-empty')).toHaveText('No programme sessions today.')
  await expectTidyScreen(page, console)
  await shot(app, 'home-en')

  // A secretary may read party work, not visits: the meetings due, and no follow-up card.
  const branch = await services.organisation.saveBranch(ADMIN_CTX, { name: '第一党支部' })
  const matrix = await services.compliance.matrix({ branchId: branch.id, year: Number(shanghaiToday().slice(0, 4)) })
  const behind = matrix.rows.filter((r) => r.cells.some((c) => c.state === 'missing' || c.state === 'dueSoon'))
  await signOut(page)
  await signIn(page, SECRETARY.username, SECRETARY.password)
  await expect(page.getByTestId('home-title')).toBeVisible()
  expect(page.url()).toMatch(/#\/today$/)
  await expect(page.getByTestId('home-follow-ups')).toHaveCount(0)
  await expect(page.getByTestId('home-visits')).toHaveCount(0)
  await expect(page.getByTestId('home-compliance').getByTestId('cw-row')).toHaveCount(behind.length)
  if (behind.length > 0) await expect(page.getByTestId('cw-row').first()).toContainText('第一党支部')
  await expectTidyScreen(page, console)
  await shot(app, 'home-secretary-en')
})

test('the administrator sees all five cards, each loaded on its own', async ({ app }) => {
  test.setTimeout(120_000)
  const { page, services } = app
  const console = watchConsole(page)
  await seedAdministrator(services)
  const coordinatorId = await account(services, COORDINATOR, 'coordinator')
  await arrange(services, coordinatorId)
  await services.organisation.saveBranch(ADMIN_CTX, { name: '第一党支部' })
  await page.setViewportSize({ width: 1366, height: 768 })
  await app.open('/')
  await signIn(page)
  for (const card of ['home-follow-ups', 'home-compliance', 'home-visits', 'home-sessions', 'home-bookings'])
    await expect(page.getByTestId(card)).toBeVisible()
  // The administrator owns one follow-up: "mine" shows it, the other two are a click away.
  await expect(page.getByTestId('fu-row')).toHaveCount(1)
  await expect(page.getByTestId('fu-row')).toContainText('申请居家适老化改造')
  await expect(page.getByTestId('home-compliance').getByTestId('cw-row').first()).toBeVisible()
  await expectTidyScreen(page, console)
  await shot(app, 'home-admin-zh-CN')
})

test("a counter clerk's menu, with 今日工作 first, fits 1366×768 without scrolling", async ({ app }) => {
  // Seventeen entries at 36 px and three group titles: 706 px against the 713 the page leaves.
  const { page, services } = app
  await seedAdministrator(services)
  await account(services, CLERK, 'staff')
  await page.setViewportSize({ width: 1366, height: 768 })
  await app.open('/')
  await signIn(page, CLERK.username, CLERK.password)
  await expect(page.getByTestId('home-title')).toBeVisible()
  const entries = page.locator('nav [data-testid^="menu-"]')
  await expect(entries.first()).toHaveAttribute('data-testid', 'menu-today')
  const nav = await page.locator('nav').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }))
  expect(nav.scroll, 'the menu scrolls').toBeLessThanOrEqual(nav.client)
  await expect(page.getByTestId('home-follow-ups-empty')).toHaveText('今天没有待办的跟进事项。')
  await shot(app, 'home-clerk-empty')
})

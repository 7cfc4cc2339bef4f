/**
 * 送医送法上门 end to end: staff register a visiting doctor, add tomorrow's slots, book an elderly
 * resident for a home visit by typing her initials, and record the outcome with a follow-up; an
 * administrator sees that a note exists but not its text. Screenshots at 1366×768.
 */
import { mkdirSync } from 'node:fs'
import { test, expect, type StationApp } from './fixtures'
import { ADMIN, signIn, signOut } from './support/flows'
import { seedAdministrator, seedCommunity } from './support/community'
import { expectTidyScreen, watchConsole } from './support/screen-checks'
import { shanghaiToday } from '../../electron/contract/rules/dates'

const SHOTS = '/tmp/shots'

async function shot(app: StationApp, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await app.page.waitForTimeout(400)
  await app.page.screenshot({ path: `${SHOTS}/${name}.png` })
  await app.screenshot(name)
}

test('a doctor offers slots, a resident is booked for a home visit, and the note stays with its role', async ({
  app,
}) => {
  const { page } = app
  const console = watchConsole(page)
  await seedAdministrator(app.services)
  await seedCommunity(app.services)
  await app.services.auth.createAccount(
    { actor: { accountId: 1, role: 'admin', displayName: ADMIN.displayName }, channel: 'test' },
    {
      username: 'chen',
      displayName: '陈社工',
      password: 'chen-pass-1',
      role: 'staff',
      gridIds: [],
      mustChangePassword: false,
    },
  )
  await app.open('/')
  await signIn(page, 'chen', 'chen-pass-1')
  await page.getByTestId('menu-home-visits').click()
  await expect(page.getByTestId('hv-empty')).toBeVisible()

  await page.getByTestId('hv-new-provider').click()
  const provider = page.getByTestId('hv-provider-dialog')
  await provider.getByTestId('hv-provider-name').fill('刘医生')
  await provider.getByTestId('hv-provider-org').fill('东城社区卫生服务中心')
  await provider.getByTestId('hv-provider-org').press('Control+Enter')
  await expect(provider).toBeHidden()

  // Tomorrow, Shanghai time: four half-hour slots from 09:00.
  const tomorrow = new Date(Date.parse(`${shanghaiToday()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  await page.getByTestId('hv-add-slots').click()
  const slots = page.getByTestId('hv-slots-dialog')
  await slots.getByTestId('hv-slots-date').locator('input').fill(tomorrow)
  await slots.getByTestId('hv-slots-date').locator('input').press('Enter')
  await expect(slots.getByTestId('hv-slots-preview')).toHaveText('将添加 4 个时段：09:00 至 11:00')
  await slots.getByTestId('hv-slots-save').click()
  await expect(slots).toBeHidden()
  // Tomorrow may fall in next week.
  if (tomorrow > (await page.getByTestId('hv-week').textContent())!.slice(-10))
    await page.getByTestId('hv-next').click()
  await expect(page.getByTestId('hv-row')).toHaveCount(4)

  await page.getByTestId('hv-row').first().getByTestId('hv-book').click()
  const book = page.getByTestId('hv-book-dialog')
  await book.locator('.resident-picker input').fill('lgl')
  await page.locator('.el-select-dropdown:visible').getByText('刘桂兰', { exact: true }).click()
  await book.getByTestId('hv-book-reason').fill('血压复查')
  await shot(app, 'home-visits-01-book')
  await book.getByTestId('hv-book-save').click()
  await expect(book).toBeHidden()
  const first = page.getByTestId('hv-row').first()
  await expect(first.getByTestId('hv-booking')).toContainText('刘桂兰')
  await expect(first.getByTestId('hv-booking')).toContainText('上门')
  await expect(first.getByTestId('hv-booking')).toContainText('幸福小区')

  await first.getByTestId('hv-outcome').click()
  const outcome = page.getByTestId('hv-outcome-dialog')
  await outcome.getByTestId('hv-outcome-note').fill('血压 150/95，建议调整用药')
  await outcome.getByTestId('hv-outcome-follow-up').click()
  await outcome.getByTestId('hv-outcome-save').click()
  await expect(outcome).toBeHidden()
  await expect(first.getByTestId('hv-booking')).toContainText('已完成')
  await expect(first.getByTestId('hv-booking')).toContainText('需跟进')
  await expect(first.getByTestId('hv-booking')).toContainText('血压 150/95')
  await shot(app, 'home-visits-02-week')
  await expectTidyScreen(page, console)

  // The administrator is another role: the note exists, its text does not show.
  await signOut(page)
  await signIn(page)
  await page.getByTestId('menu-home-visits').click()
  if (tomorrow > (await page.getByTestId('hv-week').textContent())!.slice(-10))
    await page.getByTestId('hv-next').click()
  const seen = page.getByTestId('hv-row').first().getByTestId('hv-booking')
  await expect(seen).toContainText('记录仅 陈社工 所在角色可见')
  await expect(seen).not.toContainText('血压 150/95')
  expect(console.errors).toEqual([])
})

/**
 * 季评诚信 end to end: staff register a sole trader, rate it by keyboard (the level follows the
 * scores as they are typed), see it in the quarter's list, save its certificate as a PDF, and
 * re-rate it (the screen says the earlier rating will be replaced). Screenshots at 1366×768.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { test, expect, type StationApp } from './fixtures'
import { ADMIN, signIn } from './support/flows'
import { seedAdministrator } from './support/community'
import { expectTidyScreen, watchConsole } from './support/screen-checks'

const SHOTS = '/tmp/shots'

async function shot(app: StationApp, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  // Dialogs fade in; the picture is of the settled screen.
  await app.page.waitForTimeout(400)
  await app.page.screenshot({ path: `${SHOTS}/${name}.png` })
  await app.screenshot(name)
}

test('a sole trader is registered, rated A by keyboard, certified as PDF and re-rated', async ({ app }) => {
  const { page } = app
  const console = watchConsole(page)
  await seedAdministrator(app.services)
  await app.services.settings.update(
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
  await app.open('/')
  await signIn(page)
  await expect(page.getByTestId('header-account')).toContainText(ADMIN.displayName)
  await page.getByTestId('menu-ratings').click()
  await expect(page.getByTestId('ratings-table')).toBeVisible()

  await page.getByTestId('ratings-new').click()
  const bd = page.getByTestId('business-dialog')
  await expect(bd).toBeVisible()
  await bd.getByTestId('bd-name').fill('老王烟酒店')
  await bd.getByTestId('bd-operator').fill('王建华')
  await bd.getByTestId('bd-credit-code').fill('92510703MA6ABC')
  await bd.getByTestId('bd-phone').fill('13812345678')
  await bd.getByTestId('bd-save').click()
  // A credit code of the wrong length is named next to its field; nothing typed is lost.
  await expect(bd.getByText('统一社会信用代码应为 18 位数字或大写字母')).toBeVisible()
  await expect(bd.getByTestId('bd-name')).toHaveValue('老王烟酒店')
  await bd.getByTestId('bd-credit-code').fill('92510703MA6ABCDE1X')
  await bd.getByTestId('bd-category').press('Control+Enter')
  await expect(bd).toBeHidden()

  const row = page.getByTestId('rating-row').filter({ hasText: '老王烟酒店' })
  await expect(row).toContainText('138****5678')
  await expect(row.getByTestId('rr-level')).toHaveText('未评')
  await row.getByTestId('rr-rate').click()
  const rd = page.getByTestId('rating-dialog')
  await expect(rd).toBeVisible()
  await expect(rd.getByTestId('rd-save')).toBeDisabled()

  // Every item at full marks but two, typed with Tab between the boxes.
  const criteria = await app.services.ratings.criteria()
  const boxes = criteria.map((c) => rd.getByTestId(`rd-score-${c.id}`).locator('input'))
  for (const [i, c] of criteria.entries()) {
    await boxes[i]!.fill(String(i === 1 ? c.maxScore - 3 : i === 3 ? c.maxScore - 2 : c.maxScore))
  }
  await boxes[boxes.length - 1]!.press('Tab')
  await expect(rd.getByTestId('rd-total')).toContainText('合计 95 / 100 分（95%）')
  await expect(rd.getByTestId('rd-level')).toHaveText('A级')
  await shot(app, 'ratings-01-rate')
  await expectTidyScreen(page, console)
  await rd.getByTestId(`rd-note-${criteria[1]!.id}`).fill('部分商品未标价')
  await rd.getByTestId(`rd-note-${criteria[1]!.id}`).press('Control+Enter')
  await expect(rd).toBeHidden()
  await expect(row.getByTestId('rr-level')).toHaveText('A级')
  await expect(row).toContainText('95 / 100')
  await shot(app, 'ratings-02-list')

  // The certificate, through the print dialog, saved as a PDF.
  await row.getByTestId('rr-certificate').click()
  const dialog = page.getByTestId('print-dialog')
  await expect(dialog.getByTestId('print-page').first()).toBeVisible({ timeout: 20_000 })
  await expect(dialog.getByTestId('print-doc-meta')).toHaveText('A4 纸，共 1 页')
  await shot(app, 'ratings-03-certificate')
  await dialog.getByTestId('print-save-pdf').click()
  await expect(dialog.getByTestId('print-saved-path')).toBeVisible()
  expect(existsSync(app.print.suggested[0]!)).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // Re-rating warns that it replaces the quarter's rating.
  await row.getByTestId('rr-rate').click()
  await expect(rd.getByTestId('rd-rerate-warning')).toContainText('本季度已评过（A级，95 分）')
  await boxes[0]!.fill('0')
  await boxes[0]!.press('Tab')
  await expect(rd.getByTestId('rd-level')).toHaveText('B级')
  await rd.getByTestId('rd-save').click()
  await expect(row.getByTestId('rr-level')).toHaveText('B级')
  await row.getByTestId('rr-history').click()
  await expect(page.getByTestId('history-dialog').locator('.history-row')).toHaveCount(1)
  const log = await app.services.audit.list({ entity: 'business-rating', page: 1, pageSize: 5 })
  expect(log.items.map((e) => e.action)).toEqual(['update', 'create'])
  expect(console.errors).toEqual([])
})

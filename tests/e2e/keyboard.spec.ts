/**
 * The counter's main tasks with the keyboard alone: after the page loads, no mouse click. Sign
 * in, search by initials, a new file with Alt+N filled field by field with Tab and saved with
 * Ctrl+Enter, Esc to leave a dialog, a result opened from the list and "back" again — and the
 * focus always visible on the way.
 */
import { test, expect, type StationApp } from './fixtures'
import { ADMIN, field } from './support/flows'
import { seedAdministrator, seedCommunity } from './support/community'
import { expectVisibleFocus, focused, tabTo } from './support/keyboard'
import { watchConsole, expectTidyScreen } from './support/screen-checks'

const NEW_PERSON = { name: '欧阳娜娜', id: '11010519491231002X', mobile: '13912345678' }

/** Signs in from the sign-in screen with the keyboard only: type, Tab, type, Enter. */
async function signInByKeyboard(app: StationApp) {
  const { page } = app
  await app.open('/')
  await expect(field(page, 'signin-username')).toBeFocused()
  await page.keyboard.type(ADMIN.username)
  await page.keyboard.press('Tab')
  await expect(field(page, 'signin-password')).toBeFocused()
  await page.keyboard.type(ADMIN.password)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('header-account')).toContainText(ADMIN.displayName)
  // Everyone lands on 今日工作; these journeys start at the residents list, as the counter's day does.
  await expect(page.getByTestId('home-title')).toBeFocused()
  await app.open('/residents')
  await expect(field(page, 'resident-search')).toBeFocused()
}

test.describe('the counter by keyboard', () => {
  test.skip(({ runtime }) => runtime === 'electron', 'keyboard journeys run in the Chromium harness')

  test('sign in, find 张三 by initials, a new file by Alt+N, Tab through it, save with Ctrl+Enter', async ({ app }) => {
    const console = watchConsole(app.page)
    const { page, services } = app
    await seedAdministrator(services)
    const community = await seedCommunity(services)
    await signInByKeyboard(app)

    // Arrival: the search box has the focus, and shows it.
    const search = field(page, 'resident-search')
    await expect(search).toBeFocused()
    await expectVisibleFocus(page)
    await page.keyboard.type('zs')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('resident-total')).toContainText('共 1 人')
    await expect(page.getByTestId('resident-row')).toHaveCount(1)
    await expect(page.getByTestId('resident-row')).toContainText('张三')

    // Alt+N: a new file, the name box ready for typing.
    await page.keyboard.press('Alt+N')
    const form = page.getByTestId('resident-form')
    await expect(form).toBeVisible()
    await expect(field(page, 'rf-name')).toBeFocused()
    await expectVisibleFocus(page)
    // Nothing is flagged before the user has typed anything.
    await expect(form.locator('.el-form-item__error')).toHaveCount(0)
    await page.keyboard.type(NEW_PERSON.name)

    // Tab walks the form top to bottom, left to right, through the fields a clerk fills in.
    const order: string[] = []
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab')
      const now = await focused(page)
      order.push(now.testid)
      await expectVisibleFocus(page)
      if (now.testid === 'rf-id-number') await page.keyboard.type(NEW_PERSON.id)
      if (now.testid === 'rf-mobile') await page.keyboard.type(NEW_PERSON.mobile)
    }
    const fields = order.filter((id, i) => id !== order[i - 1])
    expect(fields.slice(0, 8)).toEqual([
      'rf-gender',
      'rf-id-number',
      'rf-ethnicity',
      'rf-political',
      'rf-mobile',
      'rf-landline',
      'rf-hukou-address',
      'rf-household-place',
    ])
    await expect(page.getByTestId('rf-derived')).toContainText('1949-12-31')
    await expect(field(page, 'rf-name')).toHaveValue(NEW_PERSON.name)
    await expect(field(page, 'rf-mobile')).toHaveValue(NEW_PERSON.mobile)
    await expect(form.getByText('Ctrl+Enter')).toBeVisible()

    // Ctrl+Enter saves from wherever the focus is, even from inside a drop-down.
    await tabTo(page, 'rf-ethnicity', 20, 'Shift+Tab')
    await page.keyboard.press('Control+Enter')
    await expect(form).toBeHidden()
    const saved = await services.residents.list({
      q: NEW_PERSON.name,
      status: 'active',
      sort: 'name',
      page: 1,
      pageSize: 20,
    })
    expect(saved.total).toBe(1)
    const created = await services.residents.get(saved.items[0].id)
    expect(created).toMatchObject({ name: NEW_PERSON.name, birthDate: '1949-12-31', gender: 'F' })
    expect(community.total).toBe(60)
    // Back in the list, the search box has the focus again.
    await expect(search).toBeFocused()
    await expectTidyScreen(page, console)
  })

  test('Esc closes the new-file dialog without saving', async ({ app }) => {
    const { page, services } = app
    await seedAdministrator(services)
    await seedCommunity(services)
    await signInByKeyboard(app)
    await expect(field(page, 'resident-search')).toBeFocused()
    await page.keyboard.press('Alt+N')
    await expect(page.getByTestId('resident-form')).toBeVisible()
    await expect(field(page, 'rf-name')).toBeFocused()
    await page.keyboard.type('不该保存的人')
    // A second Alt+N while the form is open keeps what was typed.
    await page.keyboard.press('Alt+N')
    await expect(field(page, 'rf-name')).toHaveValue('不该保存的人')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('resident-form')).toBeHidden()
    const found = await services.residents.list({ q: '不该保存', status: 'all', sort: 'name', page: 1, pageSize: 20 })
    expect(found.total).toBe(0)
    // The focus goes back where it was, ready for the next search.
    await expect(field(page, 'resident-search')).toBeFocused()
    // And a new file starts empty.
    await page.keyboard.press('Alt+N')
    await expect(field(page, 'rf-name')).toBeFocused()
    await expect(field(page, 'rf-name')).toHaveValue('')
  })

  test('open a result from the list by keyboard, and come back', async ({ app }) => {
    const { page, services } = app
    await seedAdministrator(services)
    await seedCommunity(services)
    await signInByKeyboard(app)
    await page.keyboard.type('zs')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('resident-total')).toContainText('共 1 人')

    const presses = await tabTo(page, 'resident-open')
    expect(presses, 'Tab presses from the search box to the first name').toBeLessThanOrEqual(10)
    await expect(page.getByTestId('resident-open')).toBeFocused()
    await expectVisibleFocus(page)
    await app.screenshot('keyboard-01-name-focused')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('resident-detail')).toBeVisible()
    await expect(page.getByTestId('detail-name')).toHaveText('张三')

    // On arrival the focus is at the top of the file: "back" is one key away.
    await expect(page.getByTestId('detail-back')).toBeFocused()
    await expectVisibleFocus(page)
    await app.screenshot('keyboard-02-detail-back-focused')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('resident-table')).toBeVisible()
    // The search is as it was, and the focus is back in the search box.
    await expect(field(page, 'resident-search')).toHaveValue('zs')
    await expect(page.getByTestId('resident-total')).toContainText('共 1 人')
    await expect(field(page, 'resident-search')).toBeFocused()
  })

  test('the menu, the skip link and the places tree by keyboard', async ({ app }) => {
    const { page, services } = app
    await seedAdministrator(services)
    await seedCommunity(services)
    await signInByKeyboard(app)
    await expect(field(page, 'resident-search')).toBeFocused()

    // The menu is just before the screen: Shift+Tab reaches it, Enter follows it.
    await page.keyboard.press('Shift+Tab')
    expect((await focused(page)).testid).toBe('menu-settings')
    await expectVisibleFocus(page)
    // Backwards through the menu, one entry a press, to 网格与地址: every entry is reachable, in
    // the order the menu shows them (read from the page, so a new module's entry needs no edit here).
    const entries = await page
      .locator('nav [data-testid^="menu-"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute('data-testid') ?? ''))
    expect(entries.at(-1)).toBe('menu-settings')
    const places = entries.indexOf('menu-places')
    expect(places).toBeGreaterThan(0)
    for (const testid of entries.slice(places, -1).reverse()) {
      await page.keyboard.press('Shift+Tab')
      expect((await focused(page)).testid).toBe(testid)
    }
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('place-tree')).toBeVisible()
    await expect(page.getByTestId('menu-places')).toHaveAttribute('aria-current', 'page')

    // After a reload the first Tab offers to skip the header and the menu.
    await page.reload()
    await expect(page.getByTestId('place-tree')).toBeVisible()
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: '跳到主要内容' })
    await expect(skip).toBeFocused()
    await expect(skip).toBeInViewport()
    await expectVisibleFocus(page)
    await app.screenshot('keyboard-03-skip-link')
    await page.keyboard.press('Enter')
    await expect(field(page, 'place-filter')).toBeFocused()

    // The tree: Tab into it, arrows to move, Enter to choose.
    await tabTo(page, 'place-tree', 6)
    await expectVisibleFocus(page)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('place-selected')).toHaveText('幸福社区 / 一网格')
    // → opens a closed place, ← closes it again.
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId('place-tree').getByText('1栋', { exact: true })).toBeVisible()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Space')
    await expect(page.getByTestId('place-selected')).toHaveText('幸福社区 / 一网格 / 幸福小区 / 1栋')
    await app.screenshot('keyboard-04-places-tree')
    await page.keyboard.press('ArrowLeft')
    await expect(page.locator('[role="treeitem"]:focus')).toContainText('幸福小区')
    await page.keyboard.press('ArrowLeft')
    await expect(page.getByTestId('place-tree').getByText('1栋', { exact: true })).toBeHidden()
  })

  test('on a file: show the ID in full, archive and restore, all by keyboard', async ({ app }) => {
    const { page, services } = app
    await seedAdministrator(services)
    const community = await seedCommunity(services)
    await signInByKeyboard(app)
    await page.keyboard.type('zs')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('resident-row')).toHaveCount(1)
    await tabTo(page, 'resident-open')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('detail-back')).toBeFocused()
    // The file's buttons come with its data: tabbing before it has loaded runs off the page's end
    // (seen once in CI on a busy machine).
    await expect(page.getByTestId('reveal-id-number')).toBeVisible()

    // back → edit → archive → show the ID in full
    await tabTo(page, 'reveal-id-number', 4)
    await expectVisibleFocus(page)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('detail-id-number')).toContainText(/^510703196203\d{5}[\dX]/)

    await tabTo(page, 'resident-archive', 4, 'Shift+Tab')
    await page.keyboard.press('Enter')
    const box = page.locator('.el-message-box:visible')
    await expect(box).toContainText('张三')
    await expectVisibleFocus(page)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('detail-archived')).toBeVisible()
    const id = community.residents.get('张三')!
    expect((await services.residents.get(id)).archived).toBe(true)

    // The focus stays where the button was: the next Enter offers to undo. Esc says no.
    await expect(page.getByTestId('resident-restore')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(box).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(box).toBeHidden()
    expect((await services.residents.get(id)).archived).toBe(true)
    await page.keyboard.press('Enter')
    await expect(box).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('detail-archived')).toBeHidden()
    expect((await services.residents.get(id)).archived).toBe(false)
    await expect(page.getByTestId('resident-archive')).toBeFocused()
  })
})

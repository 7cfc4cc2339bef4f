/**
 * Every screen as the counter sees it at 1366×768, with a realistic community behind it (60
 * residents, households, tags, archived files): a screenshot of each (test-results/e2e/…) and the
 * checks that hold on any screen (no sideways scrolling, no raw i18n keys, no console errors),
 * plus what each screen must show.
 */
import { test, expect, type StationApp } from './fixtures'
import { ADMIN, choose, field, fill, signIn } from './support/flows'
import { COMMUNITY_NAME, seedAdministrator, seedCommunity, type Community } from './support/community'
import { clippedTexts, expectTidyScreen, latinWords, tableOverflow, watchConsole } from './support/screen-checks'
import { openPlace } from './support/places'

const CTX = { actor: null, channel: 'test' }

/** Administrator and community arranged through the services, then signed in at the list. */
async function signedInWithCommunity(app: StationApp): Promise<Community> {
  await seedAdministrator(app.services)
  const community = await seedCommunity(app.services)
  await app.open('/')
  await signIn(app.page)
  await expect(app.page.getByTestId('header-account')).toContainText(ADMIN.displayName)
  // Everyone lands on 今日工作; these screens start from the residents list.
  await app.page.getByTestId('menu-residents').click()
  await expect(app.page.getByTestId('resident-total')).toContainText(String(community.total - community.archived))
  return community
}

test.describe('screens at 1366×768', () => {
  test.skip(({ runtime }) => runtime === 'electron', 'screenshots are taken in the Chromium harness')

  test('first start: the administrator form, nothing else to do', async ({ app }) => {
    const console = watchConsole(app.page)
    const { page } = app
    await app.open('/')
    await expect(page.getByTestId('setup-username')).toBeVisible()
    await expect(field(page, 'setup-username')).toBeFocused()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('首次使用：创建管理员账号')
    for (const id of ['setup-display-name', 'setup-password', 'setup-confirm', 'setup-submit'])
      await expect(page.getByTestId(id)).toBeVisible()
    // A wrong confirmation is said next to the field, in Chinese.
    await fill(page, 'setup-username', 'admin')
    await fill(page, 'setup-display-name', '王主任')
    await fill(page, 'setup-password', 'station-2026')
    await fill(page, 'setup-confirm', 'station-2027')
    await page.getByTestId('setup-submit').click()
    await expect(page.locator('.el-form-item__error')).toHaveText('两次输入的密码不一致')
    await expectTidyScreen(page, console)
    expect(await latinWords(page, ['English'])).toEqual([])
    await app.screenshot('screen-01-first-start')
  })

  test('sign-in with the error of a wrong password', async ({ app }) => {
    const console = watchConsole(app.page)
    const { page } = app
    await seedAdministrator(app.services)
    await app.open('/')
    await expect(field(page, 'signin-username')).toBeFocused()
    await signIn(page, ADMIN.username, 'not-the-password')
    await expect(page.getByTestId('signin-error')).toBeVisible()
    await expect(page.getByTestId('signin-error')).toContainText('密码')
    await expect(field(page, 'signin-password')).toHaveValue('')
    await expect(field(page, 'signin-username')).toHaveValue(ADMIN.username)
    await expectTidyScreen(page, console)
    expect(await latinWords(page, ['English'])).toEqual([])
    await app.screenshot('screen-02-sign-in-error')
  })

  test('residents list: the first page, then a filtered page with more filters open', async ({ app }) => {
    const console = watchConsole(app.page)
    const { page } = app
    const community = await signedInWithCommunity(app)
    const table = page.getByTestId('resident-table')
    await expect(field(page, 'resident-search')).toBeFocused()
    await expect(page.getByTestId('resident-row')).toHaveCount(20)
    // Numbers are masked, and the masks are shown whole (never cut by the column).
    await expect(table).toContainText('510703********')
    expect(await clippedTexts(page, '[data-testid="resident-table"] .cell')).toEqual([])
    expect(await tableOverflow(page, 'resident-table')).toBeLessThanOrEqual(0)
    await expect(page.getByTestId('resident-new')).toBeVisible()
    await expect(page.getByTestId('resident-pagination')).toBeVisible()
    await expectTidyScreen(page, console)
    expect(await latinWords(page)).toEqual([])
    await app.screenshot('screen-03-residents-list')

    // Elderly residents with the 空巢 tag, aged 70 and over.
    await page.getByTestId('filter-more').click()
    await expect(page.getByTestId('filter-more-row')).toBeVisible()
    await choose(page, 'filter-tags', '空巢')
    await page.keyboard.press('Escape')
    await fill(page, 'filter-age-min', '75')
    await page.keyboard.press('Enter')
    const expected = ['王建国', '刘桂兰', '谢国强', '韩秀珍', '魏长青', '苏凤英']
    await expect(page.getByTestId('resident-total')).toContainText(String(expected.length))
    for (const name of expected) await expect(table).toContainText(name)
    await expect(table).not.toContainText('余秋菊') // 空巢 but 70
    expect(community.residents.size).toBe(60)
    await expectTidyScreen(page, console)
    expect(await latinWords(page)).toEqual([])
    await app.screenshot('screen-04-residents-filtered')

    // Nothing found: the list says so, and how to widen the search.
    await fill(page, 'resident-search', '查无此人')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('resident-total')).toContainText('共 0 人')
    await expect(page.getByTestId('resident-empty')).toContainText('没有符合条件的居民档案')
    await expectTidyScreen(page, console)
    await app.screenshot('screen-04b-residents-nothing-found')
  })

  test('the resident form: a new file, then the edit of an existing one', async ({ app }) => {
    const console = watchConsole(app.page)
    const { page } = app
    await signedInWithCommunity(app)
    await page.getByTestId('resident-new').click()
    const form = page.getByTestId('resident-form')
    await expect(form).toBeVisible()
    await expect(field(page, 'rf-name')).toBeFocused()
    await expect(form.getByText('Ctrl+Enter')).toBeVisible()
    await expect(page.getByTestId('rf-save')).toBeInViewport()
    await expectTidyScreen(page, console)
    await app.screenshot('screen-05-resident-form-new')
    await page.keyboard.press('Escape')
    await expect(form).toBeHidden()

    await fill(page, 'resident-search', '张三')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('resident-total')).toContainText('1')
    await page.getByTestId('resident-row').getByTestId('resident-edit').click()
    await expect(form).toBeVisible()
    await expect(field(page, 'rf-name')).toHaveValue('张三')
    // Editing never shows the stored numbers: the field is blank with the mask as a hint.
    await expect(field(page, 'rf-id-number')).toHaveValue('')
    await expect(field(page, 'rf-id-number')).toHaveAttribute('placeholder', /510703\*+/)
    await expect(page.getByTestId('rf-household-select')).toContainText('101')
    await expect(page.getByTestId('rf-save')).toBeInViewport()
    await expectTidyScreen(page, console)
    await app.screenshot('screen-06-resident-form-edit')
  })

  test('resident detail: masked, then the ID in full', async ({ app }) => {
    const console = watchConsole(app.page)
    const { page } = app
    const community = await signedInWithCommunity(app)
    await app.open(`/residents/${community.residents.get('张三')}`)
    const detail = page.getByTestId('resident-detail')
    await expect(detail).toBeVisible()
    await expect(page.getByTestId('detail-name')).toHaveText('张三')
    await expect(page.getByTestId('detail-id-number')).toContainText('510703********')
    await expect(page.getByTestId('detail-mobile')).toContainText('138****5678')
    await expect(page.getByTestId('household-members')).toContainText('李秀英')
    await expect(page.getByTestId('household-members')).toContainText('张伟')
    await expectTidyScreen(page, console)
    expect(await latinWords(page)).toEqual([])
    await app.screenshot('screen-07-resident-detail-masked')

    await page.getByTestId('detail-id-number').getByRole('button').click()
    await expect(page.getByTestId('detail-id-number')).toContainText(/^510703196203\d{5}[\dX]/)
    await expectTidyScreen(page, console)
    await app.screenshot('screen-08-resident-detail-revealed')
  })

  test('places: the tree, and a room with its household of three', async ({ app }) => {
    const console = watchConsole(app.page)
    const { page } = app
    await signedInWithCommunity(app)
    await page.getByTestId('menu-places').click()
    const tree = page.getByTestId('place-tree')
    await expect(tree.getByText(COMMUNITY_NAME, { exact: true })).toBeVisible()
    await expect(tree.getByText('二网格', { exact: true })).toBeVisible()
    await expect(page.getByText('请在左侧选择一个地址。')).toBeVisible()
    await openPlace(page, ['幸福小区', '1栋', '1单元', '101'])
    await expect(page.getByTestId('place-selected')).toContainText('幸福小区')
    await expect(page.getByTestId('place-selected')).toContainText('101')
    const card = page.getByTestId('household-card')
    await expect(card).toHaveCount(1)
    await expect(card.getByTestId('household-member')).toHaveText(['张三', '李秀英', '张伟'])
    await expect(page.getByTestId('household-head')).toHaveText('张三')
    await expectTidyScreen(page, console)
    expect(await latinWords(page)).toEqual([])
    await app.screenshot('screen-09-places')
  })

  test('settings with About', async ({ app }) => {
    const console = watchConsole(app.page)
    const { page } = app
    await signedInWithCommunity(app)
    await page.getByTestId('menu-settings').click()
    await expect(page.getByTestId('settings-station-name')).toBeVisible()
    await expect(page.getByTestId('about-version')).toHaveText('e2e')
    await expect(page.getByTestId('about-data-dir')).toHaveText(app.dataDir)
    await expect(page.getByTestId('settings-save')).toBeInViewport()
    await expectTidyScreen(page, console)
    await app.screenshot('screen-10-settings')
  })

  test('the idle lock covers a half-filled form, and unlocking gives it back', async ({ app }) => {
    const console = watchConsole(app.page)
    const { page, services } = app
    await page.clock.install()
    await seedAdministrator(services)
    await seedCommunity(services)
    await services.settings.update(CTX, { idleLockMinutes: 1 })
    await app.open('/')
    await signIn(page)
    await page.getByTestId('menu-residents').click()
    await expect(page.getByTestId('resident-total')).toBeVisible()
    await page.getByTestId('resident-new').click()
    await fill(page, 'rf-name', '欧阳娜娜')
    await fill(page, 'rf-mobile', '13912345678')
    await page.clock.fastForward('01:05')
    const overlay = page.getByTestId('lock-overlay')
    await expect(overlay).toBeVisible()
    await expect(field(page, 'lock-password')).toBeFocused()
    await expect(overlay).toContainText(ADMIN.displayName)
    // Nothing of the form shows through.
    await expect(page.getByText('欧阳娜娜')).toHaveCount(0)
    await expectTidyScreen(page, console)
    await app.screenshot('screen-11-idle-lock')

    await fill(page, 'lock-password', ADMIN.password)
    await page.keyboard.press('Enter')
    await expect(overlay).toBeHidden()
    await expect(field(page, 'rf-name')).toHaveValue('欧阳娜娜')
    await expect(field(page, 'rf-mobile')).toHaveValue('13912345678')
  })

  for (const { locale, menu, title, total, shot } of [
    { locale: 'zh-TW', menu: '居民檔案', title: '居民檔案', total: '共 57 人', shot: 'screen-12-residents-zh-TW' },
    { locale: 'en', menu: 'Resident files', title: 'Resident files', total: '57', shot: 'screen-13-residents-en' },
  ]) {
    test(`the residents list in ${locale}`, async ({ app }) => {
      const console = watchConsole(app.page)
      const { page } = app
      await seedAdministrator(app.services)
      await seedCommunity(app.services)
      await app.open('/')
      await page.getByTestId(`auth-locale-${locale}`).click()
      await signIn(page)
      await expect(page.getByTestId('menu-residents')).toContainText(menu)
      await page.getByTestId('menu-residents').click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
      await expect(page.getByTestId('resident-total')).toContainText(total)
      await page.getByTestId('filter-more').click()
      await expect(page.getByTestId('filter-more-row')).toBeVisible()
      await expect(page.getByTestId('resident-row')).toHaveCount(20)
      // Longer words, same columns: nothing cut, nothing scrolled sideways.
      expect(await clippedTexts(page, '[data-testid="resident-table"] .cell')).toEqual([])
      expect(await tableOverflow(page, 'resident-table')).toBeLessThanOrEqual(0)
      await expectTidyScreen(page, console)
      if (locale === 'zh-TW') expect(await latinWords(page)).toEqual([])
      await app.screenshot(shot)
    })
  }
})

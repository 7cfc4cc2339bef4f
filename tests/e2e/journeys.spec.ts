/**
 * The counter's main journeys, end to end: the built renderer in Chromium, the real preload, the
 * real router, services and a fresh SQLite file per test. Screenshots of each screen are saved as
 * test artefacts (test-results/e2e/…).
 */
import { test, expect } from './fixtures'
import { ADMIN, addPlace, confirm, createAdministrator, field, fill, signIn, signOut } from './support/flows'

test('first start asks for an administrator, then sign-in works and five wrong passwords lock the account', async ({
  app,
}) => {
  const { page } = app
  await app.open('/')
  await app.screenshot('01-first-start')
  await createAdministrator(page)
  await app.screenshot('02-main-after-setup')

  await signOut(page)
  await signIn(page)
  await expect(page.getByTestId('header-account')).toContainText(ADMIN.displayName)
  await signOut(page)

  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, ADMIN.username, 'wrong-password')
    await expect(page.getByTestId('signin-error')).toBeVisible()
  }
  await expect(page.getByTestId('signin-error')).toContainText('锁定')
  await app.screenshot('03-sign-in-locked')
  // Even the right password is refused while the lock lasts.
  await signIn(page)
  await expect(page.getByTestId('signin-error')).toContainText('锁定')
  await expect(page.getByTestId('header-account')).toHaveCount(0)
})

test('places, a household and three residents; find by initials; show a full ID (audited); archive and restore; zh-TW', async ({
  app,
}) => {
  const { page, services } = app
  await app.open('/')
  await createAdministrator(page)

  // The address tree: 社区 → 网格 → 小区 → 楼栋 → 单元 → 户
  await page.getByTestId('menu-places').click()
  await addPlace(page, null, '幸福社区')
  await addPlace(page, '幸福社区', '一网格')
  await addPlace(page, '一网格', '幸福小区')
  await addPlace(page, '幸福小区', '3栋')
  await addPlace(page, '3栋', '2单元')
  await addPlace(page, '2单元', '501')
  await page.getByTestId('place-tree').getByText('501', { exact: true }).click()
  await page.getByTestId('household-new').click()
  await expect(page.getByTestId('household-card')).toHaveCount(1)
  await app.screenshot('04-places')

  // Three residents in the household.
  const people = [
    { name: '张三', id: '11010519491231002X', mobile: '13812345678', relation: '户主' },
    { name: '李四', id: '34052419800101001X', mobile: '', relation: '配偶' },
    { name: '王五', id: '370101190102039973', mobile: '', relation: '子' },
  ]
  for (const person of people) {
    await page.getByTestId('household-add-resident').click()
    await expect(page.getByTestId('resident-form')).toBeVisible()
    await fill(page, 'rf-name', person.name)
    await fill(page, 'rf-id-number', person.id)
    await expect(page.getByTestId('rf-derived')).toBeVisible()
    if (person.mobile) await fill(page, 'rf-mobile', person.mobile)
    await page.getByTestId('rf-relation').click()
    await page.locator('.el-select-dropdown:visible').getByText(person.relation, { exact: true }).click()
    if (person.name === '张三') await app.screenshot('05-resident-form')
    await page.getByTestId('rf-save').click()
    await expect(page.getByTestId('resident-form')).toBeHidden()
  }
  await expect(page.getByTestId('household-card').getByTestId('household-member')).toHaveCount(3)
  await expect(page.getByTestId('household-head')).toContainText('张三')

  // A wrong check digit is shown next to the field, and nothing typed is lost.
  await page.getByTestId('menu-residents').click()
  await expect(field(page, 'resident-search')).toBeFocused()
  await page.getByTestId('resident-new').click()
  await fill(page, 'rf-name', '赵六')
  await fill(page, 'rf-id-number', '340524198001010013')
  await page.getByTestId('rf-save').click()
  await expect(page.getByTestId('field-idNumber')).toContainText('校验')
  await expect(field(page, 'rf-name')).toHaveValue('赵六')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('resident-form')).toBeHidden()

  // Find by pinyin initials; numbers are masked in the list.
  await fill(page, 'resident-search', 'zs')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('resident-total')).toContainText('1')
  const table = page.getByTestId('resident-table')
  await expect(table).toContainText('张三')
  await expect(table).toContainText('110105********002X')
  await expect(table).not.toContainText('11010519491231002X')
  await app.screenshot('06-residents-search')

  // Show the full ID: it appears, and the reveal is in the audit log.
  await table.getByTestId('resident-open').first().click()
  await expect(page.getByTestId('resident-detail')).toBeVisible()
  await expect(page.getByTestId('detail-id-number')).toContainText('110105********002X')
  await page.getByTestId('detail-id-number').getByRole('button').click()
  await expect(page.getByTestId('detail-id-number')).toContainText('11010519491231002X')
  await app.screenshot('07-resident-detail-revealed')
  const audit = await services.audit.list({ entity: 'resident', page: 1, pageSize: 50 })
  expect(audit.items.some((e) => e.action === 'reveal' && e.accountName === ADMIN.displayName)).toBe(true)

  // Archive, then restore.
  await page.getByTestId('resident-archive').click()
  await confirm(page)
  await expect(page.getByTestId('detail-archived')).toBeVisible()
  await page.getByTestId('resident-restore').click()
  await confirm(page)
  await expect(page.getByTestId('detail-archived')).toBeHidden()

  // Switch to Traditional Chinese in settings; the menu follows at once.
  await page.getByTestId('menu-settings').click()
  await page.getByTestId('settings-locale').click()
  await page.getByTestId('settings-locale-zh-TW').click()
  await expect(page.getByTestId('menu-residents')).toContainText('居民檔案')
  await app.screenshot('08-settings-zh-TW')
})

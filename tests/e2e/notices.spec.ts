/**
 * Notices end to end, on the real services and a fresh SQLite file: a clerk makes a 会议通知 from
 * its template by keyboard and mouse, formats the text, saves, issues, revises to v2 (v1 then
 * superseded); text that looks like markup stays text; the station writes its own template.
 * Screenshots at 1366×768 go to test-results and /tmp/shots/. (Preview, PDF and the print log are
 * print.spec.ts.)
 */
import { mkdirSync } from 'node:fs'
import { test, expect, type StationApp } from './fixtures'
import { confirm, field, fill, signIn } from './support/flows'
import { seedAdministrator } from './support/community'
import { expectTidyScreen, latinWords, watchConsole } from './support/screen-checks'
import type { CallContext } from '../../electron/services/context'

const CTX: CallContext = { actor: null, channel: 'test' }
const SHOTS = '/tmp/shots'
const CLERK = { username: 'clerk', displayName: '李柜员', password: 'counter-2026' }

/** A staff account signed in at the counter, with the station's name and phone set. */
async function clerkSignedIn(app: StationApp) {
  await seedAdministrator(app.services)
  await app.services.auth.createAccount(CTX, { ...CLERK, role: 'staff' })
  await app.services.settings.update(CTX, { stationName: '幸福社区党群服务中心', phone: '0816-2251234' })
  await app.open('/')
  await signIn(app.page, CLERK.username, CLERK.password)
  await expect(app.page.getByTestId('header-account')).toContainText(CLERK.displayName)
}

async function shot(app: StationApp, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await app.page.screenshot({ path: `${SHOTS}/${name}.png` })
  await app.screenshot(name)
}

/** The id in `#/notices/12`. */
function noticeId(app: StationApp): number {
  const m = /#\/notices\/(\d+)/.exec(app.page.url())
  if (!m) throw new Error(`not on a notice: ${app.page.url()}`)
  return Number(m[1])
}

function variable(app: StationApp, name: string) {
  return app.page.locator(`input[data-testid="nn-var"][data-name="${name}"]`)
}

test('a clerk makes a 会议通知 from its template, formats it, issues it, and revises it to v2', async ({ app }) => {
  const { page, services } = app
  const console = watchConsole(page)
  await clerkSignedIn(app)

  await page.getByTestId('menu-notices').click()
  await expect(field(page, 'notice-search')).toBeFocused()
  await expect(page.getByTestId('notice-empty')).toContainText('还没有通知')
  await expectTidyScreen(page, console)

  // Alt+N: the templates, the first (会议通知) chosen; one field per variable that does not fill itself.
  await page.keyboard.press('Alt+N')
  const dialog = page.getByTestId('new-notice-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('nn-template')).toHaveText([
    /会议通知/,
    /活动通知/,
    /温馨提示/,
    /公告/,
    /停水停电通知/,
  ])
  const names = await dialog
    .locator('input[data-testid="nn-var"]')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).dataset.name))
  expect(names).toEqual(['会议名称', '会议时间', '会议地点', '会议内容', '参会人员'])
  await variable(app, '会议名称').fill('居民代表会议')
  await variable(app, '会议时间').fill('2026年11月28日（星期六）上午9:30')
  await variable(app, '会议地点').fill('社区党群服务中心二楼会议室')
  await variable(app, '会议内容').fill('讨论老旧小区改造方案')
  await variable(app, '参会人员').fill('各居民小组长、楼栋长')
  await shot(app, 'notices-01-new-dialog')
  // Enter in the last field creates the draft and opens it.
  await variable(app, '参会人员').press('Enter')

  await expect(page.getByTestId('notice-editor')).toBeVisible()
  const v1 = noticeId(app)
  await expect(field(page, 'ne-title')).toHaveValue('关于召开居民代表会议的通知')
  await expect(page.getByTestId('ne-status')).toHaveText('草稿')
  await expect(page.getByTestId('ne-version')).toHaveText('v1')
  const body = page.getByTestId('ne-body-content')
  await expect(body).toContainText('定于2026年11月28日（星期六）上午9:30在社区党群服务中心二楼会议室召开居民代表会议')
  // 联系电话 filled itself from the settings; nothing is left to fill.
  await expect(body).toContainText('0816-2251234')
  await expect(page.getByTestId('ne-warnings-ok')).toBeVisible()
  await expect(field(page, 'ne-issuer')).toHaveValue('幸福社区党群服务中心')

  // Format: a bold line, then a bulleted list, typed at the end of the text.
  await body.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.getByTestId('ne-body-bold').click()
  await expect(page.getByTestId('ne-body-bold')).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.type('请准时参加。')
  await page.keyboard.press('Control+B')
  await page.keyboard.press('Enter')
  await page.getByTestId('ne-body-bulletList').click()
  await page.keyboard.type('带好会议材料')
  await page.keyboard.press('Enter')
  await page.keyboard.type('提前十分钟签到')
  await expect(page.getByTestId('ne-dirty')).toBeVisible()
  // A phone number typed into a public notice is flagged, masked. (Enter twice leaves the list.)
  const phoneLine = '联系人手机13812345678'
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type(phoneLine)
  await expect(page.getByTestId('ne-sensitive-item')).toHaveText(/138\*\*\*\*5678/)
  await expect(page.getByTestId('ne-body-bulletList')).toHaveAttribute('aria-pressed', 'false')
  await shot(app, 'notices-02-editor-draft')
  // …and removed again, with its paragraph.
  for (let i = 0; i <= phoneLine.length; i++) await page.keyboard.press('Backspace')
  await expect(page.getByTestId('ne-sensitive')).toHaveCount(0)

  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('ne-dirty')).toHaveCount(0)
  const saved = await services.notices.get(v1)
  expect(saved.bodyHtml).toContain('<strong>请准时参加。</strong>')
  // The list ends the text: the empty paragraph the editor keeps below it is not saved.
  expect(saved.bodyHtml).toMatch(/<ul><li><p>带好会议材料<\/p><\/li><li><p>提前十分钟签到<\/p><\/li><\/ul>$/)

  // Issue: asked first, then locked.
  await page.getByTestId('ne-issue').click()
  await expect(page.locator('.el-message-box:visible')).toContainText('发布后不能再修改')
  await confirm(page)
  await expect(page.getByTestId('ne-status')).toHaveText('已发布')
  await expect(page.getByTestId('ne-readonly')).toContainText('已发布的版本（v1）')
  await expect(field(page, 'ne-title')).not.toBeEditable()
  await expect(body).toHaveAttribute('contenteditable', 'false')
  await expect(page.getByTestId('ne-save')).toHaveCount(0)
  await expect(page.getByTestId('ne-issued-info')).toContainText(CLERK.displayName)
  await shot(app, 'notices-03-issued')
  await expectTidyScreen(page, console)

  // Revise: a new draft, v2, with the same text.
  await page.getByTestId('ne-revise').click()
  await expect(page.getByTestId('ne-version')).toHaveText('v2')
  const v2 = noticeId(app)
  expect(v2).not.toBe(v1)
  await expect(page.getByTestId('ne-status')).toHaveText('草稿')
  await fill(page, 'ne-title', '关于召开居民代表会议的通知（更正）')
  await page.getByTestId('ne-body-content').click()
  // The caret lands in the empty paragraph the editor keeps below a final list.
  await page.keyboard.press('Control+End')
  await page.keyboard.type('会议地点改在社区一楼活动室。')
  await expect(page.getByTestId('ne-body-content').locator('> *').last()).toHaveText('会议地点改在社区一楼活动室。')
  await page.getByTestId('ne-save').click()
  await expect(page.getByTestId('ne-dirty')).toHaveCount(0)
  await page.getByTestId('ne-issue').click()
  await confirm(page)
  await expect(page.getByTestId('ne-status')).toHaveText('已发布')

  // The versions: v1 superseded, v2 issued; v1 opens read-only and says so.
  const versions = page.getByTestId('ne-version-link')
  await expect(versions).toHaveCount(2)
  await expect(versions.nth(0)).toContainText('v1')
  await expect(versions.nth(0)).toContainText('已被新版本取代')
  await expect(versions.nth(1)).toContainText('v2')
  await expect(versions.nth(1)).toContainText('已发布')
  await versions.nth(0).click()
  await expect(page.getByTestId('ne-version')).toHaveText('v1')
  await expect(page.getByTestId('ne-readonly')).toContainText('已被新版本取代')
  await expect(page.getByTestId('ne-revise')).toHaveCount(0)
  await expect(field(page, 'ne-title')).toHaveValue('关于召开居民代表会议的通知')

  // The list: both versions, filtered by status; the search finds words in the text.
  await page.getByTestId('ne-back').click()
  await expect(page.getByTestId('notice-row')).toHaveCount(2)
  await expect(page.getByTestId('notice-version')).toHaveText(['v2', 'v1'])
  await expect(page.getByTestId('notice-status')).toHaveText(['已发布', '已被新版本取代'])
  await shot(app, 'notices-04-list')
  await page.getByTestId('notice-filter-status').click()
  await page.locator('.el-select-dropdown:visible').getByText('已被新版本取代', { exact: true }).click()
  await expect(page.getByTestId('notice-row')).toHaveCount(1)
  await expect(page.getByTestId('notice-version')).toHaveText(['v1'])
  await page.getByTestId('notice-filter-reset').click()
  await fill(page, 'notice-search', '一楼活动室')
  await field(page, 'notice-search').press('Enter')
  await expect(page.getByTestId('notice-row')).toHaveCount(1)
  await expect(page.getByTestId('notice-version')).toHaveText(['v2'])
  await expect(page.getByTestId('notice-total')).toHaveText('共 1 份')
  await expectTidyScreen(page, console)

  // Who did what is on record.
  const audit = await services.audit.list({ entity: 'notice', page: 1, pageSize: 50 })
  const actions = audit.items.map((e) => e.action)
  expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'issue']))
})

test('text that looks like markup is saved and shown as text, never run', async ({ app }) => {
  const { page, services } = app
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await clerkSignedIn(app)
  await app.open('/notices')
  await page.getByTestId('notice-new').click()
  await page.getByTestId('nn-template').filter({ hasText: '温馨提示' }).click()
  await variable(app, '提示内容').fill('<img src=x onerror=alert(2)>请关好门窗')
  await page.getByTestId('nn-create').click()
  await expect(page.getByTestId('notice-editor')).toBeVisible()
  const id = noticeId(app)

  await fill(page, 'ne-title', '温馨提示<script>alert(1)</script>')
  const body = page.getByTestId('ne-body-content')
  await body.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('<script>alert(1)</script>')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('ne-dirty')).toHaveCount(0)

  const stored = await services.notices.get(id)
  expect(stored.title).toBe('温馨提示<script>alert(1)</script>')
  expect(stored.bodyHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  expect(stored.bodyHtml).toContain('&lt;img src=x onerror=alert(2)&gt;请关好门窗')
  expect(stored.bodyHtml).not.toMatch(/<script|<img/i)

  // Reopened from the file: the same characters, as text.
  await page.reload()
  await expect(page.getByTestId('notice-editor')).toBeVisible()
  await expect(field(page, 'ne-title')).toHaveValue('温馨提示<script>alert(1)</script>')
  await expect(body).toContainText('<script>alert(1)</script>')
  await expect(body).toContainText('<img src=x onerror=alert(2)>请关好门窗')
  await expect(body.locator('script, img')).toHaveCount(0)
  await expect(page.getByTestId('ne-heading')).toHaveText('温馨提示<script>alert(1)</script>')
  // In the list too.
  await page.getByTestId('ne-back').click()
  await expect(page.getByTestId('notice-open')).toHaveText('温馨提示<script>alert(1)</script>')
  expect(dialogs).toEqual([])
})

test('the station writes its own template; a new notice from it asks for its variables', async ({ app }) => {
  const { page } = app
  const console = watchConsole(page)
  await clerkSignedIn(app)
  await app.open('/notices')
  await page.getByTestId('notice-templates-link').click()
  await expect(page.getByTestId('notice-templates')).toBeVisible()
  // A built-in template is read-only, marked 系统.
  await expect(page.getByTestId('nt-item').first()).toContainText('系统')
  await expect(page.getByTestId('nt-readonly')).toBeVisible()
  await expect(page.getByTestId('nt-help')).toContainText('{{会议时间}}')
  await shot(app, 'notices-05-templates-builtin')

  await page.getByTestId('nt-new').click()
  await fill(page, 'nt-name', '垃圾分类提示')
  await fill(page, 'nt-title', '关于{{小区名称}}垃圾分类的温馨提示')
  await page.getByTestId('nt-body-content').click()
  await page.keyboard.type('请各位居民于每天{{投放时间}}将垃圾分类投放。')
  await page.getByTestId('nt-body-alignCenter').click()
  await expect(page.getByTestId('nt-variable')).toHaveText(['小区名称', '投放时间'])
  await shot(app, 'notices-06-templates-own')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('nt-archive')).toBeVisible()
  await expect(page.getByTestId('nt-item').last()).toHaveText('垃圾分类提示')
  await expectTidyScreen(page, console)

  await page.getByTestId('nt-back').click()
  await page.getByTestId('notice-new').click()
  await page.getByTestId('nn-template').filter({ hasText: '垃圾分类提示' }).click()
  await variable(app, '小区名称').fill('幸福小区')
  await variable(app, '投放时间').fill('18:00至20:00')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('notice-editor')).toBeVisible()
  await expect(field(page, 'ne-title')).toHaveValue('关于幸福小区垃圾分类的温馨提示')
  await expect(page.getByTestId('ne-body-content').locator('p[style*="text-align: center"]')).toContainText(
    '请各位居民于每天18:00至20:00将垃圾分类投放。',
  )
  await expect(page.getByTestId('ne-warnings-ok')).toBeVisible()
})

test('zh-TW: a half-filled 停水停电通知 says what blocks printing; a table goes in from the toolbar', async ({
  app,
}) => {
  const { page, services } = app
  const console = watchConsole(page)
  await services.settings.update(CTX, { locale: 'zh-TW' })
  await clerkSignedIn(app)
  await app.open('/notices')
  await page.getByTestId('notice-new').click()
  await page.getByTestId('nn-template').filter({ hasText: '停水停電通知' }).click()
  await variable(app, '停供类别').fill('水')
  await variable(app, '影响范围').fill('幸福小區1至3棟')
  await page.getByTestId('nn-create').click()
  await expect(page.getByTestId('notice-editor')).toBeVisible()
  const id = noticeId(app)
  await expect(field(page, 'ne-title')).toHaveValue('停水通知')
  await expect(page.getByTestId('ne-unfilled-item')).toHaveText([
    '{{通知单位}}',
    '{{停供原因}}',
    '{{停供时间}}',
    '{{恢复时间}}',
  ])
  await expect(page.getByTestId('ne-unfilled')).toContainText('不能列印')

  // Printing waits until they are filled: the reason is named, the print dialog stays shut.
  await page.getByTestId('ne-preview').click()
  await expect(page.locator('.el-message--warning')).toContainText('停供原因')
  await expect(page.getByTestId('print-dialog')).toHaveCount(0)

  // A 3×3 table at the end, Tab from cell to cell, one more row.
  await page.getByTestId('ne-body-content').click()
  await page.keyboard.press('Control+End')
  await page.getByTestId('ne-body-insertTable').click()
  for (const cell of ['樓棟', '停水時間', '備註', '1棟', '9:00—12:00', '']) {
    await page.keyboard.type(cell)
    await page.keyboard.press('Tab')
  }
  await page.getByTestId('ne-body-addRow').click()
  await expect(page.getByTestId('ne-body-content').locator('tr')).toHaveCount(4)
  await shot(app, 'notices-07-zh-TW-unfilled-table')
  await expectTidyScreen(page, console)
  expect(await latinWords(page, ['GB'])).toEqual([])

  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('ne-dirty')).toHaveCount(0)
  const stored = await services.notices.get(id)
  expect(stored.bodyHtml).toMatch(/<table>.*<td[^>]*><p>樓棟<\/p><\/td>.*<\/table>/)
  expect(stored.unfilled).toEqual(['通知单位', '停供原因', '停供时间', '恢复时间'])
})

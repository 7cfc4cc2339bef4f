/**
 * 三会一课 end to end, on the real services and a fresh SQLite file: a branch secretary sets up the
 * branch (members, committee), records a 支委会 with attendance and a vote (the live checks
 * follow each mark), finalises it, and saves the meeting record as PDF. Attachments are added, downloaded and removed
 * while a draft, and the year book is saved as PDF from 组织生活检查. Screenshots at 1366×768
 * go to test-results and /tmp/shots/party-*.png.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { test, expect, type StationApp } from './fixtures'
import { choose, confirm, field, fill, printDialog, savePdf, signIn } from './support/flows'
import { seedAdministrator } from './support/community'
import { expectTidyScreen, watchConsole } from './support/screen-checks'
import type { CallContext } from '../../electron/services/context'

const CTX: CallContext = { actor: null, channel: 'test' }
const SHOTS = '/tmp/shots'
/** A real 1×1 PNG (a transparent pixel). */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
const SECRETARY = { username: 'shuji', displayName: '王书记', password: 'branch-2026' }

async function shot(app: StationApp, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  // Dialogs fade in: the picture is taken once they have.
  await app.page.waitForTimeout(400)
  await app.page.screenshot({ path: `${SHOTS}/${name}.png` })
  await app.screenshot(name)
}

async function addMember(app: StationApp, name: string, kind: 'full' | 'probationary' = 'full') {
  const { page } = app
  await page.getByTestId('pm-new').click()
  const dialog = page.getByTestId('member-dialog')
  await expect(dialog).toBeVisible()
  await fill(page, 'md-name', name)
  if (kind === 'probationary') await dialog.getByTestId('md-kind').getByText('预备', { exact: true }).click()
  await fill(page, 'md-joined', '2015-07-01')
  await field(page, 'md-joined').press('Enter')
  await dialog.getByTestId('md-save').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('pm-row').filter({ hasText: name })).toContainText('2015-07-01')
}

test('a secretary sets up the branch, records a 支委会 with attendance and a vote, finalises it and saves it as PDF', async ({
  app,
}) => {
  test.setTimeout(180_000)
  const { page, services } = app
  const console = watchConsole(page)
  await seedAdministrator(services)
  await services.auth.createAccount(CTX, { ...SECRETARY, role: 'secretary' })
  await services.settings.update(CTX, { stationName: '幸福社区党群服务中心' })
  await app.open('/')
  await signIn(page, SECRETARY.username, SECRETARY.password)
  await expect(page.getByTestId('header-account')).toContainText(SECRETARY.displayName)

  // The branch and its members.
  await page.getByTestId('menu-party').click()
  await expect(page.getByTestId('branches-empty')).toBeVisible()
  await page.getByTestId('branch-new').click()
  await fill(page, 'branch-name', '幸福社区第一党支部')
  await page.getByTestId('branch-save').click()
  await expect(page.getByTestId('branch-item')).toHaveText([/幸福社区第一党支部/])
  for (const name of ['王书记', '张组织', '李宣传']) await addMember(app, name)
  await addMember(app, '周预备', 'probationary')
  await expect(page.getByTestId('pm-row')).toHaveCount(4)

  // The committee: three seats from the branch's own members.
  await page.getByTestId('committee-edit').click()
  const committee = page.getByTestId('committee-dialog')
  await expect(committee).toBeVisible()
  for (const [role, name] of [
    ['secretary', '王书记'],
    ['organisation', '张组织'],
    ['propaganda', '李宣传'],
  ] as const) {
    const seat = committee.locator(`[data-testid="committee-select"][data-role="${role}"]`)
    await seat.click()
    await seat.locator('.el-select-dropdown__item', { hasText: name }).click()
    await expect(committee.locator(`[data-testid="committee-select"][data-role="${role}"]`)).toContainText(name)
  }
  await committee.getByTestId('committee-save').click()
  await expect(committee).toBeHidden()
  await expect(page.locator('[data-testid="committee-seat"][data-role="secretary"]')).toHaveText('王书记')
  await expect(page.locator('[data-testid="committee-seat"][data-role="deputySecretary"]')).toHaveText('空缺')
  await expectTidyScreen(page, console)
  await shot(app, 'party-01-branch')

  // A new 支委会: the committee is who should attend.
  await page.getByTestId('menu-meetings').click()
  await expect(page.getByTestId('mt-empty')).toContainText('还没有会议记录')
  await page.keyboard.press('Alt+N')
  const dialog = page.getByTestId('new-meeting-dialog')
  await expect(dialog).toBeVisible()
  await expect(field(page, 'nm-title')).toHaveValue(/月支委会$/)
  await fill(page, 'nm-title', '11月支委会')
  await fill(page, 'nm-place', '社区党群服务中心三楼会议室')
  await shot(app, 'party-02-new-meeting')
  await field(page, 'nm-place').press('Enter')

  await expect(page.getByTestId('meeting-editor')).toBeVisible()
  await expect(page.getByTestId('me-status')).toHaveText('草稿')
  const rows = page.getByTestId('me-att-row')
  await expect(rows).toHaveCount(3)
  await expect(page.getByTestId('me-check-expected')).toHaveText('3')
  await expect(page.getByTestId('me-quorum')).toHaveAttribute('data-met', 'true')

  // A photo of the sign-in sheet: listed with name and size, downloaded byte for byte, removed.
  const attachments = page.getByTestId('me-attachment-row')
  await page
    .getByTestId('me-attach-input')
    .setInputFiles({ name: '签到表.png', mimeType: 'image/png', buffer: PNG_1X1 })
  await expect(attachments).toHaveCount(1)
  await expect(attachments).toContainText('签到表.png')
  await expect(attachments).toContainText('1 KB')
  const downloading = page.waitForEvent('download')
  await attachments.getByTestId('me-attachment-download').click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('签到表.png')
  expect(Buffer.compare(readFileSync(await download.path()), PNG_1X1)).toBe(0)
  await attachments.getByTestId('me-attachment-remove').click()
  await confirm(page)
  await expect(attachments).toHaveCount(0)
  // A document renamed to .png is refused, and the reason stands next to the upload.
  await page
    .getByTestId('me-attach-input')
    .setInputFiles({ name: '会议纪要.png', mimeType: 'image/png', buffer: Buffer.from('这不是图片，是文字') })
  await expect(page.getByTestId('me-attach-error')).toContainText('文件内容与类型不符')
  await expect(attachments).toHaveCount(0)

  // 李宣传 absent, then 张组织 on leave too: one of three is no quorum, shown at once.
  const row = (name: string) => rows.filter({ hasText: name })
  await row('李宣传').getByText('缺席', { exact: true }).click()
  await row('张组织').getByText('请假', { exact: true }).click()
  await expect(page.getByTestId('me-quorum')).toHaveAttribute('data-met', 'false')
  await expect(page.getByTestId('me-quorum')).toContainText('不足法定人数')
  await row('张组织').getByText('出席', { exact: true }).click()
  await expect(page.getByTestId('me-quorum')).toHaveAttribute('data-met', 'true')
  await row('李宣传').getByTestId('me-att-reason').fill('外出培训')
  await expect(page.getByTestId('me-check-present')).toHaveText('2')
  await expect(page.getByTestId('me-check-absent')).toHaveText('1')

  // One agenda item with a vote: 2 of the 3 expected is more than half.
  await page.getByTestId('me-agenda-add').click()
  await fill(page, 'me-agenda-topic', '研究确定入党积极分子人选')
  await fill(page, 'me-agenda-record', '王书记介绍了三名申请人的情况，张组织补充了培养考察意见。')
  await page.getByTestId('me-agenda-has-vote').click()
  await page.getByTestId('me-vote-for').locator('input').fill('2')
  await page.getByTestId('me-vote-against').locator('input').fill('0')
  await page.getByTestId('me-vote-against').locator('input').press('Tab')
  await fill(page, 'me-agenda-resolution', '同意确定周某为入党积极分子。')
  await expect(page.getByTestId('me-vote-check')).toHaveAttribute('data-state', 'passed')
  await choose(page, 'me-chair', '王书记')
  // The chair's list closes before the recorder's opens (both hold the same names).
  await expect(page.locator('.el-select-dropdown:visible')).toHaveCount(0)
  await choose(page, 'me-recorder', '张组织')
  await page.getByTestId('me-followup-add').click()
  await fill(page, 'me-followup-text', '张组织负责与三名申请人谈话')
  await expect(page.getByTestId('me-dirty')).toBeVisible()
  await shot(app, 'party-03-editor')
  await page.getByTestId('me-followup-add').scrollIntoViewIfNeeded()
  await shot(app, 'party-03b-editor-agenda')

  // Ctrl+Enter saves; then finalise after the question.
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('me-dirty')).toHaveCount(0)
  await page.getByTestId('me-finalise').click()
  await confirm(page)
  await expect(page.getByTestId('me-status')).toHaveText('已定稿')
  await expect(page.getByTestId('me-readonly')).toContainText('不能再修改')
  await expect(page.getByTestId('me-save')).toHaveCount(0)
  await expect(field(page, 'me-agenda-record')).toHaveJSProperty('readOnly', true)
  // A follow-up is still ticked off after finalising.
  await expect(page.getByTestId('me-followup-row')).toHaveCount(1)
  await page.getByTestId('me-followup-done').click()
  await expect(page.locator('.el-message--success').filter({ hasText: '已更新' })).toBeVisible()
  await expect(page.getByTestId('me-followup-done').locator('input')).toBeChecked()

  // A correction is appended, dated and signed; the record itself stays.
  await fill(page, 'me-amend-text', '李宣传缺席原因更正为：参加街道党工委培训。')
  await page.getByTestId('me-amend-submit').click()
  await expect(page.getByTestId('me-amendment')).toHaveCount(1)
  await expect(page.getByTestId('me-amendment')).toContainText('王书记')
  await expect(field(page, 'me-agenda-record')).toHaveValue(/王书记介绍了三名申请人的情况/)
  await expectTidyScreen(page, console)
  await shot(app, 'party-04-finalised')

  // The record as PDF.
  await page.getByTestId('me-print').click()
  const print = await printDialog(page)
  await shot(app, 'party-05-print')
  const saved = await savePdf(print, app.print.suggested)
  expect(existsSync(saved)).toBe(true)
  await print.getByTestId('print-close').click()

  // The list and the compliance matrix show it.
  await page.getByTestId('me-back').click()
  await expect(page.getByTestId('mt-status')).toHaveText(['已定稿'])
  await shot(app, 'party-06-list')
  await page.getByTestId('menu-compliance').click()
  await expect(page.getByTestId('cp-matrix')).toBeVisible()
  const month = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(5, 7))
  await expect(page.locator(`[data-testid="cp-cell"][data-type="committee"][data-period="${month}"]`)).toHaveAttribute(
    'data-state',
    'held',
  )
  await expectTidyScreen(page, console)
  await shot(app, 'party-07-compliance')
  await page.locator(`[data-testid="cp-cell"][data-type="committee"][data-period="${month}"]`).click()
  await expect(page.getByTestId('cp-cell-meeting')).toContainText('11月支委会')
  await shot(app, 'party-08-compliance-cell')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('cp-cell-dialog')).toBeHidden()

  // The year book: cover, contents and the finalised record, saved as PDF.
  await page.getByTestId('cp-print-year-book').click()
  const yearBook = await printDialog(page)
  expect(await yearBook.getByTestId('print-page').count()).toBeGreaterThanOrEqual(3)
  await shot(app, 'party-08b-year-book')
  const book = await savePdf(yearBook, app.print.suggested)
  expect(book).toBe(app.print.suggested[1])
  expect(book).not.toBe(saved)
  await yearBook.getByTestId('print-close').click()

  // 转正 for the probationary member: the change is kept in the member's history.
  await page.getByTestId('menu-party').click()
  const probationer = page.getByTestId('pm-row').filter({ hasText: '周预备' })
  await probationer.locator('[data-testid="pm-action"][data-change="becomeFull"]').click()
  await expect(page.getByTestId('member-change-dialog')).toBeVisible()
  await page.getByTestId('mc-save').click()
  await expect(page.getByTestId('member-change-dialog')).toBeHidden()
  await expect(probationer.getByTestId('pm-kind')).toHaveText('正式')
  await probationer.getByTestId('pm-open').click()
  await expect(page.getByTestId('member-dialog')).toBeVisible()
  await expect(page.getByTestId('md-history')).toContainText('转正')
  await shot(app, 'party-09-member')
})

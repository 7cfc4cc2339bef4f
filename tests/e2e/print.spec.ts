/**
 * The print dialog and the print log end to end, on the real services with the Chromium print
 * engine: a notice's pages drawn by pdf.js in the page, saved as PDF through the (test) save
 * dialog, printed twice on a test printer, and both found in the log; a notice with a mobile number
 * waits for the confirmation. Screenshots at 1366×768 go to test-results and /tmp/shots/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { test, expect, type StationApp } from './fixtures'
import { ADMIN, choose, field, signIn } from './support/flows'
import { seedAdministrator } from './support/community'
import { expectTidyScreen, watchConsole } from './support/screen-checks'
import { noticeEdit, noticeFrom } from '../helpers/notices'
import type { CallContext } from '../../electron/services/context'
import { TEST_PRINTERS } from '../helpers/chromium-print-engine'

const CTX: CallContext = { actor: null, channel: 'test' }
/** The print service checks who is asking, as the router would for a signed-in person. */
const ADMIN_CTX: CallContext = {
  actor: { accountId: 1, role: 'admin', displayName: ADMIN.displayName },
  channel: 'test',
}
const SHOTS = '/tmp/shots'

const MEETING = {
  会议名称: '第三季度居民代表会议',
  会议时间: '2026年11月28日（星期六）上午9:30',
  会议地点: '社区党群服务中心二楼会议室',
  会议内容: '通报第三季度社区工作情况，讨论老旧小区改造方案和冬季安全工作安排',
  参会人员: '各居民小组长、居民代表、楼栋长',
}

/** Enough formal text for a second page (22 lines of 28 characters a page). */
const LONG_BODY = Array.from(
  { length: 9 },
  (_, i) =>
    `<p>${'一二三四五六七八九十'[i]}、为进一步做好辖区居民服务工作，社区将结合实际情况，认真听取居民代表的意见和建议，逐项研究落实，确保各项工作取得实效，切实解决群众急难愁盼问题。</p>`,
).join('')

async function signedIn(app: StationApp) {
  await seedAdministrator(app.services)
  await app.services.settings.update(CTX, { stationName: '幸福社区党群服务中心', phone: '0816-2251234' })
  await app.open('/')
  await signIn(app.page)
  await expect(app.page.getByTestId('header-account')).toContainText(ADMIN.displayName)
}

async function shot(app: StationApp, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await app.page.screenshot({ path: `${SHOTS}/${name}.png` })
  await app.screenshot(name)
}

/** Opens the notice in its editor and its print dialog; resolves once every page is drawn. */
async function openPrintDialog(app: StationApp, id: number) {
  const { page } = app
  await app.open(`/notices/${id}`)
  await page.getByTestId('ne-preview').click()
  const dialog = page.getByTestId('print-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('print-page').first()).toBeVisible({ timeout: 20_000 })
  await expect(dialog.locator('[data-testid="print-page"][data-rendered="false"]')).toHaveCount(0, {
    timeout: 20_000,
  })
  return dialog
}

/** Dark pixels on each page's canvas: pdf.js drew the text, not just a white sheet. */
async function inkPerPage(app: StationApp): Promise<number[]> {
  return app.page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="print-page"] canvas')].map((canvas) => {
      const ctx = canvas.getContext('2d')
      if (!ctx || !canvas.width) return 0
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
      let dark = 0
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 3] > 0) dark++
      return dark
    }),
  )
}

/** The pdf.js worker scripts the page loads, and whether each is the legacy (polyfilled) build. */
function watchPdfWorker(app: StationApp): Array<{ url: string; legacy: boolean }> {
  const seen: Array<{ url: string; legacy: boolean }> = []
  app.page.on('response', async (response) => {
    if (!/pdf\.worker[^/]*\.mjs$/.test(new URL(response.url()).pathname)) return
    const body = await response.text().catch(() => '')
    seen.push({ url: response.url(), legacy: body.includes('core-js') })
  })
  return seen
}

test.describe('printing', () => {
  test.skip(({ runtime }) => runtime === 'electron', 'the Chromium project prints on test printers')

  test('preview a two-page notice, save it as PDF, print two copies, and find both in the log', async ({ app }) => {
    // Three Chromium renders of the notice (preview, PDF, print) on a shared two-core machine.
    test.setTimeout(150_000)
    const console = watchConsole(app.page)
    const cspViolations: string[] = []
    app.page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) cspViolations.push(m.text())
    })
    const { page } = app
    const workerScripts = watchPdfWorker(app)
    await signedIn(app)
    let notice = await noticeFrom(app.services, CTX, 'meeting', MEETING)
    notice = await app.services.notices.update(CTX, notice.id, noticeEdit(notice, { bodyHtml: LONG_BODY }).data)
    const expected = await app.services.printing.preview(ADMIN_CTX, { type: 'notice', id: notice.id })
    expect(expected.pageCount).toBeGreaterThanOrEqual(2)

    const dialog = await openPrintDialog(app, notice.id)
    const pages = expected.pageCount
    await expect(dialog.getByTestId('print-page')).toHaveCount(pages)
    await expect(dialog.locator('[data-testid="print-page"] canvas')).toHaveCount(pages)
    await expect(dialog.getByTestId('print-page-indicator')).toHaveText(`第 1 / ${pages} 页`)
    await expect(dialog.getByTestId('print-paper')).toHaveText('A4 纸')
    await expect(dialog.getByTestId('print-doc-meta')).toHaveText(`A4 纸，共 ${pages} 页`)
    // pdf.js parsed the PDF in its own worker (not the slower main-thread fallback).
    expect(
      page
        .workers()
        .map((w) => w.url())
        .filter((u) => u.includes('pdf.worker')),
    ).toHaveLength(1)
    // This Chromium is new enough for pdf.js's modern build (no polyfills).
    expect(workerScripts.map((w) => w.legacy)).toEqual([false])
    const ink = await inkPerPage(app)
    expect(ink).toHaveLength(pages)
    for (const dark of ink) expect(dark).toBeGreaterThan(500)
    // The formal layout is 210 mm wide: at "fit width" the page fills the pane.
    const box = await dialog.getByTestId('print-page').first().boundingBox()
    expect(box && box.width / box.height).toBeCloseTo(210 / 297, 2)
    // The default printer is preselected (nothing printed yet on this PC).
    await expect(dialog.getByTestId('print-printer')).toContainText(TEST_PRINTERS[0].displayName)
    await expect(dialog.getByTestId('print-sensitive')).toHaveCount(0)
    await shot(app, 'print-01-dialog')

    // Page turning by key, and zoom.
    await page.keyboard.press('PageDown')
    await expect(dialog.getByTestId('print-page-indicator')).toHaveText(`第 2 / ${pages} 页`)
    await page.keyboard.press('PageUp')
    await expect(dialog.getByTestId('print-page-indicator')).toHaveText(`第 1 / ${pages} 页`)
    await dialog.getByTestId('print-zoom-actual').click()
    await expect(dialog.getByTestId('print-zoom-label')).toHaveText('100%')
    // 210 mm at 96 CSS px an inch, to the whole pixel.
    await expect
      .poll(async () =>
        Math.abs(((await dialog.getByTestId('print-page').first().boundingBox())?.width ?? 0) - (210 / 25.4) * 96),
      )
      .toBeLessThan(1.5)
    await dialog.getByTestId('print-zoom-in').click()
    await expect(dialog.getByTestId('print-zoom-label')).toHaveText('110%')
    await dialog.getByTestId('print-zoom-fit').click()
    await expect(dialog.locator('[data-testid="print-page"][data-rendered="false"]')).toHaveCount(0)

    // Save as PDF: the save dialog (the test's) answers with the suggested path.
    await dialog.getByTestId('print-save-pdf').click()
    await expect(dialog.getByTestId('print-saved-path')).toBeVisible()
    expect(app.print.suggested).toHaveLength(1)
    const saved = app.print.suggested[0]
    await expect(dialog.getByTestId('print-saved-path')).toContainText(saved)
    expect(existsSync(saved)).toBe(true)
    expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    await expect(page.locator('.el-message--success')).toContainText('PDF 已保存')
    await shot(app, 'print-02-saved')

    // Two copies on the test printer: the dialog closes and the job reaches the printer.
    const copies = dialog.getByTestId('print-copies').locator('input')
    await copies.fill('2')
    await copies.press('Tab')
    await dialog.getByTestId('print-print').click()
    await expect(dialog).toBeHidden()
    await expect(page.locator('.el-message--success').last()).toContainText('共 2 份')
    expect(app.print.jobs().map((j) => ({ printer: j.printer, copies: j.copies }))).toEqual([
      { printer: TEST_PRINTERS[0].name, copies: 2 },
    ])

    // The print log lists both, newest first.
    await page.getByTestId('menu-print-log').click()
    const rows = page.getByTestId('print-log-row')
    await expect(rows).toHaveCount(2)
    await expect(page.getByTestId('print-log-total')).toHaveText('共 2 条')
    await expect(rows.nth(0).getByTestId('print-log-copies')).toHaveText('2')
    await expect(rows.nth(0).getByTestId('print-log-target')).toContainText(`打印机${TEST_PRINTERS[0].name}`)
    await expect(rows.nth(1).getByTestId('print-log-copies')).toHaveText('1')
    await expect(rows.nth(1).getByTestId('print-log-target')).toContainText(`PDF${saved}`)
    for (const i of [0, 1]) {
      await expect(rows.nth(i).getByTestId('print-log-document')).toHaveText(`关于召开${MEETING.会议名称}的通知`)
      await expect(rows.nth(i)).toContainText(ADMIN.displayName)
      await expect(rows.nth(i)).toContainText(`通知 #${notice.id}`)
      await expect(rows.nth(i).getByTestId('print-log-sensitive')).toHaveText('—')
    }
    await expect(rows.nth(0).getByTestId('print-log-at')).toHaveText(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/)
    await field(page, 'print-log-search').fill('没有这个标题')
    await field(page, 'print-log-search').press('Enter')
    await expect(page.getByTestId('print-log-empty')).toContainText('没有符合条件的打印记录')
    await page.getByTestId('print-log-reset').click()
    await expect(rows).toHaveCount(2)
    // A date range without prints: typed into the range's two boxes, as a clerk may.
    const dates = page.getByTestId('print-log-dates').locator('input')
    await dates.nth(0).fill('2020-01-01')
    await dates.nth(1).fill('2020-01-31')
    await dates.nth(1).press('Enter')
    await expect(page.getByTestId('print-log-empty')).toContainText('没有符合条件的打印记录')
    await page.getByTestId('print-log-reset').click()
    await expect(rows).toHaveCount(2)
    await expectTidyScreen(page, console)
    await shot(app, 'print-03-log')
    expect(cspViolations).toEqual([])
  })

  test('a notice with a mobile number prints only after the confirmation, and the log says so', async ({ app }) => {
    const console = watchConsole(app.page)
    const { page } = app
    // An engine without the newest JavaScript (an older Electron): the legacy pdf.js build is used.
    await page.addInitScript(() => {
      delete (Map.prototype as { getOrInsertComputed?: unknown }).getOrInsertComputed
    })
    const workerScripts = watchPdfWorker(app)
    await signedIn(app)
    const notice = await noticeFrom(app.services, CTX, 'reminder', {
      提示内容: '近期天气寒冷，请注意用火用电安全。如有困难请联系网格员李明，电话13812345678。',
    })
    const dialog = await openPrintDialog(app, notice.id)
    await expect(dialog.getByTestId('print-sensitive')).toBeVisible()
    expect(workerScripts.map((w) => w.legacy)).toEqual([true])
    expect((await inkPerPage(app))[0]).toBeGreaterThan(500)
    await expect(dialog.getByTestId('print-sensitive-item')).toHaveText(['手机号 138****5678'])
    await expect(dialog.getByTestId('print-print')).toBeDisabled()
    await expect(dialog.getByTestId('print-save-pdf')).toBeDisabled()
    await shot(app, 'print-04-sensitive')

    await dialog.getByTestId('print-sensitive-confirm').click()
    await expect(dialog.getByTestId('print-print')).toBeEnabled()
    // Another printer than the default, chosen in the dialog.
    await dialog.getByTestId('print-printer').click()
    await page.locator('.el-select-dropdown:visible').getByText(TEST_PRINTERS[1].displayName, { exact: true }).click()
    await dialog.getByTestId('print-print').click()
    await expect(dialog).toBeHidden()
    expect(app.print.jobs().map((j) => j.printer)).toEqual([TEST_PRINTERS[1].name])

    // Next time, the printer used last is offered first.
    await page.getByTestId('ne-preview').click()
    await expect(dialog).toBeVisible()
    await expect(dialog.getByTestId('print-printer')).toContainText(TEST_PRINTERS[1].displayName)
    await expect(dialog.getByTestId('print-sensitive-confirm').locator('input')).not.toBeChecked()
    // A cancelled save dialog changes nothing and says nothing.
    await dialog.getByTestId('print-sensitive-confirm').click()
    app.print.answerSaveDialog = () => null
    await dialog.getByTestId('print-save-pdf').click()
    await expect(dialog.getByTestId('print-save-pdf')).toBeEnabled()
    await expect(dialog.getByTestId('print-saved-path')).toHaveCount(0)
    await expect(page.locator('.el-message')).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()

    await page.getByTestId('menu-print-log').click()
    await expect(page.getByTestId('print-log-row')).toHaveCount(1)
    await expect(page.getByTestId('print-log-sensitive')).toHaveText('手机号')
    await expectTidyScreen(page, console)
  })

  test('a household slip too long for half a page is explained in place of the pages', async ({ app }) => {
    await signedIn(app)
    let notice = await noticeFrom(app.services, CTX, 'meeting', MEETING)
    notice = await app.services.notices.update(
      CTX,
      notice.id,
      noticeEdit(notice, { bodyHtml: LONG_BODY, layout: 'slip' }).data,
    )
    const { page } = app
    await app.open(`/notices/${notice.id}`)
    await page.getByTestId('ne-preview').click()
    const dialog = page.getByTestId('print-dialog')
    await expect(dialog.getByTestId('print-preview-error')).toContainText('内容超过半页', { timeout: 20_000 })
    await expect(dialog.getByTestId('print-page')).toHaveCount(0)
    await expect(dialog.getByTestId('print-print')).toBeDisabled()
    await expect(dialog.getByTestId('print-save-pdf')).toBeDisabled()
    await shot(app, 'print-05-slip-too-long')
  })

  test('the print body font is a station setting', async ({ app }) => {
    const { page } = app
    await signedIn(app)
    await page.getByTestId('menu-settings').click()
    const fonts = page.getByTestId('field-printBodyFont')
    await expect(fonts).toContainText('打印正文字体')
    await expect(page.getByTestId('settings-print-body-font')).toContainText('随软件安装的宋体')
    await choose(page, 'settings-print-body-font', '本机仿宋（没有时用随软件安装的宋体）')
    // Saved with the station's other settings, the button still in view at 1366×768.
    await expect(page.getByTestId('settings-save')).toBeInViewport()
    await page.getByTestId('settings-save').click()
    await expect(page.locator('.el-message--success')).toContainText('已保存')
    expect((await app.services.settings.get()).printBodyFont).toBe('fangsong')
    await shot(app, 'print-06-settings-font')
  })
})

/**
 * Importing a roster: staff choose a workbook as communities keep them (title rows, merged cells,
 * a few bad rows), read the preview, import the valid rows, and download the per-row report.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { test, expect } from './fixtures'
import { ADMIN, signIn } from './support/flows'
import { seedAdministrator, seedCommunity } from './support/community'
import { expectTidyScreen, watchConsole } from './support/screen-checks'
import { realisticRoster, rosterXlsx, validId } from '../helpers/rosters'

const SHOTS = '/tmp/shots'

async function sheetRows(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer)
  const rows: string[][] = []
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  return rows
}

test('staff import a roster: preview, the valid rows, and the report', async ({ app }) => {
  const { page } = app
  const console = watchConsole(page)
  await seedAdministrator(app.services)
  await seedCommunity(app.services)
  const residentsBefore = await app.services.models.Resident.count()
  const roster = realisticRoster()
  const file = await rosterXlsx({
    titles: roster.titles,
    headers: roster.headers,
    rows: roster.rows.map((r) => r.values),
    mergeDown: roster.mergeDown,
  })
  mkdirSync(SHOTS, { recursive: true })

  await app.open('/')
  await signIn(page)
  await expect(page.getByTestId('header-account')).toContainText(ADMIN.displayName)
  await page.getByTestId('menu-import').click()
  await expect(page.getByTestId('import-file-step')).toBeVisible()

  await page.getByTestId('import-file-input').setInputFiles({
    name: '幸福社区居民花名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  })
  await expect(page.getByTestId('import-opened')).toContainText('第 3 行')
  await expect(page.getByTestId('import-map-idNumber')).toContainText('公民身份号码')
  await expect(page.getByTestId('import-map-address')).toContainText('现居住地址')
  await page.screenshot({ path: `${SHOTS}/import-mapping.png` })
  await expectTidyScreen(page, console)

  await page.getByTestId('import-check').click()
  await expect(page.getByTestId('import-counts')).toContainText('共 10 行')
  await expect(page.getByTestId('import-counts')).toContainText('不导入 5')
  await expect(page.getByTestId('import-row-outcome')).toHaveCount(10)
  await page.screenshot({ path: `${SHOTS}/import-preview.png` })

  await page.getByTestId('import-filter-refused').click()
  await expect(page.getByTestId('import-row-outcome')).toHaveCount(5)
  await expect(page.getByTestId('import-rows')).toContainText('最后几位已经丢失')
  await expect(page.getByTestId('import-rows')).toContainText('系统中没有网格“五网格”')
  await page.screenshot({ path: `${SHOTS}/import-preview-refused.png` })
  await expectTidyScreen(page, console)

  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-result-text')).toContainText('新建 4 人')
  expect(await app.services.models.Resident.count()).toBe(residentsBefore + 4)

  const download = page.waitForEvent('download')
  await page.getByTestId('import-report').click()
  const report = await download
  expect(report.suggestedFilename()).toBe('导入报告.xlsx')
  const path = `${test.info().outputDir}/${report.suggestedFilename()}`
  await report.saveAs(path)
  const rows = await sheetRows(path)
  expect(rows[0]).toEqual(['行号', ...roster.headers, '结果', '原因'])
  const sun = rows.find((r) => r[2] === '孙强')!
  expect(sun.at(-2)).toBe('不导入')
  expect(sun.at(-1)).toContain('身份证号被 Excel 存成了数字（110105194912310000），最后几位已经丢失')
  await page.screenshot({ path: `${SHOTS}/import-result.png` })
  await expectTidyScreen(page, console)

  // The imported residents are on the residents list, found by pinyin initials like anyone.
  await page.getByTestId('menu-residents').click()
  await page.getByTestId('resident-search').fill('zgh')
  await page.getByTestId('resident-search').press('Enter')
  await expect(page.getByTestId('resident-table')).toContainText('张国华')
})

test('a long import shows its progress and can be cancelled; nothing is written', async ({ app }) => {
  const { page } = app
  const console = watchConsole(page)
  await seedAdministrator(app.services)
  await seedCommunity(app.services)
  const before = await app.services.models.Resident.count()
  const rows = Array.from({ length: 30_000 }, (_, i) => [
    `居民${i}`,
    validId('19700101', String(i % 1000).padStart(3, '0'), String(510000 + Math.floor(i / 1000))),
    '一网格',
    `和平里${Math.floor(i / 3)}号`,
  ])
  const file = await rosterXlsx({ titles: ['和平社区居民名册'], headers: ['姓名', '身份证号', '网格', '住址'], rows })

  await app.open('/')
  await signIn(page)
  await page.getByTestId('menu-import').click()
  await page
    .getByTestId('import-file-input')
    .setInputFiles({ name: '和平社区.xlsx', mimeType: 'application/octet-stream', buffer: file })
  await page.getByTestId('import-check').click()
  await expect(page.getByTestId('import-counts')).toContainText('共 30000 行')
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-writing')).toBeVisible()
  await expect(page.getByTestId('import-writing')).toContainText('/ 30000')
  await page.screenshot({ path: `${SHOTS}/import-writing.png` })
  await page.getByTestId('import-cancel').click()
  await expect(page.getByTestId('import-result-text')).toContainText('已取消导入')
  expect(await app.services.models.Resident.count()).toBe(before)
  await expectTidyScreen(page, console)
})

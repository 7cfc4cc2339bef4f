/**
 * Exporting a list: staff filter the residents by a tag, export what they see (numbers masked),
 * the file arrives as a download with the list's rows, and the audit log records it. An
 * administrator's full-number export is recorded as such.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { test, expect, type StationApp } from './fixtures'
import { ADMIN, signIn } from './support/flows'
import { seedAdministrator, seedCommunity } from './support/community'
import { expectTidyScreen, watchConsole } from './support/screen-checks'

const SHOTS = '/tmp/shots'

async function sheetRows(path: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer)
  const rows: unknown[][] = []
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

async function exportVisible(app: StationApp, options: { full?: boolean } = {}) {
  const { page } = app
  await page.getByTestId('resident-export').click()
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  if (options.full) await dialog.getByTestId('export-full').click()
  await expect(dialog.getByTestId('export-privacy-note')).toBeVisible()
  const download = page.waitForEvent('download')
  await dialog.getByTestId('export-run').click()
  const file = await download
  const path = `${test.info().outputDir}/${file.suggestedFilename()}`
  await file.saveAs(path)
  await expect(dialog).toBeHidden()
  return { name: file.suggestedFilename(), rows: await sheetRows(path) }
}

test('staff export the filtered residents list masked; the export is in the audit log', async ({ app }) => {
  const { page } = app
  const console = watchConsole(page)
  await seedAdministrator(app.services)
  const community = await seedCommunity(app.services)
  await app.open('/')
  await signIn(page)
  await expect(page.getByTestId('header-account')).toContainText(ADMIN.displayName)
  await app.open('/residents')

  await page.getByTestId('resident-search').fill('幸福小区')
  await page.getByTestId('resident-search').press('Enter')
  await expect(page.getByTestId('resident-total')).not.toContainText(String(community.total - community.archived))
  const shown = Number((await page.getByTestId('resident-total').textContent())!.replace(/\D/g, ''))
  expect(shown).toBeGreaterThan(0)

  await page.getByTestId('resident-export').click()
  await expect(page.getByTestId('export-dialog')).toBeVisible()
  mkdirSync(SHOTS, { recursive: true })
  // The dialog fades in; the picture is of the settled screen.
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${SHOTS}/export-dialog.png` })
  await expectTidyScreen(page, console)
  await page.keyboard.press('Escape')

  const masked = await exportVisible(app)
  expect(masked.name).toMatch(/^居民档案-\d{8}-\d{4}\.xlsx$/)
  expect(masked.rows[0]![0]).toBe('居民档案')
  expect(String(masked.rows[1]![0])).toContain(ADMIN.displayName)
  expect(masked.rows[3]).toEqual(['姓名', '性别', '年龄', '身份证号', '手机号', '住址', '标签'])
  const data = masked.rows.slice(4)
  expect(data).toHaveLength(shown)
  for (const row of data) {
    expect(String(row[4] ?? '')).not.toMatch(/\d{11}/)
    if (row[3]) expect(String(row[3])).toContain('********')
  }

  const full = await exportVisible(app, { full: true })
  expect(full.rows.slice(4).some((row) => /^\d{17}[\dX]$/.test(String(row[3] ?? '')))).toBe(true)

  const audit = await app.services.audit.list({ entity: 'residents', page: 1, pageSize: 10 })
  const exports = audit.items.filter((e) => e.action === 'export')
  expect(exports).toHaveLength(2)
  expect(exports[0]!.after).toMatchObject({ rows: shown, full: ['idNumber', 'mobile'], filters: { q: '幸福小区' } })
  expect(exports[1]!.after).toMatchObject({ rows: shown, full: [] })
  expect(console.errors).toEqual([])
})

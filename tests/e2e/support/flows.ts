/** Steps that several journeys share, done through the UI as a person at the counter would. */
import { readFileSync } from 'node:fs'
import { expect, type Locator, type Page } from '@playwright/test'

export const ADMIN = { username: 'admin', displayName: '王主任', password: 'station-2026' }

/** First start: create the administrator; the app signs in and shows the main screen. */
export async function createAdministrator(page: Page) {
  await expect(page.getByTestId('setup-username')).toBeVisible()
  await fill(page, 'setup-username', ADMIN.username)
  await fill(page, 'setup-display-name', ADMIN.displayName)
  await fill(page, 'setup-password', ADMIN.password)
  await fill(page, 'setup-confirm', ADMIN.password)
  await page.getByTestId('setup-submit').click()
  await expect(page.getByTestId('header-account')).toContainText(ADMIN.displayName)
}

export async function signIn(page: Page, username = ADMIN.username, password = ADMIN.password) {
  await fill(page, 'signin-username', username)
  await fill(page, 'signin-password', password)
  await page.getByTestId('signin-submit').click()
}

/** The text box of an Element Plus input, whether the test id sits on the input or its wrapper. */
export function field(page: Page, testId: string) {
  const id = `[data-testid="${testId}"]`
  return page.locator(`input${id}, textarea${id}, ${id} input, ${id} textarea`).first()
}

export async function fill(page: Page, testId: string, value: string) {
  await field(page, testId).fill(value)
}

/** Picks an option of an Element Plus select by its visible text. */
export async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click()
  await page
    .locator('.el-select-dropdown:visible, .el-popper:visible')
    .getByText(option, { exact: true })
    .first()
    .click()
}

/** Adds a place under the selected node (or a community at the top when `parent` is null). */
export async function addPlace(page: Page, parent: string | null, name: string) {
  if (parent === null) {
    await page.getByTestId('place-add-root').click()
  } else {
    await page.getByTestId('place-tree').getByText(parent, { exact: true }).click()
    await expect(page.getByTestId('place-selected')).toContainText(parent)
    await page.getByTestId('place-add-child').click()
  }
  await expect(page.getByTestId('place-form')).toBeVisible()
  await fill(page, 'place-form-name', name)
  await page.getByTestId('place-form-save').click()
  await expect(page.getByTestId('place-form')).toBeHidden()
  await expect(page.getByTestId('place-tree').getByText(name, { exact: true })).toBeVisible()
}

/** Answers "yes" to the Element Plus confirmation box that is open now. */
export async function confirm(page: Page) {
  const box = page.locator('.el-message-box:visible')
  await expect(box).toBeVisible()
  await box.locator('.el-message-box__btns button').last().click()
  await expect(box).toBeHidden()
}

export async function signOut(page: Page) {
  await page.getByTestId('sign-out').click()
  await confirm(page)
  await expect(page.getByTestId('signin-username')).toBeVisible()
}

/** Opens 走访计划 from the menu and sets the plan date (the picker's label is in the page's language). */
export async function openVisitPlan(page: Page, date: string, dateLabel = '计划日期') {
  await page.getByTestId('menu-visit-plan').click()
  const picker = page.getByRole('combobox', { name: dateLabel })
  await picker.fill(date)
  await picker.press('Enter')
}

/** The print dialog once its first page is drawn (a PDF preview can take a while on a busy machine). */
export async function printDialog(page: Page): Promise<Locator> {
  const dialog = page.getByTestId('print-dialog')
  await expect(dialog.getByTestId('print-page').first()).toBeVisible({ timeout: 30_000 })
  return dialog
}

/**
 * 另存为 PDF in the print dialog: waits for the saved path and checks the newest file the save
 * dialog was offered is a PDF; returns its path.
 */
export async function savePdf(dialog: Locator, suggested: readonly string[]): Promise<string> {
  await dialog.getByTestId('print-save-pdf').click()
  await expect(dialog.getByTestId('print-saved-path')).toBeVisible({ timeout: 30_000 })
  const saved = suggested.at(-1)
  expect(saved).toBeTruthy()
  expect(readFileSync(saved!).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  return saved!
}

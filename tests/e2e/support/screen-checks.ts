/** What every screen must get right at the counter's 1366×768, whatever it shows. */
import { expect, type Page } from '@playwright/test'
import messages from '../../../renderer/src/i18n/locales/zh-CN'

/**
 * i18n keys that leaked onto the screen untranslated (`residents.form.name` instead of 姓名). The
 * namespaces are read from the messages themselves, so a module's new namespace is covered at once.
 */
export const UNTRANSLATED_KEY = new RegExp(`\\b(${Object.keys(messages).join('|')})\\.[a-zA-Z]`)

/** Collects console errors and uncaught exceptions from the moment it is called. */
export function watchConsole(page: Page): { errors: string[] } {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`))
  return { errors }
}

/** No sideways scrolling, no raw i18n keys, no console errors so far. */
export async function expectTidyScreen(page: Page, console?: { errors: string[] }): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }))
  expect(widths.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(widths.inner)
  const text = await page.evaluate(() => document.body.innerText)
  expect(text).not.toMatch(UNTRANSLATED_KEY)
  if (console) expect(console.errors, 'console errors').toEqual([])
}

/** Latin words on a Chinese screen, apart from what is allowed to stay Latin (keys, numbers, Alt+N). */
export async function latinWords(page: Page, allowed: readonly string[] = []): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText)
  const keep = new Set(['Alt', 'Ctrl', 'Enter', 'Esc', 'Tab', 'X', ...allowed])
  return [...new Set(text.match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => !keep.has(w))
}

/**
 * Whether text inside `selector` is cut off: an element whose content is wider than its box and
 * that hides the rest (ellipsis or overflow hidden). Returns the clipped texts.
 */
export async function clippedTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = []
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      if (el.offsetParent === null) continue
      if (el.scrollWidth > el.clientWidth + 1) out.push(el.innerText.trim())
    }
    return out
  }, selector)
}

/** How far the table's body scrolls sideways inside itself (0 when every column fits). */
export async function tableOverflow(page: Page, testid: string): Promise<number> {
  return page.evaluate((id) => {
    const wrap = document.querySelector(`[data-testid="${id}"] .el-table__body-wrapper .el-scrollbar__wrap`)
    return wrap ? wrap.scrollWidth - wrap.clientWidth : 0
  }, testid)
}

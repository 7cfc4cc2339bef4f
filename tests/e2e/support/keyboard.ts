/** Driving the app with the keyboard alone, and reading where the focus is. */
import { expect, type Page } from '@playwright/test'

export interface FocusInfo {
  /** The nearest `data-testid` at or above the focused element ('' when none). */
  testid: string
  tag: string
  /** Visible text or accessible label, trimmed. */
  label: string
  /** Whether the focus shows: an outline, or a ring drawn as a box shadow on it or its wrapper. */
  ring: { outline: string; shadow: string }
}

export async function focused(page: Page): Promise<FocusInfo> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { testid: '', tag: 'body', label: '', ring: { outline: '', shadow: '' } }
    const withId = el.closest<HTMLElement>('[data-testid]')
    const label = (el.getAttribute('aria-label') ?? el.innerText ?? el.getAttribute('placeholder') ?? '').trim()
    const style = getComputedStyle(el)
    const wrapper = el.closest<HTMLElement>('.el-input__wrapper, .el-select__wrapper') ?? el
    // Some controls draw their focus on a neighbour or a child of the focused element.
    const drawnOn = el.matches('.el-radio-button__original-radio')
      ? el.parentElement?.querySelector<HTMLElement>('.el-radio-button__inner')
      : el.matches('[role="treeitem"]')
        ? el.querySelector<HTMLElement>(':scope > .el-tree-node__content')
        : null
    const drawn = drawnOn ? getComputedStyle(drawnOn) : style
    return {
      testid: withId?.dataset.testid ?? '',
      tag: el.tagName.toLowerCase(),
      label: label.slice(0, 40),
      ring: {
        outline:
          drawn.outlineStyle === 'none' ? 'none' : `${drawn.outlineWidth} ${drawn.outlineStyle} ${drawn.outlineColor}`,
        shadow: getComputedStyle(wrapper).boxShadow,
      },
    }
  })
}

/** Presses Tab until the focus is on `testid` (at most `limit` presses); returns how many it took. */
export async function tabTo(page: Page, testid: string, limit = 30, key = 'Tab'): Promise<number> {
  const seen: string[] = []
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press(key)
    const now = await focused(page)
    seen.push(now.testid || now.tag)
    if (now.testid === testid) return i
  }
  throw new Error(`${testid} not reached with ${key} in ${limit} presses; went through ${seen.join(' → ')}`)
}

/** The focus is visible: a 2px outline or a ring at least 2px wide drawn as a box shadow. */
export async function expectVisibleFocus(page: Page): Promise<void> {
  // Polled: a dialog still zooming in draws its ring scaled for a moment.
  await expect(async () => {
    const { ring, testid, label } = await focused(page)
    const outlined = ring.outline !== 'none' && parseFloat(ring.outline) >= 2
    // "… 0px 0px 0px 2px …": a spread of 2px or more.
    const spreads = [...ring.shadow.matchAll(/0px 0px 0px (\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]))
    const ringed = spreads.some((s) => s >= 2)
    expect(outlined || ringed, `focus on ${testid || label} is not visible: ${JSON.stringify(ring)}`).toBe(true)
  }).toPass({ timeout: 2000 })
}

/** Walking the places tree as a user does: open each level, then select the last one. */
import { expect, type Locator, type Page } from '@playwright/test'

/** The visible row of the tree whose place is called `name` (the row, not the whole subtree). */
export function placeRow(page: Page, name: string): Locator {
  return page
    .getByTestId('place-tree')
    .locator('.el-tree-node__content:visible')
    .filter({ has: nameIs(page, name) })
    .first()
}

function nameIs(page: Page, name: string): Locator {
  return page.locator('[data-testid="place-node"] > span:first-child').getByText(name, { exact: true })
}

/**
 * Opens `path` level by level (each name must be visible once its parent is open) and selects the
 * last place. The first name must already be visible (communities and grids start open).
 */
export async function openPlace(page: Page, path: string[]): Promise<void> {
  for (const name of path.slice(0, -1)) {
    const row = placeRow(page, name)
    // The innermost tree node whose own row shows the name.
    const node = page
      .locator('.el-tree-node')
      .filter({ has: page.locator(':scope > .el-tree-node__content:visible').filter({ has: nameIs(page, name) }) })
      .first()
    if ((await node.getAttribute('aria-expanded')) !== 'true') await row.locator('.el-tree-node__expand-icon').click()
    await expect(node).toHaveAttribute('aria-expanded', 'true')
  }
  const last = path[path.length - 1]
  await placeRow(page, last).click()
  await expect(page.getByTestId('place-selected')).toContainText(last)
}

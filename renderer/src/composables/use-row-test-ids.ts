/**
 * ElTable cannot put attributes on its rows; end-to-end tests find them by `data-testid` and the
 * row's id, so they are stamped on after each render.
 */
import { nextTick, watch, type Ref } from 'vue'

/** A mounted component, as a template ref gives it. */
export interface MountedComponent {
  $el: HTMLElement
}

export function useRowTestIds(
  table: Ref<MountedComponent | null>,
  rows: () => ReadonlyArray<{ id: number }> | undefined,
  testid: string,
): void {
  watch(
    rows,
    async (items) => {
      await nextTick()
      const trs =
        table.value?.$el.querySelectorAll<HTMLTableRowElement>('.el-table__body-wrapper tr.el-table__row') ?? []
      trs.forEach((tr, i) => {
        tr.dataset.testid = testid
        const item = items?.[i]
        if (item) tr.dataset.id = String(item.id)
      })
    },
    { flush: 'post' },
  )
}

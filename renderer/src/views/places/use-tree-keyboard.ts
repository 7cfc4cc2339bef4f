/**
 * The places tree by keyboard. Element Plus moves the focus with ↑/↓, but makes only the first
 * node reachable with Tab when the tree mounts (ours fills in later, so none is), its ←/→ "click"
 * a node (which here chooses it without opening it) and Enter does nothing. Here: Tab reaches the
 * chosen node (or the first), → opens, ← closes or goes up to the parent, Enter or Space chooses.
 */
import { nextTick, watch, type Ref } from 'vue'

/** What is needed of an Element Plus tree node. */
interface TreeNodeLike {
  expanded: boolean
  isLeaf: boolean
  expand(): void
  collapse(): void
}

export function useTreeKeyboard(options: {
  /** The element around the tree (keys are caught there before the tree's own handler). */
  container: Ref<HTMLElement | null>
  getNode: (key: number) => TreeNodeLike | undefined
  selectedId: Ref<number | null>
  /** Re-run after the tree's data changes. */
  data: () => unknown
  choose: (key: number) => void
}) {
  const items = () => Array.from(options.container.value?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])

  /** One node in the Tab order: the chosen one when it is shown, else the first. */
  function rove(to?: HTMLElement) {
    const all = items()
    const target =
      to ?? all.find((el) => el.dataset.key === String(options.selectedId.value) && el.offsetParent !== null) ?? all[0]
    for (const el of all) el.setAttribute('tabindex', el === target ? '0' : '-1')
  }

  watch([options.data, options.selectedId], () => nextTick(() => rove()), { flush: 'post', immediate: true })

  function onFocusin(event: FocusEvent) {
    const item = event.target as HTMLElement
    if (item.getAttribute('role') === 'treeitem') rove(item)
  }

  function onKeydown(event: KeyboardEvent) {
    const item = event.target as HTMLElement
    if (item.getAttribute('role') !== 'treeitem') return
    const key = Number(item.dataset.key)
    const node = options.getNode(key)
    if (!node) return
    switch (event.key) {
      case 'ArrowRight':
        if (!node.isLeaf && !node.expanded) node.expand()
        break
      case 'ArrowLeft':
        if (node.expanded) node.collapse()
        else item.parentElement?.closest<HTMLElement>('[role="treeitem"]')?.focus()
        break
      case 'Enter':
      case ' ':
        options.choose(key)
        break
      default:
        return
    }
    event.preventDefault()
    event.stopPropagation()
  }

  return { onKeydown, onFocusin }
}

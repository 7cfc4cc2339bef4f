/**
 * Element Plus dialogs trap the focus when they open and then put it on their own frame, one tick
 * after announcing `open-auto-focus`. A form that wants its first field focused (so a clerk can type
 * at once) must wait for that; focusing earlier loses the focus to the frame and, with it, fires the
 * field's blur check on an untouched field.
 */
export function focusAfterTrap(target: () => { focus: () => void } | null | undefined): () => void {
  return () => {
    setTimeout(() => target()?.focus())
  }
}

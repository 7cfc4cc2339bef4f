/** Keyboard shortcuts shared by the forms. */

/**
 * Ctrl+Enter (⌘+Enter) saves a form; plain Enter stays with the field (selects, text areas).
 * Listen in the capture phase and the key never reaches the field: an Element Plus select would
 * otherwise take it as its own Enter, open its list and keep it from the form.
 */
export function onCtrlEnter(action: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      event.stopPropagation()
      action()
    }
  }
}

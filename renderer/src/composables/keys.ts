/** Keyboard shortcuts shared by the forms. */

/** Ctrl+Enter (⌘+Enter) saves a form; plain Enter stays with the field (selects, text areas). */
export function onCtrlEnter(action: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      action()
    }
  }
}

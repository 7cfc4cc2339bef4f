/**
 * The rich-text editor's toolbar: one entry per button, with what it does, when it shows as
 * pressed, when it can act, TipTap's own shortcut for it, and its icon. The formatting offered is
 * what the print pipeline keeps (`sanitiseRichText`): marks, lists, tables, alignment.
 */
import type { Editor } from '@tiptap/vue-3'

export type ToolKey =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'orderedList'
  | 'bulletList'
  | 'insertTable'
  | 'addRow'
  | 'deleteRow'
  | 'addColumn'
  | 'deleteColumn'
  | 'deleteTable'
  | 'alignLeft'
  | 'alignCenter'
  | 'alignRight'
  | 'alignJustify'
  | 'undo'
  | 'redo'

/** An icon on a 24×24 grid: Material-style filled shapes, or lines for the table tools. */
export interface ToolIcon {
  d: string
  stroke?: boolean
}

export interface Tool {
  key: ToolKey
  /** Buttons of one group sit together, a divider between groups. */
  group: number
  /** TipTap's keyboard shortcut, as shown in the tooltip (Ctrl on Windows, where the app runs). */
  keys?: string
  icon: ToolIcon
  run: (editor: Editor) => void
  /** Whether the button shows as pressed (`aria-pressed`); absent for plain actions. */
  active?: (editor: Editor) => boolean
  /** Whether the action applies here (a row can only be added inside a table). */
  enabled?: (editor: Editor) => boolean
}

const chain = (editor: Editor) => editor.chain().focus()

const ALIGNS = {
  alignLeft: {
    value: 'left',
    keys: 'Ctrl+Shift+L',
    d: 'M15 15H3v2h12v-2zm0-8H3v2h12V7zM3 13h18v-2H3v2zm0 8h18v-2H3v2zM3 3v2h18V3H3z',
  },
  alignCenter: {
    value: 'center',
    keys: 'Ctrl+Shift+E',
    d: 'M7 15v2h10v-2H7zm-4 6h18v-2H3v2zm0-8h18v-2H3v2zm4-6v2h10V7H7zM3 3v2h18V3H3z',
  },
  alignRight: {
    value: 'right',
    keys: 'Ctrl+Shift+R',
    d: 'M3 21h18v-2H3v2zm6-4h12v-2H9v2zm-6-4h18v-2H3v2zm6-4h12V7H9v2zM3 3v2h18V3H3z',
  },
  alignJustify: {
    value: 'justify',
    keys: 'Ctrl+Shift+J',
    d: 'M3 21h18v-2H3v2zm0-4h18v-2H3v2zm0-4h18v-2H3v2zm0-4h18V7H3v2zm0-6v2h18V3H3z',
  },
} as const

const inTable = (editor: Editor) => editor.isActive('table')

export const TOOLS: readonly Tool[] = [
  {
    key: 'bold',
    group: 0,
    keys: 'Ctrl+B',
    icon: {
      d: 'M15.6 10.79c.97-.67 1.65-1.77 1.65-2.79 0-2.26-1.75-4-4-4H7v14h7.04c2.09 0 3.71-1.7 3.71-3.79 0-1.52-.86-2.82-2.15-3.42zM10 6.5h3c.83 0 1.5.67 1.5 1.5s-.67 1.5-1.5 1.5h-3v-3zm3.5 9H10v-3h3.5c.83 0 1.5.67 1.5 1.5s-.67 1.5-1.5 1.5z',
    },
    run: (e) => chain(e).toggleBold().run(),
    active: (e) => e.isActive('bold'),
  },
  {
    key: 'italic',
    group: 0,
    keys: 'Ctrl+I',
    icon: { d: 'M10 4v3h2.21l-3.42 8H6v3h8v-3h-2.21l3.42-8H18V4z' },
    run: (e) => chain(e).toggleItalic().run(),
    active: (e) => e.isActive('italic'),
  },
  {
    key: 'underline',
    group: 0,
    keys: 'Ctrl+U',
    icon: {
      d: 'M12 17c3.31 0 6-2.69 6-6V3h-2.5v8c0 1.93-1.57 3.5-3.5 3.5S8.5 12.93 8.5 11V3H6v8c0 3.31 2.69 6 6 6zm-7 2v2h14v-2H5z',
    },
    run: (e) => chain(e).toggleUnderline().run(),
    active: (e) => e.isActive('underline'),
  },
  {
    key: 'orderedList',
    group: 1,
    keys: 'Ctrl+Shift+7',
    icon: {
      d: 'M2 17h2v.5H3v1h1v.5H2v1h3v-4H2v1zm1-9h1V4H2v1h1v3zm-1 3h1.8L2 13.1v.9h3v-1H3.2L5 10.9V10H2v1zm5-6v2h14V5H7zm0 14h14v-2H7v2zm0-6h14v-2H7v2z',
    },
    run: (e) => chain(e).toggleOrderedList().run(),
    active: (e) => e.isActive('orderedList'),
  },
  {
    key: 'bulletList',
    group: 1,
    keys: 'Ctrl+Shift+8',
    icon: {
      d: 'M4 10.5c-.83 0-1.5.67-1.5 1.5s.67 1.5 1.5 1.5 1.5-.67 1.5-1.5-.67-1.5-1.5-1.5zm0-6c-.83 0-1.5.67-1.5 1.5S3.17 7.5 4 7.5 5.5 6.83 5.5 6 4.83 4.5 4 4.5zm0 12c-.83 0-1.5.68-1.5 1.5s.68 1.5 1.5 1.5 1.5-.68 1.5-1.5-.67-1.5-1.5-1.5zM7 19h14v-2H7v2zm0-6h14v-2H7v2zm0-8v2h14V5H7z',
    },
    run: (e) => chain(e).toggleBulletList().run(),
    active: (e) => e.isActive('bulletList'),
  },
  ...(Object.entries(ALIGNS) as Array<[keyof typeof ALIGNS, (typeof ALIGNS)[keyof typeof ALIGNS]]>).map(
    ([key, a]): Tool => ({
      key,
      group: 2,
      keys: a.keys,
      icon: { d: a.d },
      run: (e) => chain(e).setTextAlign(a.value).run(),
      active: (e) => e.isActive({ textAlign: a.value }),
    }),
  ),
  {
    key: 'insertTable',
    group: 3,
    icon: { d: 'M4 5h16v14H4z M4 9.7h16 M4 14.3h16 M9.3 5v14 M14.7 5v14', stroke: true },
    run: (e) => chain(e).insertTable({ rows: 3, cols: 3, withHeaderRow: false }).run(),
    enabled: (e) => !inTable(e),
  },
  {
    key: 'addRow',
    group: 3,
    icon: { d: 'M4 3h16v9H4z M4 7.5h16 M9.3 3v9 M14.7 3v9 M12 14.5v7 M8.5 18h7', stroke: true },
    run: (e) => chain(e).addRowAfter().run(),
    enabled: inTable,
  },
  {
    key: 'deleteRow',
    group: 3,
    icon: { d: 'M4 3h16v9H4z M4 7.5h16 M9.3 3v9 M14.7 3v9 M8.5 18h7', stroke: true },
    run: (e) => chain(e).deleteRow().run(),
    enabled: inTable,
  },
  {
    key: 'addColumn',
    group: 3,
    icon: { d: 'M3 4h9v16H3z M7.5 4v16 M3 9.3h9 M3 14.7h9 M18 8.5v7 M14.5 12h7', stroke: true },
    run: (e) => chain(e).addColumnAfter().run(),
    enabled: inTable,
  },
  {
    key: 'deleteColumn',
    group: 3,
    icon: { d: 'M3 4h9v16H3z M7.5 4v16 M3 9.3h9 M3 14.7h9 M14.5 12h7', stroke: true },
    run: (e) => chain(e).deleteColumn().run(),
    enabled: inTable,
  },
  {
    key: 'deleteTable',
    group: 3,
    icon: { d: 'M3 4h12v11H3z M3 8.5h12 M7 4v11 M11 4v11 M15.5 15.5l5 5 M20.5 15.5l-5 5', stroke: true },
    run: (e) => chain(e).deleteTable().run(),
    enabled: inTable,
  },
  {
    key: 'undo',
    group: 4,
    keys: 'Ctrl+Z',
    icon: {
      d: 'M12.5 8c-2.65 0-5.05.99-6.9 2.6L2 7v9h9l-3.62-3.62c1.39-1.16 3.16-1.88 5.12-1.88 3.54 0 6.55 2.31 7.6 5.5l2.37-.78C21.08 11.03 17.15 8 12.5 8z',
    },
    run: (e) => chain(e).undo().run(),
    enabled: (e) => e.can().undo(),
  },
  {
    key: 'redo',
    group: 4,
    keys: 'Ctrl+Y',
    icon: {
      d: 'M18.4 10.6C16.55 8.99 14.15 8 11.5 8c-4.65 0-8.58 3.03-9.96 7.22L3.9 16c1.05-3.19 4.05-5.5 7.6-5.5 1.95 0 3.73.72 5.12 1.88L13 16h9V7l-3.6 3.6z',
    },
    run: (e) => chain(e).redo().run(),
    enabled: (e) => e.can().redo(),
  },
]

/**
 * The next button a toolbar arrow key lands on (the WAI-ARIA toolbar pattern: one Tab stop, arrows
 * inside, wrapping round at the ends, Home and End to the first and last).
 */
export function nextToolIndex(current: number, key: string, count: number): number | null {
  if (count === 0) return null
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count
    case 'ArrowLeft':
      return (current - 1 + count) % count
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}

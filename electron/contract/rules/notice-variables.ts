/**
 * `{{variables}}` in notice templates: finding them, filling them, and flagging what is left.
 * Names are what the station types (会议时间, 活动地点); a few fill themselves. Values are
 * escaped as HTML when filled, because the body is HTML from the rich-text editor.
 */

const PLACEHOLDER = /\{\{\s*([^{}<>\s][^{}<>]*?)\s*\}\}/g

/** Variables that fill themselves from the settings and the clock. */
export const BUILTIN_VARIABLES = ['单位名称', '社区名称', '单位地址', '联系电话', '今天'] as const
export type BuiltinVariable = (typeof BUILTIN_VARIABLES)[number]

export interface BuiltinSources {
  stationName: string
  community: string
  address: string
  phone: string
  /** ISO date (YYYY-MM-DD), Shanghai time. */
  today: string
}

/** 2026-11-24 → 2026年11月24日: Arabic numerals, no leading zeros (GB/T 9704-2012, 7.3.5.3). */
export function formatChineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

export function builtinValues(src: BuiltinSources): Record<BuiltinVariable, string> {
  return {
    单位名称: src.stationName,
    社区名称: src.community || src.stationName,
    单位地址: src.address,
    联系电话: src.phone,
    今天: formatChineseDate(src.today),
  }
}

/** The variables in a text (HTML or plain), in order of first appearance, each once. */
export function findVariables(text: string): string[] {
  const names: string[] = []
  for (const m of text.matchAll(PLACEHOLDER)) if (!names.includes(m[1])) names.push(m[1])
  return names
}

/**
 * Variables left in HTML once tags are removed: this also catches a placeholder that formatting
 * split (`{{会<b>议</b>时间}}`), which `fillVariables` cannot fill and must not print raw.
 */
export function unfilledVariables(html: string): string[] {
  const text = html.replace(/<[^>]*>/g, '')
  const names = findVariables(text)
  // A stray `{{` or `}}` is also unfinished work: report it by its text.
  if (names.length === 0 && /\{\{|\}\}/.test(text)) return ['{{ }}']
  return names
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/**
 * Fills the variables that have a non-empty value; the rest stay as written, to be flagged.
 * `html: true` escapes each value (the body); `false` leaves it as text (the title).
 */
export function fillVariables(text: string, values: Record<string, string>, options: { html: boolean }): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name]?.trim()
    if (!value) return whole
    return options.html ? escapeHtml(value) : value
  })
}

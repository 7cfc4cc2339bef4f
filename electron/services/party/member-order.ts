/**
 * Member names in the order a counter expects (pinyin, surnames read as surnames) and matched the
 * way staff type them: Chinese characters, full pinyin, or initials (`wjg` for 王建国).
 */
import { pinyin } from 'pinyin-pro'

export interface NameKey {
  /** Syllables joined by spaces, so 李 (li) sorts before 林 (lin) whatever follows. */
  sort: string
  full: string
  initials: string
}

export function nameKey(name: string): NameKey {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)
  return { sort: syllables.join(' '), full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') }
}

/** Whether a query is typed pinyin rather than characters. */
export function isPinyinQuery(q: string): boolean {
  return /^[a-z]+$/i.test(q)
}

export function matchesPinyin(key: NameKey, q: string): boolean {
  const lower = q.toLowerCase()
  return key.initials.startsWith(lower) || key.full.startsWith(lower)
}

export function compareByName(a: { name: string; key: NameKey; id: number }, b: typeof a): number {
  if (a.key.sort !== b.key.sort) return a.key.sort < b.key.sort ? -1 : 1
  if (a.name !== b.name) return a.name < b.name ? -1 : 1
  return a.id - b.id
}

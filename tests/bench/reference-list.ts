/**
 * The resident list as the plainest SQL that states what it means, with none of the speed
 * tricks (no trigram index, no implied ranges, no index hints, no counting shortcuts): the
 * benchmark checks the service against it before timing anything, so a faster query that
 * returns a different page or total is caught.
 */
import { birthDateRange } from '../../electron/contract/rules/dates'
import { fallsBackToSubstring, type ListInput } from './raw-list'
import type { RawDb } from './sqlite-raw'

export async function referenceList(
  db: RawDb,
  input: ListInput,
  today: string,
  pageSize: number,
): Promise<{ ids: number[]; total: number }> {
  const parts = ['r.archived_at IS NULL']
  const params: unknown[] = []
  const q = (input.q ?? '').trim().toLowerCase().replace(/\s+/g, '')
  if (q) {
    if (input.substring) {
      parts.push('r.id IN (SELECT rowid FROM resident_search WHERE instr(text, ?) > 0)')
      params.push(q)
    } else if ([...q].length >= 3) {
      parts.push("r.id IN (SELECT rowid FROM resident_search WHERE instr(text || ' ' || numbers, ?) > 0)")
      params.push(q)
    } else {
      const n = [...q].length
      parts.push('(substr(r.name, 1, ?) = ? OR substr(r.name_pinyin, 1, ?) = ? OR substr(r.name_initials, 1, ?) = ?)')
      params.push(n, q, n, q, n, q)
    }
  }
  if (input.placeId) {
    parts.push(
      `r.household_id IN (SELECT h.id FROM households h JOIN places p ON p.id = h.place_id
        WHERE p.path LIKE (SELECT path FROM places WHERE id = ?) || '%')`,
    )
    params.push(input.placeId)
  }
  if (input.tagIds?.length) {
    parts.push(
      `EXISTS (SELECT 1 FROM resident_tags rt WHERE rt.resident_id = r.id AND rt.tag_id IN (${input.tagIds.map(() => '?').join(', ')}))`,
    )
    params.push(...input.tagIds)
  }
  const range = birthDateRange(today, input.ageMin, input.ageMax)
  if (range.from) {
    parts.push('r.birth_date >= ?')
    params.push(range.from)
  }
  if (range.to) {
    parts.push('r.birth_date <= ?')
    params.push(range.to)
  }
  if (input.politicalStatus) {
    parts.push('r.political_status = ?')
    params.push(input.politicalStatus)
  }
  const where = parts.join(' AND ')
  const rows = await db.all<{ id: number }>(
    `SELECT r.id FROM residents r WHERE ${where} ORDER BY r.name_pinyin, r.id LIMIT ?`,
    [...params, pageSize],
  )
  const count = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM residents r WHERE ${where}`, params)
  const total = count?.n ?? 0
  if (fallsBackToSubstring(input, total)) return referenceList(db, { ...input, substring: true }, today, pageSize)
  return { ids: rows.map((r) => r.id), total }
}

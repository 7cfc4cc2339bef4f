/**
 * The resident list as hand-written SQL on a raw `sqlite3` handle: the yardstick the service is
 * measured against. It does the whole job the service does for one page (the WHERE, the ORDER
 * and LIMIT, the COUNT, the page's tags and addresses, the masking), written the way a person
 * who knows the schema would write it, without the repository code.
 */
import { birthDateRange } from '../../electron/contract/rules/dates'
import type { RawDb } from './sqlite-raw'

export interface ListInput {
  q?: string
  placeId?: number
  tagIds?: number[]
  ageMin?: number
  ageMax?: number
}

export interface ListItem {
  id: number
  name: string
  idNumber: string | null
  mobile: string | null
  address: string | null
  tags: string[]
}

export interface ListResult {
  items: ListItem[]
  total: number
}

const ADDRESS_KINDS = "('compound', 'building', 'unit', 'room')"

function mask(s: string | null, keepHead: number, keepTail: number): string | null {
  if (!s) return null
  return s.slice(0, keepHead) + '*'.repeat(Math.max(0, s.length - keepHead - keepTail)) + s.slice(-keepTail)
}

export interface RawWhere {
  sql: string
  params: unknown[]
}

/** The WHERE clause for one list request (active residents only, as the list shows by default). */
export async function rawWhere(db: RawDb, input: ListInput, today: string): Promise<RawWhere> {
  const parts = ['r.archived_at IS NULL']
  const params: unknown[] = []
  const q = (input.q ?? '').trim().toLowerCase().replace(/\s+/g, '')
  if (q) {
    if ([...q].length >= 3) {
      parts.push('r.id IN (SELECT rowid FROM resident_search WHERE text LIKE ?)')
      params.push(`%${q}%`)
    } else {
      const hi = q.slice(0, -1) + String.fromCodePoint(q.codePointAt(q.length - 1)! + 1)
      parts.push(
        '((r.name >= ? AND r.name < ?) OR (r.name_initials >= ? AND r.name_initials < ?) OR (r.name_pinyin >= ? AND r.name_pinyin < ?))',
      )
      params.push(q, hi, q, hi, q, hi)
    }
  }
  if (input.placeId) {
    const place = await db.get<{ path: string }>('SELECT path FROM places WHERE id = ?', [input.placeId])
    parts.push(
      'r.household_id IN (SELECT h.id FROM households h JOIN places p ON p.id = h.place_id WHERE p.path >= ? AND p.path < ?)',
    )
    params.push(place!.path, place!.path.slice(0, -1) + '0')
  }
  if (input.tagIds?.length) {
    parts.push(
      `r.id IN (SELECT resident_id FROM resident_tags WHERE tag_id IN (${input.tagIds.map(() => '?').join(', ')}))`,
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
  return { sql: parts.join(' AND '), params }
}

export async function rawList(db: RawDb, input: ListInput, today: string, pageSize: number): Promise<ListResult> {
  const where = await rawWhere(db, input, today)
  const rows = await db.all<{
    id: number
    name: string
    id_number: string | null
    mobile: string | null
    birth_date: string | null
    place_id: number | null
  }>(
    `SELECT r.id, r.name, r.gender, r.id_number, r.birth_date, r.mobile, r.landline, r.household_id,
            r.relation_to_head, r.political_status, r.archived_at, h.place_id
       FROM residents r LEFT JOIN households h ON h.id = r.household_id
      WHERE ${where.sql}
      ORDER BY r.name_pinyin, r.id
      LIMIT ?`,
    [...where.params, pageSize],
  )
  const count = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM residents r WHERE ${where.sql}`, where.params)
  const ids = rows.map((r) => r.id)
  const tags = new Map<number, string[]>()
  const addresses = new Map<number, string>()
  if (ids.length) {
    const marks = ids.map(() => '?').join(', ')
    for (const t of await db.all<{ resident_id: number; name: string }>(
      `SELECT rt.resident_id, t.name FROM resident_tags rt JOIN tags t ON t.id = rt.tag_id
        WHERE rt.resident_id IN (${marks}) ORDER BY t.sort, t.id`,
      ids,
    )) {
      const list = tags.get(t.resident_id) ?? []
      list.push(t.name)
      tags.set(t.resident_id, list)
    }
    const placeIds = [...new Set(rows.map((r) => r.place_id).filter((p): p is number => p !== null))]
    if (placeIds.length) {
      // Walk up from each room and keep the levels a person would write on an envelope.
      for (const a of await db.all<{ start: number; address: string }>(
        `WITH RECURSIVE up(start, id, parent_id, kind, name, depth) AS (
           SELECT id, id, parent_id, kind, name, 0 FROM places WHERE id IN (${placeIds.map(() => '?').join(', ')})
           UNION ALL
           SELECT up.start, p.id, p.parent_id, p.kind, p.name, up.depth + 1 FROM places p JOIN up ON p.id = up.parent_id)
         SELECT start, group_concat(name, ' ' ORDER BY depth DESC) AS address FROM up
          WHERE kind IN ${ADDRESS_KINDS} GROUP BY start`,
        placeIds,
      )) {
        addresses.set(a.start, a.address)
      }
    }
  }
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      idNumber: mask(r.id_number, 6, 4),
      mobile: mask(r.mobile, 3, 4),
      address: r.place_id === null ? null : (addresses.get(r.place_id) ?? null),
      tags: tags.get(r.id) ?? [],
    })),
  }
}

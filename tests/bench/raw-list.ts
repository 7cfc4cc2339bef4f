/**
 * The resident list as hand-written SQL on a raw `sqlite3` handle: the yardstick the service is
 * measured against. It does the whole job the service does for one page (the WHERE, the ORDER
 * and LIMIT, the COUNT, the page's tags and addresses, the masking), written the way a person
 * who knows the schema and its indexes would write it, without the repository code: the same
 * query shapes (FTS5 phrase, one prefix range per kind of query, the page's ids picked from
 * indexed columns before the rows are read), so the ratio measures the layer, not the SQL.
 */
import { birthDateRange } from '../../electron/contract/rules/dates'
import type { RawDb } from './sqlite-raw'

export interface ListInput {
  q?: string
  placeId?: number
  tagIds?: number[]
  ageMin?: number
  ageMax?: number
  politicalStatus?: string
  /** The service's fallback for one or two characters that start no name: a substring of the text. */
  substring?: boolean
}

/** As the service decides (`isShortTextQuery`): a short query that is not all a-z0-9. */
export function fallsBackToSubstring(input: ListInput, total: number): boolean {
  const q = (input.q ?? '').trim().toLowerCase().replace(/\s+/g, '')
  const n = [...q].length
  return !input.substring && total === 0 && n > 0 && n < 3 && !/^[a-z0-9]+$/.test(q)
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
  /**
   * `everyone`: status only. `prefix`: a short name or pinyin prefix, perhaps with a place or
   * tag (the name indexes hold all that needs). `search`: any other search. `filter`: a place,
   * tag or age without a search.
   */
  shape: 'everyone' | 'prefix' | 'search' | 'filter'
  placePath?: string
  born: string[]
  bornSql: string
}

/**
 * The WHERE clause for one list request (active residents only, as the list shows by default).
 * The search, else the place, else the tag, else the age walks an index; `+` hides the others'
 * indexes, or all of them for `walk` (the sort index is walked instead).
 */
export async function rawWhere(db: RawDb, input: ListInput, today: string, walk = false): Promise<RawWhere> {
  const parts = ['r.archived_at IS NULL']
  const params: unknown[] = []
  const q = (input.q ?? '').trim().toLowerCase().replace(/\s+/g, '')
  if (q) {
    const hi = (s: string) => s.slice(0, -1) + String.fromCodePoint(s.codePointAt(s.length - 1)! + 1)
    if (input.substring) {
      parts.push("r.id IN (SELECT rowid FROM resident_search WHERE text LIKE ? ESCAPE '\\')")
      params.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    } else if ([...q].length >= 3) {
      // A quoted phrase: FTS5 matches consecutive trigrams from the index alone.
      parts.push('r.id IN (SELECT rowid FROM resident_search WHERE resident_search MATCH ?)')
      params.push(`"${q.replace(/"/g, '""')}"`)
    } else if (/^[a-z0-9]+$/.test(q)) {
      // Initials or pinyin; either way the pinyin starts with the first letter.
      parts.push(
        'r.name_pinyin >= ? AND r.name_pinyin < ? AND ((r.name_pinyin >= ? AND r.name_pinyin < ?) OR (r.name_initials >= ? AND r.name_initials < ?))',
      )
      params.push(q[0], hi(q[0]), q, hi(q), q, hi(q))
    } else {
      parts.push('r.name >= ? AND r.name < ?')
      params.push(q, hi(q))
    }
  }
  const tagDrives = !walk && !q && !input.placeId
  let placePath: string | undefined
  if (input.placeId) {
    placePath = (await db.get<{ path: string }>('SELECT path FROM places WHERE id = ?', [input.placeId]))!.path
    parts.push(
      `${q || walk ? '+' : ''}r.household_id IN (SELECT h.id FROM households h JOIN places p ON p.id = h.place_id WHERE p.path >= ? AND p.path < ?)`,
    )
    params.push(placePath, placePath.slice(0, -1) + '0')
  }
  if (input.tagIds?.length) {
    const marks = input.tagIds.map(() => '?').join(', ')
    parts.push(
      tagDrives
        ? `r.id IN (SELECT resident_id FROM resident_tags WHERE tag_id IN (${marks}))`
        : `EXISTS (SELECT 1 FROM resident_tags rt WHERE rt.resident_id = r.id AND rt.tag_id IN (${marks}))`,
    )
    params.push(...input.tagIds)
  }
  const range = birthDateRange(today, input.ageMin, input.ageMax)
  const birthDate = q || walk || (tagDrives && input.tagIds?.length) ? '+r.birth_date' : 'r.birth_date'
  const born: string[] = []
  const bornParts: string[] = []
  if (range.from) {
    parts.push(`${birthDate} >= ?`)
    params.push(range.from)
    born.push(range.from)
    bornParts.push('birth_date >= ?')
  }
  if (range.to) {
    parts.push(`${birthDate} <= ?`)
    params.push(range.to)
    born.push(range.to)
    bornParts.push('birth_date <= ?')
  }
  if (input.politicalStatus) {
    parts.push(`${q || walk || input.placeId || input.tagIds?.length || born.length ? '+' : ''}r.political_status = ?`)
    params.push(input.politicalStatus)
  }
  const shape =
    parts.length === 1 ? 'everyone' : !q ? 'filter' : [...q].length < 3 && !born.length ? 'prefix' : 'search'
  return { sql: parts.join(' AND '), params, shape, placePath, born, bornSql: bornParts.join(' AND ') }
}

/**
 * Whether a filter is expected to keep at least `needed` of the residents: place and tag shares
 * first (cheap counts), then the age and political shares only if still undecided.
 */
async function keepsAtLeast(db: RawDb, input: ListInput, where: RawWhere, needed: number): Promise<boolean> {
  const columns = ['(SELECT COUNT(*) FROM residents) AS everyone']
  const params: unknown[] = []
  if (where.placePath) {
    columns.push(
      '(SELECT COUNT(*) FROM places) AS places',
      '(SELECT COUNT(*) FROM places WHERE path >= ? AND path < ?) AS inside',
    )
    params.push(where.placePath, where.placePath.slice(0, -1) + '0')
  }
  if (input.tagIds?.length) {
    columns.push(
      `(SELECT COUNT(*) FROM resident_tags WHERE tag_id IN (${input.tagIds.map(() => '?').join(', ')})) AS tagged`,
    )
    params.push(...input.tagIds)
  }
  const row = (await db.get<Record<string, number>>(`SELECT ${columns.join(', ')}`, params))!
  let share = 1
  if (where.placePath) share *= row.inside / row.places
  if (input.tagIds?.length) share *= Math.min(1, row.tagged / row.everyone)
  if (share < needed || !(where.born.length || input.politicalStatus)) return share >= needed
  const dear: string[] = []
  const dearParams: unknown[] = []
  if (where.born.length) {
    dear.push(`(SELECT COUNT(*) FROM residents WHERE ${where.bornSql}) AS born`)
    dearParams.push(...where.born)
  }
  if (input.politicalStatus) {
    dear.push('(SELECT COUNT(*) FROM residents WHERE political_status = ?) AS political')
    dearParams.push(input.politicalStatus)
  }
  const more = (await db.get<Record<string, number>>(`SELECT ${dear.join(', ')}`, dearParams))!
  if (where.born.length) share *= more.born / row.everyone
  if (input.politicalStatus) share *= more.political / row.everyone
  return share >= needed
}

export async function rawList(db: RawDb, input: ListInput, today: string, pageSize: number): Promise<ListResult> {
  const result = await rawListOnce(db, input, today, pageSize)
  return fallsBackToSubstring(input, result.total)
    ? rawListOnce(db, { ...input, substring: true }, today, pageSize)
    : result
}

async function rawListOnce(db: RawDb, input: ListInput, today: string, pageSize: number): Promise<ListResult> {
  const where = await rawWhere(db, input, today)
  type Row = { id: number; name: string; id_number: string | null; mobile: string | null; place_id: number | null }
  const select = `SELECT r.id, r.name, r.gender, r.id_number, r.birth_date, r.mobile, r.landline, r.household_id,
                         r.relation_to_head, r.political_status, r.archived_at, h.place_id`
  const walk =
    where.shape === 'everyone' ||
    where.shape === 'prefix' ||
    (where.shape === 'filter' && (await keepsAtLeast(db, input, where, pageSize / 2000)))
  let rows: Row[]
  let total: number
  if (!walk) {
    // Every match is visited to sort it anyway: count them in the same pass.
    const withTotal = await db.all<Row & { total: number }>(
      `${select}, page.total
         FROM (SELECT r.id, COUNT(*) OVER () AS total FROM residents r WHERE ${where.sql}
                ORDER BY r.name_pinyin, r.id LIMIT ?) page
         JOIN residents r ON r.id = page.id
         LEFT JOIN households h ON h.id = r.household_id
        ORDER BY r.name_pinyin, r.id`,
      [...where.params, pageSize],
    )
    rows = withTotal
    total = withTotal[0]?.total ?? 0
  } else {
    const walked = where.shape === 'filter' ? await rawWhere(db, input, today, true) : where
    rows = await db.all<Row>(
      `${select}
         FROM (SELECT r.id FROM residents r ${where.shape === 'filter' ? 'INDEXED BY residents_name_pinyin' : ''}
                WHERE ${walked.sql} ORDER BY r.name_pinyin, r.id LIMIT ?) page
         JOIN residents r ON r.id = page.id
         LEFT JOIN households h ON h.id = r.household_id
        ORDER BY r.name_pinyin, r.id`,
      [...walked.params, pageSize],
    )
    if (rows.length < pageSize) total = rows.length
    else if (where.shape === 'everyone') {
      // All minus the archived: COUNT(*) alone counts pages, and the archived have their own index.
      total = (await db.get<{ n: number }>(
        'SELECT (SELECT COUNT(*) FROM residents) - (SELECT COUNT(*) FROM residents WHERE archived_at IS NOT NULL) AS n',
      ))!.n
    } else if (where.shape === 'filter' && !where.placePath && !where.born.length && !input.politicalStatus) {
      // Tags only: count in the tag index, minus the archived among them.
      const marks = input.tagIds!.map(() => '?').join(', ')
      total = (await db.get<{ n: number }>(
        `SELECT (SELECT COUNT(DISTINCT resident_id) FROM resident_tags WHERE tag_id IN (${marks}))
              - (SELECT COUNT(*) FROM residents r WHERE r.archived_at IS NOT NULL
                    AND EXISTS (SELECT 1 FROM resident_tags rt WHERE rt.resident_id = r.id AND rt.tag_id IN (${marks}))) AS n`,
        [...input.tagIds!, ...input.tagIds!],
      ))!.n
    } else {
      total = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM residents r WHERE ${where.sql}`, where.params))!.n
    }
  }
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
    total,
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

/**
 * The resident list query: search, filters, sort, page and count, as one SQL statement pair that
 * runs unchanged on SQLite and PostgreSQL (the search condition is the only dialect-aware part).
 * Written as SQL rather than Sequelize `findAndCountAll` because the list is the hottest path in
 * the app and an include-and-count would add a DISTINCT subquery for the tag filter.
 */
import { QueryTypes, type Sequelize } from 'sequelize'
import { residentSearchCondition } from '../search/resident-search'

export interface ResidentListFilter {
  q?: string
  /** Materialised path of the place to filter by: everyone whose household is at or below it. */
  placePath?: string
  tagIds?: number[]
  /** Birth-date bounds already computed from the age range (inclusive, ISO dates). */
  bornOnOrAfter?: string
  bornOnOrBefore?: string
  gender?: 'M' | 'F'
  politicalStatus?: string
  status: 'active' | 'archived' | 'all'
  sort: 'name' | '-name' | 'age' | '-age' | 'createdAt' | '-createdAt'
  limit: number
  offset: number
}

export interface ResidentListRow {
  id: number
  name: string
  gender: 'M' | 'F' | null
  id_number: string | null
  birth_date: string | null
  mobile: string | null
  landline: string | null
  household_id: number | null
  relation_to_head: string | null
  political_status: string | null
  archived_at: string | Date | null
  place_id: number | null
}

const ORDER: Record<ResidentListFilter['sort'], string> = {
  name: 'r.name_pinyin ASC, r.id ASC',
  '-name': 'r.name_pinyin DESC, r.id DESC',
  // Older first for "age ascending" would surprise; age ascending = youngest first.
  age: '(r.birth_date IS NULL) ASC, r.birth_date DESC, r.id ASC',
  '-age': '(r.birth_date IS NULL) ASC, r.birth_date ASC, r.id ASC',
  createdAt: 'r.id ASC',
  '-createdAt': 'r.id DESC',
}

export function buildResidentWhere(filter: Omit<ResidentListFilter, 'sort' | 'limit' | 'offset'>) {
  const parts: string[] = []
  const replacements: Record<string, unknown> = {}
  if (filter.status === 'active') parts.push('r.archived_at IS NULL')
  if (filter.status === 'archived') parts.push('r.archived_at IS NOT NULL')
  if (filter.q) {
    const cond = residentSearchCondition(filter.q)
    if (cond) {
      parts.push(cond.sql)
      Object.assign(replacements, cond.replacements)
    }
  }
  if (filter.placePath) {
    parts.push(
      'r.household_id IN (SELECT h.id FROM households h JOIN places p ON p.id = h.place_id WHERE p.path >= :pathLo AND p.path < :pathHi)',
    )
    replacements.pathLo = filter.placePath
    // Paths end with '/', and '0' is the character after '/': the range is exactly the subtree.
    replacements.pathHi = filter.placePath.slice(0, -1) + '0'
  }
  if (filter.tagIds && filter.tagIds.length > 0) {
    parts.push('r.id IN (SELECT rt.resident_id FROM resident_tags rt WHERE rt.tag_id IN (:tagIds))')
    replacements.tagIds = filter.tagIds
  }
  if (filter.bornOnOrAfter) {
    parts.push('r.birth_date >= :bornFrom')
    replacements.bornFrom = filter.bornOnOrAfter
  }
  if (filter.bornOnOrBefore) {
    parts.push('r.birth_date <= :bornTo')
    replacements.bornTo = filter.bornOnOrBefore
  }
  if (filter.gender) {
    parts.push('r.gender = :gender')
    replacements.gender = filter.gender
  }
  if (filter.politicalStatus) {
    parts.push('r.political_status = :politicalStatus')
    replacements.politicalStatus = filter.politicalStatus
  }
  return { where: parts.length ? parts.join(' AND ') : '1 = 1', replacements }
}

/** One page of residents and the total count. */
export async function queryResidentPage(
  sequelize: Sequelize,
  filter: ResidentListFilter,
): Promise<{ rows: ResidentListRow[]; total: number }> {
  const { where, replacements } = buildResidentWhere(filter)
  const rows = await sequelize.query<ResidentListRow>(
    `SELECT r.id, r.name, r.gender, r.id_number, r.birth_date, r.mobile, r.landline, r.household_id,
            r.relation_to_head, r.political_status, r.archived_at, h.place_id
       FROM residents r LEFT JOIN households h ON h.id = r.household_id
      WHERE ${where}
      ORDER BY ${ORDER[filter.sort]}
      LIMIT :limit OFFSET :offset`,
    { type: QueryTypes.SELECT, replacements: { ...replacements, limit: filter.limit, offset: filter.offset } },
  )
  const [count] = await sequelize.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM residents r WHERE ${where}`, {
    type: QueryTypes.SELECT,
    replacements,
  })
  return { rows, total: Number(count?.n ?? 0) }
}

/** Tag names for a page of residents, in one query. */
export async function queryTagNames(sequelize: Sequelize, residentIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>()
  if (residentIds.length === 0) return out
  const rows = await sequelize.query<{ resident_id: number; name: string }>(
    `SELECT rt.resident_id, t.name FROM resident_tags rt JOIN tags t ON t.id = rt.tag_id
      WHERE rt.resident_id IN (:ids) ORDER BY t.sort, t.id`,
    { type: QueryTypes.SELECT, replacements: { ids: residentIds } },
  )
  for (const row of rows) {
    const list = out.get(row.resident_id) ?? []
    list.push(row.name)
    out.set(row.resident_id, list)
  }
  return out
}

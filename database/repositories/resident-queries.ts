/**
 * The resident list query: search, filters, sort, page and count, in SQL that runs unchanged on
 * SQLite and PostgreSQL (the search condition and the SQLite index hints are the only
 * dialect-aware parts). Written as SQL rather than Sequelize `findAndCountAll` because the list
 * is the hottest path in the app and an include-and-count would add a DISTINCT subquery for the
 * tag filter.
 *
 * Speed comes from reading as few table rows as possible (measured with `npm run bench`, which
 * also prints the plans with `--explain`): the page's ids are chosen by a subquery over indexed
 * columns, so only the rows shown are read in full, and the count is taken from an index, or
 * in the same pass as the page when the page has to visit every match anyway.
 */
import { QueryTypes, type Sequelize } from 'sequelize'
import { residentSearchCondition, residentSubstringCondition, type SearchDialect } from '../search/resident-search'

export interface ResidentListFilter {
  q?: string
  /** Whether `q` may match fragments of ID and mobile numbers (only for `residents.unmask`). */
  searchNumbers?: boolean
  /** A short `q` as a substring of names and addresses (the fallback when no name starts with it). */
  searchSubstring?: boolean
  /** Materialised path of the place to filter by: everyone whose household is at or below it. */
  placePath?: string
  /**
   * Several subtrees, any of which matches (an account's grid scope of more than one grid); used
   * when `placePath` is absent. The caller narrows a place filter and a scope to one of the two.
   */
  placePaths?: string[]
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
  // Older first for "age ascending" would surprise; age ascending = youngest first. Residents
  // without a birth date come last either way; NULLS LAST (unlike an IS NULL expression)
  // still lets SQLite walk the birth-date index.
  age: 'r.birth_date DESC NULLS LAST, r.id ASC',
  '-age': 'r.birth_date ASC NULLS LAST, r.id ASC',
  createdAt: 'r.id ASC',
  '-createdAt': 'r.id DESC',
}

/**
 * How a page and its count are read:
 *  - `everyone`: no condition but the status; the page walks the sort index and the count is
 *    "all minus archived", both answered by indexes without visiting every entry;
 *  - `covered`: a short search (a surname, `zs`); its index holds the sort key, status and
 *    household, so the page and the count are read from the index alone;
 *  - `sorted`: a trigram search (its matches are row ids), or a short search with an age,
 *    gender or political status: each match's row is read to sort it, so one statement sorts
 *    them for the page and counts them (`COUNT(*) OVER ()`);
 *  - `filtered`: place, tag, age, gender or political status without a search. When matches
 *    are common (everyone over 60), walking the sort's index until the page is full reads a
 *    few dozen entries; when they are rare (a building's 低保 residents), visiting each match
 *    through the filter's own index is cheaper. Which one is decided from cheap estimates.
 */
export type ListPlan = 'everyone' | 'covered' | 'sorted' | 'filtered'

type Driver = 'search' | 'place' | 'tag' | 'age' | 'political' | 'gender'

/** The index whose order each sort is (SQLite syntax); creation order is the table's own. */
const WALK_INDEX: Record<ResidentListFilter['sort'], string> = {
  name: 'INDEXED BY residents_name_pinyin',
  '-name': 'INDEXED BY residents_name_pinyin',
  age: 'INDEXED BY residents_birth_date',
  '-age': 'INDEXED BY residents_birth_date',
  createdAt: 'NOT INDEXED',
  '-createdAt': 'NOT INDEXED',
}

/** Entries a walk may be expected to read before visiting the matches becomes the better plan. */
const WALK_BUDGET = 2000

/** The subtrees the list is limited to, or null: one place filter, or several (a grid scope). */
function placePathsOf(filter: Pick<ResidentListFilter, 'placePath' | 'placePaths'>): string[] | null {
  if (filter.placePath) return [filter.placePath]
  return filter.placePaths?.length ? filter.placePaths : null
}

/**
 * `p.path` in any of the subtrees, as index ranges. Paths end with '/', and '0' is the character
 * after '/': `[path, path-with-0)` is exactly the subtree. The first range keeps the names
 * `pathLo`/`pathHi` the estimate queries share.
 */
function pathRanges(paths: string[], replacements: Record<string, unknown>): string {
  return paths
    .map((path, i) => {
      const key = i === 0 ? '' : String(i)
      replacements[`pathLo${key}`] = path
      replacements[`pathHi${key}`] = path.slice(0, -1) + '0'
      return `(p.path >= :pathLo${key} AND p.path < :pathHi${key})`
    })
    .join(' OR ')
}

export function buildResidentWhere(
  filter: Omit<ResidentListFilter, 'sort' | 'limit' | 'offset'>,
  dialect: SearchDialect = 'sqlite',
  /**
   * Walk the index of this sort (pinyin, birth date or the table itself): every filter's own
   * index is left unused, except the birth-date range when the walk is in birth-date order.
   */
  walkBy?: ResidentListFilter['sort'],
): { where: string; replacements: Record<string, unknown>; plan: ListPlan } {
  const parts: string[] = []
  const replacements: Record<string, unknown> = {}
  if (filter.status === 'active') parts.push('r.archived_at IS NULL')
  if (filter.status === 'archived') parts.push('r.archived_at IS NOT NULL')
  const search = !filter.q
    ? null
    : filter.searchSubstring
      ? residentSubstringCondition(filter.q)
      : residentSearchCondition(filter.q, dialect, filter.searchNumbers ?? true)
  const tagged = !!filter.tagIds && filter.tagIds.length > 0
  const aged = !!(filter.bornOnOrAfter || filter.bornOnOrBefore)
  // One condition walks an index and the others are checked along the way, in this order of
  // preference: the search (its indexes also carry household_id), the place, the tag, the age,
  // the political status, the gender. SQLite without statistics would often pick another (a
  // place's household list looks cheaper to it than a name range), so a unary `+` hides the
  // other columns' indexes from it. A walk in sort order hides them all, but for a birth-date
  // range when the walk is in birth-date order anyway.
  const candidates: Array<[Driver, unknown]> = [
    ['search', search],
    ['place', placePathsOf(filter)],
    ['tag', tagged],
    ['age', aged],
    ['political', filter.politicalStatus],
    ['gender', filter.gender],
  ]
  const driver: Driver | null = walkBy
    ? walkBy === 'age' || walkBy === '-age'
      ? 'age'
      : null
    : (candidates.find(([, present]) => present)?.[0] ?? null)
  const hide = (column: string, usable: boolean) => (usable || dialect !== 'sqlite' ? column : `+${column}`)
  if (search) {
    parts.push(search.sql)
    Object.assign(replacements, search.replacements)
  }
  const paths = placePathsOf(filter)
  if (paths) {
    parts.push(
      `${hide('r.household_id', driver === 'place')} IN (SELECT h.id FROM households h JOIN places p ON p.id = h.place_id WHERE ${pathRanges(paths, replacements)})`,
    )
  }
  if (tagged) {
    // Probing each visited resident's tags beats listing everyone with the tag and reading
    // their rows, unless the tag is what the visit goes by.
    parts.push(
      driver === 'tag'
        ? 'r.id IN (SELECT rt.resident_id FROM resident_tags rt WHERE rt.tag_id IN (:tagIds))'
        : 'EXISTS (SELECT 1 FROM resident_tags rt WHERE rt.resident_id = r.id AND rt.tag_id IN (:tagIds))',
    )
    replacements.tagIds = filter.tagIds
  }
  // The household index holds birth_date too, so a place visit narrows by age within it.
  const birthDate = hide('r.birth_date', driver === 'age' || driver === 'place')
  if (filter.bornOnOrAfter) {
    parts.push(`${birthDate} >= :bornFrom`)
    replacements.bornFrom = filter.bornOnOrAfter
  }
  if (filter.bornOnOrBefore) {
    parts.push(`${birthDate} <= :bornTo`)
    replacements.bornTo = filter.bornOnOrBefore
  }
  if (filter.gender) {
    parts.push(`${hide('r.gender', driver === 'gender')} = :gender`)
    replacements.gender = filter.gender
  }
  if (filter.politicalStatus) {
    parts.push(`${hide('r.political_status', driver === 'political')} = :politicalStatus`)
    replacements.politicalStatus = filter.politicalStatus
  }
  const plan: ListPlan = search
    ? search.kind === 'fragment' || aged || filter.gender || filter.politicalStatus
      ? 'sorted'
      : 'covered'
    : paths || tagged || aged || filter.gender || filter.politicalStatus
      ? 'filtered'
      : 'everyone'
  return { where: parts.length ? parts.join(' AND ') : '1 = 1', replacements, plan }
}

/**
 * Whether a filter is expected to keep at least the share `needed` of the residents, judged
 * from counts that indexes answer at once: the place's share of all places, the tagged share,
 * half for a gender, then the shares born in the range and of the political status, taken as
 * independent (near enough to choose a plan). The last two count more index entries, so they
 * are asked for only when the first ones leave the question open.
 */
async function keepsAtLeast(
  sequelize: Sequelize,
  filter: ResidentListFilter,
  replacements: Record<string, unknown>,
  needed: number,
): Promise<boolean> {
  const counts = async (columns: string[]) => {
    const [row] = await sequelize.query<Record<string, number | string>>(`SELECT ${columns.join(', ')}`, {
      type: QueryTypes.SELECT,
      replacements,
    })
    return (key: string) => Number(row?.[key] ?? 0)
  }
  const cheap = ['(SELECT COUNT(*) FROM residents) AS everyone']
  const paths = placePathsOf(filter)
  if (paths) {
    cheap.push(`(SELECT COUNT(*) FROM places p WHERE ${pathRanges(paths, {})}) AS inside`)
    cheap.push('(SELECT COUNT(*) FROM places) AS places')
  }
  if (filter.tagIds?.length) cheap.push('(SELECT COUNT(*) FROM resident_tags WHERE tag_id IN (:tagIds)) AS tagged')
  const n = await counts(cheap)
  const everyone = Math.max(1, n('everyone'))
  let share = 1
  if (paths) share *= n('inside') / Math.max(1, n('places'))
  if (filter.tagIds?.length) share *= Math.min(1, n('tagged') / everyone)
  if (filter.gender) share *= 0.5
  const born = [filter.bornOnOrAfter && 'birth_date >= :bornFrom', filter.bornOnOrBefore && 'birth_date <= :bornTo']
    .filter(Boolean)
    .join(' AND ')
  if (share < needed || !(born || filter.politicalStatus)) return share >= needed
  const dear: string[] = []
  if (born) dear.push(`(SELECT COUNT(*) FROM residents WHERE ${born}) AS born`)
  if (filter.politicalStatus) {
    dear.push('(SELECT COUNT(*) FROM residents WHERE political_status = :politicalStatus) AS political')
  }
  const m = await counts(dear)
  if (born) share *= m('born') / everyone
  if (filter.politicalStatus) share *= m('political') / everyone
  return share >= needed
}

const COLUMNS = `r.id, r.name, r.gender, r.id_number, r.birth_date, r.mobile, r.landline, r.household_id,
       r.relation_to_head, r.political_status, r.archived_at, h.place_id`

/** One page of residents and the total count. */
export async function queryResidentPage(
  sequelize: Sequelize,
  filter: ResidentListFilter,
): Promise<{ rows: ResidentListRow[]; total: number }> {
  const dialect: SearchDialect = sequelize.getDialect() === 'postgres' ? 'postgres' : 'sqlite'
  const { where, replacements, plan } = buildResidentWhere(filter, dialect)
  const order = ORDER[filter.sort]
  const paging = { limit: filter.limit, offset: filter.offset }
  const count = async (sql = `SELECT COUNT(*) AS n FROM residents r WHERE ${where}`) => {
    const [row] = await sequelize.query<{ n: number | string }>(sql, { type: QueryTypes.SELECT, replacements })
    return Number(row?.n ?? 0)
  }

  const walk =
    plan === 'everyone' ||
    plan === 'covered' ||
    (plan === 'filtered' &&
      (await keepsAtLeast(sequelize, filter, replacements, (filter.offset + filter.limit) / WALK_BUDGET)))

  if (!walk) {
    // Every match is visited to sort it: the same pass counts them.
    const rows = await sequelize.query<ResidentListRow & { total: number | string }>(
      `SELECT ${COLUMNS}, page.total
         FROM (SELECT r.id, COUNT(*) OVER () AS total FROM residents r WHERE ${where}
                ORDER BY ${order} LIMIT :limit OFFSET :offset) page
         JOIN residents r ON r.id = page.id
         LEFT JOIN households h ON h.id = r.household_id
        ORDER BY ${order}`,
      { type: QueryTypes.SELECT, replacements: { ...replacements, ...paging } },
    )
    // A page past the end has no row to carry the total.
    const total = rows.length ? Number(rows[0].total) : filter.offset > 0 ? await count() : 0
    return { rows: rows.map(({ total: _, ...row }) => row), total }
  }

  // The inner query picks the page's ids along an index (no table reads for the residents it
  // passes over, where the index holds the columns filtered on); the outer one reads the rows.
  const walked = plan === 'filtered' ? buildResidentWhere(filter, dialect, filter.sort) : { where, replacements }
  // Pin the walk to the sort's index: left to itself, SQLite prefers scanning a smaller index
  // that holds every filtered column (the household one) and sorting all it finds.
  const pinned = plan === 'filtered' && dialect === 'sqlite' ? WALK_INDEX[filter.sort] : ''
  const rows = await sequelize.query<ResidentListRow>(
    `SELECT ${COLUMNS}
       FROM (SELECT r.id FROM residents r ${pinned} WHERE ${walked.where} ORDER BY ${order} LIMIT :limit OFFSET :offset) page
       JOIN residents r ON r.id = page.id
       LEFT JOIN households h ON h.id = r.household_id
      ORDER BY ${order}`,
    { type: QueryTypes.SELECT, replacements: { ...walked.replacements, ...paging } },
  )
  if (rows.length < filter.limit && (rows.length > 0 || filter.offset === 0)) {
    return { rows, total: filter.offset + rows.length } // the last page: nothing left to count
  }
  return { rows, total: await count(shortcutCount(filter, plan)) }
}

/**
 * Counts that need not visit each match: COUNT(*) with no condition counts index pages rather
 * than entries, a tag's residents are counted in the tag index, and the archived, who are few,
 * have a partial index of their own to be subtracted.
 */
function shortcutCount(filter: ResidentListFilter, plan: ListPlan): string | undefined {
  if (filter.status === 'archived') return undefined
  const minusArchived = (condition: string) =>
    filter.status === 'active'
      ? ` - (SELECT COUNT(*) FROM residents r WHERE r.archived_at IS NOT NULL${condition})`
      : ''
  if (plan === 'everyone') return `SELECT (SELECT COUNT(*) FROM residents)${minusArchived('')} AS n`
  const onlyTags =
    plan === 'filtered' &&
    !placePathsOf(filter) &&
    !filter.bornOnOrAfter &&
    !filter.bornOnOrBefore &&
    !filter.gender &&
    !filter.politicalStatus
  if (!onlyTags) return undefined
  // resident_tags rows always belong to a resident (a foreign key, deleted with it).
  return (
    'SELECT (SELECT COUNT(DISTINCT rt.resident_id) FROM resident_tags rt WHERE rt.tag_id IN (:tagIds))' +
    minusArchived(
      ' AND EXISTS (SELECT 1 FROM resident_tags rt WHERE rt.resident_id = r.id AND rt.tag_id IN (:tagIds))',
    ) +
    ' AS n'
  )
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

/**
 * Resident search by name, pinyin (full or initials), a fragment of an ID or phone number, or an
 * address. This is the one place where search is dialect-specific:
 *  - SQLite: an FTS5 table with the trigram tokenizer; a fragment of three characters or more is a
 *    quoted phrase, which FTS5 answers from the index alone (consecutive trigrams) — several
 *    times faster than `LIKE '%fragment%'`, which re-reads every candidate's text;
 *  - PostgreSQL: the same text column on a plain table with a pg_trgm GIN index and `LIKE`.
 * Shorter queries (a surname, `zs`) are prefix ranges on the name or pinyin columns, shaped so
 * that one covering index answers them (see `residentSearchCondition`).
 */
import { escapeLike } from '../like'
import { pinyin } from 'pinyin-pro'
import type { Sequelize, Transaction } from 'sequelize'

const TABLE = 'resident_search'

export async function createResidentSearchIndex(sequelize: Sequelize, transaction?: Transaction): Promise<void> {
  if (sequelize.getDialect() === 'sqlite') {
    await sequelize.query(`CREATE VIRTUAL TABLE ${TABLE} USING fts5(text, numbers, tokenize = 'trigram')`, {
      transaction,
    })
  } else {
    await sequelize.query('CREATE EXTENSION IF NOT EXISTS pg_trgm', { transaction })
    await sequelize.query(
      `CREATE TABLE ${TABLE} (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL, numbers TEXT NOT NULL DEFAULT '')`,
      { transaction },
    )
    await sequelize.query(`CREATE INDEX ${TABLE}_trgm ON ${TABLE} USING gin (text gin_trgm_ops)`, { transaction })
    await sequelize.query(`CREATE INDEX ${TABLE}_numbers_trgm ON ${TABLE} USING gin (numbers gin_trgm_ops)`, {
      transaction,
    })
  }
}

export async function dropResidentSearchIndex(sequelize: Sequelize, transaction?: Transaction): Promise<void> {
  await sequelize.query(`DROP TABLE IF EXISTS ${TABLE}`, { transaction })
}

/** Pinyin of a name without tones; surnames read as surnames (单 shan, 曾 zeng, 解 xie). */
export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean)
  return { full: clean.join(''), initials: clean.map((s) => s[0]).join('') }
}

export interface SearchableResident {
  id: number
  name: string
  namePinyin: string
  nameInitials: string
  idNumber: string | null
  mobile: string | null
  landline: string | null
  address: string | null
}

/**
 * What is indexed for one resident, in two columns. `text`: name, pinyin, initials, landline and
 * address. `numbers`: the ID and mobile numbers, which are masked on screen: an account that may
 * not see them in full must not be able to find them digit by digit either (type `1101051`, then
 * `11010519`, … and watch who stays in the list), so only accounts with `residents.unmask` search
 * this column. Spaces keep trigrams from spanning two fields. The address goes in without its
 * inner spaces (`幸福小区3栋2单元501`), because queries lose theirs.
 */
export function searchColumns(r: SearchableResident): { text: string; numbers: string } {
  const join = (values: Array<string | null | undefined>) =>
    values
      .filter((v): v is string => !!v)
      .join(' ')
      .toLowerCase()
  return {
    text: join([r.name, r.namePinyin, r.nameInitials, r.landline, r.address?.replace(/\s+/g, '')]),
    numbers: join([r.idNumber, r.mobile]),
  }
}

/** Rewrites the index rows of these residents (delete + insert: FTS5 has no upsert). */
export async function indexResidents(
  sequelize: Sequelize,
  residents: SearchableResident[],
  transaction?: Transaction,
): Promise<void> {
  if (residents.length === 0) return
  const CHUNK = 400
  for (let i = 0; i < residents.length; i += CHUNK) {
    const chunk = residents.slice(i, i + CHUNK)
    await sequelize.query(`DELETE FROM ${TABLE} WHERE rowid IN (:ids)`, {
      replacements: { ids: chunk.map((r) => r.id) },
      transaction,
    })
    const values = chunk.map((_, j) => `(:id${j}, :text${j}, :numbers${j})`).join(', ')
    const replacements: Record<string, unknown> = {}
    chunk.forEach((r, j) => {
      const columns = searchColumns(r)
      replacements[`id${j}`] = r.id
      replacements[`text${j}`] = columns.text
      replacements[`numbers${j}`] = columns.numbers
    })
    await sequelize.query(`INSERT INTO ${TABLE} (rowid, text, numbers) VALUES ${values}`, {
      replacements,
      transaction,
    })
  }
}

/** Escapes LIKE wildcards in user input (`\` is the escape character). */
export interface SearchCondition {
  /** A boolean SQL expression over the `residents` table, aliased `r`. */
  sql: string
  replacements: Record<string, string>
  /**
   * `prefix`: a range on one of the name indexes, which also hold the list's sort key, status
   * and household, so pages and counts are read from the index alone. `fragment`: a set of
   * row ids from the trigram index; each one's row is read to sort and check it.
   */
  kind: 'prefix' | 'fragment'
}

export type SearchDialect = 'sqlite' | 'postgres'

/** What the search box holds, as it is compared: lower case, no spaces. */
export function normaliseQuery(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, '')
}

/** The smallest string greater than every string that starts with `s`. */
function prefixEnd(s: string): string {
  const last = s.codePointAt(s.length - 1)!
  const cut = last > 0xffff ? 2 : 1
  return s.slice(0, -cut) + String.fromCodePoint(last + 1)
}

/**
 * The WHERE fragment that matches `query`.
 *
 * Three characters or more go through the trigram index. Shorter ones are prefix ranges
 * (index-friendly in both dialects, unlike `LIKE 'x%'`, which SQLite indexes only for
 * case-sensitive LIKE), and only the ranges that can match are emitted:
 *  - pinyin and initials hold only `a-z0-9`, so a query with any other character (a surname,
 *    `张三`) can only be a prefix of the name: one range on `name`;
 *  - a query of `a-z0-9` is a prefix of the initials or of the full pinyin (a name that itself
 *    starts with it has pinyin that does too), and every such resident's pinyin starts with the
 *    query's first letter, because the first initial is the first letter of the pinyin. That
 *    implied range lets one ordered walk of the `(name_pinyin, name_initials, archived_at)`
 *    index answer the page and the count without reading a table row, instead of an OR over
 *    two indexes that looks up every candidate.
 */
export function residentSearchCondition(
  query: string,
  dialect: SearchDialect = 'sqlite',
  /** Whether fragments of ID and mobile numbers may match (accounts with `residents.unmask`). */
  numbers = true,
): SearchCondition | null {
  const q = normaliseQuery(query)
  if (!q) return null
  if ([...q].length >= 3) {
    let sql: string
    const replacements: Record<string, string> = {}
    if (dialect === 'sqlite') {
      sql = `r.id IN (SELECT rowid FROM ${TABLE} WHERE ${TABLE} MATCH :searchPhrase)`
      // An FTS5 column filter keeps the numbers column out of the match.
      replacements.searchPhrase = `${numbers ? '' : 'text : '}"${q.replace(/"/g, '""')}"`
    } else {
      const column = numbers
        ? `(text LIKE :searchLike ESCAPE '\\' OR numbers LIKE :searchLike ESCAPE '\\')`
        : `text LIKE :searchLike ESCAPE '\\'`
      sql = `r.id IN (SELECT rowid FROM ${TABLE} WHERE ${column})`
      replacements.searchLike = `%${escapeLike(q)}%`
    }
    // Without the numbers column, a whole number the worker already holds still finds its file.
    if (!numbers && /^(\d{17}[\dx]|\d{15}|1\d{10})$/.test(q)) {
      sql = `(${sql} OR r.id_number = :searchExactId OR r.mobile = :searchExact)`
      replacements.searchExactId = q.toUpperCase()
      replacements.searchExact = q
    }
    return { sql, replacements, kind: 'fragment' }
  }
  const range = { searchLo: q, searchHi: prefixEnd(q) }
  if (!/^[a-z0-9]+$/.test(q))
    return { sql: 'r.name >= :searchLo AND r.name < :searchHi', replacements: range, kind: 'prefix' }
  return {
    sql:
      'r.name_pinyin >= :searchFirst AND r.name_pinyin < :searchFirstHi' +
      ' AND ((r.name_pinyin >= :searchLo AND r.name_pinyin < :searchHi) OR (r.name_initials >= :searchLo AND r.name_initials < :searchHi))',
    replacements: { ...range, searchFirst: q[0], searchFirstHi: prefixEnd(q[0]) },
    kind: 'prefix',
  }
}

/**
 * The fallback for a one- or two-character query that starts no name: a substring of the indexed
 * text (a compound `幸福`, a given name `明`). Trigrams cannot answer it, so it reads every row of
 * the index's text: tens of milliseconds at 100,000 residents, run only when the quick prefix
 * search found nobody. Numbers are left out (two digits identify nothing).
 */
export function residentSubstringCondition(query: string): SearchCondition | null {
  const q = normaliseQuery(query)
  if (!q) return null
  return {
    sql: `r.id IN (SELECT rowid FROM ${TABLE} WHERE text LIKE :searchLike ESCAPE '\\')`,
    replacements: { searchLike: `%${escapeLike(q)}%` },
    kind: 'fragment',
  }
}

/**
 * Whether a query may fall back to a substring search when no name starts with it: one or two
 * characters, not all `a-z0-9` (two letters inside someone's pinyin would be noise).
 */
export function isShortTextQuery(query: string): boolean {
  const q = normaliseQuery(query)
  const n = [...q].length
  return n > 0 && n < 3 && !/^[a-z0-9]+$/.test(q)
}

/**
 * Resident search by name, pinyin (full or initials), a fragment of an ID or phone number, or an
 * address. This is the one place where search is dialect-specific:
 *  - SQLite: an FTS5 table with the trigram tokenizer makes `LIKE '%fragment%'` an index lookup
 *    for fragments of three characters or more;
 *  - PostgreSQL: the same text column on a plain table with a pg_trgm GIN index does the same.
 * Shorter queries (a surname, `zs`) use ordinary indexes on name, pinyin and initials as prefixes.
 */
import { pinyin } from 'pinyin-pro'
import type { Sequelize, Transaction } from 'sequelize'

const TABLE = 'resident_search'

export async function createResidentSearchIndex(sequelize: Sequelize, transaction?: Transaction): Promise<void> {
  if (sequelize.getDialect() === 'sqlite') {
    await sequelize.query(`CREATE VIRTUAL TABLE ${TABLE} USING fts5(text, tokenize = 'trigram')`, { transaction })
  } else {
    await sequelize.query('CREATE EXTENSION IF NOT EXISTS pg_trgm', { transaction })
    await sequelize.query(`CREATE TABLE ${TABLE} (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL)`, { transaction })
    await sequelize.query(`CREATE INDEX ${TABLE}_trgm ON ${TABLE} USING gin (text gin_trgm_ops)`, { transaction })
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

/** The text indexed for one resident. Spaces keep trigrams from spanning two fields. */
export function searchText(r: SearchableResident): string {
  return [r.name, r.namePinyin, r.nameInitials, r.idNumber, r.mobile, r.landline, r.address]
    .filter((v): v is string => !!v)
    .join(' ')
    .toLowerCase()
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
    const values = chunk.map((_, j) => `(:id${j}, :text${j})`).join(', ')
    const replacements: Record<string, unknown> = {}
    chunk.forEach((r, j) => {
      replacements[`id${j}`] = r.id
      replacements[`text${j}`] = searchText(r)
    })
    await sequelize.query(`INSERT INTO ${TABLE} (rowid, text) VALUES ${values}`, { replacements, transaction })
  }
}

/** Escapes LIKE wildcards in user input (`\` is the escape character). */
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export interface SearchCondition {
  /** A boolean SQL expression over the `residents` table, aliased `r`. */
  sql: string
  replacements: Record<string, string>
}

/**
 * The WHERE fragment that matches `query`. Fragments of three or more characters go through the
 * trigram index; shorter ones are prefix ranges on indexed columns (index-friendly in both
 * dialects, unlike `LIKE 'x%'`, which SQLite indexes only for case-sensitive LIKE).
 */
export function residentSearchCondition(query: string): SearchCondition | null {
  const q = query.trim().toLowerCase().replace(/\s+/g, '')
  if (!q) return null
  if ([...q].length >= 3) {
    return {
      sql: `r.id IN (SELECT rowid FROM ${TABLE} WHERE text LIKE :searchLike ESCAPE '\\')`,
      replacements: { searchLike: `%${escapeLike(q)}%` },
    }
  }
  const end = q.slice(0, -1) + String.fromCodePoint(q.codePointAt(q.length - 1)! + 1)
  return {
    sql:
      '((r.name >= :searchLo AND r.name < :searchHi) OR (r.name_initials >= :searchLo AND r.name_initials < :searchHi)' +
      ' OR (r.name_pinyin >= :searchLo AND r.name_pinyin < :searchHi))',
    replacements: { searchLo: q, searchHi: end },
  }
}

/**
 * Finding the header row of a roster and guessing which column fills which field. Rosters start
 * with title rows ("XX社区居民花名册", "填报单位：…", often merged across the sheet); the header
 * is the first row among the top ones where several cells name known fields.
 */
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../contract/import-dto'
import type { RawCell } from './roster-file'

/**
 * Usual headers per field, the first one being the template's. Longer aliases first within a
 * field does not matter: a header is compared whole first, then by containment.
 */
export const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  name: ['姓名', '居民姓名', '名字', '人员姓名'],
  idNumber: ['身份证号码', '身份证号', '公民身份号码', '身份证', '证件号码', '身份证件号码', '身份证件号'],
  mobile: ['联系电话', '手机', '手机号', '手机号码', '电话', '电话号码', '联系方式', '移动电话'],
  landline: ['固定电话', '座机', '固话', '家庭电话', '座机号码'],
  address: ['现居住地址', '住址', '现住址', '居住地址', '家庭住址', '现居住地', '地址', '门牌号'],
  grid: ['网格', '所属网格', '网格名称', '网格号'],
  relationToHead: ['与户主关系', '与户主的关系', '户主关系', '关系'],
  tags: ['人员类别', '标签', '人员类型', '类别', '特殊人群', '人群类别'],
  gender: ['性别'],
  ethnicity: ['民族'],
  hukouAddress: ['户籍地址', '户籍地', '户口所在地', '户籍所在地', '户籍住址'],
  notes: ['备注', '说明'],
}

/** Header text as compared: no spaces, no marks like `*` or `（必填）`, half-width brackets. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[\s\u3000]/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[*＊:：]/g, '')
}

function fieldOf(header: string): { field: ImportField; exact: boolean } | null {
  const h = normaliseHeader(header)
  if (!h) return null
  for (const field of IMPORT_FIELDS) if (HEADER_ALIASES[field].includes(h)) return { field, exact: true }
  // "身份证号码(18位)" lost its brackets above; "户主姓名" must not become the person's name, so
  // containment is tried only for headers a little longer than the alias, never for `姓名` inside `户主姓名`.
  if (h.length > 12 || h.includes('户主姓名')) return null
  for (const field of IMPORT_FIELDS) {
    for (const alias of HEADER_ALIASES[field])
      if (alias.length >= 2 && h.includes(alias)) return { field, exact: false }
  }
  return null
}

const SCAN_ROWS = 30

/** 0-based index of the header row, or -1 when no row names at least two fields. */
export function findHeaderRow(rows: ReadonlyArray<ReadonlyArray<RawCell | null>>): number {
  let best = -1
  let bestScore = 1
  for (let i = 0; i < Math.min(rows.length, SCAN_ROWS); i++) {
    const fields = new Set<ImportField>()
    const texts = new Set<string>()
    for (const cell of rows[i] ?? []) {
      if (!cell || cell.numeric) continue
      texts.add(cell.text)
      const f = fieldOf(cell.text)
      if (f) fields.add(f.field)
    }
    // A merged title reads as the same text in every cell it spans: one distinct text is no header.
    const score = texts.size > 1 ? fields.size : 0
    if (score > bestScore) {
      best = i
      bestScore = score
    }
  }
  return best
}

export function emptyMapping(): ImportMapping {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ImportMapping
}

/** Each field gets the first column that names it exactly, else the first that contains an alias. */
export function guessMapping(headers: ReadonlyArray<string>): ImportMapping {
  const mapping = emptyMapping()
  const taken = new Set<number>()
  for (const pass of [true, false]) {
    headers.forEach((header, index) => {
      if (taken.has(index)) return
      const f = fieldOf(header)
      if (!f || f.exact !== pass || mapping[f.field] !== null) return
      mapping[f.field] = index
      taken.add(index)
    })
  }
  return mapping
}

/** A remembered mapping, stored by header text so it survives columns moved between files. */
export type RememberedMapping = Partial<Record<ImportField, string>>

export function rememberMapping(mapping: ImportMapping, headers: ReadonlyArray<string>): RememberedMapping {
  const out: RememberedMapping = {}
  for (const field of IMPORT_FIELDS) {
    const index = mapping[field]
    if (index !== null && headers[index]) out[field] = headers[index]
  }
  return out
}

/** The remembered mapping applied to this file's headers; null when a remembered header is missing. */
export function applyRemembered(remembered: RememberedMapping, headers: ReadonlyArray<string>): ImportMapping | null {
  const mapping = emptyMapping()
  let any = false
  for (const field of IMPORT_FIELDS) {
    const header = remembered[field]
    if (header === undefined) continue
    const index = headers.indexOf(header)
    if (index < 0) return null
    mapping[field] = index
    any = true
  }
  return any ? mapping : null
}

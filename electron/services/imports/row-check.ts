/**
 * Checking roster rows without writing anything: each row is cleaned where that is safe (and
 * says so), refused with a reason where it is not, and compared with the other rows and with
 * the files already in the database. Pure: the database's part comes in as maps.
 */
import type { ImportField, ImportIssue, ImportMapping, ImportOutcome } from '../../contract/import-dto'
import { checkIdNumber, normaliseIdNumber } from '../../contract/rules/id-number'
import { checkMobile, isLandline, normaliseLandline } from '../../contract/rules/phone'
import type { RawCell } from './roster-file'

/** What a row will write: the resident's columns, already normalised. */
export interface RowValues {
  name: string
  idNumber: string | null
  gender: 'M' | 'F' | null
  birthDate: string | null
  mobile: string | null
  landline: string | null
  ethnicity: string | null
  hukouAddress: string | null
  relationToHead: string | null
  notes: string | null
  /** The grid place's id. */
  gridId: number | null
  /** The address as written; under a grid it becomes a place and a household. */
  address: string | null
  tagIds: number[]
}

export interface CheckedRow {
  /** 1-based sheet row. */
  row: number
  outcome: ImportOutcome
  issues: ImportIssue[]
  values: RowValues
  /** The row's cells as text, for the report. */
  raw: string[]
  /** For a duplicate of a file in the database: its id. */
  existingId: number | null
  /** For a duplicate of an earlier row of this file: that row. */
  firstRow: number | null
}

export interface CheckContext {
  /** Grid name (spaces removed) → place id. */
  grids: ReadonlyMap<string, number>
  /** Tag name → id (tags in use). */
  tags: ReadonlyMap<string, number>
  /** ID number → the resident holding it (archived ones too: they still own the number). */
  existing: ReadonlyMap<string, { id: number; name: string }>
  today: Date
}

export const TEXT_LIMITS: Partial<Record<ImportField, number>> = {
  name: 40,
  ethnicity: 20,
  relationToHead: 20,
  hukouAddress: 120,
  notes: 2000,
}
/** A place name's limit: a longer address cannot become a place, and goes into the notes instead. */
const PLACE_NAME_MAX = 40

const FULL_WIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/
const SPACES = /[\s\u3000]/
/** What Excel writes for a number it shows in scientific notation: `1.10105E+17`. */
const SCIENTIFIC = /^\d(?:\.\d+)?E\+\d+$/i

function mask(id: string): string {
  return id.length <= 10 ? id : id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4)
}

export function cellText(cell: RawCell | null | undefined): string {
  return cell ? cell.text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '') : ''
}

function idIssues(
  cell: RawCell | null,
  today: Date,
  issues: ImportIssue[],
): { id: string | null; birthDate: string | null; gender: 'M' | 'F' | null } {
  const none = { id: null, birthDate: null, gender: null }
  const text = cellText(cell)
  if (!text) {
    issues.push({ kind: 'warning', key: 'noIdNumber', field: 'idNumber' })
    return none
  }
  const refuse = (key: string, params?: Record<string, string | number>) => {
    issues.push({ kind: 'refused', key, field: 'idNumber', params })
    return none
  }
  // Excel keeps 15 significant digits of a number: an 18-digit ID typed without a leading `'`
  // ends in 000 (or shows as 1.10105E+17), and the real last digits cannot be recovered.
  if ((cell?.numeric && /^\d{16,}$/.test(text)) || SCIENTIFIC.test(text)) {
    return refuse('idStoredAsNumber', { shown: text })
  }
  if (FULL_WIDTH.test(text)) issues.push({ kind: 'cleaned', key: 'fullWidth', field: 'idNumber' })
  if (SPACES.test(text) || text.includes('-')) issues.push({ kind: 'cleaned', key: 'spaces', field: 'idNumber' })
  const normalised = normaliseIdNumber(text)
  if (/x$/.test(text) && normalised.endsWith('X')) issues.push({ kind: 'cleaned', key: 'lowerX', field: 'idNumber' })
  const check = checkIdNumber(normalised, { allowLegacy15: true, today })
  if (!check.ok) {
    switch (check.problem) {
      case 'checksum':
        return refuse('idChecksum', { id: mask(normalised) })
      case 'birthDate':
        return refuse('idBirthDate', { id: mask(normalised) })
      case 'futureBirthDate':
        return refuse('idFutureBirth', { id: mask(normalised) })
      default:
        return refuse('idFormat', { length: normalised.length })
    }
  }
  if (check.warning === 'legacy15') issues.push({ kind: 'warning', key: 'legacyId', field: 'idNumber' })
  return { id: check.info.normalised, birthDate: check.info.birthDate, gender: check.info.gender }
}

function mobileIssues(text: string, issues: ImportIssue[]): { mobile: string | null; landline: string | null } {
  if (!text) return { mobile: null, landline: null }
  if (/^(?:\+86|0086)/.test(text.replace(SPACES, ''))) issues.push({ kind: 'cleaned', key: 'plus86', field: 'mobile' })
  if (FULL_WIDTH.test(text)) issues.push({ kind: 'cleaned', key: 'fullWidth', field: 'mobile' })
  if (SPACES.test(text) || /[-()]/.test(text)) issues.push({ kind: 'cleaned', key: 'spaces', field: 'mobile' })
  const check = checkMobile(text)
  if (check.ok) {
    if (check.warning) issues.push({ kind: 'warning', key: 'mobileUnallocated', field: 'mobile' })
    return { mobile: check.normalised, landline: null }
  }
  // Elderly residents often give a landline in the one phone column: keep it as their landline.
  const tidy = normaliseLandline(text)
  if (isLandline(tidy) && (tidy.startsWith('0') || tidy.includes('-') || !tidy.startsWith('1'))) {
    issues.push({ kind: 'cleaned', key: 'landlineInMobile', field: 'mobile' })
    return { mobile: null, landline: tidy }
  }
  issues.push({ kind: 'refused', key: 'invalidMobile', field: 'mobile', params: { value: text.slice(0, 20) } })
  return { mobile: null, landline: null }
}

const GENDERS: Record<string, 'M' | 'F'> = { 男: 'M', 女: 'F', m: 'M', f: 'F', 男性: 'M', 女性: 'F' }
const TAG_SEPARATOR = /[、,，;；/|\s]+/

/** `独居老人` is the tag `独居`, `空巢老人` is `空巢`: the longest tag name the roster's word starts with. */
function tagByPrefix(tags: ReadonlyMap<string, number>, word: string): number | undefined {
  let best: [string, number] | undefined
  for (const [name, id] of tags) if (word.startsWith(name) && (!best || name.length > best[0].length)) best = [name, id]
  return best?.[1]
}

/** Checks one non-blank row; duplicates are marked afterwards by `markDuplicates`. */
export function checkRow(
  cells: ReadonlyArray<RawCell | null>,
  rowNumber: number,
  mapping: ImportMapping,
  ctx: CheckContext,
  width: number,
): CheckedRow {
  const issues: ImportIssue[] = []
  const cell = (f: ImportField) => (mapping[f] === null ? null : (cells[mapping[f]!] ?? null))
  const text = (f: ImportField) => cellText(cell(f))
  const limited = (f: ImportField): string | null => {
    const v = text(f)
    if (!v) return null
    const max = TEXT_LIMITS[f]
    if (max && [...v].length > max) {
      issues.push({ kind: 'refused', key: 'tooLong', field: f, params: { max } })
      return null
    }
    return v
  }

  let name = text('name')
  if (!name) issues.push({ kind: 'refused', key: 'nameMissing', field: 'name' })
  else if (SPACES.test(name) && /[\u4e00-\u9fff]/.test(name)) {
    // "张 三" is a Chinese name padded for alignment; a foreign name keeps its spaces.
    name = name.replace(/[\s\u3000]+/g, '')
    issues.push({ kind: 'cleaned', key: 'nameSpaces', field: 'name' })
  }
  if ([...name].length > 40) {
    issues.push({ kind: 'refused', key: 'tooLong', field: 'name', params: { max: 40 } })
  }

  const id =
    mapping.idNumber === null
      ? { id: null, birthDate: null, gender: null }
      : idIssues(cell('idNumber'), ctx.today, issues)
  const phone = mobileIssues(text('mobile'), issues)

  let landline = phone.landline
  const landlineText = text('landline')
  if (landlineText) {
    if (isLandline(landlineText)) landline = normaliseLandline(landlineText)
    else
      issues.push({
        kind: 'refused',
        key: 'invalidLandline',
        field: 'landline',
        params: { value: landlineText.slice(0, 20) },
      })
  }

  let gender = id.gender
  const genderText = text('gender').toLowerCase()
  if (genderText) {
    const g = GENDERS[genderText]
    if (!g)
      issues.push({
        kind: 'warning',
        key: 'unknownGender',
        field: 'gender',
        params: { value: genderText.slice(0, 10) },
      })
    else if (gender && g !== gender) issues.push({ kind: 'warning', key: 'genderFromId', field: 'gender' })
    else gender = g
  }

  let gridId: number | null = null
  const gridText = text('grid')
  if (gridText) {
    gridId = ctx.grids.get(gridText.replace(/[\s\u3000]/g, '')) ?? null
    if (gridId === null)
      issues.push({ kind: 'refused', key: 'unknownGrid', field: 'grid', params: { grid: gridText.slice(0, 40) } })
  }

  let notes = limited('notes')
  let address: string | null = text('address').replace(/[\s\u3000]+/g, ' ') || null
  if (address && (gridId === null || [...address].length > PLACE_NAME_MAX)) {
    // Without a grid (or too long for a place name) the address still must not be lost.
    issues.push({ kind: 'warning', key: gridId === null ? 'addressInNotes' : 'addressTooLong', field: 'address' })
    notes = [notes, `现居住地址：${address}`].filter(Boolean).join('\n').slice(0, 2000)
    address = null
  }

  const tagIds: number[] = []
  for (const tagName of text('tags').split(TAG_SEPARATOR).filter(Boolean)) {
    const tagId = ctx.tags.get(tagName) ?? tagByPrefix(ctx.tags, tagName)
    if (tagId === undefined)
      issues.push({ kind: 'warning', key: 'unknownTag', field: 'tags', params: { tag: tagName.slice(0, 20) } })
    else if (!tagIds.includes(tagId)) tagIds.push(tagId)
  }

  const values: RowValues = {
    name,
    idNumber: id.id,
    gender,
    birthDate: id.birthDate,
    mobile: phone.mobile,
    landline,
    ethnicity: limited('ethnicity'),
    hukouAddress: limited('hukouAddress'),
    relationToHead: limited('relationToHead'),
    notes,
    gridId,
    address,
    tagIds,
  }
  const refused = issues.some((i) => i.kind === 'refused')
  const warned = issues.some((i) => i.kind === 'warning')
  return {
    row: rowNumber,
    outcome: refused ? 'refused' : warned ? 'warning' : 'ok',
    issues,
    values,
    raw: Array.from({ length: width }, (_, i) => cellText(cells[i])),
    existingId: null,
    firstRow: null,
  }
}

/** Rows whose every cell is empty (a spacer between households) are skipped, not the end. */
export function isBlankRow(cells: ReadonlyArray<RawCell | null> | undefined): boolean {
  return !cells || cells.every((c) => !cellText(c))
}

/**
 * Marks duplicates: a later row with an ID number an earlier valid row has, and a row whose ID
 * number is already on file. Refused rows stay refused.
 */
export function markDuplicates(rows: CheckedRow[], existing: CheckContext['existing']): void {
  const seen = new Map<string, number>()
  for (const r of rows) {
    const id = r.values.idNumber
    if (r.outcome === 'refused' || !id) continue
    const first = seen.get(id)
    if (first !== undefined) {
      r.outcome = 'duplicate'
      r.firstRow = first
      r.issues.push({ kind: 'duplicate', key: 'duplicateInFile', field: 'idNumber', params: { row: first } })
      continue
    }
    seen.set(id, r.row)
    const other = existing.get(id)
    if (other) {
      r.outcome = 'duplicate'
      r.existingId = other.id
      r.issues.push({ kind: 'duplicate', key: 'duplicateExisting', field: 'idNumber', params: { name: other.name } })
    }
  }
}

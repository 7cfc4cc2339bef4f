/**
 * A synthetic community of N residents for the benchmark: realistic names, valid 18-digit IDs,
 * mobiles in real allocations, a place tree (社区 → 网格 → 小区 → 楼栋 → 单元 → 户), households
 * of one to five with 与户主关系, and special-group tags on a realistic share.
 *
 * The schema is the app's own (the file is created and migrated by `createServiceContainer`);
 * the rows go in through raw SQL in big transactions, because a million rows through the
 * services would take hours. The search index gets the text from the service's own
 * `searchColumns`, with addresses from the place service's own resolver, so it is the index the
 * app would have built. A fixed random seed makes every run see the same community.
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { createServiceContainer, DATABASE_FILE_NAME } from '../../electron/services/container'
import { idCheckChar } from '../../electron/contract/rules/id-number'
import { namePinyin, searchColumns } from '../../database/search/resident-search'
import {
  COMPOUND_PREFIXES,
  COMPOUND_SUFFIXES,
  ETHNICITIES,
  GIVEN,
  GRID_NAMES,
  HUKOU_PREFIX,
  MOBILE_PREFIXES,
  REGION_CODES,
  SINGLE_GIVEN_SHARE,
  STREETS,
  SURNAMES,
} from './seed-data'
import { openRaw, type RawDb } from './sqlite-raw'

/** Bump when the generated community changes, so cached files are rebuilt. */
export const SEED_VERSION = 1
export const DEFAULT_SEED = 20250601
/** "Today" for the seeded ages; the benchmark's service container uses the same clock. */
export const REFERENCE_DATE = '2025-06-01'
export const referenceNow = () => new Date(`${REFERENCE_DATE}T04:00:00.000Z`)

export interface SeedReport {
  size: number
  seed: number
  seconds: number
  fileBytes: number
  households: number
  places: number
  grids: number
  archived: number
  withoutId: number
  withoutMobile: number
  tagged: Record<string, number>
  /** Share of residents by age band, to show the community looks like one. */
  ageBands: Record<string, number>
}

// ---------------------------------------------------------------------------------------------
// Random numbers: sfc32, small and fast, and the same sequence on every machine.

export type Rng = () => number

export function createRng(seed: number): Rng {
  let a = 0x9e3779b9 ^ seed
  let b = 0x243f6a88 ^ (seed * 31)
  let c = 0xb7e15162
  let d = seed | 0
  const next = () => {
    a |= 0
    b |= 0
    c |= 0
    d |= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 15; i++) next()
  return next
}

function weighted<T>(list: Array<[T, number]>): (rng: Rng) => T {
  const total = list.reduce((s, [, w]) => s + w, 0)
  const cumulative: number[] = []
  let acc = 0
  for (const [, w] of list) cumulative.push((acc += w / total))
  return (rng) => {
    const x = rng()
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] < x) lo = mid + 1
      else hi = mid
    }
    return list[lo][0]
  }
}

const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1))
const pick = <T>(rng: Rng, list: readonly T[] | string): T => list[Math.floor(rng() * list.length)] as T
const pad = (n: number, w = 2) => String(n).padStart(w, '0')

const pickSurname = weighted(SURNAMES)
const pickRegion = weighted(REGION_CODES)
const pickMobilePrefix = weighted(MOBILE_PREFIXES)
const pickEthnicity = weighted(ETHNICITIES)

// ---------------------------------------------------------------------------------------------
// People

type Gender = 'M' | 'F'

interface Person {
  surname: string
  gender: Gender
  age: number
  relation: string
}

interface ResidentRow {
  id: number
  name: string
  pinyin: string
  initials: string
  gender: Gender
  idNumber: string | null
  birthDate: string
  ethnicity: string
  mobile: string | null
  landline: string | null
  hukou: string | null
  political: string
  householdId: number
  relation: string
  archivedAt: string | null
  createdAt: string
  tags: string[]
}

const pinyinMemo = new Map<string, { full: string; initials: string }>()
function memoPinyin(name: string) {
  let p = pinyinMemo.get(name)
  if (!p) {
    p = namePinyin(name)
    pinyinMemo.set(name, p)
  }
  return p
}

function givenName(rng: Rng, gender: Gender, birthYear: number): string {
  const era = birthYear < 1965 ? 'old' : birthYear < 1995 ? 'mid' : 'young'
  const chars = GIVEN[gender][era]
  if (rng() < SINGLE_GIVEN_SHARE[era]) return pick(rng, chars)
  // Now and then a character from the other generation: names are not that tidy.
  const other = GIVEN[gender][era === 'young' ? 'mid' : 'young']
  return pick<string>(rng, chars) + pick<string>(rng, rng() < 0.15 ? other : chars)
}

const referenceYear = Number(REFERENCE_DATE.slice(0, 4))
const referenceMs = Date.parse(`${REFERENCE_DATE}T00:00:00Z`)

function birthDateFor(rng: Rng, age: number): string {
  // A day within the year that makes the resident exactly `age` on the reference date.
  const latest = Date.UTC(referenceYear - age, 4, 31) // 31 May
  const ms = latest - int(rng, 0, 364) * 86_400_000
  return new Date(Math.min(ms, referenceMs)).toISOString().slice(0, 10)
}

class IdMaker {
  private used = new Set<string>()
  make(rng: Rng, birthDate: string, gender: Gender): string {
    const region = pickRegion(rng)
    const ymd = birthDate.replace(/-/g, '')
    for (;;) {
      const lastSeq = int(rng, 0, 4) * 2 + (gender === 'M' ? 1 : 0)
      const first17 = `${region}${ymd}${pad(int(rng, 0, 99))}${lastSeq}`
      const id = first17 + idCheckChar(first17)
      if (!this.used.has(id)) {
        this.used.add(id)
        return id
      }
    }
  }
}

function mobileFor(rng: Rng, age: number): string | null {
  const share = age < 12 ? 0 : age < 18 ? 0.55 : age < 70 ? 0.96 : age < 80 ? 0.7 : 0.4
  if (rng() >= share) return null
  return pickMobilePrefix(rng) + pad(int(rng, 0, 99_999_999), 8)
}

function politicalFor(rng: Rng, age: number): string {
  if (age >= 18 && rng() < (age >= 60 ? 0.13 : 0.08)) return '中共党员'
  if (age >= 14 && age <= 28 && rng() < 0.45) return '共青团员'
  if (age >= 18 && rng() < 0.004) return '民主党派'
  return '群众'
}

/** The members of one household: kinds and shares chosen so a quarter or more are 60 and over. */
function householdMembers(rng: Rng): { members: Person[]; tags: string[] } {
  const surname = () => pickSurname(rng)
  const headGender: Gender = rng() < 0.72 ? 'M' : 'F'
  const other = (g: Gender): Gender => (g === 'M' ? 'F' : 'M')
  const x = rng()
  const members: Person[] = []
  const tags: string[] = []
  const s = surname()
  const child = (parentAge: number, relationFor: (g: Gender) => string): Person => {
    const g: Gender = rng() < 0.52 ? 'M' : 'F'
    return { surname: s, gender: g, age: Math.max(0, parentAge - int(rng, 22, 34)), relation: relationFor(g) }
  }
  const sonOrDaughter = (g: Gender) => (g === 'M' ? '子' : '女')
  if (x < 0.2) {
    const elderly = rng() < 0.55
    members.push({
      surname: s,
      gender: headGender,
      age: elderly ? int(rng, 60, 96) : int(rng, 20, 59),
      relation: '户主',
    })
    if (elderly) tags.push('独居', '空巢')
  } else if (x < 0.5) {
    const y = rng()
    if (y < 0.5) {
      const a = int(rng, 60, 92)
      members.push({ surname: s, gender: 'M', age: a, relation: '户主' })
      members.push({ surname: surname(), gender: 'F', age: Math.max(55, a - int(rng, -3, 6)), relation: '配偶' })
      tags.push('空巢')
    } else if (y < 0.85) {
      const a = int(rng, 23, 59)
      members.push({ surname: s, gender: headGender, age: a, relation: '户主' })
      members.push({
        surname: surname(),
        gender: other(headGender),
        age: Math.max(20, a + int(rng, -5, 5)),
        relation: '配偶',
      })
    } else {
      const a = int(rng, 30, 58)
      members.push({ surname: s, gender: headGender, age: a, relation: '户主' })
      members.push(child(a, sonOrDaughter))
    }
  } else if (x < 0.75) {
    const a = int(rng, 26, 58)
    members.push({ surname: s, gender: headGender, age: a, relation: '户主' })
    members.push({
      surname: surname(),
      gender: other(headGender),
      age: Math.max(20, a + int(rng, -4, 4)),
      relation: '配偶',
    })
    members.push(child(a, sonOrDaughter))
  } else if (x < 0.9) {
    const a = int(rng, 30, 55)
    members.push({ surname: s, gender: headGender, age: a, relation: '户主' })
    members.push({
      surname: surname(),
      gender: other(headGender),
      age: Math.max(22, a + int(rng, -4, 4)),
      relation: '配偶',
    })
    members.push(child(a, sonOrDaughter))
    if (rng() < 0.5) members.push(child(a, sonOrDaughter))
    else {
      const g: Gender = rng() < 0.35 ? 'M' : 'F'
      members.push({
        surname: g === 'M' ? s : surname(),
        gender: g,
        age: Math.min(98, a + int(rng, 24, 34)),
        relation: g === 'M' ? '父亲' : '母亲',
      })
    }
  } else {
    const a = int(rng, 56, 82)
    const son = Math.max(24, a - int(rng, 23, 32))
    members.push({ surname: s, gender: 'M', age: a, relation: '户主' })
    members.push({ surname: surname(), gender: 'F', age: Math.max(50, a - int(rng, -2, 5)), relation: '配偶' })
    members.push({ surname: s, gender: 'M', age: son, relation: '子' })
    members.push({ surname: surname(), gender: 'F', age: Math.max(22, son + int(rng, -3, 3)), relation: '儿媳' })
    const g: Gender = rng() < 0.52 ? 'M' : 'F'
    members.push({
      surname: s,
      gender: g,
      age: Math.max(0, son - int(rng, 22, 34)),
      relation: g === 'M' ? '孙子' : '孙女',
    })
  }
  return { members, tags }
}

// ---------------------------------------------------------------------------------------------
// Places

interface PlaceRow {
  id: number
  parentId: number | null
  kind: string
  name: string
  sort: number
  path: string
}

function buildPlaces(rng: Rng, roomsNeeded: number): { places: PlaceRow[]; rooms: number[]; grids: number } {
  const places: PlaceRow[] = []
  const add = (parent: PlaceRow | null, kind: string, name: string, sort: number) => {
    const id = places.length + 1
    const row = { id, parentId: parent?.id ?? null, kind, name, sort, path: `${parent?.path ?? '/'}${id}/` }
    places.push(row)
    return row
  }
  const community = add(null, 'community', '富乐社区', 0)
  const grids = GRID_NAMES.map((name, i) => add(community, 'grid', name, i + 1))
  const base: string[] = []
  for (const p of COMPOUND_PREFIXES) for (const s of COMPOUND_SUFFIXES) base.push(p + s)
  // A fixed shuffle, so compounds are not alphabetical within a grid; later phases (二期) come last.
  for (let i = base.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[base[i], base[j]] = [base[j], base[i]]
  }
  const names = ['', '二期', '三期', '四期', '五期'].flatMap((phase) => base.map((n) => n + phase))
  const rooms: number[] = []
  let compoundNo = 0
  while (rooms.length < roomsNeeded) {
    const grid = grids[compoundNo % grids.length]
    const compound = add(
      grid,
      'compound',
      names[compoundNo % names.length] + (compoundNo >= names.length ? String(compoundNo) : ''),
      compoundNo,
    )
    compoundNo++
    const buildings = int(rng, 4, 16)
    const floors = pick(rng, [6, 7, 7, 11, 18, 26])
    for (let b = 1; b <= buildings && rooms.length < roomsNeeded; b++) {
      const building = add(compound, 'building', `${b}栋`, b)
      const units = int(rng, 1, 4)
      const perFloor = int(rng, 2, 4)
      for (let u = 1; u <= units; u++) {
        const unit = add(building, 'unit', `${u}单元`, u)
        for (let f = 1; f <= floors; f++)
          for (let k = 1; k <= perFloor; k++) rooms.push(add(unit, 'room', `${f}${pad(k)}`, f * 100 + k).id)
      }
    }
  }
  return { places, rooms, grids: grids.length }
}

// ---------------------------------------------------------------------------------------------
// Bulk insert: one statement per few thousand rows, each row a JSON array unpacked by json_each.

async function insertJson(db: RawDb, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const BATCH = 5000
  const select = columns.map((_, i) => `value->>${i}`).join(', ')
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.run(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM json_each(?)`, [
      JSON.stringify(rows.slice(i, i + BATCH)),
    ])
  }
}

// prettier-ignore
const RESIDENT_COLUMNS = [
  'id', 'name', 'name_pinyin', 'name_initials', 'gender', 'id_number', 'birth_date', 'ethnicity', 'mobile', 'landline',
  'hukou_address', 'political_status', 'household_id', 'relation_to_head', 'notes', 'archived_at', 'created_at', 'updated_at',
]

/** Sequelize's text form of a DATE on SQLite. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', ' +00:00')
}

/**
 * Seeds `size` residents into a fresh data folder (which must not hold a database yet) and
 * returns what went in. The file is left checkpointed, so its size on disk is its real size.
 */
export async function seedCommunity(
  dataDir: string,
  size: number,
  seed = DEFAULT_SEED,
  log: (line: string) => void = () => {},
): Promise<SeedReport> {
  const started = performance.now()
  const rng = createRng(seed)
  const file = join(dataDir, DATABASE_FILE_NAME)

  const services = await createServiceContainer({ dataDir, now: referenceNow })
  const db = await openRaw(file)
  try {
    await db.exec(
      'PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF',
    )
    const tagIds = new Map(
      (await db.all<{ id: number; name: string }>('SELECT id, name FROM tags')).map((t) => [t.name, t.id]),
    )

    // Households average about 2.7 people; some rooms stand empty.
    const roomsNeeded = Math.ceil(size / 2.7 / 0.93) + 10
    const { places, rooms, grids } = buildPlaces(rng, roomsNeeded)
    const placeStamp = stamp(Date.UTC(2024, 0, 8, 1))
    await db.exec('BEGIN')
    await insertJson(
      db,
      'places',
      ['id', 'parent_id', 'kind', 'name', 'sort', 'path', 'created_at', 'updated_at'],
      places.map((p) => [p.id, p.parentId, p.kind, p.name, p.sort, p.path, placeStamp, placeStamp]),
    )
    await db.exec('COMMIT')
    log(`  places: ${places.length} (${rooms.length} rooms) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    // The place service's own address rule, read through the app, so the index text is the app's.
    const addressOf = await services.places.addressResolver()

    // Building indexes once at the end is several times faster than keeping them up to date.
    const indexes = await db.all<{ name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('residents', 'households', 'resident_tags')",
    )
    for (const ix of indexes) await db.run(`DROP INDEX "${ix.name}"`)

    const ids = new IdMaker()
    const report: SeedReport = {
      size,
      seed,
      seconds: 0,
      fileBytes: 0,
      households: 0,
      places: places.length,
      grids,
      archived: 0,
      withoutId: 0,
      withoutMobile: 0,
      tagged: {},
      ageBands: {},
    }
    const bands = { '0-14': 0, '15-59': 0, '60-79': 0, '80+': 0 }
    let residents: ResidentRow[] = []
    let households: unknown[][] = []
    let nextId = 1
    let roomIndex = 0
    const createdBase = Date.UTC(2024, 0, 8, 1)

    const flush = async () => {
      await insertJson(
        db,
        'households',
        ['id', 'place_id', 'head_resident_id', 'archived_at', 'created_at', 'updated_at'],
        households,
      )
      await insertJson(
        db,
        'residents',
        RESIDENT_COLUMNS,
        residents.map((r) => [
          r.id,
          r.name,
          r.pinyin,
          r.initials,
          r.gender,
          r.idNumber,
          r.birthDate,
          r.ethnicity,
          r.mobile,
          r.landline,
          r.hukou,
          r.political,
          r.householdId,
          r.relation,
          null,
          r.archivedAt,
          r.createdAt,
          r.createdAt,
        ]),
      )
      const tagRows: unknown[][] = []
      for (const r of residents) for (const t of r.tags) tagRows.push([r.id, tagIds.get(t)])
      await insertJson(db, 'resident_tags', ['resident_id', 'tag_id'], tagRows)
      const placeOf = new Map(households.map((h) => [h[0] as number, h[1] as number]))
      await insertJson(
        db,
        'resident_search',
        ['rowid', 'text', 'numbers'],
        residents.map((r) => {
          const columns = searchColumns({
            id: r.id,
            name: r.name,
            namePinyin: r.pinyin,
            nameInitials: r.initials,
            idNumber: r.idNumber,
            mobile: r.mobile,
            landline: r.landline,
            address: addressOf(placeOf.get(r.householdId) ?? null),
          })
          return [r.id, columns.text, columns.numbers]
        }),
      )
      residents = []
      households = []
    }

    await db.exec('BEGIN')
    for (let householdId = 1; nextId <= size; householdId++) {
      while (roomIndex < rooms.length - 1 && rng() < 0.07) roomIndex++ // an empty flat
      const room = rooms[roomIndex++ % rooms.length]
      const { members, tags: householdTags } = householdMembers(rng)
      const poor = rng() < 0.03
      const headId = nextId
      const created = stamp(createdBase + nextId * 97_000)
      households.push([householdId, room, headId, null, created, created])
      report.households++
      for (const m of members) {
        if (nextId > size) break
        const birthDate = birthDateFor(rng, m.age)
        const birthYear = Number(birthDate.slice(0, 4))
        const name = m.surname + givenName(rng, m.gender, birthYear)
        const py = memoPinyin(name)
        const idNumber = rng() < 0.02 ? null : ids.make(rng, birthDate, m.gender)
        const mobile = mobileFor(rng, m.age)
        const tags = m.age >= 60 ? [...householdTags] : []
        if (poor) tags.push('低保')
        if (m.age >= 60 && members.length === 1 && rng() < 0.05) tags.push('特困')
        if (rng() < 0.02) tags.push('残疾')
        if (rng() < 0.01) tags.push('大病')
        if (m.age >= 60 && members.length === 2 && householdTags.length && rng() < 0.01) tags.push('失独')
        if (m.age < 16 && rng() < 0.02) tags.push('务工人员子女')
        if (m.age < 16 && rng() < 0.006) tags.push('留守儿童')
        if (m.gender === 'M' && m.age >= 25 && m.age <= 85 && rng() < 0.03) tags.push('退役军人')
        if (m.age >= 25 && m.age <= 60 && rng() < 0.03) tags.push('个体工商户')
        if (m.age >= 18 && rng() < 0.005) tags.push('流入党员')
        for (const t of tags) report.tagged[t] = (report.tagged[t] ?? 0) + 1
        const archived = rng() < 0.02
        const region = idNumber ? idNumber.slice(0, 6) : '510703'
        residents.push({
          id: nextId,
          name,
          pinyin: py.full,
          initials: py.initials,
          gender: m.gender,
          idNumber,
          birthDate,
          ethnicity: pickEthnicity(rng),
          mobile,
          landline: m.age >= 60 && rng() < 0.35 ? `0816-2${pad(int(rng, 0, 999_999), 6)}` : null,
          hukou: rng() < 0.85 ? `${HUKOU_PREFIX[region]}${pick(rng, STREETS)}` : null,
          political: politicalFor(rng, m.age),
          householdId,
          relation: m.relation,
          archivedAt: archived ? stamp(Date.UTC(2025, 0, 1) + int(rng, 0, 120) * 86_400_000) : null,
          createdAt: created,
          tags,
        })
        if (archived) report.archived++
        if (!idNumber) report.withoutId++
        if (!mobile) report.withoutMobile++
        bands[m.age < 15 ? '0-14' : m.age < 60 ? '15-59' : m.age < 80 ? '60-79' : '80+']++
        nextId++
      }
      if (residents.length >= 20_000) await flush()
      if (householdId % 100_000 === 0)
        log(`  ${nextId - 1} residents generated, ${((performance.now() - started) / 1000).toFixed(1)} s`)
    }
    await flush()
    await db.exec('COMMIT')
    log(`  rows in ${((performance.now() - started) / 1000).toFixed(1)} s; building indexes`)
    await db.exec('BEGIN')
    for (const ix of indexes) await db.run(ix.sql)
    await db.exec('COMMIT')
    await db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    for (const [band, n] of Object.entries(bands)) report.ageBands[band] = Math.round((n / size) * 1000) / 10
    report.seconds = Math.round((performance.now() - started) / 100) / 10
    report.fileBytes = statSync(file).size
    return report
  } finally {
    await db.close()
    await services.close()
  }
}

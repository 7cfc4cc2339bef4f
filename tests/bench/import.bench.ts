/**
 * `npm run bench:import`: a roster of 50,000 generated residents (valid IDs, mobiles, grids,
 * households sharing an address, tags) read from xlsx, checked and written through the import
 * service, and in the same run the same rows inserted by hand-written SQL into a fresh database
 * (residents and search index only): the difference is what checking, households, tags and the
 * audit cost. Target: the service's total ≤ 10 s.
 *
 *   npm run bench:import -- --rows 50000 --iterations 1
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { importSchemas } from '../../electron/contract/import-schemas'
import { schemas } from '../../electron/contract/schemas'
import { checkIdNumber } from '../../electron/contract/rules/id-number'
import { namePinyin, searchColumns } from '../../database/search/resident-search'
import { createServiceContainer, DATABASE_FILE_NAME } from '../../electron/services/container'
import { rosterXlsx, validId, type RosterValue } from '../helpers/rosters'
import { setupAdmin, tempDir } from '../helpers/temp-container'
import { GIVEN, SURNAMES } from './seed-data'
import { openRaw } from './sqlite-raw'
import { summarise, table, type Summary } from './stats'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000' },
    iterations: { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench-results/import.json' },
  },
})
const size = Number(args.rows)
const iterations = Number(args.iterations)
const GRIDS = ['一网格', '二网格', '三网格', '四网格', '五网格', '六网格']
const TAGS = ['独居老人', '空巢老人', '低保', '残疾', '退役军人']

/** A fixed pseudo-random sequence, so every run reads the same roster. */
function random(seed: number) {
  let s = seed >>> 0
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32
}

function generate(n: number): RosterValue[][] {
  const rnd = random(20261124)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!
  const surnames = SURNAMES.map(([s]) => s)
  const rows: RosterValue[][] = []
  let household = 0
  let left = 0
  for (let i = 0; i < n; i++) {
    const head = left === 0
    if (head) {
      household++
      left = 1 + Math.floor(rnd() * 4)
    }
    left--
    const gender = rnd() < 0.5 ? 'M' : 'F'
    const year = 1930 + Math.floor(rnd() * 90)
    const birth = `${year}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`
    // Sequence numbers from the row index keep 50,000 IDs distinct; odd for men, even for women.
    const seq = String((i % 500) * 2 + (gender === 'M' ? 1 : 0)).padStart(3, '0')
    const region = String(510703 + Math.floor(i / 500) * 1000).slice(0, 6)
    const given = GIVEN[gender].mid
    rows.push([
      i + 1,
      pick(surnames) +
        given[Math.floor(rnd() * given.length)]! +
        (rnd() < 0.7 ? given[Math.floor(rnd() * given.length)]! : ''),
      gender === 'M' ? '男' : '女',
      validId(birth, seq, region),
      `13${Math.floor(100000000 + rnd() * 899999999)}`,
      GRIDS[household % GRIDS.length]!,
      `幸福小区${household}号`,
      head ? '户主' : pick(['配偶', '子', '女', '母亲']),
      rnd() < 0.15 ? pick(TAGS) : null,
      null,
    ])
  }
  return rows
}

async function serviceRun(file: Buffer) {
  const dataDir = tempDir('station-bench-import-')
  const services = await createServiceContainer({ dataDir })
  const call = await setupAdmin(services)
  const community = await services.places.create(call, { parentId: null, kind: 'community', name: '幸福社区' })
  for (const name of GRIDS) await services.places.create(call, { parentId: community.id, kind: 'grid', name })
  const t0 = performance.now()
  const sheet = await services.imports.open(call, { fileName: 'bench.xlsx', dataBase64: file.toString('base64') })
  const t1 = performance.now()
  const checked = await services.imports.check(call, { importId: sheet.importId, mapping: sheet.guessed })
  const t2 = performance.now()
  const result = await services.imports.run(
    call,
    importSchemas.run.parse({ importId: sheet.importId, mode: 'valid', duplicates: 'skip' }),
  )
  const t3 = performance.now()
  // The imported residents are in the normal search (address from the created places).
  const found = (await services.residents.list(schemas.residentQuery.parse({ q: '幸福小区7号' }))).total
  await services.close()
  if (found === 0) throw new Error('imported residents are not found by address')
  if (result.created !== size)
    throw new Error(`expected ${size} created, got ${JSON.stringify(result)} ${JSON.stringify(checked.counts)}`)
  return { open: t1 - t0, check: t2 - t1, write: t3 - t2, total: t3 - t0, found }
}

/** The same rows as hand-written SQL: normalise the ID, pinyin, one json_each insert per 5,000. */
async function rawRun(rows: RosterValue[][]) {
  const dataDir = tempDir('station-bench-import-raw-')
  const services = await createServiceContainer({ dataDir })
  await services.close()
  const db = await openRaw(join(dataDir, DATABASE_FILE_NAME))
  const t0 = performance.now()
  await db.exec('BEGIN')
  const stamp = new Date().toISOString().replace('T', ' ').replace('Z', ' +00:00')
  const residents: unknown[][] = []
  const index: unknown[][] = []
  rows.forEach((r, i) => {
    const id = i + 1
    const check = checkIdNumber(String(r[3]))
    const py = namePinyin(String(r[1]))
    const info = check.ok ? check.info : null
    residents.push([
      id,
      r[1],
      py.full,
      py.initials,
      info?.gender ?? null,
      info?.normalised ?? null,
      info?.birthDate ?? null,
      r[4],
      r[7],
      stamp,
      stamp,
    ])
    const c = searchColumns({
      id,
      name: String(r[1]),
      namePinyin: py.full,
      nameInitials: py.initials,
      idNumber: info?.normalised ?? null,
      mobile: String(r[4]),
      landline: null,
      address: String(r[6]),
    })
    index.push([id, c.text, c.numbers])
  })
  const insert = async (sql: string, list: unknown[][]) => {
    for (let i = 0; i < list.length; i += 5000) await db.run(sql, [JSON.stringify(list.slice(i, i + 5000))])
  }
  await insert(
    `INSERT INTO residents (id, name, name_pinyin, name_initials, gender, id_number, birth_date, mobile, relation_to_head, created_at, updated_at)
     SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8, value->>9, value->>10 FROM json_each(?)`,
    residents,
  )
  await insert(
    `INSERT INTO resident_search (rowid, text, numbers) SELECT value->>0, value->>1, value->>2 FROM json_each(?)`,
    index,
  )
  await db.exec('COMMIT')
  const ms = performance.now() - t0
  await db.close()
  return ms
}

const rows = generate(size)
const tg = performance.now()
const file = await rosterXlsx({
  titles: ['幸福社区居民花名册', '填报单位：幸福社区居委会'],
  headers: ['序号', '姓名', '性别', '身份证号码', '联系电话', '网格', '现居住地址', '与户主关系', '人员类别', '备注'],
  rows,
})
console.log(
  `roster: ${size} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB xlsx, generated in ${((performance.now() - tg) / 1000).toFixed(1)} s`,
)

const samples = {
  open: [] as number[],
  check: [] as number[],
  write: [] as number[],
  total: [] as number[],
  raw: [] as number[],
}
for (let i = 0; i < iterations; i++) {
  const s = await serviceRun(file)
  samples.open.push(s.open)
  samples.check.push(s.check)
  samples.write.push(s.write)
  samples.total.push(s.total)
  samples.raw.push(await rawRun(rows))
}
const summaries: Record<string, Summary> = Object.fromEntries(
  Object.entries(samples).map(([k, v]) => [k, summarise(v)]),
)
const secs = (ms: number) => (ms / 1000).toFixed(2)
console.log(
  table(
    ['step', 'p50 s', 'max s'],
    [
      ['read xlsx (import:open)', secs(summaries.open!.p50), secs(summaries.open!.max)],
      ['check rows (import:check)', secs(summaries.check!.p50), secs(summaries.check!.max)],
      ['write (import:run)', secs(summaries.write!.p50), secs(summaries.write!.max)],
      ['service total', secs(summaries.total!.p50), secs(summaries.total!.max)],
      ['raw SQL insert, same rows', secs(summaries.raw!.p50), secs(summaries.raw!.max)],
    ],
    [false, true, true],
  ),
)
const target = summaries.total!.max <= 10_000
console.log(
  target ? `target met: ${size} rows in ≤ 10 s` : `TARGET MISSED: ${size} rows took ${secs(summaries.total!.max)} s`,
)
const out = join(root, args.out)
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify({ size, iterations, summaries }, null, 2))
if (!target) process.exitCode = 1

/**
 * `npm run bench:export`: the residents list exported to xlsx at community sizes, through the
 * export service (paged through the same list query the screen uses, masked, audited) and, in the
 * same run, a hand-written SQL select of the same rows written with the same workbook writer.
 * The difference is what the service's paging and masking cost.
 *
 *   npm run bench:export -- --sizes 10000,100000 --iterations 3
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { maskIdNumber, maskMobile } from '../../electron/contract/rules/masking'
import { createServiceContainer, DATABASE_FILE_NAME } from '../../electron/services/container'
import type { CallContext } from '../../electron/services/context'
import { writeWorkbook } from '../../electron/services/exports/xlsx-workbook'
import { setupAdmin } from '../helpers/temp-container'
import { referenceNow } from './seed'
import { seededDataDir } from './seeded-data-dir'
import { openRaw } from './sqlite-raw'
import { summarise, table, type Summary } from './stats'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    iterations: { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench-results/export.json' },
  },
})
const sizes = args.sizes.split(',').map((s) => Number(s.trim()))
const iterations = Number(args.iterations)

const columns = [
  { key: 'name', header: '姓名' },
  { key: 'gender', header: '性别', values: { M: '男', F: '女' } },
  { key: 'age', header: '年龄' },
  { key: 'idNumber', header: '身份证号' },
  { key: 'mobile', header: '手机号' },
  { key: 'address', header: '住址' },
  { key: 'tags', header: '标签' },
]

interface Row {
  size: number
  rows: number
  fileMb: number
  service: Summary
  rawSql: Summary
}
const results: Row[] = []

for (const size of sizes) {
  const { dataDir } = await seededDataDir({ size })
  const services = await createServiceContainer({ dataDir, now: referenceNow })
  const raw = await openRaw(join(dataDir, DATABASE_FILE_NAME))
  // The export is audited against an account: the cached community gets one the first time.
  const account = (await services.models.Account.findOne()) ?? null
  const admin: CallContext = account
    ? { actor: { accountId: account.id, role: 'admin', displayName: account.displayName }, channel: 'bench' }
    : await setupAdmin(services)
  const serviceMs: number[] = []
  const rawMs: number[] = []
  let rows = 0
  let bytes = 0
  try {
    for (let i = 0; i < iterations; i++) {
      let start = performance.now()
      const file = await services.exports.exportList(admin, {
        list: 'residents',
        query: { status: 'active', sort: 'name' },
        columns,
        titleLines: ['居民档案'],
        fileName: '居民档案',
        full: false,
      })
      serviceMs.push(performance.now() - start)
      rows = file.rows
      bytes = Buffer.byteLength(file.dataBase64, 'base64')

      // The same rows by hand: one select with the tags aggregated, masked, the same writer.
      start = performance.now()
      const list = await raw.all<{
        name: string
        gender: string | null
        birth_date: string | null
        id_number: string | null
        mobile: string | null
        address: string | null
        tags: string | null
      }>(
        `SELECT r.name, r.gender, r.birth_date, r.id_number, r.mobile, p.path AS address,
                (SELECT group_concat(t.name, '、') FROM resident_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.resident_id = r.id) AS tags
           FROM residents r LEFT JOIN households h ON h.id = r.household_id LEFT JOIN places p ON p.id = h.place_id
          WHERE r.archived_at IS NULL ORDER BY r.name_pinyin`,
      )
      await writeWorkbook({
        sheetName: '居民档案',
        titleLines: ['居民档案'],
        columns,
        rows: list.map((r) => ({
          name: r.name,
          gender: r.gender === 'M' ? '男' : r.gender === 'F' ? '女' : null,
          age: r.birth_date ? 2025 - Number(r.birth_date.slice(0, 4)) : null,
          idNumber: maskIdNumber(r.id_number),
          mobile: maskMobile(r.mobile),
          address: r.address,
          tags: r.tags,
        })),
      })
      rawMs.push(performance.now() - start)
    }
  } finally {
    await raw.close()
    await services.close()
  }
  results.push({ size, rows, fileMb: bytes / 1024 / 1024, service: summarise(serviceMs), rawSql: summarise(rawMs) })
}

console.log(
  table(
    ['residents', 'rows', 'file', 'service p50', 'service max', 'raw SQL p50', 'raw SQL max'],
    results.map((r) => [
      r.size.toLocaleString('en'),
      r.rows.toLocaleString('en'),
      `${r.fileMb.toFixed(1)} MB`,
      `${(r.service.p50 / 1000).toFixed(2)} s`,
      `${(r.service.max / 1000).toFixed(2)} s`,
      `${(r.rawSql.p50 / 1000).toFixed(2)} s`,
      `${(r.rawSql.max / 1000).toFixed(2)} s`,
    ]),
    [true, true, true, true, true, true, true],
  ),
)
const out = resolve(root, args.out)
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify({ iterations, results }, null, 2))

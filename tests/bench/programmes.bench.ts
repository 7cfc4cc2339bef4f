/**
 * `npm run bench:programmes`: the counter's sign-in search (a few letters → the matching people
 * of a session) in a community of 100,000 residents, through the attendance service and, in the
 * same run on the same file, through one hand-written SQL query on a raw sqlite3 handle. Two
 * programmes: a 五点半学校 class of 50 and a 居家养老 roll of 2,000. Also one mark (the key that
 * says "present") and the resident search the enrolment picker uses.
 *
 *   npm run bench:programmes -- --sizes 100000 --iterations 200
 *
 * The target (issue 5): sign-in search under 50 ms at 100,000 residents. The exit code is
 * non-zero when the service and the SQL disagree on who matches, or when the p95 misses 50 ms.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { programmeSchemas } from '../../electron/contract/programme-schemas'
import { schemas } from '../../electron/contract/schemas'
import { createServiceContainer, DATABASE_FILE_NAME } from '../../electron/services/container'
import type { CallContext } from '../../electron/services/context'
import { setupAdmin } from '../helpers/temp-container'
import { createRng, referenceNow } from './seed'
import { seededDataDir } from './seeded-data-dir'
import { openRaw } from './sqlite-raw'
import { summarise, table, type Summary } from './stats'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000' },
    iterations: { type: 'string', default: '200' },
    out: { type: 'string', default: 'bench-results/programmes.json' },
    'cache-dir': { type: 'string', default: join(tmpdir(), 'station-bench-programmes') },
  },
})
const sizes = args.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')))
const iterations = Number(args.iterations)
const TARGET_MS = 50

interface Result {
  residents: number
  what: string
  enrolled: number
  medianMatches: number
  service: Summary
  rawSql: Summary
  pass: boolean
}
const results: Result[] = []
let wrong = 0

const rosterSql = (q: string) => {
  const ascii = /^[a-z0-9]+$/i.test(q)
  return {
    sql: `SELECT e.id FROM programme_enrolments e JOIN residents r ON r.id = e.resident_id
           WHERE e.programme_id = ? AND e.status = 'enrolled'
             AND ${ascii ? '(r.name_initials LIKE ? OR r.name_pinyin LIKE ?)' : 'r.name LIKE ?'}
           ORDER BY r.name_pinyin, r.id`,
    params: (pid: number) => (ascii ? [pid, `${q.toLowerCase()}%`, `${q.toLowerCase()}%`] : [pid, `%${q}%`]),
  }
}

for (const size of sizes) {
  const { dataDir: seeded } = await seededDataDir({ size, cacheDir: args['cache-dir'] })
  // A copy: the cached community stays as seeded for the other benchmarks.
  const dataDir = join(tmpdir(), `programmes-bench-${process.pid}`)
  rmSync(dataDir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  copyFileSync(join(seeded, DATABASE_FILE_NAME), join(dataDir, DATABASE_FILE_NAME))
  const services = await createServiceContainer({ dataDir, now: referenceNow })
  const account = await services.models.Account.findOne()
  const admin: CallContext = account
    ? { actor: { accountId: account.id, role: 'admin', displayName: account.displayName }, channel: 'bench' }
    : await setupAdmin(services)
  const raw = await openRaw(join(dataDir, DATABASE_FILE_NAME))
  const rng = createRng(20260209)
  try {
    const ids = (await raw.all<{ id: number }>('SELECT id FROM residents WHERE archived_at IS NULL ORDER BY id')).map(
      (r) => r.id,
    )
    for (const [kind, count] of [
      ['after-school', 50],
      ['home-care', 2000],
    ] as const) {
      const { detail } = await services.programmes.programmes.save(
        admin,
        programmeSchemas.programmeSave.parse({
          data: {
            name: `${kind} bench`,
            type: kind,
            organiser: '服务中心',
            place: '活动室',
            capacity: count,
            weekdays: [1, 2, 3, 4, 5],
            startTime: '16:30',
            endTime: '18:30',
            termStart: '2025-05-26',
            termEnd: '2025-07-04',
          },
        }),
      )
      const pid = detail.programme.id
      const chosen = new Set<number>()
      while (chosen.size < count) chosen.add(ids[Math.floor(rng() * ids.length)]!)
      const setupStart = performance.now()
      for (const residentId of chosen)
        await services.programmes.enrolments.enrol(
          admin,
          programmeSchemas.enrol.parse({ programmeId: pid, residentId }),
        )
      console.log(`${size}: enrolled ${count} in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`)
      const sid = detail.sessions.find((x) => x.date === '2025-06-03')!.id

      // What staff type: two or three initials, a pinyin syllable, a character of a name.
      const people = await raw.all<{ name: string; initials: string; pinyin: string }>(
        `SELECT r.name, r.name_initials AS initials, r.name_pinyin AS pinyin FROM programme_enrolments e
           JOIN residents r ON r.id = e.resident_id WHERE e.programme_id = ?`,
        [pid],
      )
      const queries: string[] = []
      for (let i = 0; i < 60; i++) {
        const p = people[Math.floor(rng() * people.length)]!
        queries.push(
          i % 3 === 0 ? p.initials.slice(0, 2) : i % 3 === 1 ? p.pinyin.slice(0, 3) : [...p.name].slice(-1).join(''),
        )
      }
      const serviceMs: number[] = []
      const rawMs: number[] = []
      const matches: number[] = []
      for (let i = 0; i < iterations; i++) {
        const q = queries[i % queries.length]!
        let start = performance.now()
        const roster = await services.programmes.attendance.roster(sid, q)
        serviceMs.push(performance.now() - start)
        const { sql, params } = rosterSql(q)
        start = performance.now()
        const rows = await raw.all<{ id: number }>(sql, params(pid))
        rawMs.push(performance.now() - start)
        matches.push(rows.length)
        if (rows.map((r) => r.id).join() !== roster.rows.map((r) => r.enrolmentId).join()) {
          wrong++
          console.error(`mismatch for "${q}": service ${roster.rows.length}, SQL ${rows.length}`)
        }
      }
      const service = summarise(serviceMs)
      results.push({
        residents: size,
        what: `sign-in search, ${count} enrolled`,
        enrolled: count,
        medianMatches: summarise(matches).p50,
        service,
        rawSql: summarise(rawMs),
        pass: service.p95 < TARGET_MS,
      })

      // One key: present. The service writes the mark and its audit row in one transaction.
      const enrolments = await services.models.Enrolment.findAll({ where: { programmeId: pid }, limit: 50 })
      const markMs: number[] = []
      for (let i = 0; i < Math.min(iterations, 50); i++) {
        const start = performance.now()
        await services.programmes.attendance.mark(admin, {
          sessionId: sid,
          enrolmentId: enrolments[i % enrolments.length]!.id,
          status: i % 2 ? 'present' : 'late',
          note: null,
        })
        markMs.push(performance.now() - start)
      }
      const markRaw: number[] = []
      for (let i = 0; i < Math.min(iterations, 50); i++) {
        const start = performance.now()
        await raw.run(
          `INSERT INTO programme_attendance (session_id, enrolment_id, status, signed_in_at, created_at, updated_at)
           VALUES (?, ?, 'present', datetime('now'), datetime('now'), datetime('now'))
           ON CONFLICT (session_id, enrolment_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
          [sid, enrolments[i % enrolments.length]!.id],
        )
        markRaw.push(performance.now() - start)
      }
      results.push({
        residents: size,
        what: `mark present, ${count} enrolled`,
        enrolled: count,
        medianMatches: 1,
        service: summarise(markMs),
        rawSql: summarise(markRaw),
        pass: true,
      })
    }

    // The enrolment picker: the resident search itself (its own benchmark is npm run bench).
    const pickMs: number[] = []
    const people = await raw.all<{ initials: string }>(
      'SELECT name_initials AS initials FROM residents ORDER BY random() LIMIT 50',
    )
    for (let i = 0; i < Math.min(iterations, 100); i++) {
      const start = performance.now()
      await services.residents.list(schemas.residentQuery.parse({ q: people[i % people.length]!.initials.slice(0, 3) }))
      pickMs.push(performance.now() - start)
    }
    results.push({
      residents: size,
      what: 'enrolment picker (resident search)',
      enrolled: 0,
      medianMatches: NaN,
      service: summarise(pickMs),
      rawSql: summarise([NaN]),
      pass: true,
    })
  } finally {
    await raw.close()
    await services.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const ms = (x: number) => (Number.isNaN(x) ? '—' : `${x.toFixed(2)} ms`)
console.log(
  table(
    [
      'residents',
      'what',
      'matches p50',
      'service p50',
      'service p95',
      'raw SQL p50',
      'raw SQL p95',
      `< ${TARGET_MS} ms`,
    ],
    results.map((r) => [
      r.residents.toLocaleString('en'),
      r.what,
      Number.isNaN(r.medianMatches) ? '—' : String(r.medianMatches),
      ms(r.service.p50),
      ms(r.service.p95),
      ms(r.rawSql.p50),
      ms(r.rawSql.p95),
      r.pass ? 'yes' : 'NO',
    ]),
    [true, false, true, true, true, true, true, false],
  ),
)
const out = resolve(root, args.out)
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify({ iterations, targetMs: TARGET_MS, results }, null, 2))
if (wrong > 0 || results.some((r) => !r.pass)) process.exitCode = 1

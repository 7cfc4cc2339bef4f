/**
 * `npm run bench:visits`: the visit planner on a month (December 2026) for 2,000 people and 300
 * volunteers in 20 grids, seeded. The target is ≤ 2 s per plan. Besides the time it reports the
 * plan's quality: visits sent to a volunteer from another grid, visits that kept last time's
 * volunteer, and visits left unassigned (by reason); and where the visits sit in the day: starts
 * by hour, the share at 09:00 (the station's first minute) and at the first minute of the
 * person's window, visits over the 12:00–14:00 nap, preferred-window hits, and volunteers' idle
 * time between visits. The same plan is then checked rule by rule with the property tests'
 * checker, so a fast but wrong plan fails here too.
 *
 * Then the first seed's month once more through the service on a real SQLite file (loading,
 * planning, writing the visits), unless `--no-db`.
 *
 *   npm run bench:visits -- --people 2000 --volunteers 300 --seeds 1,2,3 --iterations 3
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { planVisits, dateFromDay, type PlanResult, type PlannerInput } from '../../electron/services/visits/planner'
import { createServiceContainer } from '../../electron/services/container'
import { setupAdmin, tempDir } from '../helpers/temp-container'
import { benchInstance, violations } from '../helpers/visits'
import { seedPlannerInstance } from '../helpers/visit-station'
import { hourHistogram, startTimeStats } from '../helpers/visit-times'
import { summarise, table } from './stats'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '2000' },
    volunteers: { type: 'string', default: '300' },
    seeds: { type: 'string', default: '1,2,3' },
    iterations: { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench-results/visits.json' },
    db: { type: 'boolean', default: true },
  },
  allowNegative: true,
})
const people = Number(args.people)
const volunteers = Number(args.volunteers)
const seeds = args.seeds.split(',').map((s) => Number(s.trim()))
const iterations = Number(args.iterations)
const TARGET_MS = 2000

const rows: string[][] = []
const timeRows: string[][] = []
const histograms: string[] = []
const results: unknown[] = []
let failed = false
for (const seed of seeds) {
  const input = benchInstance(seed, people, volunteers)
  const samples: number[] = []
  let result: PlanResult | undefined
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now()
    result = planVisits(input)
    samples.push(performance.now() - t0)
  }
  const r = result!
  const time = summarise(samples)
  const broken = violations(input, r)
  const reasons: Record<string, number> = {}
  for (const u of r.unassigned) reasons[u.reason] = (reasons[u.reason] ?? 0) + 1
  const capacity = input.volunteers.filter((v) => v.status === 'active').reduce((n, v) => n + v.maxPerWeek, 0)
  // A volunteer from another grid is either last time's (continuity first) or the only one free.
  const crossForContinuity = r.visits.filter((v) => !v.sameGrid && v.keptLastVolunteer).length
  if (time.max > TARGET_MS || broken.length > 0) failed = true
  const times = startTimeStats(input, r)
  const pct = (n: number, of: number) => `${n} (${of === 0 ? 0 : Math.round((1000 * n) / of) / 10}%)`
  timeRows.push([
    String(seed),
    pct(times.atDayStart, times.visits),
    pct(times.atWindowStart, times.visits),
    pct(times.inNap, times.visits),
    `${times.preferredHits}/${times.withPreferred}`,
    String(times.offQuarter),
    `${times.idleMinutes} min / ${times.chainedDays}`,
    String(times.peakAtOnce),
  ])
  histograms.push(`seed ${seed}, starts by hour:\n${hourHistogram(times.byHour)}`)
  results.push({
    seed,
    people,
    volunteers,
    time,
    stats: r.stats,
    crossForContinuity,
    reasons,
    startTimes: times,
    weeklyCapacity: capacity,
    violations: broken.slice(0, 20),
  })
  rows.push([
    String(seed),
    String(r.stats.demanded),
    String(r.stats.assigned),
    String(r.stats.coveredByFixed),
    String(r.stats.unassigned),
    `${r.stats.crossGrid} (${crossForContinuity} to keep last)`,
    `${r.stats.keptLastVolunteer}/${r.stats.withLastVolunteer}`,
    String(time.p50),
    String(time.max),
    String(broken.length),
  ])
  if (r.unassigned.length > 0) console.log(`seed ${seed}: unassigned by reason ${JSON.stringify(reasons)}`)
}

console.log(
  `\nVisit planner, one month, ${people} people, ${volunteers} volunteers, ${iterations} runs per seed (ms)\n`,
)
console.log(
  table(
    [
      'seed',
      'demanded',
      'assigned',
      'kept',
      'unassigned',
      'other grid',
      'kept last volunteer',
      'p50 ms',
      'max ms',
      'rule violations',
    ],
    rows,
    [true, true, true, true, true, true, true, true, true, true],
  ),
)
console.log('\nWhere the visits sit in the day\n')
console.log(
  table(
    [
      'seed',
      'at 09:00',
      'at window start',
      'over 12–14 nap',
      'in preferred window',
      'off quarter hour',
      'idle between chained visits / volunteer-days',
      'most at once',
    ],
    timeRows,
    [true, true, true, true, true, true, true, true],
  ),
)
console.log(`\n${histograms.join('\n\n')}`)
console.log(`\ntarget: every plan ≤ ${TARGET_MS} ms and no rule broken: ${failed ? 'FAILED' : 'met'}`)

/**
 * The same month through the service on a real SQLite file: load people, volunteers and last
 * visits, plan, replace the period's planned visits and write the new ones, in one transaction.
 */
async function throughTheService(input: PlannerInput): Promise<{ first: number; again: number; assigned: number }> {
  const dataDir = tempDir('visits-bench-')
  const services = await createServiceContainer({ dataDir })
  try {
    const ctx = await setupAdmin(services)
    await seedPlannerInstance(services, ctx, input)
    const from = dateFromDay(input.period.fromDay)
    let t0 = performance.now()
    const plan = await services.visits.plans.generate(ctx, { period: 'month', from })
    const first = performance.now() - t0
    t0 = performance.now()
    await services.visits.plans.generate(ctx, { period: 'month', from })
    const again = performance.now() - t0
    return { first, again, assigned: plan.visits.length }
  } finally {
    await services.close()
  }
}

if (args.db) {
  const r = await throughTheService(benchInstance(seeds[0]!, people, volunteers))
  console.log(
    `\nThrough the service on SQLite (seed ${seeds[0]}): first plan ${Math.round(r.first)} ms, re-plan ${Math.round(r.again)} ms, ${r.assigned} visits written`,
  )
  results.push({
    throughTheService: {
      seed: seeds[0],
      firstMs: Math.round(r.first),
      replanMs: Math.round(r.again),
      visits: r.assigned,
    },
  })
}
const out = join(root, args.out)
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify({ iterations, results }, null, 2))
if (failed) process.exitCode = 1

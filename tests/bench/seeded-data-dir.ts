/**
 * A seeded data folder of `size` residents, kept in a cache folder and reused while everything
 * that shapes it (the seed code, the migrations, the search code) is unchanged. Shared by every
 * benchmark that needs a community of a given size.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_SEED, SEED_VERSION, seedCommunity, type SeedReport } from './seed'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DEFAULT_CACHE_DIR = join(tmpdir(), 'station-bench')

function sourceHash(): string {
  const files = [
    'tests/bench/seed.ts',
    'tests/bench/seed-data.ts',
    'database/search/resident-search.ts',
    'electron/services/place-service.ts',
    ...readdirSync(join(root, 'database/migrations')).map((f) => `database/migrations/${f}`),
  ].sort()
  const hash = createHash('sha256').update(String(SEED_VERSION))
  for (const f of files) hash.update(f).update(readFileSync(join(root, f)))
  return hash.digest('hex').slice(0, 12)
}

export async function seededDataDir(options: {
  size: number
  seed?: number
  cacheDir?: string
  /** Seed again even when a cached folder exists. */
  fresh?: boolean
}): Promise<{ dataDir: string; report: SeedReport; cached: boolean }> {
  const seed = options.seed ?? DEFAULT_SEED
  const cacheRoot = resolve(options.cacheDir ?? DEFAULT_CACHE_DIR)
  const key = `residents-${options.size}-${seed}-${sourceHash()}`
  const dataDir = join(cacheRoot, key)
  const marker = join(dataDir, 'seed.json')
  mkdirSync(cacheRoot, { recursive: true })
  for (const old of readdirSync(cacheRoot)) {
    if (old.startsWith(`residents-${options.size}-`) && old !== key)
      rmSync(join(cacheRoot, old), { recursive: true, force: true })
  }
  if (!options.fresh && existsSync(marker))
    return { dataDir, report: JSON.parse(readFileSync(marker, 'utf8')) as SeedReport, cached: true }
  rmSync(dataDir, { recursive: true, force: true })
  console.log(`Seeding ${options.size.toLocaleString('en')} residents into ${dataDir}`)
  const report = await seedCommunity(dataDir, options.size, seed, (line) => console.log(line))
  writeFileSync(marker, JSON.stringify(report, null, 2))
  return { dataDir, report, cached: false }
}

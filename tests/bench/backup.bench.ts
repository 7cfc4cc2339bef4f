/**
 * Backup and restore at community sizes: a manual backup (online snapshot + integrity_check), the
 * restore check (header, integrity_check, tables, counts), staging (a backup of the current data,
 * a SQLite copy of the chosen file, its check) and the start that swaps it in.
 *
 *   npm run bench:backup -- --sizes 100000
 */
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createServiceContainer } from '../../electron/services/container'
import { testBackupHost } from '../helpers/backup-host'
import { setupAdmin } from '../helpers/temp-container'
import { referenceNow } from './seed'
import { seededDataDir } from './seeded-data-dir'

const { values: args } = parseArgs({
  options: { sizes: { type: 'string', default: '100000' } },
  allowPositionals: true,
})

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await f()
  return [value, (performance.now() - start) / 1000]
}

for (const size of args.sizes.split(',').map(Number)) {
  const seeded = await seededDataDir({ size })
  const dataDir = mkdtempSync(join(tmpdir(), 'station-bench-backup-'))
  cpSync(seeded.dataDir, dataDir, { recursive: true })
  rmSync(join(dataDir, 'backups'), { recursive: true, force: true })
  const usb = mkdtempSync(join(tmpdir(), 'station-bench-usb-'))
  const host = testBackupHost()
  host.folder = usb
  const [services, startSeconds] = await timed(() =>
    createServiceContainer({ dataDir, now: referenceNow, backupHost: host }),
  )
  const admin = await setupAdmin(services).catch(async () => ({
    actor: { accountId: 1, role: 'admin' as const, displayName: 'bench' },
    channel: 'bench',
  }))
  const [made, backupSeconds] = await timed(() => services.backupAdmin.createManual(admin, 'choose'))
  host.file = join(usb, made!.name)
  const [check, checkSeconds] = await timed(() => services.backupAdmin.check({}))
  const [, stageSeconds] = await timed(() => services.backupAdmin.stage(admin, check!.token))
  await services.close()
  const [after, swapSeconds] = await timed(() =>
    createServiceContainer({ dataDir, now: referenceNow, backupHost: host }),
  )
  const restored = await after.models.Resident.count()
  await after.close()
  console.log(
    JSON.stringify(
      {
        residents: size,
        restored,
        databaseMB: +(statSync(join(dataDir, 'station.sqlite3')).size / 2 ** 20).toFixed(1),
        backupMB: +(made!.bytes / 2 ** 20).toFixed(1),
        firstStartWithDailyBackupS: +startSeconds.toFixed(2),
        manualBackupS: +backupSeconds.toFixed(2),
        restoreCheckS: +checkSeconds.toFixed(2),
        stageS: +stageSeconds.toFixed(2),
        startWithSwapS: +swapSeconds.toFixed(2),
        counts: check!.counts,
      },
      null,
      2,
    ),
  )
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(usb, { recursive: true, force: true })
}

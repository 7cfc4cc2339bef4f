import { join, resolve } from 'node:path'

type Env = Readonly<Record<string, string | undefined>>

/**
 * The folder that holds the database, its backups and the log: `STATION_DATA_DIR` when set (a
 * station that keeps its data on another drive, a test), else `data` under Electron's userData.
 */
export function dataDirectory(env: Env, userDataPath: string): string {
  const chosen = env.STATION_DATA_DIR?.trim()
  return chosen ? resolve(chosen) : join(userDataPath, 'data')
}

/**
 * A PostgreSQL server for stations with several counters (`STATION_DATABASE_URL`), else undefined
 * and the SQLite file in the data folder. Only postgres:// URLs are taken.
 */
export function databaseUrl(env: Env): string | undefined {
  const url = env.STATION_DATABASE_URL?.trim()
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined
}

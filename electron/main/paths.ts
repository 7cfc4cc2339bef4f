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

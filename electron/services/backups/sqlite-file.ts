/** Small promise wrappers over a raw sqlite3 handle, for files that are not the open database. */
import sqlite3 from 'sqlite3'

export interface RawDb {
  all<T>(sql: string): Promise<T[]>
  exec(sql: string): Promise<void>
  close(): Promise<void>
}

export function openRaw(file: string, mode: number = sqlite3.OPEN_READONLY): Promise<RawDb> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (error) => {
      if (error) return reject(error)
      resolve({
        all: <T>(sql: string) =>
          new Promise<T[]>((res, rej) => db.all(sql, (e: Error | null, rows: T[]) => (e ? rej(e) : res(rows)))),
        exec: (sql: string) => new Promise<void>((res, rej) => db.exec(sql, (e) => (e ? rej(e) : res()))),
        close: () => new Promise<void>((res) => db.close(() => res())),
      })
    })
  })
}

/** A string literal for SQL (paths go into `VACUUM INTO`, which takes no bound parameter here). */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

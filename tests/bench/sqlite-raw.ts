/** A few promise wrappers over a raw `sqlite3` handle: the benchmark's "hand-written SQL" side. */
import sqlite3 from 'sqlite3'

export type Params = unknown[] | Record<string, unknown>

export interface RawDb {
  handle: sqlite3.Database
  run(sql: string, params?: Params): Promise<void>
  all<T>(sql: string, params?: Params): Promise<T[]>
  get<T>(sql: string, params?: Params): Promise<T | undefined>
  exec(sql: string): Promise<void>
  close(): Promise<void>
}

export function openRaw(file: string, mode = sqlite3.OPEN_READWRITE): Promise<RawDb> {
  return new Promise((resolve, reject) => {
    const handle = new sqlite3.Database(file, mode, (err) => {
      if (err) return reject(err)
      handle.configure('busyTimeout', 5000)
      resolve({
        handle,
        run: (sql, params = []) => new Promise((ok, ko) => handle.run(sql, params, (e) => (e ? ko(e) : ok()))),
        all: <T>(sql: string, params: Params = []) =>
          new Promise<T[]>((ok, ko) => handle.all(sql, params, (e, rows) => (e ? ko(e) : ok(rows as T[])))),
        get: <T>(sql: string, params: Params = []) =>
          new Promise<T | undefined>((ok, ko) =>
            handle.get(sql, params, (e, row) => (e ? ko(e) : ok(row as T | undefined))),
          ),
        exec: (sql) => new Promise((ok, ko) => handle.exec(sql, (e) => (e ? ko(e) : ok()))),
        close: () => new Promise((ok, ko) => handle.close((e) => (e ? ko(e) : ok()))),
      })
    })
  })
}

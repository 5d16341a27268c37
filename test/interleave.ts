// Another process's write slipped in at a chosen moment, for tests of what two processes (or a job
// and a reader) do when their statements interleave: the database as a test hands it to the code
// under test, with `write` committed once at that moment.
import type { Db, Queryable } from '../server/db/types.ts'

/** `db` with `write` committed just before the code's first transaction begins. */
export function writeBeforeFirstTransaction(db: Db, write: () => Promise<unknown>): Db {
  let done = false
  return {
    ...db,
    transaction: async (fn) => {
      if (!done) {
        done = true
        await write()
      }
      return db.transaction(fn)
    },
  }
}

/** `db` with `write` committed right after the first query whose SQL matches `pattern` has answered. */
export function writeAfterQuery(db: Queryable, pattern: RegExp, write: () => Promise<unknown>): Queryable & { wrote(): boolean } {
  let done = false
  return {
    query: async (sql: string, params?: unknown[]) => {
      const rows = await db.query(sql, params)
      if (!done && pattern.test(sql)) {
        done = true
        await write()
      }
      return rows
    },
    wrote: () => done,
  } as Queryable & { wrote(): boolean }
}

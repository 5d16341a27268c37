// Computed overview pages (and drill-downs), kept for as long as nothing they read has changed: the
// overview's counter (migration 0013: moved by every write to a table an indicator reads, inside
// the writing transaction) and the matrix's (its rollups give dissemination coverage) are read
// before computing, so an entry is never older than the counters it is filed under. Servers sharing
// one database keep their own entries and never serve a stale one. The key holds the day, so
// today's figures (what is overdue today) are never yesterday's.
import type { Queryable } from '../../db/types.ts'
import { unwatchedTables } from './overview.queries.ts'

export type OverviewCache = ReturnType<typeof overviewCache>

/** `maxEntries`: one per (scope, `under`, day) a reader asks for, a few kB each. */
export function overviewCache(maxEntries = 500) {
  const entries = new Map<string, { epoch: string; value: unknown }>()
  let hits = 0
  let misses = 0

  return {
    /** The value `compute` gives for `request` (everything that decides it), computed again only after a change. */
    async through<T>(db: Queryable, request: unknown, compute: () => Promise<T>): Promise<T> {
      const key = JSON.stringify(request)
      const epoch = await readEpoch(db)
      const hit = entries.get(key)
      if (hit && hit.epoch === epoch) {
        // Most recently used last: eviction takes the oldest first.
        entries.delete(key)
        entries.set(key, hit)
        hits++
        return hit.value as T
      }
      misses++
      const value = await compute()
      // A table the figures read that no trigger watches (a feature's migration newer than this
      // cache's) could change unseen: such a value is served once and not kept.
      if ((await unwatchedTables(db)).length) return value
      entries.delete(key)
      entries.set(key, { epoch, value })
      for (const k of entries.keys()) {
        if (entries.size <= maxEntries) break
        entries.delete(k)
      }
      return value
    },
    get stats() {
      return { entries: entries.size, hits, misses }
    },
  }
}

async function readEpoch(db: Queryable): Promise<string> {
  const [r] = await db.query<{ o: string; m: string }>('SELECT (SELECT n FROM overview_epoch WHERE id = 1)::text AS o, (SELECT n FROM matrix_epoch WHERE id = 1)::text AS m')
  return `${r.o}:${r.m}`
}

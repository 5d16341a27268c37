import { createHash } from 'node:crypto'
import { matrixEpoch } from '../../db/epoch.ts'
import type { Queryable } from '../../db/types.ts'
import { jsonCache } from '../../lib/json-cache.ts'

// Computed matrix views, kept as the JSON sent, for as long as the database's matrix epoch
// (migration 0005: moved by every change a view reads, in the writing transaction) has not moved.
// The epoch is read before computing, so an entry is never older than the epoch it is filed under;
// servers sharing one database each keep their own entries and never serve a stale one.
// The ETag is the epoch and the request, so a browser's revalidation is answered without computing.

/** The epoch a request is answered at, its cache key and its ETag. */
export interface ViewStamp {
  epoch: number
  key: string
  etag: string
}

// 32 MB holds the flat view of a 5,000-unit directive (~15 MB, as chunks of 500 rows) twice, and
// the tree views (60–200 kB) of every directive a board looks at. An entry larger than a quarter
// of it is computed for its request and not kept. Concurrent requests for a cold view share one
// computation (jsonCache).
export function matrixCache(maxBytes = 32 * 1024 * 1024) {
  const kept = jsonCache(maxBytes)
  const cache = {
    /** The epoch now, and the key and ETag of `request` (everything that decides its content). */
    async stamp(db: Queryable, request: unknown): Promise<ViewStamp> {
      const key = JSON.stringify(request)
      const epoch = await matrixEpoch(db)
      return { epoch, key, etag: `"m${epoch}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"` }
    },

    /** The JSON of `key` at `epoch`: kept, being computed by another request, or computed now. */
    bytes: (key: string, epoch: number, compute: () => Promise<unknown>): Promise<Buffer> => kept.bytes(key, epoch, compute),

    get size() {
      return kept.size
    },
  }
  return cache
}

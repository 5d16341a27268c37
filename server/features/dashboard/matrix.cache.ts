import { createHash } from 'node:crypto'
import type { Queryable } from '../../db/types.ts'

// Computed matrix views, kept as the JSON sent, for as long as the database's matrix epoch
// (migration 0005: moved by every change a view reads, in the writing transaction) has not moved.
// The epoch is read before computing, so an entry is never older than the epoch it is filed under;
// servers sharing one database each keep their own entries and never serve a stale one.
// The ETag is the epoch and the request, so a browser's revalidation is answered without computing.

export interface CachedView {
  etag: string
  /** The JSON as UTF-8 bytes (half the memory of a JS string of Vietnamese text); null: not modified. */
  body: Buffer | null
}

/** The epoch a request is answered at, its cache key and its ETag. */
export interface ViewStamp {
  epoch: number
  key: string
  etag: string
}

// 32 MB holds the flat view of a 5,000-unit directive (~15 MB, as chunks of 500 rows) twice, and
// the tree views (60–200 kB) of every directive a board looks at. An entry larger than a quarter
// of it is computed for its request and not kept.
export function matrixCache(maxBytes = 32 * 1024 * 1024) {
  const entries = new Map<string, { epoch: number; body: Buffer }>()
  // Requests for a view being computed wait for that computation instead of starting their own:
  // eight clients asking for a cold flat view were eight copies of it in memory at once.
  const computing = new Map<string, Promise<Buffer>>()
  let bytes = 0

  const remember = (key: string, epoch: number, body: Buffer) => {
    const old = entries.get(key)
    if (old) {
      bytes -= old.body.length
      entries.delete(key)
    }
    // A view larger than a quarter of the budget would push out every other leader's.
    if (body.length > maxBytes / 4) return
    entries.set(key, { epoch, body })
    bytes += body.length
    for (const [k, e] of entries) {
      if (bytes <= maxBytes) break
      entries.delete(k)
      bytes -= e.body.length
    }
  }

  const cache = {
    /** The epoch now, and the key and ETag of `request` (everything that decides its content). */
    async stamp(db: Queryable, request: unknown): Promise<ViewStamp> {
      const key = JSON.stringify(request)
      const [{ n: epoch }] = await db.query<{ n: number }>('SELECT n FROM matrix_epoch WHERE id = 1')
      return { epoch, key, etag: `"m${epoch}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"` }
    },

    /** The JSON of `key` at `epoch`: kept, being computed by another request, or computed now. */
    async bytes(key: string, epoch: number, compute: () => Promise<unknown>): Promise<Buffer> {
      const hit = entries.get(key)
      if (hit && hit.epoch === epoch) {
        // Most recently used last: eviction takes the oldest first.
        entries.delete(key)
        entries.set(key, hit)
        return hit.body
      }
      const flight = `${epoch}\u0000${key}`
      const running = computing.get(flight)
      if (running) return running
      const done = (async () => Buffer.from(JSON.stringify(await compute())))()
      computing.set(flight, done)
      try {
        const body = await done
        remember(key, epoch, body)
        return body
      } finally {
        computing.delete(flight)
      }
    },

    /**
     * The view for `request` (everything that decides its content: directive, options, caller's
     * scopes). body is null when the caller already holds this ETag.
     */
    async view(db: Queryable, request: unknown, ifNoneMatch: string | undefined, compute: () => Promise<unknown>): Promise<CachedView> {
      const { epoch, key, etag } = await cache.stamp(db, request)
      if (ifNoneMatch === etag) return { etag, body: null }
      return { etag, body: await cache.bytes(key, epoch, compute) }
    },

    get size() {
      return { entries: entries.size, bytes, computing: computing.size }
    },
  }
  return cache
}

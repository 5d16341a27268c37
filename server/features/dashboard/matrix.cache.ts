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

// 32 MB holds the flat view of a 5,000-unit directive (5 MB) several times over, and the tree
// views (60–200 kB) of every directive a board looks at.
export function matrixCache(maxBytes = 32 * 1024 * 1024) {
  const entries = new Map<string, { epoch: number; body: Buffer }>()
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

  return {
    /**
     * The view for `request` (everything that decides its content: directive, options, caller's
     * scopes). body is null when the caller already holds this ETag.
     */
    async view(db: Queryable, request: unknown, ifNoneMatch: string | undefined, compute: () => Promise<unknown>): Promise<CachedView> {
      const key = JSON.stringify(request)
      const [{ n: epoch }] = await db.query<{ n: number }>('SELECT n FROM matrix_epoch WHERE id = 1')
      const etag = `"m${epoch}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`
      if (ifNoneMatch === etag) return { etag, body: null }
      const hit = entries.get(key)
      if (hit && hit.epoch === epoch) {
        // Most recently used last: eviction takes the oldest first.
        entries.delete(key)
        entries.set(key, hit)
        return { etag, body: hit.body }
      }
      const body = Buffer.from(JSON.stringify(await compute()))
      remember(key, epoch, body)
      return { etag, body }
    },
    get size() {
      return { entries: entries.size, bytes }
    },
  }
}

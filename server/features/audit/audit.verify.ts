import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Queryable } from '../../db/types.ts'
import type { Keyring } from '../../lib/keyring.ts'
import { checkAnchor, type Anchor } from './audit.anchor.ts'
import type { AuditRecord } from './audit.queries.ts'
import { GENESIS_HASH, hashEntry } from './audit.hash.ts'

export type FailureReason = 'changed' | 'chain_broken' | 'gap' | 'anchor_mismatch' | 'truncated' | 'anchor_forged'

export type VerifyResult =
  | {
      ok: true
      count: number
      lastId: number
      lastHash: string
      /** Anchors the log was checked against, and those signed under a retired master key (not checked). */
      anchorsChecked: number
      anchorsSkipped: number
      /** Ids missing from before consecutive ids began (migration 0009): writes rolled back then, not removals. */
      legacyGaps: Array<[number, number]>
    }
  | { ok: false; count: number; firstBadId: number; reason: FailureReason; message: string }

const BATCH = 20_000

type StoredEntry = AuditRecord & { prev_hash: string; hash: string }

const span = ([a, b]: [number, number]) => (a === b ? `${a}` : `${a}–${b}`)

/**
 * Walks the log in id order, recomputing each hash. A changed row fails its own hash; a deleted
 * or reordered row breaks the next row's link to its predecessor, and leaves a gap in the ids.
 * With `anchors` (and the keyring that signed them), the log must also still hold every anchored
 * head: a truncated log, or one rewritten with its hashes recomputed, fails here.
 */
export async function verifyAuditChain(db: Queryable, opts: { anchors?: Anchor[]; keys?: Keyring; workers?: number } = {}): Promise<VerifyResult> {
  const pool = await hashPool(db, opts.workers)
  try {
    return await walk(db, opts, pool)
  } finally {
    await pool?.close()
  }
}

async function walk(db: Queryable, opts: { anchors?: Anchor[]; keys?: Keyring }, pool: HashPool | null): Promise<VerifyResult> {
  const byLastId = new Map<number, Anchor>()
  let anchorsSkipped = 0
  for (const a of opts.anchors ?? []) {
    const state = opts.keys ? checkAnchor(opts.keys, a) : 'unknown-key'
    if (state === 'bad') {
      return { ok: false, count: 0, firstBadId: a.lastId, reason: 'anchor_forged', message: `the anchor signed at ${a.at} does not carry a valid signature: the anchor file was altered` }
    }
    if (state === 'unknown-key') anchorsSkipped++
    else if (a.lastId > 0) byLastId.set(a.lastId, a)
  }
  const [{ after: gaplessAfter }] = await db.query<{ after: number }>('SELECT coalesce(max(after_id), 0)::int8 AS after FROM audit_log_gapless')
  const legacyGaps: Array<[number, number]> = []

  let prevHash = GENESIS_HASH
  let prevId = 0
  let count = 0
  let anchorsChecked = 0
  // With workers, before and after come as their jsonb text and are parsed off the main thread.
  const batchAfter = (id: number) => db.query<StoredEntry>(
    `SELECT id, at, actor_id, actor_username, ip, action, entity, entity_id, unit_id, session_no::int8 AS session_no,
            before${pool ? '::text AS before' : ''}, after${pool ? '::text AS after' : ''}, prev_hash, hash
     FROM audit_log WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
    [id],
  )
  let next = batchAfter(0)
  for (;;) {
    const rows = await next
    if (rows.length === 0) break
    // The database reads the next batch while this one is hashed (by the workers when there are).
    next = batchAfter(rows[rows.length - 1].id)
    next.catch(() => {})
    const changed = pool ? await pool.check(rows) : null
    for (const r of rows) {
      if (r.id !== prevId + 1) {
        const gap: [number, number] = [prevId + 1, r.id - 1]
        if (r.id - 1 > gaplessAfter) {
          return { ok: false, count, firstBadId: r.id, reason: 'gap', message: `audit entries ${span(gap)} are missing (removed from the log)` }
        }
        legacyGaps.push(gap)
      }
      if (r.prev_hash !== prevHash) {
        return { ok: false, count, firstBadId: r.id, reason: 'chain_broken', message: `audit entry ${r.id}: does not follow the entry before it (an entry was deleted, inserted or reordered before it)` }
      }
      // The link above holds, so hashing from the row's own prev_hash (as the workers do) is hashing from prevHash.
      const isChanged = changed ? changed.has(r.id) : hashEntry(prevHash, {
        id: r.id, at: r.at, actorId: r.actor_id, actorUsername: r.actor_username, ip: r.ip, action: r.action,
        entity: r.entity, entityId: r.entity_id, unitId: r.unit_id, before: r.before, after: r.after, sessionNo: r.session_no === null ? null : Number(r.session_no),
      }) !== r.hash
      if (isChanged) {
        return { ok: false, count, firstBadId: r.id, reason: 'changed', message: `audit entry ${r.id}: its content was changed after it was written` }
      }
      prevHash = r.hash
      prevId = r.id
      count++
      const anchor = byLastId.get(r.id)
      if (anchor) {
        if (anchor.hash !== r.hash || anchor.count !== count) {
          return {
            ok: false, count, firstBadId: r.id, reason: 'anchor_mismatch',
            message: `audit entry ${r.id}: the log up to here is not the one anchored at ${anchor.at} (${anchor.count} entries then, ${count} now): it was rewritten and its hashes recomputed`,
          }
        }
        anchorsChecked++
        byLastId.delete(r.id)
      }
    }
  }
  // Anchored heads the walk never reached: the log was cut short.
  const missed = [...byLastId.values()].sort((a, b) => a.lastId - b.lastId)
  if (missed.length) {
    const a = missed[missed.length - 1]
    return a.lastId > prevId
      ? { ok: false, count, firstBadId: prevId + 1, reason: 'truncated', message: `the log ends at entry ${prevId}, but the anchor signed at ${a.at} shows ${a.count} entries up to entry ${a.lastId}: entries were removed from its end (or the whole log was emptied)` }
      : { ok: false, count, firstBadId: missed[0].lastId, reason: 'anchor_mismatch', message: `audit entry ${missed[0].lastId}, anchored at ${missed[0].at}, is no longer in the log` }
  }
  return { ok: true, count, lastId: prevId, lastHash: prevHash, anchorsChecked, anchorsSkipped, legacyGaps }
}

interface HashPool {
  /** The ids among `rows` whose stored hash is not the hash of their content and stored prev_hash. */
  check(rows: StoredEntry[]): Promise<Set<number>>
  close(): Promise<void>
}

/**
 * Worker threads that hash entries while the main thread reads the next batch and checks the links
 * (100,000 entries took 2.5 s on the main thread alone: parsing jsonb, canonical JSON and SHA-256).
 * `workers`: how many (0: none, hash on the main thread); by default one per core but the main
 * thread's, up to 4, when the log is larger than one batch; a small log is hashed faster than a
 * worker starts.
 */
async function hashPool(db: Queryable, workers?: number): Promise<HashPool | null> {
  let n = workers
  if (n === undefined) {
    const [{ big }] = await db.query<{ big: boolean }>(`SELECT EXISTS (SELECT 1 FROM audit_log OFFSET ${BATCH}) AS big`)
    // The main thread reads and checks the links on one core; workers on the others. On a 2-core
    // machine under load, two workers measured slower than none (114,000 entries at load 19–27:
    // 15.7–20.3 s against 8.4–14.1 s), one about the same (7.2–10.4 s).
    n = big ? Math.min(4, availableParallelism() - 1) : 0
  }
  if (n <= 0) return null
  const threads = await Promise.all(
    Array.from({ length: n }, () => new Promise<Worker>((resolve, reject) => {
      const w = new Worker(new URL('./audit.verify.worker.mjs', import.meta.url))
      w.once('message', () => resolve(w)).once('error', reject)
    })),
  )
  let seq = 0
  const waiting = new Map<number, { resolve: (bad: number[]) => void; reject: (e: Error) => void }>()
  for (const w of threads) {
    w.on('message', (m: { seq: number; bad: number[] }) => {
      waiting.get(m.seq)?.resolve(m.bad)
      waiting.delete(m.seq)
    })
    w.on('error', (e) => {
      for (const p of waiting.values()) p.reject(e)
      waiting.clear()
    })
  }
  return {
    async check(rows) {
      const size = Math.ceil(rows.length / threads.length)
      const parts = threads.map((w, i) => {
        const chunk = rows.slice(i * size, (i + 1) * size)
        if (!chunk.length) return Promise.resolve([] as number[])
        const id = seq++
        return new Promise<number[]>((resolve, reject) => {
          waiting.set(id, { resolve, reject })
          w.postMessage({ seq: id, rows: chunk })
        })
      })
      return new Set((await Promise.all(parts)).flat())
    },
    async close() {
      await Promise.all(threads.map((w) => w.terminate()))
    },
  }
}

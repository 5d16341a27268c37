import type { Queryable } from '../../db/types.ts'
import type { AuditRecord } from './audit.queries.ts'
import { GENESIS_HASH, hashEntry } from './audit.hash.ts'

export type VerifyResult =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; firstBadId: number; reason: 'changed' | 'chain_broken'; message: string }

const BATCH = 20_000

type StoredEntry = AuditRecord & { prev_hash: string; hash: string }

/**
 * Walks the log in id order, recomputing each hash. A changed row fails its own hash; a deleted
 * or reordered row breaks the next row's link to its predecessor.
 */
export async function verifyAuditChain(db: Queryable): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH
  let count = 0
  const batchAfter = (id: number) => db.query<StoredEntry>(
    `SELECT id, at, actor_id, actor_username, ip, action, entity, entity_id, unit_id, before, after, prev_hash, hash
     FROM audit_log WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
    [id],
  )
  let next = batchAfter(0)
  for (;;) {
    const rows = await next
    if (rows.length === 0) return { ok: true, count, lastHash: prevHash }
    // The database reads the next batch while this one is hashed.
    next = batchAfter(rows[rows.length - 1].id)
    next.catch(() => {})
    for (const r of rows) {
      if (r.prev_hash !== prevHash) {
        return { ok: false, count, firstBadId: r.id, reason: 'chain_broken', message: `audit entry ${r.id}: does not follow the entry before it (an entry was deleted, inserted or reordered before it)` }
      }
      const expected = hashEntry(prevHash, {
        id: r.id, at: r.at, actorId: r.actor_id, actorUsername: r.actor_username, ip: r.ip, action: r.action,
        entity: r.entity, entityId: r.entity_id, unitId: r.unit_id, before: r.before, after: r.after,
      })
      if (expected !== r.hash) {
        return { ok: false, count, firstBadId: r.id, reason: 'changed', message: `audit entry ${r.id}: its content was changed after it was written` }
      }
      prevHash = r.hash
      count++
    }
  }
}

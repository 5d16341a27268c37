import type { Queryable } from '../../db/types.ts'
import { GENESIS_HASH, hashEntry, toJsonValue } from './audit.hash.ts'

import type { Actor } from '../../http/current-user.ts'

export type { Actor }

export interface AuditInput {
  action: string
  entity: string
  entityId: string | number | null
  unitId?: number | null
  before?: unknown
  after?: unknown
}

// All audit appends take this lock for the rest of their transaction, so the chain never forks.
const AUDIT_CHAIN_LOCK = 19_461_503

/** Appends one entry to the hash chain. Call inside the transaction that makes the change. */
export async function recordAudit(tx: Queryable, actor: Actor, input: AuditInput): Promise<void> {
  // The chain's lock, then its head read with a snapshot taken after the lock (so it sees the entry
  // the previous holder committed): one round trip (audit_chain_head, migration 0019).
  // Ids are consecutive (the last one plus one, not a sequence a rolled-back write would use up),
  // so audit:verify can tell a missing id from a write that never happened.
  const [last] = await tx.query<{ id: number | null; hash: string | null }>('SELECT id, hash FROM audit_chain_head($1)', [AUDIT_CHAIN_LOCK])
  const id = (last?.id ?? 0) + 1
  const lastHash = last?.hash ?? null
  const entry = {
    id,
    at: actor.now,
    actorId: actor.id,
    actorUsername: actor.username,
    ip: actor.ip,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId === null ? null : String(input.entityId),
    unitId: input.unitId ?? null,
    before: toJsonValue(input.before),
    after: toJsonValue(input.after),
    sessionNo: actor.sessionNo ?? null,
  }
  const prevHash = lastHash ?? GENESIS_HASH
  const hash = hashEntry(prevHash, entry)
  await tx.query(
    `INSERT INTO audit_log (id, at, actor_id, actor_username, ip, action, entity, entity_id, unit_id, before, after, prev_hash, hash, session_no)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
    [
      entry.id, entry.at, entry.actorId, entry.actorUsername, entry.ip, entry.action, entry.entity, entry.entityId, entry.unitId,
      entry.before === null ? null : JSON.stringify(entry.before), entry.after === null ? null : JSON.stringify(entry.after),
      prevHash, hash, entry.sessionNo,
    ],
  )
}

/** A read of a confidential record is audited like a write, with no content in the entry. */
export function recordConfidentialRead(tx: Queryable, actor: Actor, entity: string, entityId: number | string, unitId: number | null) {
  return recordAudit(tx, actor, { action: 'read', entity, entityId, unitId })
}

/** One record's own slice of the log, oldest first (a confidential case's access history). */
export async function entriesFor(db: Queryable, entity: string, entityId: number | string) {
  const rows = await db.query<{ at: Date; actor_username: string | null; ip: string | null; action: string; after: unknown }>(
    'SELECT at, actor_username, ip, action, after FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id',
    [entity, String(entityId)],
  )
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), actor: r.actor_username, ip: r.ip, action: r.action, after: r.after }))
}

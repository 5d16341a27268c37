import type { AuditEntryDto } from '../../../contract/audit.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'

/** An audit_log row as stored (audit.verify.ts reads its hashes too). */
export interface AuditRecord {
  id: number
  at: Date
  actor_id: number | null
  actor_username: string | null
  ip: string | null
  action: string
  entity: string
  entity_id: string | null
  unit_id: number | null
  before: unknown
  after: unknown
}

export interface AuditFilter {
  actorId?: number
  actorUsername?: string
  entity?: string
  entityId?: string
  /** Vietnamese days (the session's time zone makes `$n::date` Hanoi midnight). */
  from?: string
  to?: string
  beforeId?: number
  limit: number
}

/**
 * Entries about units under `scopes`, newest first. Entries tied to no unit (sign-ins, system jobs)
 * are for readers scoped at a top-level unit.
 */
export async function listAuditEntries(db: Queryable, scopes: string[], q: AuditFilter): Promise<AuditEntryDto[]> {
  const params: unknown[] = [arrayLiteral(scopes)]
  const where = [`(u.path <@ ANY($1::ltree[]) OR (l.unit_id IS NULL AND EXISTS (SELECT 1 FROM unnest($1::ltree[]) s WHERE nlevel(s) = 1)))`]
  if (q.actorId) where.push(`l.actor_id = $${params.push(q.actorId)}`)
  if (q.actorUsername) where.push(`lower(l.actor_username) = lower($${params.push(q.actorUsername)})`)
  if (q.entity) where.push(`l.entity = $${params.push(q.entity)}`)
  if (q.entityId) where.push(`l.entity_id = $${params.push(q.entityId)}`)
  if (q.from) where.push(`l.at >= $${params.push(q.from)}::date`)
  if (q.to) where.push(`l.at < $${params.push(q.to)}::date + 1`)
  if (q.beforeId) where.push(`l.id < $${params.push(q.beforeId)}`)
  const rows = await db.query<AuditRecord>(
    `SELECT l.id, l.at, l.actor_id, l.actor_username, l.ip, l.action, l.entity, l.entity_id, l.unit_id, l.before, l.after
     FROM audit_log l LEFT JOIN unit u ON u.id = l.unit_id
     WHERE ${where.join(' AND ')} ORDER BY l.id DESC LIMIT $${params.push(q.limit)}`,
    params,
  )
  return rows.map((r) => ({
    id: r.id, at: new Date(r.at).toISOString(), actorId: r.actor_id, actorUsername: r.actor_username, ip: r.ip, action: r.action,
    entity: r.entity, entityId: r.entity_id, unitId: r.unit_id, before: r.before, after: r.after,
  }))
}

import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEntryForHash {
  id: number
  at: Date
  actorId: number | null
  actorUsername: string | null
  ip: string | null
  action: string
  entity: string
  entityId: string | null
  unitId: number | null
  before: unknown
  after: unknown
}

/** JSON with object keys sorted at every level, so jsonb's own key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']'
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>
    return '{' + Object.keys(obj).sort().filter((k) => obj[k] !== undefined).map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}'
  }
  return JSON.stringify(value)
}

/** Normalizes a value the way a jsonb round trip does (Dates become ISO strings, undefined drops). */
export function toJsonValue(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v))
}

export function hashEntry(prevHash: string, e: AuditEntryForHash): string {
  const body = canonicalJson({
    id: Number(e.id),
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    ip: e.ip,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    unitId: e.unitId,
    before: e.before ?? null,
    after: e.after ?? null,
  })
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex')
}

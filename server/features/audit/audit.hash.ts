import { createHash } from 'node:crypto'
import type { AuditEntryDto } from '../../../contract/audit.ts'

export const GENESIS_HASH = '0'.repeat(64)

/** An entry as stored: what the API shows, with its instant as a Date. */
export type AuditEntryForHash = Omit<AuditEntryDto, 'at'> & { at: Date }

/** JSON with object keys sorted at every level, so jsonb's own key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  // One string built in place: audit:verify runs this over every entry of the log.
  if (value === null || value === undefined) return 'null'
  if (typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i])
    return out + ']'
  }
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
  if (keys.length > 1) keys.sort()
  let out = '{'
  let first = true
  for (const k of keys) {
    const v = obj[k]
    if (v === undefined) continue
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(v)
    first = false
  }
  return out + '}'
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
    // Only when there is one: entries written before sessions were numbered keep their hash.
    sessionNo: e.sessionNo ?? undefined,
  })
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex')
}

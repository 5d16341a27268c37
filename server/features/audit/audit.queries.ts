import { AUDIT_UNRESOLVED_ENTITIES, auditEntityRefKind, auditRefKind, type AuditEntryDto, type AuditRefKind } from '../../../contract/audit.ts'
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
  /** The session's number (migration 0020), as text from int8; null outside a session. */
  session_no: string | number | null
  before: unknown
  after: unknown
}

export interface AuditFilter {
  actorId?: number
  actorUsername?: string
  sessionNo?: number
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
  if (q.sessionNo) where.push(`l.session_no = $${params.push(q.sessionNo)}`)
  if (q.entity) where.push(`l.entity = $${params.push(q.entity)}`)
  if (q.entityId) where.push(`l.entity_id = $${params.push(q.entityId)}`)
  if (q.from) where.push(`l.at >= $${params.push(q.from)}::date`)
  if (q.to) where.push(`l.at < $${params.push(q.to)}::date + 1`)
  if (q.beforeId) where.push(`l.id < $${params.push(q.beforeId)}`)
  const rows = await db.query<AuditRecord>(
    `SELECT l.id, l.at, l.actor_id, l.actor_username, l.ip, l.action, l.entity, l.entity_id, l.unit_id, l.session_no, l.before, l.after
     FROM audit_log l LEFT JOIN unit u ON u.id = l.unit_id
     WHERE ${where.join(' AND ')} ORDER BY l.id DESC LIMIT $${params.push(q.limit)}`,
    params,
  )
  const names = await resolveNames(db, scopes, rows)
  return rows.map((r) => {
    const own: Record<string, string> = {}
    for (const key of refsOf(r)) {
      const name = names.get(key)
      if (name) own[key] = name
    }
    return {
      id: r.id, at: new Date(r.at).toISOString(), actorId: r.actor_id, actorUsername: r.actor_username, ip: r.ip, action: r.action,
      entity: r.entity, entityId: r.entity_id, unitId: r.unit_id, before: r.before, after: r.after,
      sessionNo: r.session_no === null ? null : Number(r.session_no),
      actorName: r.actor_id === null ? null : (names.get(`actor:${r.actor_id}`) ?? null),
      names: own,
    }
  })
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** `person:12`-style keys of the records an entry points at: its own id and id-named snapshot fields. */
function refsOf(r: AuditRecord): string[] {
  // A confidential case entry keeps to what the log itself says: nothing is looked up for it.
  if (AUDIT_UNRESOLVED_ENTITIES.includes(r.entity)) return []
  const keys = new Set<string>()
  const add = (kind: AuditRefKind | undefined, id: unknown) => {
    const n = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id
    if (kind && typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 2 ** 31) keys.add(`${kind}:${n}`)
  }
  add(auditEntityRefKind(r.entity), r.entity_id)
  for (const snap of [r.before, r.after]) {
    if (!isRecord(snap)) continue
    for (const [field, value] of Object.entries(snap)) {
      const kind = auditRefKind(r.entity, field)
      if (Array.isArray(value)) for (const v of value) add(kind, v)
      else add(kind, value)
    }
  }
  return [...keys]
}

/**
 * Names for a page of entries in three batched queries (people, units, accounts). People and units
 * are named only inside the reader's scope, like the entries themselves; an account is named by its
 * holder's full name. Actors (`actor:7`) are always named: the log already shows who acted.
 */
async function resolveNames(db: Queryable, scopes: string[], rows: AuditRecord[]): Promise<Map<string, string>> {
  const ids: Record<AuditRefKind, Set<number>> = { person: new Set(), unit: new Set(), account: new Set() }
  for (const r of rows) {
    for (const key of refsOf(r)) {
      const [kind, id] = key.split(':') as [AuditRefKind, string]
      ids[kind].add(Number(id))
    }
  }
  const actors = new Set(rows.flatMap((r) => (r.actor_id === null ? [] : [r.actor_id])))
  const names = new Map<string, string>()
  const inScope = (alias: string) => `${alias}.path <@ ANY($2::ltree[])`
  const scopeParam = arrayLiteral(scopes)
  const [people, units, accounts] = await Promise.all([
    ids.person.size
      ? db.query<{ id: number; name: string }>(
          `SELECT p.id, p.full_name AS name FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = ANY($1::int[]) AND ${inScope('u')}`,
          [arrayLiteral([...ids.person]), scopeParam],
        )
      : [],
    ids.unit.size
      ? db.query<{ id: number; name: string }>(`SELECT u.id, u.name FROM unit u WHERE u.id = ANY($1::int[]) AND ${inScope('u')}`, [arrayLiteral([...ids.unit]), scopeParam])
      : [],
    ids.account.size || actors.size
      ? db.query<{ id: number; name: string | null; in_scope: boolean }>(
          `SELECT a.id, p.full_name AS name, coalesce(${inScope('u')}, false) AS in_scope
           FROM account a LEFT JOIN person p ON p.id = a.person_id LEFT JOIN unit u ON u.id = p.unit_id
           WHERE a.id = ANY($1::int[])`,
          [arrayLiteral([...new Set([...ids.account, ...actors])]), scopeParam],
        )
      : [],
  ])
  for (const p of people) names.set(`person:${p.id}`, p.name)
  for (const u of units) names.set(`unit:${u.id}`, u.name)
  for (const a of accounts) {
    if (!a.name) continue
    if (actors.has(a.id)) names.set(`actor:${a.id}`, a.name)
    if (a.in_scope && ids.account.has(a.id)) names.set(`account:${a.id}`, a.name)
  }
  return names
}

import type { FastifyInstance } from 'fastify'
import { auditListQuery, type AuditEntryDto } from '../../../contract/audit.ts'
import type { Role } from '../../../contract/roles.ts'
import type { AppDeps } from '../../app.ts'
import { requireUser } from '../../http/guard.ts'
import { scopePaths } from '../../http/scope.ts'
import { parse } from '../../http/validate.ts'
import { arrayLiteral } from '../../db/types.ts'

export const AUDIT_READ_ROLES: readonly Role[] = ['auditor', 'board']

export function auditRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  app.get('/api/v1/audit', { preHandler: requireUser(db, clock, AUDIT_READ_ROLES) }, async (req) => {
    const q = parse(auditListQuery, req.query)
    const scopes = scopePaths(req.user!, AUDIT_READ_ROLES)
    const params: unknown[] = [arrayLiteral(scopes)]
    // Entries tied to no unit (sign-ins, system jobs) are for readers scoped at a top-level unit.
    const where = [`(u.path <@ ANY($1::ltree[]) OR (l.unit_id IS NULL AND EXISTS (SELECT 1 FROM unnest($1::ltree[]) s WHERE nlevel(s) = 1)))`]
    if (q.actorId) where.push(`l.actor_id = $${params.push(q.actorId)}`)
    if (q.actorUsername) where.push(`lower(l.actor_username) = lower($${params.push(q.actorUsername)})`)
    if (q.entity) where.push(`l.entity = $${params.push(q.entity)}`)
    if (q.entityId) where.push(`l.entity_id = $${params.push(q.entityId)}`)
    if (q.from) where.push(`l.at >= $${params.push(q.from)}::date`)
    if (q.to) where.push(`l.at < $${params.push(q.to)}::date + 1`)
    if (q.beforeId) where.push(`l.id < $${params.push(q.beforeId)}`)
    const rows = await db.query<any>(
      `SELECT l.id, l.at, l.actor_id, l.actor_username, l.ip, l.action, l.entity, l.entity_id, l.unit_id, l.before, l.after
       FROM audit_log l LEFT JOIN unit u ON u.id = l.unit_id
       WHERE ${where.join(' AND ')} ORDER BY l.id DESC LIMIT $${params.push(q.limit)}`,
      params,
    )
    const items: AuditEntryDto[] = rows.map((r) => ({
      id: r.id, at: new Date(r.at).toISOString(), actorId: r.actor_id, actorUsername: r.actor_username, ip: r.ip, action: r.action,
      entity: r.entity, entityId: r.entity_id, unitId: r.unit_id, before: r.before, after: r.after,
    }))
    return { items }
  })
}

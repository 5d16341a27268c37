import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../app.ts'
import { notFound } from '../../http/errors.ts'
import { requireUser } from '../../http/guard.ts'
import { scopePaths } from '../../http/scope.ts'
import { idParam, parse } from '../../http/validate.ts'
import { DASHBOARD_ROLES } from '../dashboard/dashboard.policy.ts'
import { listNotifications, markRead } from './notifications.queries.ts'
import { listOverdue } from './overdue.queries.ts'
import { today } from '../../lib/dates.ts'

const listQuery = z.strictObject({ unreadOnly: z.enum(['0', '1']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) })
const overdueQuery = z.strictObject({ asOf: z.iso.date().optional() })

export function notificationRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const signedIn = requireUser(db, clock)

  app.get('/api/v1/notifications', { preHandler: signedIn }, async (req) => {
    const q = parse(listQuery, req.query)
    return listNotifications(db, req.user!.id, { unreadOnly: q.unreadOnly === '1', limit: q.limit })
  })

  app.post('/api/v1/notifications/:id/read', { preHandler: signedIn }, async (req) => {
    const { id } = parse(idParam, req.params)
    const [own] = await db.query('SELECT 1 FROM notification WHERE id = $1 AND account_id = $2', [id, req.user!.id])
    if (!own) throw notFound()
    return { updated: await markRead(db, req.user!.id, id, clock()) }
  })

  app.post('/api/v1/notifications/read-all', { preHandler: signedIn }, async (req) => ({ updated: await markRead(db, req.user!.id, null, clock()) }))

  app.get('/api/v1/overdue', { preHandler: requireUser(db, clock, DASHBOARD_ROLES) }, async (req) => {
    const { asOf } = parse(overdueQuery, req.query)
    return { items: await listOverdue(db, asOf ?? today(clock), scopePaths(req.user!, DASHBOARD_ROLES)) }
  })
}

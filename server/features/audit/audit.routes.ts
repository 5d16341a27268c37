import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { AUDIT_READ_ROLES, auditListDto, auditListQuery } from '../../../contract/audit.ts'
import type { AppDeps } from '../../deps.ts'
import { requireUser, userOf } from '../../http/guard.ts'
import { scopePaths } from '../../http/scope.ts'
import { listAuditEntries } from './audit.queries.ts'

export function auditRoutes(fastify: FastifyInstance, { db }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  app.get('/api/v1/audit', {
    onRequest: requireUser(AUDIT_READ_ROLES),
    schema: { tags: ['audit'], summary: 'The audit log in scope, newest first (page with beforeId)', querystring: auditListQuery, response: { 200: auditListDto } },
  }, async (req) => ({ items: await listAuditEntries(db, scopePaths(userOf(req), AUDIT_READ_ROLES), req.query) }))
}

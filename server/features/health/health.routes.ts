import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { healthDto } from '../../../contract/health.ts'
import type { AppDeps } from '../../deps.ts'

export function healthRoutes(fastify: FastifyInstance, { db }: AppDeps) {
  fastify.withTypeProvider<ZodTypeProvider>().get('/api/v1/health', {
    schema: { tags: ['health'], summary: 'Liveness: the server answers and its database does', security: [], response: { 200: healthDto } },
  }, async () => {
    await db.query('SELECT 1')
    return { status: 'ok' as const, database: db.kind }
  })
}

import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'

export function healthRoutes(app: FastifyInstance, { db }: AppDeps) {
  app.get('/api/v1/health', async () => {
    await db.query('SELECT 1')
    return { status: 'ok', database: db.kind }
  })
}

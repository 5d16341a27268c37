import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { healthDto } from '../../../contract/health.ts'
import { DbTimeoutError, withTimeout } from '../../db/errors.ts'
import type { AppDeps } from '../../deps.ts'
import { freeBytes } from '../../lib/disk.ts'

/** A monitor polls this: it must answer quickly even when the database does not. */
const HEALTH_TIMEOUT_MS = 3_000
/** Below this the embedded database's next checkpoint or backup may not fit. */
const LOW_STORAGE_BYTES = 256 * 1024 * 1024

export function healthRoutes(fastify: FastifyInstance, { db, config }: AppDeps) {
  fastify.withTypeProvider<ZodTypeProvider>().get('/api/v1/health', {
    schema: {
      tags: ['health'], summary: "Liveness: the server answers, and the state of its database and (embedded) its disk", security: [],
      response: { 200: healthDto, 503: healthDto },
    },
  }, async (_req, reply) => {
    let databaseState: 'ok' | 'timeout' | 'unavailable' = 'ok'
    try {
      await withTimeout(db.query('SELECT 1'), HEALTH_TIMEOUT_MS)
    } catch (e) {
      databaseState = e instanceof DbTimeoutError ? 'timeout' : 'unavailable'
    }
    let storage: 'ok' | 'low' | 'unknown' = 'unknown'
    if (db.kind === 'pglite') {
      try {
        storage = freeBytes(config.dataDir) < LOW_STORAGE_BYTES ? 'low' : 'ok'
      } catch {
        storage = 'unknown'
      }
    }
    const status = databaseState !== 'ok' ? 'unavailable' : storage === 'low' ? 'degraded' : 'ok'
    // A replica that lags or is down degrades nothing: reads go to the primary meanwhile.
    const replica = db.replica && (({ state, lagMs, error }) => ({ state, lagMs, ...(error && { error }) }))(db.replica.status())
    return reply.status(status === 'unavailable' ? 503 : 200).send({ status, database: db.kind, databaseState, storage, ...(replica && { replica }) })
  })
}

import { z } from 'zod'

/**
 * GET /api/v1/health: the server answers, and what its database does. `status` is `unavailable`
 * (HTTP 503) when the database does not answer within a few seconds; `degraded` when it answers
 * but its disk is nearly full (embedded mode), so an operator's monitor sees it before writes fail.
 */
export const healthDto = z.object({
  status: z.enum(['ok', 'degraded', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
  databaseState: z.enum(['ok', 'timeout', 'unavailable']),
  storage: z.enum(['ok', 'low', 'unknown']),
  /**
   * With DATABASE_READ_URL: the read replica as this process's last probe saw it. `lagging` or
   * `down`: dashboards, exports and lists read from the primary until it is back within the limit.
   */
  replica: z.object({ state: z.enum(['unknown', 'ok', 'lagging', 'down']), lagMs: z.number().nullable(), error: z.string().optional() }).optional(),
})

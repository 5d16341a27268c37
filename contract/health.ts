import { z } from 'zod'

/** GET /api/v1/health: the server answers and so does its database. */
export const healthDto = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) })

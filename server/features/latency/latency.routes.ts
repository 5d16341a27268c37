import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { latencyDto, latencyQuery } from '../../../contract/latency.ts'
import type { AppDeps } from '../../deps.ts'
import { requireUser, userOf } from '../../http/guard.ts'
import { today } from '../../lib/dates.ts'
import { LATENCY_ROLES } from './latency.policy.ts'
import { processLatency } from './latency.service.ts'

const tags = ['latency']

/** Where the work waits: median and 90th-percentile days between the steps of directives, plans and reports. */
export function latencyRoutes(fastify: FastifyInstance, { db, clock }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  app.get('/api/v1/latency', { onRequest: requireUser(LATENCY_ROLES), schema: { tags, summary: 'Process latency for my scope (or under a unit): median and p90 days per step; untracked steps say so', querystring: latencyQuery, response: { 200: latencyDto } } }, async (req) =>
    processLatency(db, userOf(req), req.query, today(clock)),
  )
}

import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { JOB_ADMIN_ROLES, jobRunListDto, jobRunListQuery } from '../../../contract/jobs.ts'
import type { AppDeps } from '../../deps.ts'
import { requireUser } from '../../http/guard.ts'
import { JOBS } from '../../jobs.ts'
import { lastRuns, listRuns } from './jobs.queries.ts'

const tags = ['jobs']

/** The admin's view of scheduled job runs: each job's last run, then the newest runs (state, duration, error). */
export function jobRoutes(fastify: FastifyInstance, { db }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  app.get('/api/v1/admin/jobs', {
    onRequest: requireUser(JOB_ADMIN_ROLES),
    schema: { tags, summary: "Scheduled jobs and their recent runs (the job queue's on PostgreSQL, the embedded scheduler's on PGlite): state, duration, error", querystring: jobRunListQuery, response: { 200: jobRunListDto } },
  }, async (req) => {
    const [items, last] = await Promise.all([listRuns(db, req.query), lastRuns(db)])
    return {
      runner: db.kind === 'postgres' ? ('queue' as const) : ('scheduler' as const),
      jobs: JOBS.filter((j) => !j.onlyOn || j.onlyOn === db.kind).map((j) => ({ name: j.name, label: j.label, description: j.description, everyMs: j.everyMs, lastRun: last.get(j.name) ?? null })),
      items,
    }
  })
}

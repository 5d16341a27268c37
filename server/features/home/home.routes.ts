import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ACKNOWLEDGE_ROLES } from '../../../contract/directives.ts'
import { homeDto } from '../../../contract/home.ts'
import { PLAN_REVIEW_ROLES } from '../../../contract/plans.ts'
import type { AppDeps } from '../../deps.ts'
import { requireUser, userOf } from '../../http/guard.ts'
import { readerFor } from '../../http/read-routing.ts'
import { scopePaths } from '../../http/scope.ts'
import { today } from '../../lib/dates.ts'
import { boardSections, unitSections } from './work.queries.ts'

export function homeRoutes(fastify: FastifyInstance, { db, clock }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  app.get('/api/v1/me/work', {
    onRequest: requireUser(),
    schema: { tags: ['home'], summary: "What waits for me: a unit's head and officer, and the board or committee, each their own sections (none for staff and administrators)", response: { 200: homeDto } },
  }, async (req) => {
    const user = userOf(req)
    const asOf = today(clock)
    // Each side reads only the units the caller holds that side's roles on: the scope is the query's own.
    const unitScopes = scopePaths(user, ACKNOWLEDGE_ROLES)
    const boardScopes = scopePaths(user, PLAN_REVIEW_ROLES)
    // A worklist may trail a write by the replica's lag; the caller's own writes are read from the primary (read-routing.ts).
    const rdb = readerFor(db, req)
    const [board, unit] = await Promise.all([boardScopes.length ? boardSections(rdb, boardScopes, asOf) : [], unitScopes.length ? unitSections(rdb, unitScopes, asOf) : []])
    return { asOf, sections: [...board, ...unit] }
  })
}

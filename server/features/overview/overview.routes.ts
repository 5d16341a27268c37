import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { MIME, fileResponse } from '../../../contract/common.ts'
import { indicatorParams, indicatorUnitsDto, overviewDto, overviewQuery } from '../../../contract/overview.ts'
import type { AppDeps } from '../../deps.ts'
import { requireUser, userOf } from '../../http/guard.ts'
import { readerFor } from '../../http/read-routing.ts'
import { today } from '../../lib/dates.ts'
import { documentBuilds } from '../../lib/semaphore.ts'
import { OVERVIEW_ROLES } from './overview.policy.ts'
import { overviewCache } from './overview.cache.ts'
import { cachedIndicatorUnits, cachedOverview, overviewDepsOf, scopeName } from './overview.service.ts'

const tags = ['overview']

/** The committee's one-page overview of the nine requirements, and each indicator's drill-down. */
export function overviewRoutes(fastify: FastifyInstance, { db, clock, config }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const shared = overviewDepsOf(db, config)
  // A read replica when there is one that holds the caller's writes (the cache's epochs read from it too).
  const depsFor = (req: FastifyRequest) => ({ ...shared, db: readerFor(db, req) })
  const readers = requireUser(OVERVIEW_ROLES)
  // Pages kept until something they read changes (migration 0013): at 5,000 units a page costs
  // ~15-60 ms to compute, a kept one a counter read.
  const cache = overviewCache()

  app.get('/api/v1/overview', { onRequest: readers, schema: { tags, summary: 'One line per seed requirement for my scope (or under a unit): indicators with 12-month trends; untracked ones say so', querystring: overviewQuery, response: { 200: overviewDto } } }, async (req) =>
    cachedOverview(depsFor(req), cache, userOf(req), req.query, today(clock)),
  )

  app.get('/api/v1/overview.xlsx', { onRequest: readers, schema: { tags, summary: 'The overview as a spreadsheet for a committee meeting: every indicator with its 12 months', querystring: overviewQuery, response: { 200: fileResponse(MIME.xlsx, 'The overview') } } }, async (req, reply) => {
    const user = userOf(req)
    const day = today(clock)
    const deps = depsFor(req)
    const overview = await cachedOverview(deps, cache, user, req.query, day)
    const { overviewWorkbook } = await import('./overview.xlsx.ts')
    const name = await scopeName(deps, user, overview.unitId)
    const file = await documentBuilds.run(() => overviewWorkbook(overview, name))
    return reply.header('content-type', MIME.xlsx).header('content-disposition', `attachment; filename="tong-quan-bvctnb-${day}.xlsx"`).send(file)
  })

  app.get('/api/v1/overview.docx', { onRequest: readers, schema: { tags, summary: 'The overview as a one-page brief in the Party format for a committee meeting', querystring: overviewQuery, response: { 200: fileResponse(MIME.docx, 'The brief') } } }, async (req, reply) => {
    const user = userOf(req)
    const day = today(clock)
    const deps = depsFor(req)
    const overview = await cachedOverview(deps, cache, user, req.query, day)
    const { overviewBrief } = await import('./overview.docx.ts')
    const name = await scopeName(deps, user, overview.unitId)
    const file = await documentBuilds.run(() => overviewBrief(overview, name))
    return reply.header('content-type', MIME.docx).header('content-disposition', `attachment; filename="bao-cao-tom-tat-bvctnb-${day}.docx"`).send(file)
  })

  app.get('/api/v1/overview/:key/units', { onRequest: readers, schema: { tags, summary: "One indicator for each unit below a unit (or each top unit of my scope), worst first", params: indicatorParams, querystring: overviewQuery, response: { 200: indicatorUnitsDto } } }, async (req) =>
    cachedIndicatorUnits(depsFor(req), cache, userOf(req), req.params.key, req.query, today(clock)),
  )
}

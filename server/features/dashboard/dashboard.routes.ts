import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { MIME, fileResponse, idParams } from '../../../contract/common.ts'
import { matrixDto, matrixQuery } from '../../../contract/dashboard.ts'
import type { AppDeps } from '../../deps.ts'
import { requireUser, userOf } from '../../http/guard.ts'
import { readerFor } from '../../http/read-routing.ts'
import { scopePaths } from '../../http/scope.ts'
import { today } from '../../lib/dates.ts'
import { documentBuilds } from '../../lib/semaphore.ts'
import { visibleDirective } from '../directives/directives.access.ts'
import { DASHBOARD_ROLES } from './dashboard.policy.ts'
import { matrixCache } from './matrix.cache.ts'
import { matrixCoverage } from './matrix.coverage.ts'
import { directiveMatrix, flatMatrixChunks, type CoverageFn, type MatrixOptions } from './matrix.service.ts'
import { FLAT_CHUNK, flatMatrixParts } from './matrix.stream.ts'

const tags = ['dashboard']

export function dashboardRoutes(fastify: FastifyInstance, { db, clock }: AppDeps, coverage: CoverageFn = matrixCoverage) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const readers = requireUser(DASHBOARD_ROLES)
  const options = (q: z.output<typeof matrixQuery>): MatrixOptions => ({ ...q, flat: q.flat === '1', overdueOnly: q.overdueOnly === '1', asOf: q.asOf ?? today(clock) })

  const cache = matrixCache()

  app.get('/api/v1/directives/:id/matrix', {
    onRequest: readers,
    schema: {
      tags, summary: 'Units × requirements: where every unit stands (ETag: unchanged views answer 304)', params: idParams, querystring: matrixQuery,
      response: { 200: matrixDto, 304: z.null().describe('Not modified: the ETag sent is current') },
    },
  }, async (req, reply) => {
    const user = userOf(req)
    const { id } = req.params
    const opts = options(req.query)
    // A read replica when there is one that holds the caller's writes; the epoch and the view from the same one.
    const rdb = readerFor(db, req)
    await visibleDirective(rdb, user, id)
    // What decides the view's content: the directive, the options and the caller's scopes.
    const request = { id, opts, scopes: scopePaths(user, DASHBOARD_ROLES).sort() }
    const stamp = await cache.stamp(rdb, request)
    // The browser keeps the answer and asks again with its ETag each time: unchanged views cost a 304.
    reply.header('etag', stamp.etag).header('cache-control', 'private, no-cache')
    if (req.headers['if-none-match'] === stamp.etag) return reply.code(304).send(null)
    // Every row of a flat view: written a chunk at a time, never held whole (5,000 units: ~15 MB);
    // its pages of FLAT_CHUNK rows (the web's) from the same kept chunks.
    const offset = opts.offset ?? 0
    if (opts.flat && (opts.limit === undefined || (opts.limit === FLAT_CHUNK && offset % FLAT_CHUNK === 0))) {
      const viewKey = JSON.stringify({ ...request, opts: { ...opts, offset: undefined, limit: undefined } })
      const parts = await flatMatrixParts(cache, viewKey, stamp.epoch, rdb, user, id, opts, coverage)
      if (parts) return reply.type('application/json; charset=utf-8').send((opts.limit === undefined ? parts.whole() : await parts.page(offset)) as never)
    }
    const body = await cache.bytes(stamp.key, stamp.epoch, () => directiveMatrix(rdb, user, id, opts, coverage))
    // The cached bytes were serialized (and checked against matrixDto) when the view was computed.
    return reply.type('application/json; charset=utf-8').send(body as never)
  })

  // The same view as a spreadsheet; without `under`, every unit in scope as its own row.
  app.get('/api/v1/directives/:id/matrix.xlsx', { onRequest: readers, schema: { tags, params: idParams, querystring: matrixQuery, response: { 200: fileResponse(MIME.xlsx, 'The matrix as a spreadsheet') } } }, async (req, reply) => {
    const user = userOf(req)
    const { id } = req.params
    const opts = options(req.query)
    const rdb = readerFor(db, req)
    const d = await visibleDirective(rdb, user, id)
    const whole = { ...opts, offset: 0, limit: undefined, flat: opts.under ? opts.flat : true }
    // exceljs loads with the first export, not at start (15–25 MB and 0.7 s of start-up CPU).
    const { matrixWorkbook } = await import('./matrix.xlsx.ts')
    const title = `Tình hình thực hiện văn bản ${d.number ?? ''}: ${d.subject}`
    // Within a place among the process's document builds; every unit of a flat view a chunk at a time.
    const file = await documentBuilds.run(async () => {
      const chunks = await flatMatrixChunks(rdb, user, id, whole, coverage)
      if (!chunks) {
        const m = await directiveMatrix(rdb, user, id, whole, coverage)
        return matrixWorkbook(m, [m.rows], title)
      }
      async function* rows() {
        for (let offset = 0; offset < chunks!.total; offset += FLAT_CHUNK) yield await chunks!.rows(offset, FLAT_CHUNK)
      }
      return matrixWorkbook(chunks.head, rows(), title)
    })
    const name = `ma-tran-${(d.number ?? String(id)).replace(/[^A-Za-z0-9-]+/g, '-')}-${opts.asOf}.xlsx`
    return reply.header('content-type', MIME.xlsx).header('content-disposition', `attachment; filename="${name}"`).send(file)
  })
}

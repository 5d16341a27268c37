import type { FastifyInstance } from 'fastify'
import { matrixQuery } from '../../../contract/dashboard.ts'
import type { AppDeps } from '../../app.ts'
import { requireUser } from '../../http/guard.ts'
import { idParam, parse } from '../../http/validate.ts'
import { scopePaths } from '../../http/scope.ts'
import { visibleDirective } from '../directives/directives.routes.ts'
import { today } from '../../lib/dates.ts'
import { DASHBOARD_ROLES } from './dashboard.policy.ts'
import { matrixCache } from './matrix.cache.ts'
import { matrixCoverage } from './matrix.coverage.ts'
import { directiveMatrix, type CoverageFn, type MatrixOptions } from './matrix.service.ts'

export function dashboardRoutes(app: FastifyInstance, { db, clock }: AppDeps, coverage: CoverageFn = matrixCoverage) {
  const readers = requireUser(db, clock, DASHBOARD_ROLES)
  const options = (raw: unknown): MatrixOptions => {
    const q = parse(matrixQuery, raw)
    return { ...q, flat: q.flat === '1', overdueOnly: q.overdueOnly === '1', asOf: q.asOf ?? today(clock) }
  }

  const cache = matrixCache()

  app.get('/api/v1/directives/:id/matrix', { preHandler: readers }, async (req, reply) => {
    const { id } = parse(idParam, req.params)
    const opts = options(req.query)
    await visibleDirective(db, req.user!, id)
    // What decides the view's content: the directive, the options and the caller's scopes.
    const request = { id, opts, scopes: scopePaths(req.user!, DASHBOARD_ROLES).sort() }
    const view = await cache.view(db, request, req.headers['if-none-match'], () => directiveMatrix(db, req.user!, id, opts, coverage))
    // The browser keeps the answer and asks again with its ETag each time: unchanged views cost a 304.
    reply.header('etag', view.etag).header('cache-control', 'private, no-cache')
    if (view.body === null) return reply.code(304).send()
    return reply.type('application/json; charset=utf-8').send(view.body)
  })

  // The same view as a spreadsheet; without `under`, every unit in scope as its own row.
  app.get('/api/v1/directives/:id/matrix.xlsx', { preHandler: readers }, async (req, reply) => {
    const { id } = parse(idParam, req.params)
    const opts = options(req.query)
    const d = await visibleDirective(db, req.user!, id)
    const m = await directiveMatrix(db, req.user!, id, { ...opts, flat: opts.under ? opts.flat : true }, coverage)
    // exceljs loads with the first export, not at start (15–25 MB and 0.7 s of start-up CPU).
    const { matrixWorkbook } = await import('./matrix.xlsx.ts')
    const file = await matrixWorkbook(m, `Tình hình thực hiện văn bản ${d.number ?? ''}: ${d.subject}`)
    const name = `ma-tran-${(d.number ?? String(id)).replace(/[^A-Za-z0-9-]+/g, '-')}-${opts.asOf}.xlsx`
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(file)
  })
}

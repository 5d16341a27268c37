import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { idParams, idempotencyHeaders, unitParams } from '../../../contract/common.ts'
import {
  createPeriodInput, periodDetailDto, periodListDto, reportDetailDto, reportPeriodDto, reportVersionDetailDto, reportVersionInput, returnReportInput,
  saveDraftInput, submitAnswerDto, versionParams,
} from '../../../contract/reports.ts'
import type { AppDeps } from '../../deps.ts'
import { notFound } from '../../http/errors.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { idempotencyKeyOf, reply } from '../../http/idempotency.ts'
import { scopePaths } from '../../http/scope.ts'
import { today } from '../../lib/dates.ts'
import { listPeriods, periodUnits } from './periods.queries.ts'
import { closePeriod, openPeriod, toPeriodDto } from './periods.service.ts'
import { reportInScope, reportScope, runsPeriod, visiblePeriod } from './reports.access.ts'
import { PERIOD_MANAGE_ROLES, REPORT_EDIT_ROLES, REPORT_READ_ROLES, REPORT_REVIEW_ROLES, REPORT_SUBMIT_ROLES } from './reports.policy.ts'
import { compareContent, listVersions } from './reports.queries.ts'
import { reportDetail, reviewReport, saveDraft, submitReport } from './reports.service.ts'

const tags = ['reports']

export function reportRoutes(fastify: FastifyInstance, { db, clock }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const readers = requireUser(REPORT_READ_ROLES)
  const managers = requireUser(PERIOD_MANAGE_ROLES)

  app.get('/api/v1/report-periods', { onRequest: readers, schema: { tags, summary: 'Periods I run or owe a report in', response: { 200: periodListDto } } }, async (req) => {
    const user = userOf(req)
    return { items: (await listPeriods(db, scopePaths(user, PERIOD_MANAGE_ROLES), scopePaths(user, REPORT_READ_ROLES))).map(toPeriodDto) }
  })

  app.post('/api/v1/report-periods', { onRequest: managers, schema: { tags, summary: 'Open a report period for a subtree (Idempotency-Key honoured)', headers: idempotencyHeaders, body: createPeriodInput, response: { 201: reportPeriodDto } } }, async (req, res) =>
    reply(res, await openPeriod(db, userOf(req), actorOf(req, clock()), req.body, idempotencyKeyOf(req))),
  )

  app.get('/api/v1/report-periods/:id', { onRequest: readers, schema: { tags, summary: 'A period with the units that owe a report (mine only, unless I run it)', params: idParams, response: { 200: periodDetailDto } } }, async (req) => {
    const user = userOf(req)
    const p = await visiblePeriod(db, user, req.params.id)
    const scopes = runsPeriod(user, p) ? null : scopePaths(user, REPORT_READ_ROLES)
    return { ...toPeriodDto(p), units: await periodUnits(db, p, scopes, today(clock)) }
  })

  app.post('/api/v1/report-periods/:id/close', { onRequest: managers, schema: { tags, params: idParams, body: reportVersionInput, response: { 200: reportPeriodDto } } }, async (req) =>
    closePeriod(db, userOf(req), actorOf(req, clock()), req.params.id, req.body.version),
  )

  app.get('/api/v1/report-periods/:id/units/:unitId/report', { onRequest: readers, schema: { tags, summary: "A unit's report: draft, live figures, checks, versions", params: unitParams, response: { 200: reportDetailDto } } }, async (req) => {
    const { period, unitName } = await reportScope(db, userOf(req), REPORT_READ_ROLES, req.params.id, req.params.unitId)
    return reportDetail(db, period, req.params.unitId, unitName, today(clock))
  })

  app.put('/api/v1/report-periods/:id/units/:unitId/report/draft', { onRequest: requireUser(REPORT_EDIT_ROLES), schema: { tags, summary: 'Save the draft (refused with the other text if someone saved since)', params: unitParams, body: saveDraftInput, response: { 200: reportDetailDto } } }, async (req) =>
    saveDraft(db, userOf(req), actorOf(req, clock()), req.params.id, req.params.unitId, req.body),
  )

  app.post('/api/v1/reports/:id/submit', { onRequest: requireUser(REPORT_SUBMIT_ROLES), schema: { tags, summary: 'The unit head submits; figures are frozen into a new version', params: idParams, body: reportVersionInput, response: { 200: submitAnswerDto } } }, async (req) =>
    submitReport(db, userOf(req), actorOf(req, clock()), req.params.id, req.body.version),
  )

  app.post('/api/v1/reports/:id/return', { onRequest: requireUser(REPORT_REVIEW_ROLES), schema: { tags, summary: 'Return with a general comment and per-section comments', params: idParams, body: returnReportInput, response: { 200: reportDetailDto } } }, async (req) =>
    reviewReport(db, userOf(req), actorOf(req, clock()), req.params.id, req.body, 'returned'),
  )

  app.post('/api/v1/reports/:id/accept', { onRequest: requireUser(REPORT_REVIEW_ROLES), schema: { tags, params: idParams, body: reportVersionInput, response: { 200: reportDetailDto } } }, async (req) =>
    reviewReport(db, userOf(req), actorOf(req, clock()), req.params.id, req.body, 'accepted'),
  )

  app.get('/api/v1/reports/:id/versions/:number', { onRequest: readers, schema: { tags, summary: 'A submitted version as frozen, and what changed since the one before', params: versionParams, response: { 200: reportVersionDetailDto } } }, async (req) => {
    const { id, number } = req.params
    await reportInScope(db, userOf(req), REPORT_READ_ROLES, id)
    const [v] = await listVersions(db, id, number)
    if (!v) throw notFound()
    const [prev] = number > 1 ? await listVersions(db, id, number - 1) : []
    return { ...v, changes: prev ? compareContent(prev.content, v.content) : null }
  })
}

import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import multipart from '@fastify/multipart'
import { MIME, fileResponse, fileUpload, idParams, okDto, unitParams } from '../../../contract/common.ts'
import {
  asOfQuery, createActionInput, evidenceDto, extensionDecisionInput, extensionRequestInput, extensionRequestedDto, planDto, planVersionInput, returnPlanInput,
  savedActionDto, updateActionInput,
} from '../../../contract/plans.ts'
import type { AppDeps } from '../../deps.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { canReach } from '../../http/scope.ts'
import { today } from '../../lib/dates.ts'
import { downloadHeaders } from '../../lib/file-types.ts'
import { addAction, deleteAction, updateAction } from './actions.service.ts'
import { addEvidence, deleteEvidence, EVIDENCE_MAX_BYTES, readEvidence } from './evidence.service.ts'
import { decideExtension, requestExtension } from './extensions.service.ts'
import { evidenceTarget } from './plans.access.ts'
import { reviewPlan, submitPlan } from './plan-review.service.ts'
import { PLAN_EDIT_ROLES, PLAN_READ_ROLES, PLAN_REVIEW_ROLES, PLAN_SUBMIT_ROLES } from './plans.policy.ts'
import { planDetail } from './plans.queries.ts'

const tags = ['plans']

export function planRoutes(fastify: FastifyInstance, { db, clock, config }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const readers = requireUser(PLAN_READ_ROLES)
  const editors = requireUser(PLAN_EDIT_ROLES)
  const reviewers = requireUser(PLAN_REVIEW_ROLES)

  app.get('/api/v1/directives/:id/units/:unitId/plan', { onRequest: readers, schema: { tags, summary: "A unit's plan: actions per requirement with timeliness on a day (default today)", params: unitParams, querystring: asOfQuery, response: { 200: planDto } } }, async (req) => {
    const user = userOf(req)
    const plan = await planDetail(db, req.params.id, req.params.unitId, req.query.asOf ?? today(clock), (path) => canReach(user, PLAN_READ_ROLES, path))
    if (!plan) throw notFound()
    return plan
  })

  app.post('/api/v1/directives/:id/units/:unitId/plan/actions', { onRequest: editors, schema: { tags, summary: 'Plan an action (the first creates the plan)', params: unitParams, body: createActionInput, response: { 201: savedActionDto } } }, async (req, reply) => {
    reply.status(201)
    return addAction(db, userOf(req), actorOf(req, clock()), req.params.id, req.params.unitId, req.body)
  })

  app.patch('/api/v1/actions/:id', { onRequest: editors, schema: { tags, summary: 'Record progress; title, owner and due date only while the plan is open', params: idParams, body: updateActionInput, response: { 200: savedActionDto } } }, async (req) =>
    updateAction(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.delete('/api/v1/actions/:id', { onRequest: editors, schema: { tags, params: idParams, body: planVersionInput, response: { 200: okDto } } }, async (req) => {
    await deleteAction(db, userOf(req), actorOf(req, clock()), req.params.id, req.body.version)
    return { ok: true as const }
  })

  app.post('/api/v1/plans/:id/submit', { onRequest: requireUser(PLAN_SUBMIT_ROLES), schema: { tags, summary: 'The unit head submits (a retry answers like the first)', params: idParams, body: planVersionInput, response: { 200: planDto } } }, async (req) =>
    submitPlan(db, userOf(req), actorOf(req, clock()), req.params.id, req.body.version),
  )

  app.post('/api/v1/plans/:id/return', { onRequest: reviewers, schema: { tags, summary: 'Return a submitted plan with a comment', params: idParams, body: returnPlanInput, response: { 200: planDto } } }, async (req) =>
    reviewPlan(db, userOf(req), actorOf(req, clock()), req.params.id, req.body, 'returned'),
  )

  app.post('/api/v1/plans/:id/accept', { onRequest: reviewers, schema: { tags, params: idParams, body: planVersionInput, response: { 200: planDto } } }, async (req) =>
    reviewPlan(db, userOf(req), actorOf(req, clock()), req.params.id, req.body, 'accepted'),
  )

  app.post('/api/v1/plans/:id/extensions', { onRequest: editors, schema: { tags, summary: 'Ask for a later deadline for an action or a requirement', params: idParams, body: extensionRequestInput, response: { 201: extensionRequestedDto } } }, async (req, reply) => {
    reply.status(201)
    return requestExtension(db, userOf(req), actorOf(req, clock()), req.params.id, req.body)
  })

  for (const [verb, decision] of [['approve', 'approved'], ['refuse', 'refused']] as const) {
    app.post(`/api/v1/extensions/:id/${verb}`, { onRequest: reviewers, schema: { tags, summary: `${verb === 'approve' ? 'Approve' : 'Refuse'} an extension request`, params: idParams, body: extensionDecisionInput, response: { 200: planDto } } }, async (req) =>
      decideExtension(db, userOf(req), actorOf(req, clock()), req.params.id, decision, req.body.note),
    )
  }

  app.get('/api/v1/evidence/:id', { onRequest: readers, schema: { tags, summary: 'Download an evidence file', params: idParams, response: { 200: fileResponse(MIME.octet, 'The file as uploaded') } } }, async (req, reply) => {
    const file = await readEvidence(db, userOf(req), req.params.id)
    return reply.headers(downloadHeaders(file)).send(file.content)
  })

  app.delete('/api/v1/evidence/:id', { onRequest: editors, schema: { tags, params: idParams, response: { 200: okDto } } }, async (req) => {
    await deleteEvidence(db, userOf(req), actorOf(req, clock()), req.params.id)
    return { ok: true as const }
  })

  // Uploads live in their own encapsulated context, so the multipart parser applies only here.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 5 } })
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/actions/:id/evidence', {
      onRequest: editors,
      schema: { tags, summary: 'Attach an evidence file to an action', consumes: ['multipart/form-data'], params: idParams, body: fileUpload, response: { 201: evidenceDto } },
    }, async (req, reply) => {
      const user = userOf(req)
      await evidenceTarget(db, user, req.params.id)
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
      const file = await req.file()
      if (!file) throw invalid({ file: 'required' })
      const bytes = await file.toBuffer()
      if (!bytes.length) throw invalid({ file: 'required' })
      reply.status(201)
      return addEvidence(db, user, actorOf(req, clock()), req.params.id, { filename: file.filename, bytes }, { quotaBytes: config.evidenceQuotaBytes })
    })
  })
}

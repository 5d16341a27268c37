import type { FastifyInstance } from 'fastify'
import multipart from '@fastify/multipart'
import { z } from 'zod'
import { createActionInput, extensionDecisionInput, extensionRequestInput, planVersionInput, returnPlanInput, updateActionInput } from '../../../contract/plans.ts'
import type { AppDeps } from '../../app.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { actorOf, requireUser } from '../../http/guard.ts'
import { canReach } from '../../http/scope.ts'
import { idParam, parse } from '../../http/validate.ts'
import { today } from '../../lib/dates.ts'
import { addAction, deleteAction, updateAction } from './actions.service.ts'
import { addEvidence, deleteEvidence, EVIDENCE_MAX_BYTES, evidenceTarget, readEvidence } from './evidence.service.ts'
import { decideExtension, requestExtension } from './extensions.service.ts'
import { reviewPlan, submitPlan } from './plan-review.service.ts'
import { PLAN_EDIT_ROLES, PLAN_READ_ROLES, PLAN_REVIEW_ROLES, PLAN_SUBMIT_ROLES } from './plans.policy.ts'
import { findAction, findPlanById, planDetail } from './plans.queries.ts'

const unitParams = idParam.extend({ unitId: z.coerce.number().int().positive().max(2_147_483_647) })
const asOfQuery = z.strictObject({ asOf: z.iso.date().optional() })

export function planRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const readers = requireUser(db, clock, PLAN_READ_ROLES)
  const editors = requireUser(db, clock, PLAN_EDIT_ROLES)
  const reviewers = requireUser(db, clock, PLAN_REVIEW_ROLES)
  const planOf = async (planId: number, asOf = today(clock)) => {
    const p = (await findPlanById(db, planId))!
    return planDetail(db, p.directiveId, p.unitId, asOf)
  }

  app.get('/api/v1/directives/:id/units/:unitId/plan', { preHandler: readers }, async (req) => {
    const { id, unitId } = parse(unitParams, req.params)
    const { asOf } = parse(asOfQuery, req.query)
    const plan = await planDetail(db, id, unitId, asOf ?? today(clock), (path) => canReach(req.user!, PLAN_READ_ROLES, path))
    if (!plan) throw notFound()
    return plan
  })

  app.post('/api/v1/directives/:id/units/:unitId/plan/actions', { preHandler: editors }, async (req, reply) => {
    const { id, unitId } = parse(unitParams, req.params)
    const input = parse(createActionInput, req.body)
    const actionId = await addAction(db, req.user!, actorOf(req, clock()), id, unitId, input)
    const action = (await findAction(db, actionId))!
    reply.status(201)
    return { id: actionId, planId: action.planId, version: action.version }
  })

  app.patch('/api/v1/actions/:id', { preHandler: editors }, async (req) => {
    const { id } = parse(idParam, req.params)
    await updateAction(db, req.user!, actorOf(req, clock()), id, parse(updateActionInput, req.body))
    const action = (await findAction(db, id))!
    return (await planOf(action.planId))!.requirements.flatMap((r) => r.actions).find((a) => a.id === id)
  })

  app.delete('/api/v1/actions/:id', { preHandler: editors }, async (req) => {
    const { id } = parse(idParam, req.params)
    const { version } = parse(planVersionInput, req.body)
    await deleteAction(db, req.user!, actorOf(req, clock()), id, version)
    return { ok: true }
  })

  app.post('/api/v1/plans/:id/submit', { preHandler: requireUser(db, clock, PLAN_SUBMIT_ROLES) }, async (req) => {
    const { id } = parse(idParam, req.params)
    await submitPlan(db, req.user!, actorOf(req, clock()), id, parse(planVersionInput, req.body).version)
    return planOf(id)
  })

  app.post('/api/v1/plans/:id/return', { preHandler: reviewers }, async (req) => {
    const { id } = parse(idParam, req.params)
    await reviewPlan(db, req.user!, actorOf(req, clock()), id, parse(returnPlanInput, req.body), 'returned')
    return planOf(id)
  })

  app.post('/api/v1/plans/:id/accept', { preHandler: reviewers }, async (req) => {
    const { id } = parse(idParam, req.params)
    await reviewPlan(db, req.user!, actorOf(req, clock()), id, parse(planVersionInput, req.body), 'accepted')
    return planOf(id)
  })

  app.post('/api/v1/plans/:id/extensions', { preHandler: editors }, async (req, reply) => {
    const { id } = parse(idParam, req.params)
    const extensionId = await requestExtension(db, req.user!, actorOf(req, clock()), id, parse(extensionRequestInput, req.body))
    reply.status(201)
    return { id: extensionId, plan: await planOf(id) }
  })

  for (const [verb, decision] of [['approve', 'approved'], ['refuse', 'refused']] as const) {
    app.post(`/api/v1/extensions/:id/${verb}`, { preHandler: reviewers }, async (req) => {
      const { id } = parse(idParam, req.params)
      await decideExtension(db, req.user!, actorOf(req, clock()), id, decision, parse(extensionDecisionInput, req.body).note)
      const [x] = await db.query<{ plan_id: number }>('SELECT plan_id FROM deadline_extension WHERE id = $1', [id])
      return planOf(x.plan_id)
    })
  }

  app.get('/api/v1/evidence/:id', { preHandler: readers }, async (req, reply) => {
    const { id } = parse(idParam, req.params)
    const file = await readEvidence(db, req.user!, id)
    return reply
      .header('content-type', file.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .send(file.content)
  })

  app.delete('/api/v1/evidence/:id', { preHandler: editors }, async (req) => {
    const { id } = parse(idParam, req.params)
    await deleteEvidence(db, req.user!, actorOf(req, clock()), id)
    return { ok: true }
  })

  // Uploads live in their own encapsulated context, so the multipart parser applies only here.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 5 } })
    scope.post('/api/v1/actions/:id/evidence', { preHandler: editors }, async (req, reply) => {
      const { id } = parse(idParam, req.params)
      await evidenceTarget(db, req.user!, id)
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
      const file = await req.file()
      if (!file) throw invalid({ file: 'required' })
      const bytes = await file.toBuffer().catch((e) => {
        if (e?.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('BODY_TOO_LARGE')
        throw e
      })
      if (!bytes.length) throw invalid({ file: 'required' })
      const evidenceId = await addEvidence(db, req.user!, actorOf(req, clock()), id, { filename: file.filename.slice(0, 250), mime: file.mimetype || 'application/octet-stream', bytes })
      reply.status(201)
      return { id: evidenceId }
    })
  })
}

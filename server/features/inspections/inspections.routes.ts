import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { MIME, fileResponse, fileUpload, idParams, idempotencyHeaders, okDto, queryId, unitParams, versionInput } from '../../../contract/common.ts'
import {
  advancePhaseInput, answerRequestItemInput, conclusionInput, createInspectionInput, createInspectionPlanInput, documentRequestInput, dropPlanItemInput,
  extendInspectionInput, findingDto, findingInput, inspectionDto, inspectionFileDto, inspectionListQuery, inspectionPageDto, inspectionPlanDto, inspectionPlanListDto, planFiguresDto,
  inspectionPlanListQuery, inspectorListDto, issueConclusionInput, planItemInput, returnInspectionPlanInput, reviewRequestItemInput, selfReportInput, sessionInput, unitHistoryQuery,
  updateFindingInput, updateInspectionInput, updatePlanItemInput, updateSessionInput,
} from '../../../contract/inspections.ts'
import { unitInspectionHistoryDto } from '../../../contract/corrective-actions.ts'
import type { AppDeps } from '../../deps.ts'
import { notFound } from '../../http/errors.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { idempotencyKeyOf, reply } from '../../http/idempotency.ts'
import { today } from '../../lib/dates.ts'
import { downloadHeaders } from '../../lib/file-types.ts'
import { checklistRoutes } from './checklists.routes.ts'
import { conclusionDocument } from './conclusion-content.ts'
import { issueConclusion, saveConclusion } from './conclusion.service.ts'
import { correctiveRoutes } from './corrective-actions.routes.ts'
import { INSPECTION_FILE_MAX_BYTES, addInspectionFile, inspectionUploadTarget, readInspectionFile } from './files.service.ts'
import { createFinding, deleteFinding, updateFinding } from './findings.service.ts'
import { unitHistory } from './history.service.ts'
import { readUpload } from './upload.ts'
import {
  addPlanItem, approvePlan, createPlan, deletePlanItem, dropPlanItem, listInspectionPlans, planFigures, readPlan, returnPlan, submitPlan, updatePlanItem,
} from './inspection-plans.service.ts'
import { readableInspection, underPathOf, visibilityOf } from './inspections.access.ts'
import {
  CONCLUSION_ISSUE_ROLES, INSPECTION_MANAGE_ROLES, INSPECTION_PLAN_APPROVE_ROLES, INSPECTION_READ_ROLES, INSPECTION_TEAM_ROLES, INSPECTION_UNIT_ROLES,
} from './inspections.policy.ts'
import { listInspections, listInspectors } from './inspections.queries.ts'
import { advancePhase, createInspection, extendInspection, readInspection, updateInspection, type InspectionDeps } from './inspections.service.ts'
import { answerItem, createRequest, recordSession, reviewItem, submitSelfReport, updateSession } from './unit-work.service.ts'

const tags = ['inspections']

/**
 * Inspection and supervision: annual plans, inspections and the team's work with the units,
 * findings and the conclusion notice; corrective actions and self-inspection checklists register
 * their own routes from here, so app.ts lists the feature once.
 */
export function inspectionRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const { db, clock, config, mailer } = deps
  const rules = config.inspectionRules
  const d: InspectionDeps = { db, mailer, rules }
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const readers = requireUser(INSPECTION_READ_ROLES)
  const managers = requireUser(INSPECTION_MANAGE_ROLES)
  const team = requireUser(INSPECTION_TEAM_ROLES)
  const units = requireUser(INSPECTION_UNIT_ROLES)
  const approvers = requireUser(INSPECTION_PLAN_APPROVE_ROLES)
  const ctx = (req: FastifyRequest) => [userOf(req), actorOf(req, clock())] as const

  // ---- annual plans

  app.get('/api/v1/inspection-plans', { onRequest: readers, schema: { tags, summary: 'Annual inspection and supervision plans I see', querystring: inspectionPlanListQuery, response: { 200: inspectionPlanListDto } } }, async (req) =>
    listInspectionPlans(db, userOf(req), req.query.year),
  )

  app.post('/api/v1/inspection-plans', { onRequest: managers, schema: { tags, summary: "The board opens the year's plan (Idempotency-Key honoured)", headers: idempotencyHeaders, body: createInspectionPlanInput, response: { 201: inspectionPlanDto } } }, async (req, res) =>
    reply(res, await createPlan(db, ...ctx(req), req.body, idempotencyKeyOf(req))),
  )

  app.get('/api/v1/inspection-plans/:id', { onRequest: readers, schema: { tags, summary: 'The plan against what happened: planned, started, concluded, dropped, added outside it', params: idParams, response: { 200: inspectionPlanDto } } }, async (req) =>
    readPlan(db, userOf(req), req.params.id, today(clock)),
  )

  app.get('/api/v1/inspection-plans/:id/figures', { onRequest: readers, schema: { tags, summary: "The plan against what happened, without its items: the year's view", params: idParams, response: { 200: planFiguresDto } } }, async (req) =>
    planFigures(db, userOf(req), req.params.id, today(clock)),
  )

  app.post('/api/v1/inspection-plans/:id/items', { onRequest: managers, schema: { tags, summary: 'Add an item to a draft plan (Idempotency-Key honoured)', params: idParams, headers: idempotencyHeaders, body: planItemInput, response: { 201: inspectionPlanDto } } }, async (req, res) =>
    reply(res, await addPlanItem(db, ...ctx(req), req.params.id, req.body, idempotencyKeyOf(req))),
  )

  app.patch('/api/v1/inspection-plan-items/:id', { onRequest: managers, schema: { tags, summary: "Edit a draft plan's item", params: idParams, body: updatePlanItemInput, response: { 200: inspectionPlanDto } } }, async (req) =>
    updatePlanItem(db, ...ctx(req), req.params.id, req.body),
  )

  app.delete('/api/v1/inspection-plan-items/:id', { onRequest: managers, schema: { tags, summary: "Remove a draft plan's item", params: idParams, body: versionInput, response: { 200: inspectionPlanDto } } }, async (req) =>
    deletePlanItem(db, ...ctx(req), req.params.id, req.body.version),
  )

  app.post('/api/v1/inspection-plan-items/:id/drop', { onRequest: managers, schema: { tags, summary: 'Drop an approved item, with the reason (it stays in the plan)', params: idParams, body: dropPlanItemInput, response: { 200: inspectionPlanDto } } }, async (req) =>
    dropPlanItem(db, ...ctx(req), req.params.id, req.body),
  )

  app.post('/api/v1/inspection-plans/:id/submit', { onRequest: managers, schema: { tags, summary: 'Send the draft to the committee', params: idParams, body: versionInput, response: { 200: inspectionPlanDto } } }, async (req) =>
    submitPlan(db, ...ctx(req), req.params.id, req.body.version),
  )

  app.post('/api/v1/inspection-plans/:id/approve', { onRequest: approvers, schema: { tags, summary: 'The committee approves; the units named are told in-app and by e-mail', params: idParams, body: versionInput, response: { 200: inspectionPlanDto } } }, async (req) =>
    approvePlan({ db, mailer }, ...ctx(req), req.params.id, req.body.version),
  )

  app.post('/api/v1/inspection-plans/:id/return', { onRequest: approvers, schema: { tags, summary: 'The committee returns the draft with a comment', params: idParams, body: returnInspectionPlanInput, response: { 200: inspectionPlanDto } } }, async (req) =>
    returnPlan(db, ...ctx(req), req.params.id, req.body),
  )

  // ---- inspections

  app.get('/api/v1/inspections', {
    onRequest: readers,
    schema: { tags, summary: 'Inspections I see, paged; filters: year, form, phase, unit subtree, overdue, a date range (the calendar)', querystring: inspectionListQuery, response: { 200: inspectionPageDto } },
  }, async (req) => {
    const user = userOf(req)
    const { under, overdue, ...q } = req.query
    return listInspections(db, visibilityOf(user), { ...q, underPath: await underPathOf(db, user, under), overdue: overdue === '1' }, today(clock))
  })

  app.get('/api/v1/inspectors', { onRequest: managers, schema: { tags, summary: 'Accounts holding the inspector role, for a team or a plan item\'s lead', response: { 200: inspectorListDto } } }, async () =>
    listInspectors(db),
  )

  app.post('/api/v1/inspections', { onRequest: managers, schema: { tags, summary: 'Open an inspection from a plan item or ad hoc; the deadline follows from the level (Idempotency-Key honoured)', headers: idempotencyHeaders, body: createInspectionInput, response: { 201: inspectionDto } } }, async (req, res) =>
    reply(res, await createInspection(d, ...ctx(req), req.body, idempotencyKeyOf(req))),
  )

  app.get('/api/v1/inspections/:id', { onRequest: readers, schema: { tags, summary: 'An inspection with its team, requests, findings and conclusion (a unit sees its own part)', params: idParams, response: { 200: inspectionDto } } }, async (req) =>
    readInspection(db, userOf(req), req.params.id, rules, today(clock)),
  )

  app.patch('/api/v1/inspections/:id', { onRequest: managers, schema: { tags, summary: 'Edit content, period, team; the start date only in preparation', params: idParams, body: updateInspectionInput, response: { 200: inspectionDto } } }, async (req) =>
    updateInspection(d, ...ctx(req), req.params.id, req.body),
  )

  app.post('/api/v1/inspections/:id/phase', { onRequest: managers, schema: { tags, summary: 'Move to the next phase (conduct, closing) from a day', params: idParams, body: advancePhaseInput, response: { 200: inspectionDto } } }, async (req) =>
    advancePhase(d, ...ctx(req), req.params.id, req.body),
  )

  app.post('/api/v1/inspections/:id/extensions', { onRequest: managers, schema: { tags, summary: 'Extend the deadline by a decision, within the rules (one extension, a third of the time limit)', params: idParams, body: extendInspectionInput, response: { 200: inspectionDto } } }, async (req) =>
    extendInspection(d, ...ctx(req), req.params.id, req.body),
  )

  app.post('/api/v1/inspections/:id/requests', { onRequest: team, schema: { tags, summary: 'Ask a subject unit for documents (Idempotency-Key honoured)', params: idParams, headers: idempotencyHeaders, body: documentRequestInput, response: { 201: inspectionDto } } }, async (req, res) =>
    reply(res, await createRequest(d, ...ctx(req), req.params.id, req.body, idempotencyKeyOf(req))),
  )

  app.post('/api/v1/inspection-request-items/:id/answer', { onRequest: units, schema: { tags, summary: 'The unit answers an item with its files and a note', params: idParams, body: answerRequestItemInput, response: { 200: inspectionDto } } }, async (req) =>
    answerItem(d, ...ctx(req), req.params.id, req.body),
  )

  app.post('/api/v1/inspection-request-items/:id/review', { onRequest: team, schema: { tags, summary: 'The team marks an answer received or asks again', params: idParams, body: reviewRequestItemInput, response: { 200: inspectionDto } } }, async (req) =>
    reviewItem(d, ...ctx(req), req.params.id, req.body),
  )

  app.put('/api/v1/inspections/:id/units/:unitId/self-report', { onRequest: units, schema: { tags, summary: "The unit's self-inspection report (version 1 for the first submission)", params: unitParams, body: selfReportInput, response: { 200: inspectionDto } } }, async (req) =>
    submitSelfReport(d, ...ctx(req), req.params.id, req.params.unitId, req.body),
  )

  app.post('/api/v1/inspections/:id/sessions', { onRequest: team, schema: { tags, summary: 'Record a working session (Idempotency-Key honoured)', params: idParams, headers: idempotencyHeaders, body: sessionInput, response: { 201: inspectionDto } } }, async (req, res) =>
    reply(res, await recordSession(d, ...ctx(req), req.params.id, req.body, idempotencyKeyOf(req))),
  )

  app.patch('/api/v1/inspection-sessions/:id', { onRequest: team, schema: { tags, summary: 'Edit a working session (attach its minutes)', params: idParams, body: updateSessionInput, response: { 200: inspectionDto } } }, async (req) =>
    updateSession(d, ...ctx(req), req.params.id, req.body),
  )

  app.post('/api/v1/inspections/:id/findings', { onRequest: team, schema: { tags, summary: "Record a finding about a unit's work (Idempotency-Key honoured)", params: idParams, headers: idempotencyHeaders, body: findingInput, response: { 201: findingDto } } }, async (req, res) =>
    reply(res, await createFinding(db, ...ctx(req), req.params.id, req.body, idempotencyKeyOf(req))),
  )

  app.patch('/api/v1/inspection-findings/:id', { onRequest: team, schema: { tags, summary: 'Edit a finding until the notice is issued', params: idParams, body: updateFindingInput, response: { 200: findingDto } } }, async (req) =>
    updateFinding(db, ...ctx(req), req.params.id, req.body),
  )

  app.delete('/api/v1/inspection-findings/:id', { onRequest: team, schema: { tags, summary: 'Withdraw a finding until the notice is issued', params: idParams, body: versionInput, response: { 200: okDto } } }, async (req) => {
    await deleteFinding(db, ...ctx(req), req.params.id, req.body.version)
    return { ok: true as const }
  })

  app.put('/api/v1/inspections/:id/conclusion', { onRequest: team, schema: { tags, summary: 'Save the draft notice (version 1: the suggestion from the findings)', params: idParams, body: conclusionInput, response: { 200: inspectionDto } } }, async (req) =>
    saveConclusion(d, ...ctx(req), req.params.id, req.body),
  )

  app.post('/api/v1/inspections/:id/conclusion/issue', {
    onRequest: requireUser(CONCLUSION_ISSUE_ROLES),
    schema: { tags, summary: 'Issue the notice: numbered, frozen, its must-correct items made corrective actions, the inspection concluded', params: idParams, body: issueConclusionInput, response: { 200: inspectionDto } },
  }, async (req) => issueConclusion(d, ...ctx(req), req.params.id, req.body))

  app.get('/api/v1/inspections/:id/conclusion.docx', { onRequest: readers, schema: { tags, summary: 'The conclusion notice (.docx, Guidance 36 layout): the issued file, or the draft for the team', params: idParams, response: { 200: fileResponse(MIME.docx, 'Word document') } } }, async (req, res) => {
    const user = userOf(req)
    const reach = await readableInspection(db, user, req.params.id)
    const doc = await conclusionDocument(db, reach.inspection, { draftsToo: reach.seesAll }, today(clock))
    if (!doc) throw notFound()
    const name = `thong-bao-ket-luan-${reach.inspection.number}${doc.number ? '' : '-du-thao'}.docx`
    return res.headers(downloadHeaders({ filename: name, mime: MIME.docx })).send(doc.bytes)
  })

  app.get('/api/v1/inspection-files/:id', { onRequest: readers, schema: { tags, summary: 'Download a file of an inspection, a checklist round or a corrective action', params: idParams, response: { 200: fileResponse(MIME.octet, 'The file as uploaded') } } }, async (req, res) => {
    const file = await readInspectionFile(db, userOf(req), req.params.id)
    return res.headers(downloadHeaders(file)).send(file.content)
  })

  app.get('/api/v1/units/:id/inspection-history', { onRequest: readers, schema: { tags, summary: "A unit's inspections, findings and corrective actions", params: idParams, querystring: unitHistoryQuery, response: { 200: unitInspectionHistoryDto } } }, async (req) =>
    unitHistory(db, userOf(req), req.params.id, req.query.subtree === '1', today(clock)),
  )

  // Uploads in their own context, so the multipart parser applies only here.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: INSPECTION_FILE_MAX_BYTES, files: 1, fields: 2 } })
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/inspections/:id/files', {
      onRequest: requireUser([...INSPECTION_TEAM_ROLES, ...INSPECTION_UNIT_ROLES]),
      schema: {
        tags, summary: 'Upload a file (an answer, a self-report, minutes, evidence), then name it by id; a unit uploads for itself',
        consumes: ['multipart/form-data'], params: idParams, querystring: z.strictObject({ unitId: queryId.optional() }), body: fileUpload, response: { 201: inspectionFileDto },
      },
    }, async (req, res) => {
      // Reach before reading the upload: out of reach, nothing is read.
      await inspectionUploadTarget(db, userOf(req), req.params.id, req.query.unitId)
      const file = await readUpload(req)
      res.status(201)
      return addInspectionFile(db, ...ctx(req), req.params.id, req.query.unitId, file, config.evidenceQuotaBytes)
    })
  })

  correctiveRoutes(fastify, deps)
  checklistRoutes(fastify, deps)
}

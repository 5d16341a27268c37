import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import {
  assignChecklistInput, assignedDto, assignmentDto, assignmentListQuery, assignmentPageDto, checklistAnswersInput, checklistTemplateDto, checklistTemplateInput,
  checklistTemplateListDto, submitChecklistInput,
} from '../../../contract/checklists.ts'
import { fileUpload, idParams, idempotencyHeaders } from '../../../contract/common.ts'
import { inspectionFileDto } from '../../../contract/inspections.ts'
import type { AppDeps } from '../../deps.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { idempotencyKeyOf, reply } from '../../http/idempotency.ts'
import { today } from '../../lib/dates.ts'
import {
  assignChecklist, createTemplate, listChecklistAssignments, listChecklistTemplates, readAssignment, readChecklistTemplate, saveAnswers, submitChecklist,
} from './checklists.service.ts'
import { INSPECTION_FILE_MAX_BYTES, addAssignmentFile, assignmentUploadTarget } from './files.service.ts'
import { CHECKLIST_ANSWER_ROLES, CHECKLIST_MANAGE_ROLES, CHECKLIST_READ_ROLES, CHECKLIST_SUBMIT_ROLES } from './inspections.policy.ts'
import { readUpload } from './upload.ts'

const tags = ['self-inspection checklists']

export function checklistRoutes(fastify: FastifyInstance, { db, clock, mailer, config }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const readers = requireUser(CHECKLIST_READ_ROLES)
  const managers = requireUser(CHECKLIST_MANAGE_ROLES)
  const answerers = requireUser(CHECKLIST_ANSWER_ROLES)
  const ctx = (req: FastifyRequest) => [userOf(req), actorOf(req, clock())] as const

  app.get('/api/v1/checklist-templates', { onRequest: readers, schema: { tags, summary: 'Checklist templates kept in or above my scope', response: { 200: checklistTemplateListDto } } }, async (req) =>
    listChecklistTemplates(db, userOf(req)),
  )

  app.post('/api/v1/checklist-templates', { onRequest: managers, schema: { tags, summary: 'Define a template (Idempotency-Key honoured)', headers: idempotencyHeaders, body: checklistTemplateInput, response: { 201: checklistTemplateDto } } }, async (req, res) =>
    reply(res, await createTemplate(db, ...ctx(req), req.body, idempotencyKeyOf(req))),
  )

  app.get('/api/v1/checklist-templates/:id', { onRequest: readers, schema: { tags, params: idParams, response: { 200: checklistTemplateDto } } }, async (req) =>
    readChecklistTemplate(db, userOf(req), req.params.id),
  )

  app.post('/api/v1/checklist-templates/:id/assignments', { onRequest: managers, schema: { tags, summary: 'Assign the template to units with a due date (Idempotency-Key honoured)', params: idParams, headers: idempotencyHeaders, body: assignChecklistInput, response: { 201: assignedDto } } }, async (req, res) =>
    reply(res, await assignChecklist({ db, mailer }, ...ctx(req), req.params.id, req.body, idempotencyKeyOf(req))),
  )

  app.get('/api/v1/checklist-assignments', { onRequest: readers, schema: { tags, summary: 'Checklist rounds of the units I reach, paged', querystring: assignmentListQuery, response: { 200: assignmentPageDto } } }, async (req) =>
    listChecklistAssignments(db, userOf(req), req.query, today(clock)),
  )

  app.get('/api/v1/checklist-assignments/:id', { onRequest: readers, schema: { tags, summary: 'A round with its items, answers, and what each "no" became', params: idParams, response: { 200: assignmentDto } } }, async (req) =>
    readAssignment(db, userOf(req), req.params.id, today(clock)),
  )

  app.put('/api/v1/checklist-assignments/:id/answers', { onRequest: answerers, schema: { tags, summary: 'Save answers (yes / no / not applicable, note, evidence)', params: idParams, body: checklistAnswersInput, response: { 200: assignmentDto } } }, async (req) =>
    saveAnswers(db, ...ctx(req), req.params.id, req.body),
  )

  app.post('/api/v1/checklist-assignments/:id/submit', { onRequest: requireUser(CHECKLIST_SUBMIT_ROLES), schema: { tags, summary: 'Submit: each "no" becomes a finding with a corrective action', params: idParams, body: submitChecklistInput, response: { 200: assignmentDto } } }, async (req) =>
    submitChecklist(db, ...ctx(req), req.params.id, req.body.version),
  )

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: INSPECTION_FILE_MAX_BYTES, files: 1, fields: 2 } })
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/checklist-assignments/:id/files', {
      onRequest: answerers,
      schema: { tags, summary: 'Upload an evidence file for the answers, then name it by id', consumes: ['multipart/form-data'], params: idParams, body: fileUpload, response: { 201: inspectionFileDto } },
    }, async (req, res) => {
      await assignmentUploadTarget(db, userOf(req), req.params.id)
      const file = await readUpload(req)
      res.status(201)
      return addAssignmentFile(db, ...ctx(req), req.params.id, file, config.evidenceQuotaBytes)
    })
  })
}

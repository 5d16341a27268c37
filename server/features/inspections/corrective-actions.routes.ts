import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { fileUpload, idParams, idempotencyHeaders } from '../../../contract/common.ts'
import {
  correctiveDto, correctiveExtensionDecisionInput, correctiveExtensionInput, correctiveListQuery, correctivePageDto, reportDoneInput, returnCorrectiveInput,
  verifyCorrectiveInput,
} from '../../../contract/corrective-actions.ts'
import { inspectionFileDto } from '../../../contract/inspections.ts'
import type { AppDeps } from '../../deps.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { idempotencyKeyOf, reply } from '../../http/idempotency.ts'
import { today } from '../../lib/dates.ts'
import {
  decideCorrectiveExtension, listCorrectiveActions, readCorrective, reportDone, requestCorrectiveExtension, returnCorrective, verifyCorrective,
} from './corrective-actions.service.ts'
import { INSPECTION_FILE_MAX_BYTES, addCorrectiveFile, correctiveUploadTarget } from './files.service.ts'
import { CORRECTIVE_READ_ROLES, CORRECTIVE_REPORT_ROLES, CORRECTIVE_VERIFY_ROLES } from './inspections.policy.ts'
import { readUpload } from './upload.ts'

const tags = ['corrective actions']

/** Corrective actions: the paged list of a scope, one action, the unit's report, the board's verification, extensions. */
export function correctiveRoutes(fastify: FastifyInstance, { db, clock, mailer, config }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const readers = requireUser(CORRECTIVE_READ_ROLES)
  const reporters = requireUser(CORRECTIVE_REPORT_ROLES)
  const verifiers = requireUser(CORRECTIVE_VERIFY_ROLES)
  const ctx = (req: FastifyRequest) => [userOf(req), actorOf(req, clock())] as const

  app.get('/api/v1/corrective-actions', {
    onRequest: readers,
    schema: { tags, summary: 'Corrective actions I reach, paged, soonest due first, each with its timeliness', querystring: correctiveListQuery, response: { 200: correctivePageDto } },
  }, async (req) => {
    const { asOf, ...q } = req.query
    return listCorrectiveActions(db, userOf(req), { ...q, asOf: asOf ?? today(clock) })
  })

  app.get('/api/v1/corrective-actions/:id', { onRequest: readers, schema: { tags, summary: 'A corrective action with its evidence, report, verification and extensions', params: idParams, response: { 200: correctiveDto } } }, async (req) =>
    readCorrective(db, userOf(req), req.params.id, today(clock)),
  )

  app.post('/api/v1/corrective-actions/:id/report', { onRequest: reporters, schema: { tags, summary: 'The unit reports the work done (evidence attached first)', params: idParams, body: reportDoneInput, response: { 200: correctiveDto } } }, async (req) =>
    reportDone(db, ...ctx(req), req.params.id, req.body),
  )

  app.post('/api/v1/corrective-actions/:id/verify', { onRequest: verifiers, schema: { tags, summary: 'The board verifies a reported action and closes it', params: idParams, body: verifyCorrectiveInput, response: { 200: correctiveDto } } }, async (req) =>
    verifyCorrective({ db, mailer }, ...ctx(req), req.params.id, req.body),
  )

  app.post('/api/v1/corrective-actions/:id/return', { onRequest: verifiers, schema: { tags, summary: 'The board returns a reported action with a comment', params: idParams, body: returnCorrectiveInput, response: { 200: correctiveDto } } }, async (req) =>
    returnCorrective({ db, mailer }, ...ctx(req), req.params.id, req.body),
  )

  app.post('/api/v1/corrective-actions/:id/extensions', { onRequest: reporters, schema: { tags, summary: 'Ask for a later due date (Idempotency-Key honoured)', params: idParams, headers: idempotencyHeaders, body: correctiveExtensionInput, response: { 201: correctiveDto } } }, async (req, res) =>
    reply(res, await requestCorrectiveExtension(db, ...ctx(req), req.params.id, req.body, idempotencyKeyOf(req))),
  )

  for (const [verb, decision] of [['approve', 'approved'], ['refuse', 'refused']] as const) {
    app.post(`/api/v1/corrective-action-extensions/:id/${verb}`, { onRequest: verifiers, schema: { tags, summary: `${verb === 'approve' ? 'Approve' : 'Refuse'} an extension request`, params: idParams, body: correctiveExtensionDecisionInput, response: { 200: correctiveDto } } }, async (req) =>
      decideCorrectiveExtension(db, ...ctx(req), req.params.id, decision, req.body.note),
    )
  }

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: INSPECTION_FILE_MAX_BYTES, files: 1, fields: 2 } })
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/corrective-actions/:id/evidence', {
      onRequest: reporters,
      schema: { tags, summary: 'Attach an evidence file', consumes: ['multipart/form-data'], params: idParams, body: fileUpload, response: { 201: inspectionFileDto } },
    }, async (req, res) => {
      await correctiveUploadTarget(db, userOf(req), req.params.id)
      const file = await readUpload(req)
      res.status(201)
      return addCorrectiveFile(db, ...ctx(req), req.params.id, file, config.evidenceQuotaBytes)
    })
  })
}

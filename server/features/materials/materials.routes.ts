import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { MIME, fileResponse, idParams, idempotencyHeaders, okDto } from '../../../contract/common.ts'
import {
  MATERIAL_MAX_BYTES, createTextMaterialInput, deleteMaterialInput, materialDto, materialListDto, materialUpload, materialUploadFields, myDirectiveViewDto, myPageDto,
  sessionMaterialsDto, sessionMaterialsInput, updateMaterialInput,
} from '../../../contract/materials.ts'
import type { AppDeps } from '../../deps.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { idempotencyKeyOf, reply } from '../../http/idempotency.ts'
import { parse } from '../../http/validate.ts'
import { today } from '../../lib/dates.ts'
import { downloadHeaders } from '../../lib/file-types.ts'
import { SESSION_READ_ROLES, SESSION_WRITE_ROLES } from '../../../contract/dissemination.ts'
import { directiveKept } from './materials.access.ts'
import { MATERIAL_MANAGE_ROLES } from './materials.policy.ts'
import {
  createFileMaterial, createTextMaterial, deleteMaterial, linkSessionMaterials, listMaterials, readMaterialFile, sessionMaterials, updateMaterial,
} from './materials.service.ts'
import { myDirectiveView, myPage } from './my-page.service.ts'

const tags = ['materials']

/** A directive's materials, the materials sessions used, and a staff member's own page. */
export function materialRoutes(fastify: FastifyInstance, { db, clock, keys, config }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const anyone = requireUser()
  const keepers = requireUser(MATERIAL_MANAGE_ROLES)

  app.get('/api/v1/directives/:id/materials', { onRequest: anyone, schema: { tags, summary: "A directive's materials, for whoever may see it (its units' people among them)", params: idParams, response: { 200: materialListDto } } }, async (req) =>
    listMaterials(db, userOf(req), req.params.id),
  )

  app.post('/api/v1/directives/:id/materials', { onRequest: keepers, schema: { tags, summary: 'Add a text material (the board; Idempotency-Key honoured)', params: idParams, headers: idempotencyHeaders, body: createTextMaterialInput, response: { 201: materialDto } } }, async (req, res) =>
    reply(res, await createTextMaterial(db, userOf(req), actorOf(req, clock()), req.params.id, req.body, idempotencyKeyOf(req))),
  )

  app.patch('/api/v1/materials/:id', { onRequest: keepers, schema: { tags, summary: "Edit a material's kind, title or text", params: idParams, body: updateMaterialInput, response: { 200: materialDto } } }, async (req) =>
    updateMaterial(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.delete('/api/v1/materials/:id', { onRequest: keepers, schema: { tags, summary: 'Delete a material no session has used', params: idParams, body: deleteMaterialInput, response: { 200: okDto } } }, async (req) => {
    await deleteMaterial(db, userOf(req), actorOf(req, clock()), req.params.id, req.body.version)
    return { ok: true as const }
  })

  app.get('/api/v1/materials/:id/file', { onRequest: anyone, schema: { tags, summary: "Download a material's file", params: idParams, response: { 200: fileResponse(MIME.octet, 'The file as uploaded') } } }, async (req, reply) => {
    const file = await readMaterialFile(db, userOf(req), req.params.id)
    return reply.headers(downloadHeaders({ filename: file.filename, mime: file.mime })).send(file.content)
  })

  app.get('/api/v1/sessions/:id/materials', { onRequest: requireUser(SESSION_READ_ROLES), schema: { tags, summary: 'The materials a dissemination session used', params: idParams, response: { 200: sessionMaterialsDto } } }, async (req) =>
    sessionMaterials(db, userOf(req), req.params.id),
  )

  app.put('/api/v1/sessions/:id/materials', { onRequest: requireUser(SESSION_WRITE_ROLES), schema: { tags, summary: "Set the materials a session used (the session's version)", params: idParams, body: sessionMaterialsInput, response: { 200: sessionMaterialsDto } } }, async (req) =>
    linkSessionMaterials(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.get('/api/v1/me/page', { onRequest: anyone, schema: { tags, summary: 'My page: directives sent to my unit, their materials, my training if I am an officer, notices addressed to me', response: { 200: myPageDto } } }, async (req) =>
    myPage({ db, keys, appealDays: config.appealDays }, userOf(req), actorOf(req, clock()), today(clock), { cycleMonths: config.trainingCycleMonths, dueDays: config.trainingDueDays }),
  )

  app.get('/api/v1/me/directives/:id', { onRequest: anyone, schema: { tags, summary: 'A directive sent to my unit, read-only: its text, requirements and materials, and my confirmation', params: idParams, response: { 200: myDirectiveViewDto } } }, async (req) =>
    myDirectiveView(db, userOf(req), req.params.id),
  )

  // Uploads in their own context, so the multipart parser applies only here.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MATERIAL_MAX_BYTES, files: 1, fields: 4, parts: 5 } })
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/directives/:id/materials/file', {
      onRequest: keepers,
      schema: { tags, summary: 'Add a material as a file: fields `kind` and `title` first, then `file`', consumes: ['multipart/form-data'], params: idParams, body: materialUpload, response: { 201: materialDto } },
    }, async (req, reply) => {
      // Scope before reading the upload: out of reach, nothing is read.
      await directiveKept(db, userOf(req), req.params.id)
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
      const file = await req.file()
      if (!file) throw invalid({ file: 'required' })
      const fields = parse(materialUploadFields, { kind: fieldValue(file.fields.kind), title: fieldValue(file.fields.title) })
      const bytes = await file.toBuffer()
      if (!bytes.length) throw invalid({ file: 'required' })
      reply.status(201)
      return createFileMaterial(db, userOf(req), actorOf(req, clock()), req.params.id, fields, { filename: file.filename.slice(0, 250), bytes })
    })
  })
}

/** A plain multipart field's value (a field sent twice, or a file under its name, is not one). */
function fieldValue(f: unknown): string | undefined {
  return f && typeof f === 'object' && 'value' in f && typeof (f as { value: unknown }).value === 'string' ? (f as { value: string }).value : undefined
}

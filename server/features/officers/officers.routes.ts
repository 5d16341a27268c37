import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { MIME, fileResponse, fileUpload, idParams, idempotencyHeaders, okDto } from '../../../contract/common.ts'
import {
  addAttendeeInput, attendanceDto, certificateDto, courseDetailDto, courseDto, courseListDto, courseListQuery, createCourseInput, createOfficerInput,
  deleteAttendanceInput, officerDetailDto, officerDto, officerGapsDto, officerListDto, officerListQuery, officerScopeQuery, updateAttendanceInput,
  updateCourseInput, updateOfficerInput, type OfficerGapsDto,
} from '../../../contract/officers.ts'
import type { AppDeps } from '../../deps.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { readerFor } from '../../http/read-routing.ts'
import { idempotencyKeyOf, reply } from '../../http/idempotency.ts'
import { scopePaths } from '../../http/scope.ts'
import { today } from '../../lib/dates.ts'
import { documentBuilds } from '../../lib/semaphore.ts'
import { downloadHeaders } from '../../lib/file-types.ts'
import { thresholdsOf, unitGapsOf } from '../positions/readiness.service.ts'
import { unitInScope } from '../units/units.access.ts'
import { keptAttendance } from './officers.access.ts'
import { OFFICER_READ_ROLES, OFFICER_WRITE_ROLES } from './officers.policy.ts'
import { listCourses, listOfficers, toCourseDto, toOfficerDto, type TrainingRule } from './officers.queries.ts'
import { createOfficer, officerDetail, updateOfficer } from './officers.service.ts'
import {
  CERTIFICATE_MAX_BYTES, addAttendee, addCertificate, courseDetail, createCourse, readCertificate, removeAttendee, updateAttendance, updateCourse,
} from './training.service.ts'

const tags = ['officers']

/** The board's view of a subtree (or every scope the caller holds): units without an officer or without current training, officers due. */
async function gapsOf(db: AppDeps['db'], user: CurrentUser, under: number | undefined, day: string, config: AppDeps['config'], rule: TrainingRule): Promise<OfficerGapsDto> {
  const paths = under ? [(await unitInScope(db, user, OFFICER_READ_ROLES, under)).path] : scopePaths(user, OFFICER_READ_ROLES)
  const out: OfficerGapsDto = { asOf: day, unitsWithoutOfficer: [], unitsWithoutCurrentTraining: [], officersDue: [] }
  for (const path of paths) {
    const g = await unitGapsOf(db, path, day, thresholdsOf(config))
    out.unitsWithoutOfficer.push(...g.withoutOfficer)
    out.unitsWithoutCurrentTraining.push(...g.withoutCurrentTraining)
  }
  const due = await listOfficers(db, { scopes: paths, trainingStatus: ['due', 'overdue'], day, rule })
  out.officersDue = due.items.map((o) => toOfficerDto(o, day, rule))
  return out
}

async function underPath(db: Queryable, user: CurrentUser, id: number | undefined) {
  return id ? (await unitInScope(db, user, OFFICER_READ_ROLES, id)).path : undefined
}

/** The officer roster, courses and attendance, certificates, and the board's gaps view. */
export function officerRoutes(fastify: FastifyInstance, { db, clock, config }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const readers = requireUser(OFFICER_READ_ROLES)
  const writers = requireUser(OFFICER_WRITE_ROLES)
  const rule: TrainingRule = { cycleMonths: config.trainingCycleMonths, dueDays: config.trainingDueDays }

  app.get('/api/v1/officers', { onRequest: readers, schema: { tags, summary: 'Officers in office in scope with their training status (former ones with includeFormer=1)', querystring: officerListQuery, response: { 200: officerListDto } } }, async (req) => {
    const user = userOf(req)
    const q = req.query
    const day = today(clock)
    const exact = q.unitId ? await unitInScope(db, user, OFFICER_READ_ROLES, q.unitId) : null
    const res = await listOfficers(db, {
      scopes: scopePaths(user, OFFICER_READ_ROLES), underPath: await underPath(db, user, q.under), exactUnitId: exact?.id, trainingStatus: q.trainingStatus,
      includeFormer: q.includeFormer === '1', q: q.q, day, rule,
    }, { limit: q.limit, offset: q.offset })
    return { items: res.items.map((o) => toOfficerDto(o, day, rule)), total: res.total }
  })

  app.post('/api/v1/officers', { onRequest: writers, schema: { tags, summary: 'Appoint an officer from the unit’s people (Idempotency-Key honoured)', headers: idempotencyHeaders, body: createOfficerInput, response: { 201: officerDto } } }, async (req, res) =>
    reply(res, await createOfficer(db, userOf(req), actorOf(req, clock()), req.body, rule, idempotencyKeyOf(req))),
  )

  app.get('/api/v1/officers/gaps', { onRequest: readers, schema: { tags, summary: 'Units without an officer, units whose officers have no current training, officers due for a refresher', querystring: officerScopeQuery, response: { 200: officerGapsDto } } }, async (req) =>
    gapsOf(db, userOf(req), req.query.under, today(clock), config, rule),
  )

  app.get('/api/v1/officers.xlsx', { onRequest: readers, schema: { tags, summary: 'The roster and the gaps as a spreadsheet', querystring: officerScopeQuery, response: { 200: fileResponse(MIME.xlsx, 'Officers and gaps') } } }, async (req, reply) => {
    const user = userOf(req)
    const day = today(clock)
    // An export: from the read replica when there is one that holds the caller's writes.
    const rdb = readerFor(db, req)
    const under = await underPath(rdb, user, req.query.under)
    const { officersWorkbook } = await import('./officers.xlsx.ts')
    // The roster is read inside the place among the document builds: it is most of the memory.
    const file = await documentBuilds.run(async () => {
      const gaps = await gapsOf(rdb, user, req.query.under, day, config, rule)
      const res = await listOfficers(rdb, { scopes: scopePaths(user, OFFICER_READ_ROLES), underPath: under, day, rule })
      return officersWorkbook(res.items.map((o) => toOfficerDto(o, day, rule)), gaps, 'Đội ngũ cán bộ làm công tác bảo vệ chính trị nội bộ')
    })
    return reply.header('content-type', MIME.xlsx).header('content-disposition', `attachment; filename="can-bo-bvctnb-${day}.xlsx"`).send(file)
  })

  app.get('/api/v1/officers/:id', { onRequest: readers, schema: { tags, summary: 'An officer with their training history', params: idParams, response: { 200: officerDetailDto } } }, async (req) =>
    officerDetail(db, userOf(req), req.params.id, today(clock), rule),
  )

  app.patch('/api/v1/officers/:id', { onRequest: writers, schema: { tags, summary: 'Edit an appointment; `until` ends it', params: idParams, body: updateOfficerInput, response: { 200: officerDto } } }, async (req) =>
    updateOfficer(db, userOf(req), actorOf(req, clock()), req.params.id, req.body, rule),
  )

  app.get('/api/v1/training-courses', { onRequest: readers, schema: { tags, summary: 'Courses recorded by units in scope or above them, newest first', querystring: courseListQuery, response: { 200: courseListDto } } }, async (req) => {
    const user = userOf(req)
    const res = await listCourses(db, scopePaths(user, OFFICER_READ_ROLES), { underPath: await underPath(db, user, req.query.under), q: req.query.q, limit: req.query.limit, offset: req.query.offset })
    return { items: res.items.map(toCourseDto), total: res.total }
  })

  app.post('/api/v1/training-courses', { onRequest: writers, schema: { tags, summary: 'Record a course (Idempotency-Key honoured)', headers: idempotencyHeaders, body: createCourseInput, response: { 201: courseDto } } }, async (req, res) =>
    reply(res, await createCourse(db, userOf(req), actorOf(req, clock()), req.body, idempotencyKeyOf(req))),
  )

  app.get('/api/v1/training-courses/:id', { onRequest: readers, schema: { tags, summary: 'A course with the attendees I may see', params: idParams, response: { 200: courseDetailDto } } }, async (req) =>
    courseDetail(db, userOf(req), req.params.id),
  )

  app.patch('/api/v1/training-courses/:id', { onRequest: writers, schema: { tags, params: idParams, body: updateCourseInput, response: { 200: courseDto } } }, async (req) =>
    updateCourse(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.post('/api/v1/training-courses/:id/attendees', { onRequest: writers, schema: { tags, summary: 'Enrol a person with a result (completed or passed restarts their refresher cycle)', params: idParams, body: addAttendeeInput, response: { 201: attendanceDto } } }, async (req, reply) => {
    reply.status(201)
    return addAttendee(db, userOf(req), actorOf(req, clock()), req.params.id, req.body)
  })

  app.patch('/api/v1/training-attendance/:id', { onRequest: writers, schema: { tags, summary: 'Record a result or a certificate number', params: idParams, body: updateAttendanceInput, response: { 200: attendanceDto } } }, async (req) =>
    updateAttendance(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.delete('/api/v1/training-attendance/:id', { onRequest: writers, schema: { tags, summary: 'Take a person off a course (the course’s keeper)', params: idParams, body: deleteAttendanceInput, response: { 200: okDto } } }, async (req) => {
    await removeAttendee(db, userOf(req), actorOf(req, clock()), req.params.id, req.body.version)
    return { ok: true as const }
  })

  app.get('/api/v1/training-certificates/:id', { onRequest: requireUser(), schema: { tags, summary: 'Download a certificate (the officer themself, readers over their unit, the course’s keeper)', params: idParams, response: { 200: fileResponse(MIME.octet, 'The certificate as uploaded') } } }, async (req, reply) => {
    const file = await readCertificate(db, userOf(req), req.params.id)
    return reply.headers(downloadHeaders({ filename: file.filename, mime: file.mime })).send(file.content)
  })

  // Uploads in their own context, so the multipart parser applies only here.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: CERTIFICATE_MAX_BYTES, files: 1, fields: 2 } })
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/training-attendance/:id/certificates', {
      onRequest: writers,
      schema: { tags, summary: 'Attach a certificate (PDF, image or document)', consumes: ['multipart/form-data'], params: idParams, body: fileUpload, response: { 201: certificateDto } },
    }, async (req, reply) => {
      // Scope before reading the upload: out of reach, nothing is read.
      await keptAttendance(db, userOf(req), req.params.id)
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
      const file = await req.file()
      if (!file) throw invalid({ file: 'required' })
      const bytes = await file.toBuffer()
      if (!bytes.length) throw invalid({ file: 'required' })
      reply.status(201)
      return addCertificate(db, userOf(req), actorOf(req, clock()), req.params.id, { filename: file.filename.slice(0, 250), bytes })
    })
  })
}

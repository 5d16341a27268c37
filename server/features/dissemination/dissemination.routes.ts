import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { fileUpload, idParams, idempotencyHeaders } from '../../../contract/common.ts'
import {
  MAX_ROSTER_BYTES, coverageDto, coverageQuery, createSessionInput, deleteSessionBody, deleteSessionQuery, importResultDto, myDirectivePageDto,
  myDirectivesQuery, receiptDto, sessionDetailDto, sessionListDto, sessionListQuery, updateSessionInput,
} from '../../../contract/dissemination.ts'
import type { AppDeps } from '../../deps.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { idempotencyKeyOf, reply } from '../../http/idempotency.ts'
import { scopePaths } from '../../http/scope.ts'
import { visibleDirective } from '../directives/directives.access.ts'
import { unitInScope } from '../units/units.access.ts'
import { SESSION_READ_ROLES, SESSION_WRITE_ROLES } from './dissemination.policy.ts'
import { addresseeUnitsUnder, coverageByUnit, listSessions, myDirectives, personUnit, sessionDetail, toSessionDto } from './dissemination.queries.ts'
import { confirmReceipt, createSession, deleteSession, importAttendees, readableSession, updateSession } from './dissemination.service.ts'
import { fileWorkers } from '../../lib/file-worker.ts'
import { parseUpload } from '../../lib/file-worker-errors.ts'
import type { RosterRow } from './roster.parse.ts'

const tags = ['dissemination']

/** The upload's bytes and name, or a 400 naming `file`. */
async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart()) throw invalid({ file: 'fileRequired' })
  const part = await req.file()
  if (!part) throw invalid({ file: 'fileRequired' })
  try {
    return { bytes: await part.toBuffer(), filename: part.filename }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw invalid({ file: { key: 'fileTooLarge', n: MAX_ROSTER_BYTES / 1024 / 1024 } })
    throw e
  }
}

/** Run in the file worker pool: an uploaded roster is never unpacked or parsed on the server's own thread. */
const PARSE_ROSTER = new URL('./roster.parse.ts', import.meta.url)

const readRoster = (upload: { bytes: Buffer; filename: string }) =>
  parseUpload<RosterRow[]>(PARSE_ROSTER, 'parseRoster', [upload.bytes, upload.filename], (why) => new AppError('VALIDATION', { file: 'fileUnreadable' }, undefined, why))

/** Dissemination sessions, attendance, roster import, coverage and personal receipt. */
export function disseminationRoutes(app: FastifyInstance, deps: AppDeps) {
  app.addHook('onClose', () => fileWorkers.close())
  // Encapsulated, so multipart parsing applies to these routes only.
  app.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_ROSTER_BYTES, files: 1, fields: 10, parts: 12 } })
    sessionRoutes(scoped, deps)
    personalRoutes(scoped, deps)
  })
}

function sessionRoutes(fastify: FastifyInstance, { db, clock }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const readers = requireUser(SESSION_READ_ROLES)
  const writers = requireUser(SESSION_WRITE_ROLES)

  app.get('/api/v1/directives/:id/sessions', { onRequest: readers, schema: { tags, summary: "A directive's dissemination sessions in my scope, newest first", params: idParams, querystring: sessionListQuery, response: { 200: sessionListDto } } }, async (req) => {
    const user = userOf(req)
    const q = req.query
    await visibleDirective(db, user, req.params.id)
    const unit = q.unitId ? await unitInScope(db, user, SESSION_READ_ROLES, q.unitId) : null
    const res = await listSessions(db, req.params.id, scopePaths(user, SESSION_READ_ROLES), {
      exactUnitId: unit && q.includeSubunits !== '1' ? unit.id : undefined,
      underPath: unit && q.includeSubunits === '1' ? unit.path : undefined,
      q: q.q, limit: q.limit, offset: q.offset,
    })
    return { items: res.items.map(toSessionDto), total: res.total }
  })

  app.post('/api/v1/directives/:id/sessions', { onRequest: writers, schema: { tags, summary: 'Record a session (Idempotency-Key honoured)', params: idParams, headers: idempotencyHeaders, body: createSessionInput, response: { 201: sessionDetailDto } } }, async (req, res) =>
    reply(res, await createSession(db, userOf(req), actorOf(req, clock()), req.params.id, req.body, idempotencyKeyOf(req))),
  )

  app.get('/api/v1/sessions/:id', { onRequest: readers, schema: { tags, params: idParams, response: { 200: sessionDetailDto } } }, async (req) =>
    sessionDetail(db, await readableSession(db, userOf(req), req.params.id)),
  )

  app.patch('/api/v1/sessions/:id', { onRequest: writers, schema: { tags, summary: 'Edit a session; attendeeIds replaces the whole list', params: idParams, body: updateSessionInput, response: { 200: sessionDetailDto } } }, async (req) =>
    updateSession(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.delete('/api/v1/sessions/:id', { onRequest: writers, schema: { tags, summary: 'Delete a session (version in the body or ?version=)', params: idParams, querystring: deleteSessionQuery, body: deleteSessionBody, response: { 204: z.null().describe('Deleted') } } }, async (req, res) => {
    await deleteSession(db, userOf(req), actorOf(req, clock()), req.params.id, req.body?.version ?? req.query.version)
    return res.status(204).send(null)
  })

  app.post('/api/v1/sessions/:id/attendees/import', {
    onRequest: writers,
    schema: { tags, summary: 'Add attendees from an .xlsx/.csv roster, all or nothing (Idempotency-Key honoured)', consumes: ['multipart/form-data'], params: idParams, headers: idempotencyHeaders, body: fileUpload, response: { 200: importResultDto } },
  }, async (req, res) => {
    // Scope before reading the upload: an out-of-scope session is "not found" and nothing is parsed.
    await readableSession(db, userOf(req), req.params.id)
    const upload = await readUpload(req)
    const rows = await readRoster(upload)
    return reply(res, await importAttendees(db, userOf(req), actorOf(req, clock()), req.params.id, rows, idempotencyKeyOf(req)))
  })

  app.get('/api/v1/directives/:id/coverage', { onRequest: readers, schema: { tags, summary: 'People reached ÷ active people, per addressee unit in my scope', params: idParams, querystring: coverageQuery, response: { 200: coverageDto } } }, async (req) => {
    const user = userOf(req)
    const { id } = req.params
    await visibleDirective(db, user, id)
    let unitIds: number[]
    if (req.query.unitId) {
      const unit = await unitInScope(db, user, SESSION_READ_ROLES, req.query.unitId)
      unitIds = [unit.id, ...(req.query.includeSubunits === '1' ? await addresseeUnitsUnder(db, id, [unit.path], unit.id) : [])]
    } else {
      unitIds = await addresseeUnitsUnder(db, id, scopePaths(user, SESSION_READ_ROLES))
    }
    return { directiveId: id, items: await coverageByUnit(db, id, unitIds) }
  })
}

/** What any signed-in person does for themselves: confirm receipt, see their own record. */
function personalRoutes(fastify: FastifyInstance, { db, clock }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const anyone = requireUser()

  app.post('/api/v1/directives/:id/receipt', { onRequest: anyone, schema: { tags, summary: 'Confirm I have been briefed on a directive (once)', params: idParams, response: { 200: receiptDto } } }, async (req) =>
    confirmReceipt(db, userOf(req), actorOf(req, clock()), req.params.id),
  )

  app.get('/api/v1/me/directives', { onRequest: anyone, schema: { tags, summary: 'Directives sent to my unit, with my confirmation and the sessions I attended', querystring: myDirectivesQuery, response: { 200: myDirectivePageDto } } }, async (req) => {
    const user = userOf(req)
    const who = user.personId ? await personUnit(db, user.personId) : null
    if (!who) return { items: [], total: 0 }
    return myDirectives(db, who, req.query)
  })
}

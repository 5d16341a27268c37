import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  IDEMPOTENCY_HEADER, MAX_ROSTER_BYTES, coverageQuery, createSessionInput, deleteSessionBody, deleteSessionQuery, idempotencyKey,
  myDirectivesQuery, sessionListQuery, updateSessionInput, type CoverageDto, type SessionListDto,
} from '../../../contract/dissemination.ts'
import type { AppDeps } from '../../app.ts'
import { errorHandler, notFound } from '../../http/errors.ts'
import { actorOf, requireUser } from '../../http/guard.ts'
import { langOf } from '../../http/lang.ts'
import { scopePaths } from '../../http/scope.ts'
import { idParam, parse } from '../../http/validate.ts'
import { findUnit } from '../units/units.queries.ts'
import { invalidFields, localizeError } from './dissemination.errors.ts'
import { SESSION_READ_ROLES, SESSION_WRITE_ROLES, canReadSessionsOf } from './dissemination.policy.ts'
import {
  addresseeUnitsUnder, coverageByUnit, findSession, findVisibleDirective, listSessions, myDirectives, personUnit, sessionDetail, toSessionDto,
} from './dissemination.queries.ts'
import { confirmReceipt, createSession, deleteSession, importAttendees, updateSession } from './dissemination.service.ts'
import { parseRoster } from './roster.parse.ts'

/**
 * The Idempotency-Key header, namespaced by method and path: the same key sent to another endpoint
 * is a different request, not a replay of this one.
 */
function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const raw = req.headers[IDEMPOTENCY_HEADER]
  if (raw === undefined) return undefined
  const parsed = idempotencyKey.safeParse(Array.isArray(raw) ? raw[0] : raw)
  if (!parsed.success) throw invalidFields({ [`headers.${IDEMPOTENCY_HEADER}`]: 'format' })
  return `${req.method} ${req.url.split('?')[0]} ${parsed.data}`
}

/** The upload's bytes and name, or a 400 naming `file`. */
async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart()) throw invalidFields({ file: 'fileRequired' })
  const part = await req.file()
  if (!part) throw invalidFields({ file: 'fileRequired' })
  try {
    return { bytes: await part.toBuffer(), filename: part.filename }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw invalidFields({ file: { key: 'fileTooLarge', n: MAX_ROSTER_BYTES / 1024 / 1024 } })
    throw e
  }
}

/** Dissemination sessions, attendance, roster import, coverage and personal receipt. */
export function disseminationRoutes(app: FastifyInstance, deps: AppDeps) {
  // Encapsulated, so multipart parsing and this feature's field messages stay with these routes.
  app.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_ROSTER_BYTES, files: 1, fields: 10, parts: 12 } })
    // This feature's field messages live in contract/dissemination.ts; localize them, then let the
    // one shared handler answer as it does everywhere else.
    scoped.setErrorHandler((err, req, reply) => errorHandler(localizeError(err, langOf(req)) as Error, req, reply))
    sessionRoutes(scoped, deps)
    personalRoutes(scoped, deps)
  })
}

function sessionRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const readers = requireUser(db, clock, SESSION_READ_ROLES)
  const writers = requireUser(db, clock, SESSION_WRITE_ROLES)

  /** A readable unit from a query's unitId, else 404 as if it did not exist. */
  const readableUnit = async (req: FastifyRequest, unitId: number) => {
    const unit = await findUnit(db, unitId)
    if (!unit || !canReadSessionsOf(req.user!, unit.path)) throw notFound()
    return unit
  }
  const visibleDirective = async (req: FastifyRequest, id: number) => {
    const directive = await findVisibleDirective(db, id, scopePaths(req.user!, SESSION_READ_ROLES))
    if (!directive) throw notFound()
    return directive
  }

  app.get('/api/v1/directives/:id/sessions', { preHandler: readers }, async (req): Promise<SessionListDto> => {
    const { id } = parse(idParam, req.params)
    const q = parse(sessionListQuery, req.query)
    await visibleDirective(req, id)
    const unit = q.unitId ? await readableUnit(req, q.unitId) : null
    const res = await listSessions(db, id, scopePaths(req.user!, SESSION_READ_ROLES), {
      exactUnitId: unit && q.includeSubunits !== '1' ? unit.id : undefined,
      underPath: unit && q.includeSubunits === '1' ? unit.path : undefined,
      q: q.q, limit: q.limit, offset: q.offset,
    })
    return { items: res.items.map(toSessionDto), total: res.total }
  })

  app.post('/api/v1/directives/:id/sessions', { preHandler: writers }, async (req, reply) => {
    const { id } = parse(idParam, req.params)
    const key = idempotencyKeyOf(req)
    const input = parse(createSessionInput, req.body)
    const answer = await createSession(db, req.user!, actorOf(req, clock()), id, input, key)
    if (answer.isReplay) reply.header('idempotent-replay', 'true')
    reply.status(answer.statusCode)
    return answer.body
  })

  app.get('/api/v1/sessions/:id', { preHandler: readers }, async (req) => {
    const { id } = parse(idParam, req.params)
    const session = await findSession(db, id)
    if (!session || !canReadSessionsOf(req.user!, session.unitPath)) throw notFound()
    return sessionDetail(db, session)
  })

  app.patch('/api/v1/sessions/:id', { preHandler: writers }, async (req) => {
    const { id } = parse(idParam, req.params)
    return updateSession(db, req.user!, actorOf(req, clock()), id, parse(updateSessionInput, req.body))
  })

  app.delete('/api/v1/sessions/:id', { preHandler: writers }, async (req, reply) => {
    const { id } = parse(idParam, req.params)
    const body = parse(deleteSessionBody, req.body)
    const query = parse(deleteSessionQuery, req.query)
    await deleteSession(db, req.user!, actorOf(req, clock()), id, body.version ?? query.version)
    reply.status(204)
  })

  app.post('/api/v1/sessions/:id/attendees/import', { preHandler: writers }, async (req, reply) => {
    const { id } = parse(idParam, req.params)
    const key = idempotencyKeyOf(req)
    // Scope before reading the upload: an out-of-scope session is "not found" and nothing is parsed.
    const session = await findSession(db, id)
    if (!session || !canReadSessionsOf(req.user!, session.unitPath)) throw notFound()
    const upload = await readUpload(req)
    const rows = await parseRoster(upload.bytes, upload.filename)
    const answer = await importAttendees(db, req.user!, actorOf(req, clock()), id, rows, key)
    if (answer.isReplay) reply.header('idempotent-replay', 'true')
    reply.status(answer.statusCode)
    return answer.body
  })

  app.get('/api/v1/directives/:id/coverage', { preHandler: readers }, async (req): Promise<CoverageDto> => {
    const { id } = parse(idParam, req.params)
    const q = parse(coverageQuery, req.query)
    await visibleDirective(req, id)
    let unitIds: number[]
    if (q.unitId) {
      const unit = await readableUnit(req, q.unitId)
      unitIds = [unit.id, ...(q.includeSubunits === '1' ? await addresseeUnitsUnder(db, id, [unit.path], unit.id) : [])]
    } else {
      unitIds = await addresseeUnitsUnder(db, id, scopePaths(req.user!, SESSION_READ_ROLES))
    }
    return { directiveId: id, items: await coverageByUnit(db, id, unitIds) }
  })
}

/** What any signed-in person does for themselves: confirm receipt, see their own record. */
function personalRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const anyone = requireUser(db, clock)

  app.post('/api/v1/directives/:id/receipt', { preHandler: anyone }, async (req) => {
    const { id } = parse(idParam, req.params)
    return confirmReceipt(db, req.user!, actorOf(req, clock()), id)
  })

  app.get('/api/v1/me/directives', { preHandler: anyone }, async (req) => {
    const q = parse(myDirectivesQuery, req.query)
    const who = req.user!.personId ? await personUnit(db, req.user!.personId) : null
    if (!who) return { items: [], total: 0 }
    return myDirectives(db, who, q)
  })
}

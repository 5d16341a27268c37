import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { MIME, fileResponse, fileUpload, idParams, idempotencyHeaders } from '../../../contract/common.ts'
import {
  MAX_REGISTER_BYTES, alertListDto, alertListQuery, assignHolderInput, createPositionInput, positionDetailDto, positionDto, positionExportQuery, positionImportResultDto,
  positionListDto, positionListQuery, readinessDto, readinessQuery, updatePositionInput, vacateInput, type PositionListQuery,
} from '../../../contract/positions.ts'
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
import { fileWorkerAnswer } from '../../lib/file-worker-errors.ts'
import { FileTaskError, fileWorkers } from '../../lib/file-worker.ts'
import { unitInScope } from '../units/units.access.ts'
import { POSITION_READ_ROLES, POSITION_WRITE_ROLES, READINESS_ROLES } from './positions.policy.ts'
import { listAlerts, listPositions, toPositionDto } from './positions.queries.ts'
import { assignHolder, createPosition, positionDetail, updatePosition, vacatePosition, type PositionDeps } from './positions.service.ts'
import { thresholdsOf, unitReadiness } from './readiness.service.ts'
import { importRegister } from './register.import.ts'
import type { RegisterRow } from './register.parse.ts'

const tags = ['positions']

/** Run in the file worker pool: an uploaded register is never unpacked or parsed on the server's own thread. */
const PARSE_REGISTER = new URL('./register.parse.ts', import.meta.url)

async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart()) throw invalid({ file: 'fileRequired' })
  const part = await req.file()
  if (!part) throw invalid({ file: 'fileRequired' })
  try {
    return { bytes: await part.toBuffer(), filename: part.filename }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw invalid({ file: { key: 'fileTooLarge', n: MAX_REGISTER_BYTES / 1024 / 1024 } })
    throw e
  }
}

/** The register's rows, read in the file worker pool; its refusals come back as the parser's own 400s. */
async function readRegister(upload: { bytes: Buffer; filename: string }): Promise<RegisterRow[]> {
  try {
    return await fileWorkers.run<RegisterRow[]>(PARSE_REGISTER, 'parseRegister', [upload.bytes, upload.filename])
  } catch (e) {
    if (e instanceof FileTaskError && e.remoteName === 'AppError') {
      const p = e.props as Pick<AppError, 'code' | 'fields' | 'extra' | 'detail' | 'rows'>
      throw new AppError(p.code, p.fields, p.extra, p.detail, p.rows)
    }
    throw fileWorkerAnswer(e, (why) => new AppError('VALIDATION', { file: 'fileUnreadable' }, undefined, why)) ?? e
  }
}

/** The list's filter: the caller's scope, narrowed to a subtree (`under`) or one unit (`unitId`), both 404 when out of reach. */
async function filterOf(db: Queryable, user: CurrentUser, q: Omit<PositionListQuery, 'limit' | 'offset'>, day: string, expiringDays: number) {
  const under = q.under ? await unitInScope(db, user, POSITION_READ_ROLES, q.under) : null
  const exact = q.unitId ? await unitInScope(db, user, POSITION_READ_ROLES, q.unitId) : null
  return {
    scopes: scopePaths(user, POSITION_READ_ROLES), underPath: under?.path, exactUnitId: exact?.id, vetting: q.vetting, q: q.q,
    includeClosed: q.includeClosed === '1', today: day, expiringDays,
  }
}

/** Key positions: the register, holders, vetting alerts, import and export, and the readiness roll-up. */
export function positionRoutes(fastify: FastifyInstance, { db, clock, config, keys, mailer }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const deps: PositionDeps = { db, keys, mailer, expiringDays: config.vettingExpiringDays }
  const readers = requireUser(POSITION_READ_ROLES)
  const writers = requireUser(POSITION_WRITE_ROLES)
  const expiringDays = config.vettingExpiringDays

  app.get('/api/v1/positions', { onRequest: readers, schema: { tags, summary: 'Key positions in scope with their holder and vetting status', querystring: positionListQuery, response: { 200: positionListDto } } }, async (req) => {
    const day = today(clock)
    const res = await listPositions(db, await filterOf(db, userOf(req), req.query, day, expiringDays), { limit: req.query.limit, offset: req.query.offset })
    return { items: res.items.map((p) => toPositionDto(p, day, expiringDays)), total: res.total }
  })

  app.post('/api/v1/positions', { onRequest: writers, schema: { tags, summary: 'Add a position to a unit’s register (Idempotency-Key honoured)', headers: idempotencyHeaders, body: createPositionInput, response: { 201: positionDto } } }, async (req, res) =>
    reply(res, await createPosition(deps, userOf(req), actorOf(req, clock()), req.body, idempotencyKeyOf(req))),
  )

  app.get('/api/v1/positions.xlsx', { onRequest: readers, schema: { tags, summary: 'The register as a spreadsheet (the columns the import reads)', querystring: positionExportQuery, response: { 200: fileResponse(MIME.xlsx, 'The register') } } }, async (req, reply) => {
    const day = today(clock)
    // An export: from the read replica when there is one that holds the caller's writes.
    const rdb = readerFor(db, req)
    const filter = await filterOf(rdb, userOf(req), req.query, day, expiringDays)
    // exceljs loads with the first export, not at start.
    const { registerWorkbook } = await import('./register.xlsx.ts')
    // The register (~50,000 positions at 5,000 units) is read inside the place among the document builds.
    const file = await documentBuilds.run(async () => {
      const res = await listPositions(rdb, filter)
      return registerWorkbook(res.items.map((p) => ({ ...toPositionDto(p, day, expiringDays), unitCode: p.unitCode })), 'Sổ vị trí trọng yếu, cơ mật', day)
    })
    return reply.header('content-type', MIME.xlsx).header('content-disposition', `attachment; filename="vi-tri-trong-yeu-${day}.xlsx"`).send(file)
  })

  app.get('/api/v1/positions/:id', { onRequest: readers, schema: { tags, summary: 'A position with everyone who held it and its open alert', params: idParams, response: { 200: positionDetailDto } } }, async (req) =>
    positionDetail(db, userOf(req), req.params.id, today(clock), expiringDays),
  )

  app.patch('/api/v1/positions/:id', { onRequest: writers, schema: { tags, summary: 'Edit a position; closedOn abolishes it', params: idParams, body: updatePositionInput, response: { 200: positionDto } } }, async (req) =>
    updatePosition(deps, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.post('/api/v1/positions/:id/holder', { onRequest: writers, schema: { tags, summary: 'A new holder from a day (the previous one leaves the day before); their standing is read at once', params: idParams, body: assignHolderInput, response: { 200: positionDto } } }, async (req) =>
    assignHolder(deps, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.post('/api/v1/positions/:id/vacate', { onRequest: writers, schema: { tags, summary: 'The holder leaves: the position is vacant', params: idParams, body: vacateInput, response: { 200: positionDto } } }, async (req) =>
    vacatePosition(deps, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.get('/api/v1/position-alerts', { onRequest: readers, schema: { tags, summary: 'Holders without a current conclusion, in scope (open alerts unless open=0)', querystring: alertListQuery, response: { 200: alertListDto } } }, async (req) => {
    const user = userOf(req)
    const under = req.query.under ? await unitInScope(db, user, POSITION_READ_ROLES, req.query.under) : null
    return { items: await listAlerts(db, scopePaths(user, POSITION_READ_ROLES), { underPath: under?.path, includeCleared: req.query.open === '0', limit: req.query.limit }) }
  })

  app.get('/api/v1/units/:id/readiness', { onRequest: requireUser(READINESS_ROLES), schema: { tags, summary: "Counts for the unit's subtree: positions and vetting, officers and training, units without an officer; a row per child unit", params: idParams, querystring: readinessQuery, response: { 200: readinessDto } } }, async (req) => {
    const unit = await unitInScope(db, userOf(req), READINESS_ROLES, req.params.id)
    return unitReadiness(db, unit, today(clock), thresholdsOf(config), req.query.children !== '0')
  })

  // Uploads in their own context, so the multipart parser applies only here.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_REGISTER_BYTES, files: 1, fields: 5, parts: 6 } })
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/units/:id/positions/import', {
      onRequest: writers,
      schema: { tags, summary: "Import a unit's register from .xlsx/.csv, all or nothing (Idempotency-Key honoured)", consumes: ['multipart/form-data'], params: idParams, headers: idempotencyHeaders, body: fileUpload, response: { 200: positionImportResultDto } },
    }, async (req, res) => {
      // Scope before reading the upload: an out-of-scope unit is "not found" and nothing is parsed.
      await unitInScope(db, userOf(req), POSITION_WRITE_ROLES, req.params.id)
      const rows = await readRegister(await readUpload(req))
      return reply(res, await importRegister(deps, userOf(req), actorOf(req, clock()), req.params.id, rows, idempotencyKeyOf(req)))
    })
  })
}

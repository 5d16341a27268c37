import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { idParams, versionInput } from '../../../contract/common.ts'
import { createUnitInput, moveUnitInput, unitChildrenDto, unitChildrenQuery, unitDto, unitListDto, unitListQuery, updateUnitInput } from '../../../contract/units.ts'
import { matrixEpoch } from '../../db/epoch.ts'
import type { AppDeps } from '../../deps.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { scopePaths } from '../../http/scope.ts'
import { jsonCache } from '../../lib/json-cache.ts'
import { unitInScope } from './units.access.ts'
import { UNIT_READ_ROLES, UNIT_WRITE_ROLES } from './units.policy.ts'
import { listUnitLevel, listUnitsInScope, toUnitDto } from './units.queries.ts'
import { createUnit, moveUnit, setUnitActive, updateUnit } from './units.service.ts'

const tags = ['units']

export function unitRoutes(fastify: FastifyInstance, { db, clock }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const readers = requireUser(UNIT_READ_ROLES)
  const writers = requireUser(UNIT_WRITE_ROLES)

  // The whole list (what the web's pickers read) is kept as its JSON for each scope until a unit
  // changes (migration 0005's matrix_view_unit trigger moves the matrix epoch on any write to
  // unit), and computed once for requests that come while it is computed: at 5,000 units it is a
  // 1 MB answer, and eight clients building it at once took the server from 170 to 320 MB.
  const lists = jsonCache(16 * 1024 * 1024)

  app.get('/api/v1/units', { onRequest: readers, schema: { tags, summary: 'Units in scope, in tree order', querystring: unitListQuery, response: { 200: unitListDto } } }, async (req, reply) => {
    const scopes = scopePaths(userOf(req), UNIT_READ_ROLES)
    const opts = { q: req.query.q, includeInactive: req.query.includeInactive === '1' }
    const list = async () => ({ items: (await listUnitsInScope(db, scopes, opts)).map(toUnitDto) })
    // A search answers a few units: computed each time.
    if (opts.q) return list()
    const epoch = await matrixEpoch(db)
    // Checked against the route's schema as the serializer would (the bytes bypass it).
    const body = await lists.bytes(JSON.stringify({ scopes: [...scopes].sort(), includeInactive: opts.includeInactive }), epoch, async () => unitListDto.parse(await list()))
    return reply.type('application/json; charset=utf-8').send(body as never)
  })

  app.get('/api/v1/units/children', {
    onRequest: readers,
    schema: { tags, summary: 'One level of the tree, children on demand: the top of the scope, or the children of parentId, each with its child count', querystring: unitChildrenQuery, response: { 200: unitChildrenDto } },
  }, async (req) => {
    const user = userOf(req)
    const includeInactive = req.query.includeInactive === '1'
    const level = req.query.parentId
      ? { parentId: (await unitInScope(db, user, UNIT_READ_ROLES, req.query.parentId)).id }
      : { scopes: scopePaths(user, UNIT_READ_ROLES) }
    return { items: (await listUnitLevel(db, level, { includeInactive })).map(({ path: _p, ...u }) => u) }
  })

  app.get('/api/v1/units/:id', { onRequest: readers, schema: { tags, params: idParams, response: { 200: unitDto } } }, async (req) =>
    toUnitDto(await unitInScope(db, userOf(req), UNIT_READ_ROLES, req.params.id)),
  )

  app.post('/api/v1/units', { onRequest: writers, schema: { tags, body: createUnitInput, response: { 201: unitDto } } }, async (req, reply) => {
    reply.status(201)
    return createUnit(db, userOf(req), actorOf(req, clock()), req.body)
  })

  app.patch('/api/v1/units/:id', { onRequest: writers, schema: { tags, summary: 'Rename or change kind', params: idParams, body: updateUnitInput, response: { 200: unitDto } } }, async (req) =>
    updateUnit(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.post('/api/v1/units/:id/move', { onRequest: writers, schema: { tags, summary: 'Move with its whole subtree', params: idParams, body: moveUnitInput, response: { 200: unitDto } } }, async (req) =>
    moveUnit(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  for (const [verb, isActive] of [['deactivate', false], ['activate', true]] as const) {
    app.post(`/api/v1/units/:id/${verb}`, { onRequest: writers, schema: { tags, summary: isActive ? 'Activate' : 'Deactivate with its subtree', params: idParams, body: versionInput, response: { 200: unitDto } } }, async (req) =>
      setUnitActive(db, userOf(req), actorOf(req, clock()), req.params.id, req.body, isActive),
    )
  }
}

import type { FastifyInstance } from 'fastify'
import { createUnitInput, moveUnitInput, unitListQuery, updateUnitInput, versionInput } from '../../../contract/units.ts'
import type { AppDeps } from '../../app.ts'
import { notFound } from '../../http/errors.ts'
import { actorOf, requireUser } from '../../http/guard.ts'
import { scopePaths } from '../../http/scope.ts'
import { idParam, parse } from '../../http/validate.ts'
import { UNIT_READ_ROLES, UNIT_WRITE_ROLES, canReadUnit } from './units.policy.ts'
import { findUnit, listUnitsInScope, toUnitDto } from './units.queries.ts'
import { createUnit, moveUnit, setUnitActive, updateUnit } from './units.service.ts'

export function unitRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const readers = requireUser(db, clock, UNIT_READ_ROLES)
  const writers = requireUser(db, clock, UNIT_WRITE_ROLES)

  app.get('/api/v1/units', { preHandler: readers }, async (req) => {
    const q = parse(unitListQuery, req.query)
    const units = await listUnitsInScope(db, scopePaths(req.user!, UNIT_READ_ROLES), { q: q.q, includeInactive: q.includeInactive === '1' })
    return { items: units.map(toUnitDto) }
  })

  app.get('/api/v1/units/:id', { preHandler: readers }, async (req) => {
    const { id } = parse(idParam, req.params)
    const unit = await findUnit(db, id)
    if (!unit || !canReadUnit(req.user!, unit.path)) throw notFound()
    return toUnitDto(unit)
  })

  app.post('/api/v1/units', { preHandler: writers }, async (req, reply) => {
    const input = parse(createUnitInput, req.body)
    const id = await createUnit(db, req.user!, actorOf(req, clock()), input)
    reply.status(201)
    return toUnitDto((await findUnit(db, id))!)
  })

  app.patch('/api/v1/units/:id', { preHandler: writers }, async (req) => {
    const { id } = parse(idParam, req.params)
    await updateUnit(db, req.user!, actorOf(req, clock()), id, parse(updateUnitInput, req.body))
    return toUnitDto((await findUnit(db, id))!)
  })

  app.post('/api/v1/units/:id/move', { preHandler: writers }, async (req) => {
    const { id } = parse(idParam, req.params)
    await moveUnit(db, req.user!, actorOf(req, clock()), id, parse(moveUnitInput, req.body))
    return toUnitDto((await findUnit(db, id))!)
  })

  app.post('/api/v1/units/:id/deactivate', { preHandler: writers }, async (req) => {
    const { id } = parse(idParam, req.params)
    await setUnitActive(db, req.user!, actorOf(req, clock()), id, parse(versionInput, req.body), false)
    return toUnitDto((await findUnit(db, id))!)
  })

  app.post('/api/v1/units/:id/activate', { preHandler: writers }, async (req) => {
    const { id } = parse(idParam, req.params)
    await setUnitActive(db, req.user!, actorOf(req, clock()), id, parse(versionInput, req.body), true)
    return toUnitDto((await findUnit(db, id))!)
  })
}

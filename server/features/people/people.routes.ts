import type { FastifyInstance } from 'fastify'
import { createPersonInput, personListQuery, updatePersonInput } from '../../../contract/people.ts'
import type { AppDeps } from '../../app.ts'
import { notFound } from '../../http/errors.ts'
import { actorOf, requireUser } from '../../http/guard.ts'
import { canReach, scopePaths } from '../../http/scope.ts'
import { idParam, parse } from '../../http/validate.ts'
import { findUnit } from '../units/units.queries.ts'
import { PEOPLE_READ_ROLES, PEOPLE_WRITE_ROLES } from './people.policy.ts'
import { findPerson, listPeople, toPersonDto } from './people.queries.ts'
import { createPerson, updatePerson } from './people.service.ts'

export function peopleRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const readers = requireUser(db, clock, PEOPLE_READ_ROLES)
  const writers = requireUser(db, clock, PEOPLE_WRITE_ROLES)

  app.get('/api/v1/people', { preHandler: readers }, async (req) => {
    const q = parse(personListQuery, req.query)
    let underPath: string | undefined
    if (q.unitId) {
      const unit = await findUnit(db, q.unitId)
      if (!unit || !canReach(req.user!, PEOPLE_READ_ROLES, unit.path)) throw notFound()
      underPath = unit.path
    }
    const res = await listPeople(db, scopePaths(req.user!, PEOPLE_READ_ROLES), {
      underPath: q.includeSubunits === '1' ? underPath : undefined,
      exactUnitId: q.includeSubunits === '1' ? undefined : q.unitId,
      q: q.q, includeInactive: q.includeInactive === '1', limit: q.limit, offset: q.offset,
    })
    return { items: res.items.map(toPersonDto), total: res.total }
  })

  app.get('/api/v1/people/:id', { preHandler: readers }, async (req) => {
    const { id } = parse(idParam, req.params)
    const person = await findPerson(db, id)
    if (!person || !canReach(req.user!, PEOPLE_READ_ROLES, person.unitPath)) throw notFound()
    return toPersonDto(person)
  })

  app.post('/api/v1/people', { preHandler: writers }, async (req, reply) => {
    const input = parse(createPersonInput, req.body)
    const id = await createPerson(db, req.user!, actorOf(req, clock()), input)
    reply.status(201)
    return toPersonDto((await findPerson(db, id))!)
  })

  app.patch('/api/v1/people/:id', { preHandler: writers }, async (req) => {
    const { id } = parse(idParam, req.params)
    await updatePerson(db, req.user!, actorOf(req, clock()), id, parse(updatePersonInput, req.body))
    return toPersonDto((await findPerson(db, id))!)
  })
}

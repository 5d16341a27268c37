import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { idParams } from '../../../contract/common.ts'
import { createPersonInput, personDto, personListQuery, personPageDto, updatePersonInput } from '../../../contract/people.ts'
import type { AppDeps } from '../../deps.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { scopePaths } from '../../http/scope.ts'
import { unitInScope } from '../units/units.access.ts'
import { readablePerson } from './people.access.ts'
import { PEOPLE_READ_ROLES, PEOPLE_WRITE_ROLES } from './people.policy.ts'
import { listPeople, toPersonDto } from './people.queries.ts'
import { createPerson, updatePerson } from './people.service.ts'

const tags = ['people']

export function peopleRoutes(fastify: FastifyInstance, { db, clock }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const readers = requireUser(PEOPLE_READ_ROLES)
  const writers = requireUser(PEOPLE_WRITE_ROLES)

  app.get('/api/v1/people', { onRequest: readers, schema: { tags, summary: 'People in scope, Vietnamese name order; search ignores diacritics', querystring: personListQuery, response: { 200: personPageDto } } }, async (req) => {
    const q = req.query
    const user = userOf(req)
    const unit = q.unitId ? await unitInScope(db, user, PEOPLE_READ_ROLES, q.unitId) : null
    const res = await listPeople(db, scopePaths(user, PEOPLE_READ_ROLES), {
      underPath: q.includeSubunits === '1' ? unit?.path : undefined,
      exactUnitId: q.includeSubunits === '1' ? undefined : q.unitId,
      q: q.q, includeInactive: q.includeInactive === '1', limit: q.limit, offset: q.offset,
    })
    return { items: res.items.map(toPersonDto), total: res.total, isTotalCapped: res.isTotalCapped }
  })

  app.get('/api/v1/people/:id', { onRequest: readers, schema: { tags, params: idParams, response: { 200: personDto } } }, async (req) =>
    toPersonDto(await readablePerson(db, userOf(req), req.params.id)),
  )

  app.post('/api/v1/people', { onRequest: writers, schema: { tags, body: createPersonInput, response: { 201: personDto } } }, async (req, reply) => {
    reply.status(201)
    return createPerson(db, userOf(req), actorOf(req, clock()), req.body)
  })

  app.patch('/api/v1/people/:id', { onRequest: writers, schema: { tags, params: idParams, body: updatePersonInput, response: { 200: personDto } } }, async (req) =>
    updatePerson(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )
}

import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { closeDirectiveInput, directiveInput, directiveListQuery, issueDirectiveInput, updateDirectiveInput, type DirectiveDto } from '../../../contract/directives.ts'
import type { AppDeps } from '../../app.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { notFound } from '../../http/errors.ts'
import { actorOf, requireUser } from '../../http/guard.ts'
import { idempotent } from '../../http/idempotency.ts'
import { scopePaths } from '../../http/scope.ts'
import { idParam, parse } from '../../http/validate.ts'
import { ACKNOWLEDGE_ROLES, DIRECTIVE_MANAGE_ROLES, DIRECTIVE_READ_ROLES } from './directives.policy.ts'
import { countAddressees, findDirective, isDirectiveVisible, listAddressees, listDirectives, listRequirements } from './directives.queries.ts'
import { acknowledge, closeDirective, createDirective, issueDirective, updateDirective } from './directives.service.ts'
import { today } from '../../lib/dates.ts'

const acknowledgeInput = z.strictObject({ unitId: z.number().int().positive() })

/** The directive if the user may see it; 404 otherwise, as if it did not exist. */
export async function visibleDirective(db: Queryable, user: CurrentUser, id: number) {
  const ok = await isDirectiveVisible(db, id, scopePaths(user, DIRECTIVE_MANAGE_ROLES), scopePaths(user, DIRECTIVE_READ_ROLES))
  const d = ok ? await findDirective(db, id) : null
  if (!d) throw notFound()
  return d
}

async function directiveDto(db: Queryable, id: number): Promise<DirectiveDto> {
  const { ownerPath: _p, ...d } = (await findDirective(db, id))!
  return { ...d, requirements: await listRequirements(db, id), addresseeCount: await countAddressees(db, id) }
}

export function directiveRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const readers = requireUser(db, clock, DIRECTIVE_READ_ROLES)
  const managers = requireUser(db, clock, DIRECTIVE_MANAGE_ROLES)

  app.get('/api/v1/directives', { preHandler: readers }, async (req) => {
    const q = parse(directiveListQuery, req.query)
    return listDirectives(db, scopePaths(req.user!, DIRECTIVE_MANAGE_ROLES), scopePaths(req.user!, DIRECTIVE_READ_ROLES), q)
  })

  app.get('/api/v1/directives/:id', { preHandler: readers }, async (req) => {
    const { id } = parse(idParam, req.params)
    await visibleDirective(db, req.user!, id)
    return directiveDto(db, id)
  })

  app.post('/api/v1/directives', { preHandler: managers }, async (req, reply) => {
    const input = parse(directiveInput, req.body)
    return idempotent(db, req, reply, async () => {
      const id = await createDirective(db, req.user!, actorOf(req, clock()), input)
      return { status: 201, body: await directiveDto(db, id) }
    })
  })

  app.patch('/api/v1/directives/:id', { preHandler: managers }, async (req) => {
    const { id } = parse(idParam, req.params)
    await updateDirective(db, req.user!, actorOf(req, clock()), id, parse(updateDirectiveInput, req.body))
    return directiveDto(db, id)
  })

  app.post('/api/v1/directives/:id/issue', { preHandler: managers }, async (req) => {
    const { id } = parse(idParam, req.params)
    await issueDirective(db, req.user!, actorOf(req, clock()), id, parse(issueDirectiveInput, req.body))
    return directiveDto(db, id)
  })

  app.post('/api/v1/directives/:id/close', { preHandler: managers }, async (req) => {
    const { id } = parse(idParam, req.params)
    await closeDirective(db, req.user!, actorOf(req, clock()), id, parse(closeDirectiveInput, req.body))
    return directiveDto(db, id)
  })

  app.get('/api/v1/directives/:id/addressees', { preHandler: readers }, async (req) => {
    const { id } = parse(idParam, req.params)
    await visibleDirective(db, req.user!, id)
    return { items: await listAddressees(db, id, scopePaths(req.user!, DIRECTIVE_READ_ROLES), today(clock)) }
  })

  app.post('/api/v1/directives/:id/acknowledge', { preHandler: requireUser(db, clock, ACKNOWLEDGE_ROLES) }, async (req) => {
    const { id } = parse(idParam, req.params)
    const { unitId } = parse(acknowledgeInput, req.body)
    await visibleDirective(db, req.user!, id)
    return acknowledge(db, req.user!, actorOf(req, clock()), id, unitId)
  })
}

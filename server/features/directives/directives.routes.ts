import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { idParams, idempotencyHeaders } from '../../../contract/common.ts'
import {
  acknowledgeInput, acknowledgementDto, addresseeListDto, closeDirectiveInput, directiveDto, directiveInput, directiveListQuery, directivePageDto,
  issueDirectiveInput, updateDirectiveInput,
} from '../../../contract/directives.ts'
import type { AppDeps } from '../../deps.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { readerFor } from '../../http/read-routing.ts'
import { idempotencyKeyOf, reply } from '../../http/idempotency.ts'
import { scopePaths } from '../../http/scope.ts'
import { today } from '../../lib/dates.ts'
import { visibleDirective } from './directives.access.ts'
import { ACKNOWLEDGE_ROLES, DIRECTIVE_MANAGE_ROLES, DIRECTIVE_READ_ROLES } from './directives.policy.ts'
import { listAddressees, listDirectives } from './directives.queries.ts'
import { parseReviewFor } from './parse-review.service.ts'
import { acknowledge, closeDirective, createDirective, directiveDto as loadDirectiveDto, issueDirective, updateDirective } from './directives.service.ts'

const tags = ['directives']

export function directiveRoutes(fastify: FastifyInstance, { db, clock }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const readers = requireUser(DIRECTIVE_READ_ROLES)
  const managers = requireUser(DIRECTIVE_MANAGE_ROLES)

  app.get('/api/v1/directives', { onRequest: readers, schema: { tags, summary: 'Directives visible to me, newest first; search ignores diacritics', querystring: directiveListQuery, response: { 200: directivePageDto } } }, async (req) => {
    const user = userOf(req)
    return listDirectives(readerFor(db, req), scopePaths(user, DIRECTIVE_MANAGE_ROLES), scopePaths(user, DIRECTIVE_READ_ROLES), { ...req.query, asOf: today(clock) })
  })

  app.get('/api/v1/directives/:id', { onRequest: readers, schema: { tags, params: idParams, response: { 200: directiveDto } } }, async (req) => {
    await visibleDirective(db, userOf(req), req.params.id)
    return loadDirectiveDto(db, req.params.id)
  })

  app.post('/api/v1/directives', { onRequest: managers, schema: { tags, summary: 'Register a directive as a draft (Idempotency-Key honoured); a parsed letter (parseSource) records the fields corrected', headers: idempotencyHeaders, body: directiveInput, response: { 201: directiveDto } } }, async (req, res) => {
    const { parseSource, sourceText } = req.body
    const review = parseSource && sourceText ? await parseReviewFor(parseSource, sourceText) : null
    return reply(res, await createDirective(db, userOf(req), actorOf(req, clock()), req.body, idempotencyKeyOf(req), review))
  })

  app.patch('/api/v1/directives/:id', { onRequest: managers, schema: { tags, summary: 'Edit: the fields sent change, the others stay (requirements only while a draft)', params: idParams, body: updateDirectiveInput, response: { 200: directiveDto } } }, async (req) =>
    updateDirective(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.post('/api/v1/directives/:id/issue', { onRequest: managers, schema: { tags, summary: 'Issue to units, with acknowledgement and plan deadlines', params: idParams, body: issueDirectiveInput, response: { 200: directiveDto } } }, async (req) =>
    issueDirective(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.post('/api/v1/directives/:id/close', { onRequest: managers, schema: { tags, summary: 'Close, or mark superseded by another directive', params: idParams, body: closeDirectiveInput, response: { 200: directiveDto } } }, async (req) =>
    closeDirective(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.get('/api/v1/directives/:id/addressees', { onRequest: readers, schema: { tags, summary: 'Addressee units in my scope, with deadlines and acknowledgement', params: idParams, response: { 200: addresseeListDto } } }, async (req) => {
    const user = userOf(req)
    await visibleDirective(db, user, req.params.id)
    return { items: await listAddressees(db, req.params.id, scopePaths(user, DIRECTIVE_READ_ROLES), today(clock)) }
  })

  app.post('/api/v1/directives/:id/acknowledge', { onRequest: requireUser(ACKNOWLEDGE_ROLES), schema: { tags, summary: "Acknowledge receipt on a unit's behalf (once; a retry keeps the first)", params: idParams, body: acknowledgeInput, response: { 200: acknowledgementDto } } }, async (req) =>
    acknowledge(db, userOf(req), actorOf(req, clock()), req.params.id, req.body.unitId),
  )
}

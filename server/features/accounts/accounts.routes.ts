import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { accountDto, accountListDto, accountListQuery, createAccountInput, grantParams, roleGrantInput, updateAccountInput } from '../../../contract/accounts.ts'
import { idParams } from '../../../contract/common.ts'
import type { AppDeps } from '../../deps.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { scopePaths } from '../../http/scope.ts'
import { ACCOUNT_ADMIN_ROLES } from './accounts.policy.ts'
import { listAccounts, toAccountDto } from './accounts.queries.ts'
import { adminAccount, createAccount, grantRole, revokeRole, updateAccount } from './accounts.service.ts'

const tags = ['accounts']

export function accountRoutes(fastify: FastifyInstance, { db, clock }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const admins = requireUser(ACCOUNT_ADMIN_ROLES)

  app.get('/api/v1/accounts', { onRequest: admins, schema: { tags, querystring: accountListQuery, response: { 200: accountListDto } } }, async (req) => ({
    items: (await listAccounts(db, scopePaths(userOf(req), ACCOUNT_ADMIN_ROLES), req.query)).map(toAccountDto),
  }))

  app.get('/api/v1/accounts/:id', { onRequest: admins, schema: { tags, params: idParams, response: { 200: accountDto } } }, async (req) =>
    toAccountDto(await adminAccount(db, userOf(req), req.params.id)),
  )

  app.post('/api/v1/accounts', { onRequest: admins, schema: { tags, summary: 'Create an account (must change its password at first sign-in)', body: createAccountInput, response: { 201: accountDto } } }, async (req, reply) => {
    reply.status(201)
    return createAccount(db, userOf(req), actorOf(req, clock()), req.body)
  })

  app.patch('/api/v1/accounts/:id', { onRequest: admins, schema: { tags, summary: 'Activate, deactivate, reset the password', params: idParams, body: updateAccountInput, response: { 200: accountDto } } }, async (req) =>
    updateAccount(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.post('/api/v1/accounts/:id/roles', { onRequest: admins, schema: { tags, summary: 'Grant a role on a unit scope', params: idParams, body: roleGrantInput, response: { 200: accountDto } } }, async (req) =>
    grantRole(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.delete('/api/v1/accounts/:id/roles/:grantId', { onRequest: admins, schema: { tags, summary: 'Revoke a role grant', params: grantParams, response: { 200: accountDto } } }, async (req) =>
    revokeRole(db, userOf(req), actorOf(req, clock()), req.params.id, req.params.grantId),
  )
}

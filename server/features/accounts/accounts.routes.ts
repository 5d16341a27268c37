import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ROLE_APPROVER_ROLES, accountDto, accountListDto, accountListQuery, createAccountInput, grantParams, roleGrantInput, roleRequestListDto, updateAccountInput } from '../../../contract/accounts.ts'
import { idParams } from '../../../contract/common.ts'
import type { AppDeps } from '../../deps.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { scopePaths } from '../../http/scope.ts'
import { ACCOUNT_ADMIN_ROLES } from './accounts.policy.ts'
import { listAccounts, toAccountDto } from './accounts.queries.ts'
import { adminAccount, createAccount, decideRoleRequest, grantRole, listRoleRequests, revokeRole, updateAccount } from './accounts.service.ts'

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

  app.post('/api/v1/accounts/:id/roles', { onRequest: admins, schema: { tags, summary: 'Grant a role on a unit scope (committee, board, auditor: a request a committee member approves; never to oneself)', params: idParams, body: roleGrantInput, response: { 200: accountDto } } }, async (req) =>
    grantRole(db, userOf(req), actorOf(req, clock()), req.params.id, req.body),
  )

  app.get('/api/v1/role-requests', { onRequest: requireUser(ROLE_APPROVER_ROLES), schema: { tags, summary: 'Requests for committee, board and auditor roles awaiting a second person', response: { 200: roleRequestListDto } } }, async (req) => ({
    items: await listRoleRequests(db, userOf(req)),
  }))

  for (const [verb, decision] of [['approve', 'approved'], ['refuse', 'refused']] as const) {
    app.post(`/api/v1/role-requests/:id/${verb}`, { onRequest: requireUser(ROLE_APPROVER_ROLES), schema: { tags, summary: `A committee member (not the requester, not the account) ${verb === 'approve' ? 'approves' : 'refuses'} a role request`, params: idParams, response: { 200: roleRequestListDto } } }, async (req) => ({
      items: await decideRoleRequest(db, userOf(req), actorOf(req, clock()), req.params.id, decision),
    }))
  }

  app.delete('/api/v1/accounts/:id/roles/:grantId', { onRequest: admins, schema: { tags, summary: 'Revoke a role grant', params: grantParams, response: { 200: accountDto } } }, async (req) =>
    revokeRole(db, userOf(req), actorOf(req, clock()), req.params.id, req.params.grantId),
  )
}

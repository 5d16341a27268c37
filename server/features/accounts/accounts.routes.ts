import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { accountListQuery, createAccountInput, roleGrantInput, updateAccountInput } from '../../../contract/accounts.ts'
import type { AppDeps } from '../../app.ts'
import { notFound } from '../../http/errors.ts'
import { actorOf, requireUser } from '../../http/guard.ts'
import { canReach, scopePaths } from '../../http/scope.ts'
import { idParam, parse } from '../../http/validate.ts'
import { ACCOUNT_ADMIN_ROLES } from './accounts.policy.ts'
import { findAccount, listAccounts, toAccountDto } from './accounts.queries.ts'
import { createAccount, grantRole, revokeRole, updateAccount } from './accounts.service.ts'

const grantParams = idParam.extend({ grantId: z.coerce.number().int().positive().max(2_147_483_647) })

export function accountRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const admins = requireUser(db, clock, ACCOUNT_ADMIN_ROLES)
  const reply = async (req: any, id: number) => {
    const acc = await findAccount(db, id)
    if (!acc || !acc.homePath || !canReach(req.user, ACCOUNT_ADMIN_ROLES, acc.homePath)) throw notFound()
    return toAccountDto(acc)
  }

  app.get('/api/v1/accounts', { preHandler: admins }, async (req) => {
    const q = parse(accountListQuery, req.query)
    return { items: (await listAccounts(db, scopePaths(req.user!, ACCOUNT_ADMIN_ROLES), q)).map(toAccountDto) }
  })

  app.get('/api/v1/accounts/:id', { preHandler: admins }, async (req) => reply(req, parse(idParam, req.params).id))

  app.post('/api/v1/accounts', { preHandler: admins }, async (req, res) => {
    const id = await createAccount(db, req.user!, actorOf(req, clock()), parse(createAccountInput, req.body))
    res.status(201)
    return reply(req, id)
  })

  app.patch('/api/v1/accounts/:id', { preHandler: admins }, async (req) => {
    const { id } = parse(idParam, req.params)
    await updateAccount(db, req.user!, actorOf(req, clock()), id, parse(updateAccountInput, req.body))
    return reply(req, id)
  })

  app.post('/api/v1/accounts/:id/roles', { preHandler: admins }, async (req) => {
    const { id } = parse(idParam, req.params)
    await grantRole(db, req.user!, actorOf(req, clock()), id, parse(roleGrantInput, req.body))
    return reply(req, id)
  })

  app.delete('/api/v1/accounts/:id/roles/:grantId', { preHandler: admins }, async (req) => {
    const { id, grantId } = parse(grantParams, req.params)
    await revokeRole(db, req.user!, actorOf(req, clock()), id, grantId)
    return reply(req, id)
  })
}

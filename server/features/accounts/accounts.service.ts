import { passwordProblem } from '../../../contract/passwords.ts'
import { ROLE_APPROVER_ROLES, TWO_PERSON_ROLES, type AccountDto } from '../../../contract/accounts.ts'
import type { Role } from '../../../contract/roles.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { canReach, scopePaths } from '../../http/scope.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { hashPassword } from '../auth/password.ts'
import { personById } from '../people/people.access.ts'
import { unitForField } from '../units/units.access.ts'
import { ACCOUNT_ADMIN_ROLES } from './accounts.policy.ts'
import { findAccount, findRoleRequest, pendingRoleRequests, toAccountDto } from './accounts.queries.ts'

/** An account the user administers (its home unit is in their scope); 404 otherwise. */
export async function adminAccount(tx: Queryable, user: CurrentUser, id: number) {
  const acc = await findAccount(tx, id)
  if (!acc || !acc.homePath || !canReach(user, ACCOUNT_ADMIN_ROLES, acc.homePath)) throw notFound()
  return acc
}

const grantableUnit = (tx: Queryable, user: CurrentUser, unitId: number, field: string) => unitForField(tx, user, ACCOUNT_ADMIN_ROLES, unitId, field)

/** The account as saved, read inside the writing transaction: what the route answers. */
const saved = async (tx: Queryable, id: number): Promise<AccountDto> => toAccountDto((await findAccount(tx, id))!)

export async function createAccount(
  db: Db, user: CurrentUser, actor: Actor,
  input: { username: string; personId?: number | null; password: string; roles: { role: Role; unitId: number }[] },
): Promise<AccountDto> {
  const problem = passwordProblem(input.password, { username: input.username })
  if (problem) throw invalid({ password: problem })
  const passwordHash = await hashPassword(input.password)
  return db.transaction(async (tx) => {
    if (input.personId) {
      const person = await personById(tx, input.personId)
      if (!person || !canReach(user, ACCOUNT_ADMIN_ROLES, person.unitPath)) throw invalid({ personId: 'notFound' })
      const [taken] = await tx.query('SELECT 1 FROM account WHERE person_id = $1', [input.personId])
      if (taken) throw invalid({ personId: 'taken' })
    } else if (!input.roles.length) {
      throw invalid({ roles: 'scopeRequired' })
    }
    for (const [i, r] of input.roles.entries()) await grantableUnit(tx, user, r.unitId, `roles.${i}.unitId`)
    const [exists] = await tx.query('SELECT 1 FROM account WHERE lower(username) = lower($1)', [input.username])
    if (exists) throw invalid({ username: 'taken' })
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO account (username, person_id, password_hash, must_change_password) VALUES ($1, $2, $3, true) RETURNING id`,
      [input.username, input.personId ?? null, passwordHash],
    )
    for (const r of input.roles) await grantOrRequest(tx, actor, id, r)
    const acc = (await findAccount(tx, id))!
    await recordAudit(tx, actor, { action: 'create', entity: 'account', entityId: id, unitId: acc.unitId, after: toAccountDto(acc) })
    return toAccountDto(acc)
  })
}

export async function updateAccount(db: Db, user: CurrentUser, actor: Actor, id: number, input: { version: number; isActive?: boolean; resetPassword?: string }): Promise<AccountDto> {
  if (input.resetPassword) {
    const [acc] = await db.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [id])
    const problem = passwordProblem(input.resetPassword, { username: acc?.username })
    if (problem) throw invalid({ resetPassword: problem })
  }
  const newHash = input.resetPassword ? await hashPassword(input.resetPassword) : null
  return db.transaction(async (tx) => {
    const acc = await adminAccount(tx, user, id)
    if (acc.version !== input.version) throw new AppError('CONFLICT', undefined, { current: toAccountDto(acc) })
    if (input.isActive === false && id === user.id) throw new AppError('INVALID_STATE')
    await tx.query(
      `UPDATE account SET is_active = coalesce($2, is_active), password_hash = coalesce($3, password_hash),
         must_change_password = must_change_password OR $3 IS NOT NULL, version = version + 1, updated_at = $4 WHERE id = $1`,
      [id, input.isActive ?? null, newHash, actor.now],
    )
    // A deactivated account or a reset password ends the account's sessions.
    if (input.isActive === false || newHash) await tx.query('DELETE FROM session WHERE account_id = $1', [id])
    await recordAudit(tx, actor, {
      action: 'update', entity: 'account', entityId: id, unitId: acc.unitId,
      before: { isActive: acc.isActive }, after: { isActive: input.isActive ?? acc.isActive, isPasswordReset: !!newHash },
    })
    return saved(tx, id)
  })
}

/**
 * Grants a role, or, for a role that reads or decides across units (committee, board, auditor),
 * files a request a committee member must approve. Either way the audit log shows who asked.
 */
async function grantOrRequest(tx: Queryable, actor: Actor, accountId: number, input: { role: Role; unitId: number }) {
  if (TWO_PERSON_ROLES.includes(input.role)) {
    const [pending] = await tx.query('SELECT 1 FROM role_request WHERE account_id = $1 AND role = $2 AND unit_id = $3 AND status = $4', [accountId, input.role, input.unitId, 'pending'])
    if (pending) return
    const [{ id }] = await tx.query<{ id: number }>('INSERT INTO role_request (account_id, role, unit_id, requested_by, requested_at) VALUES ($1,$2,$3,$4,$5) RETURNING id', [
      accountId, input.role, input.unitId, actor.id, actor.now,
    ])
    await recordAudit(tx, actor, { action: 'requestRole', entity: 'account', entityId: accountId, unitId: input.unitId, after: { ...input, requestId: id } })
    return
  }
  const rows = await tx.query<{ id: number }>('INSERT INTO role_grant (account_id, role, unit_id) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING RETURNING id', [accountId, input.role, input.unitId])
  if (rows.length) await recordAudit(tx, actor, { action: 'grantRole', entity: 'account', entityId: accountId, unitId: input.unitId, after: input })
}

export async function grantRole(db: Db, user: CurrentUser, actor: Actor, id: number, input: { role: Role; unitId: number }): Promise<AccountDto> {
  return db.transaction(async (tx) => {
    if (id === user.id) throw invalid({ role: 'selfGrant' })
    await adminAccount(tx, user, id)
    await grantableUnit(tx, user, input.unitId, 'unitId')
    await grantOrRequest(tx, actor, id, input)
    await tx.query('UPDATE account SET version = version + 1, updated_at = $2 WHERE id = $1', [id, actor.now])
    return saved(tx, id)
  })
}

/** Requests for two-person roles on units in the approver's scope. */
export async function listRoleRequests(db: Queryable, user: CurrentUser) {
  return (await pendingRoleRequests(db, scopePaths(user, ROLE_APPROVER_ROLES))).map((r) => ({
    id: r.id, accountId: r.account_id, username: r.username, role: r.role, unitId: r.unit_id, unitName: r.unit_name, requestedBy: r.requested_by,
    requestedAt: new Date(r.requested_at).toISOString(),
  }))
}

/**
 * A committee member decides a request for a two-person role: not the one who asked, not the
 * account that would get it. The audit log shows the request and the decision, each with its person.
 */
export async function decideRoleRequest(db: Db, user: CurrentUser, actor: Actor, requestId: number, decision: 'approved' | 'refused') {
  await db.transaction(async (tx) => {
    const r = await findRoleRequest(tx, requestId)
    if (!r || !canReach(user, ROLE_APPROVER_ROLES, r.path)) throw notFound()
    if (r.status !== 'pending') throw new AppError('INVALID_STATE')
    if (r.requested_by === user.id || r.account_id === user.id) throw invalid({ id: 'fourEyes' })
    if (decision === 'approved') {
      await tx.query('INSERT INTO role_grant (account_id, role, unit_id) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING', [r.account_id, r.role, r.unit_id])
      await tx.query('UPDATE account SET version = version + 1, updated_at = $2 WHERE id = $1', [r.account_id, actor.now])
    }
    await tx.query('UPDATE role_request SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1', [r.id, decision, user.id, actor.now])
    await recordAudit(tx, actor, { action: decision === 'approved' ? 'approveRole' : 'refuseRole', entity: 'account', entityId: r.account_id, unitId: r.unit_id, after: { requestId: r.id, role: r.role, unitId: r.unit_id } })
  })
  return listRoleRequests(db, user)
}

export async function revokeRole(db: Db, user: CurrentUser, actor: Actor, id: number, grantId: number): Promise<AccountDto> {
  return db.transaction(async (tx) => {
    const acc = await adminAccount(tx, user, id)
    const grant = acc.roles.find((r) => r.id === grantId)
    if (!grant) throw notFound()
    await grantableUnit(tx, user, grant.unitId, 'grantId')
    // An account with no person is placed by its grants; without one it would drop out of every scope.
    if (!acc.personId && acc.roles.length === 1) throw invalid({ grantId: 'scopeRequired' })
    await tx.query('DELETE FROM role_grant WHERE id = $1', [grantId])
    await tx.query('UPDATE account SET version = version + 1, updated_at = $2 WHERE id = $1', [id, actor.now])
    await recordAudit(tx, actor, { action: 'revokeRole', entity: 'account', entityId: id, unitId: acc.unitId, before: { role: grant.role, unitId: grant.unitId } })
    return saved(tx, id)
  })
}

import type { AccountDto } from '../../../contract/accounts.ts'
import type { Role } from '../../../contract/roles.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { canReach } from '../../http/scope.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { hashPassword } from '../auth/password.ts'
import { personById } from '../people/people.access.ts'
import { unitForField } from '../units/units.access.ts'
import { ACCOUNT_ADMIN_ROLES } from './accounts.policy.ts'
import { findAccount, toAccountDto } from './accounts.queries.ts'

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
    for (const r of input.roles) await tx.query('INSERT INTO role_grant (account_id, role, unit_id) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING', [id, r.role, r.unitId])
    const acc = (await findAccount(tx, id))!
    await recordAudit(tx, actor, { action: 'create', entity: 'account', entityId: id, unitId: acc.unitId, after: toAccountDto(acc) })
    return toAccountDto(acc)
  })
}

export async function updateAccount(db: Db, user: CurrentUser, actor: Actor, id: number, input: { version: number; isActive?: boolean; resetPassword?: string }): Promise<AccountDto> {
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

export async function grantRole(db: Db, user: CurrentUser, actor: Actor, id: number, input: { role: Role; unitId: number }): Promise<AccountDto> {
  return db.transaction(async (tx) => {
    const acc = await adminAccount(tx, user, id)
    await grantableUnit(tx, user, input.unitId, 'unitId')
    const rows = await tx.query<{ id: number }>('INSERT INTO role_grant (account_id, role, unit_id) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING RETURNING id', [id, input.role, input.unitId])
    if (rows.length) {
      await tx.query('UPDATE account SET version = version + 1, updated_at = $2 WHERE id = $1', [id, actor.now])
      await recordAudit(tx, actor, { action: 'grantRole', entity: 'account', entityId: id, unitId: acc.unitId, after: input })
    }
    return saved(tx, id)
  })
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

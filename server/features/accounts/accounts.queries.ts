import type { AccountDto } from '../../../contract/accounts.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'

// An account's home unit decides who may administer it: its person's unit, else its first grant's unit.
const HOME = `coalesce(p.unit_id, (SELECT g0.unit_id FROM role_grant g0 WHERE g0.account_id = a.id ORDER BY g0.id LIMIT 1),
  (SELECT r0.unit_id FROM role_request r0 WHERE r0.account_id = a.id AND r0.status = 'pending' ORDER BY r0.id LIMIT 1))`

const SELECT = `
  SELECT a.id, a.username, a.person_id, p.full_name AS person_name, ${HOME} AS home_unit_id, hu.path::text AS home_path,
         a.is_active, a.is_totp_enabled, a.version,
         coalesce((SELECT json_agg(json_build_object('id', g.id, 'role', g.role, 'unitId', g.unit_id, 'unitName', gu.name) ORDER BY g.id)
                   FROM role_grant g JOIN unit gu ON gu.id = g.unit_id WHERE g.account_id = a.id), '[]') AS roles,
         coalesce((SELECT json_agg(json_build_object('requestId', r.id, 'role', r.role, 'unitId', r.unit_id, 'unitName', ru.name, 'requestedBy', rb.username) ORDER BY r.id)
                   FROM role_request r JOIN unit ru ON ru.id = r.unit_id JOIN account rb ON rb.id = r.requested_by
                   WHERE r.account_id = a.id AND r.status = 'pending'), '[]') AS pending_roles
  FROM account a
  LEFT JOIN person p ON p.id = a.person_id
  LEFT JOIN unit hu ON hu.id = ${HOME}`

export interface AccountRow extends AccountDto {
  homePath: string | null
}

interface AccountRecord {
  id: number
  username: string
  person_id: number | null
  person_name: string | null
  home_unit_id: number | null
  home_path: string | null
  is_active: boolean
  is_totp_enabled: boolean
  version: number
  roles: AccountDto['roles'] | string
  pending_roles: AccountDto['pendingRoles'] | string
}

const toAccount = (r: AccountRecord): AccountRow => ({
  id: r.id, username: r.username, personId: r.person_id, personName: r.person_name, unitId: r.home_unit_id, homePath: r.home_path,
  isActive: r.is_active, isTotpEnabled: r.is_totp_enabled, roles: typeof r.roles === 'string' ? JSON.parse(r.roles) : r.roles,
  pendingRoles: typeof r.pending_roles === 'string' ? JSON.parse(r.pending_roles) : r.pending_roles, version: r.version,
})

export const toAccountDto = ({ homePath: _h, ...dto }: AccountRow): AccountDto => dto

export async function findAccount(db: Queryable, id: number): Promise<AccountRow | null> {
  const [r] = await db.query<AccountRecord>(`${SELECT} WHERE a.id = $1`, [id])
  return r ? toAccount(r) : null
}

export async function listAccounts(db: Queryable, scopes: string[], opts: { q?: string; limit: number; offset: number }) {
  if (!scopes.length) return []
  const params: unknown[] = [arrayLiteral(scopes)]
  let where = 'hu.path <@ ANY($1::ltree[])'
  if (opts.q) where += ` AND (lower(f_unaccent(a.username || ' ' || coalesce(p.full_name, ''))) LIKE '%' || lower(f_unaccent($${params.push(opts.q)})) || '%')`
  const rows = await db.query<AccountRecord>(`${SELECT} WHERE ${where} ORDER BY a.username LIMIT $${params.push(opts.limit)} OFFSET $${params.push(opts.offset)}`, params)
  return rows.map(toAccount)
}

/** Pending requests for a two-person role on units under `scopes`. */
export async function pendingRoleRequests(db: Queryable, scopes: string[]) {
  return db.query<{ id: number; account_id: number; username: string; role: AccountDto['roles'][number]['role']; unit_id: number; unit_name: string; requested_by: string; requested_at: Date }>(
    `SELECT r.id, r.account_id, a.username, r.role, r.unit_id, u.name AS unit_name, rb.username AS requested_by, r.requested_at
     FROM role_request r JOIN account a ON a.id = r.account_id JOIN unit u ON u.id = r.unit_id JOIN account rb ON rb.id = r.requested_by
     WHERE r.status = 'pending' AND u.path <@ ANY($1::ltree[]) ORDER BY r.id`,
    [arrayLiteral(scopes)],
  )
}

export async function findRoleRequest(db: Queryable, id: number) {
  const [r] = await db.query<{ id: number; account_id: number; role: string; unit_id: number; requested_by: number; status: string; path: string }>(
    'SELECT r.id, r.account_id, r.role, r.unit_id, r.requested_by, r.status, u.path::text AS path FROM role_request r JOIN unit u ON u.id = r.unit_id WHERE r.id = $1 FOR UPDATE OF r',
    [id],
  )
  return r ?? null
}

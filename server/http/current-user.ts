import type { Role } from '../../contract/roles.ts'
import type { Queryable } from '../db/types.ts'

export interface Grant {
  role: Role
  unitId: number
  /** ltree path of the scope unit: the grant covers this unit and everything below it. */
  path: string
}

export interface CurrentUser {
  id: number
  username: string
  personId: number | null
  personName: string | null
  personUnitId: number | null
  personPosition: string
  grants: Grant[]
  isTotpEnabled: boolean
  mustChangePassword: boolean
  sessionId: string
  csrfToken: string
  isMfaPending: boolean
}

// The account, its person and its grants: one row per grant (or one with nulls).
export const USER_COLUMNS = `a.id, a.username, a.is_totp_enabled, a.must_change_password,
  p.id AS person_id, p.full_name, p.unit_id AS person_unit_id, p.position, g.role, g.unit_id, u.path::text AS path`
export const USER_JOINS = `LEFT JOIN person p ON p.id = a.person_id
  LEFT JOIN role_grant g ON g.account_id = a.id
  LEFT JOIN unit u ON u.id = g.unit_id AND u.is_active`

export async function loadCurrentUser(db: Queryable, accountId: number) {
  return userOf(await db.query<any>(`SELECT ${USER_COLUMNS} FROM account a ${USER_JOINS} WHERE a.id = $1 AND a.is_active`, [accountId]))
}

/** The user from USER_COLUMNS rows; null when there are none. */
export function userOf(rows: any[]): Omit<CurrentUser, 'sessionId' | 'csrfToken' | 'isMfaPending'> | null {
  if (!rows.length) return null
  const r = rows[0]
  return {
    id: r.id,
    username: r.username,
    personId: r.person_id,
    personName: r.full_name,
    personUnitId: r.person_unit_id,
    personPosition: r.position ?? '',
    isTotpEnabled: r.is_totp_enabled,
    mustChangePassword: r.must_change_password,
    grants: rows.filter((x) => x.role && x.path).map((x) => ({ role: x.role, unitId: x.unit_id, path: x.path })),
  }
}

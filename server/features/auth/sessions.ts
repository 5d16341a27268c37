import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../../db/types.ts'
import type { Role } from '../../../contract/roles.ts'
import type { CurrentUser } from '../../http/current-user.ts'

export const SESSION_IDLE_MINUTES = 8 * 60

export type SignedInUser = Omit<CurrentUser, 'sessionId' | 'csrfToken' | 'isMfaPending'>

// The account, its person and its grants: one row per grant (or one with nulls).
const USER_COLUMNS = `a.id, a.username, a.is_totp_enabled, a.must_change_password,
  p.id AS person_id, p.full_name, p.unit_id AS person_unit_id, p.position, g.role, g.unit_id, u.path::text AS path`
const USER_JOINS = `LEFT JOIN person p ON p.id = a.person_id
  LEFT JOIN role_grant g ON g.account_id = a.id
  LEFT JOIN unit u ON u.id = g.unit_id AND u.is_active`

interface UserRow {
  id: number
  username: string
  is_totp_enabled: boolean
  must_change_password: boolean
  person_id: number | null
  full_name: string | null
  person_unit_id: number | null
  position: string | null
  role: Role | null
  unit_id: number | null
  path: string | null
}

/** The user from USER_COLUMNS rows; null when there are none. */
function userOf(rows: UserRow[]): SignedInUser | null {
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
    grants: rows.flatMap((x) => (x.role && x.path && x.unit_id ? [{ role: x.role, unitId: x.unit_id, path: x.path }] : [])),
  }
}

export async function loadAccountUser(db: Queryable, accountId: number): Promise<SignedInUser | null> {
  return userOf(await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM account a ${USER_JOINS} WHERE a.id = $1 AND a.is_active`, [accountId]))
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
export const newToken = () => randomBytes(32).toString('base64url')

export async function createSession(db: Queryable, accountId: number, opts: { ip: string; userAgent: string; isMfaPending: boolean; now: Date }) {
  const token = newToken()
  const csrfToken = newToken()
  const [{ number }] = await db.query<{ number: string }>(
    `INSERT INTO session (id, account_id, csrf_token, is_mfa_pending, ip, user_agent, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) RETURNING number`,
    [sha256(token), accountId, csrfToken, opts.isMfaPending, opts.ip, opts.userAgent.slice(0, 300), opts.now, new Date(opts.now.getTime() + SESSION_IDLE_MINUTES * 60_000)],
  )
  return { token, csrfToken, sessionNo: Number(number) }
}

export interface SessionRow {
  sessionId: string
  accountId: number
  csrfToken: string
  isMfaPending: boolean
  /** The session's readable number (migration 0020), written with every audit entry made in it. */
  sessionNo: number
}

/**
 * The live session for a cookie token with its signed-in user, in one query (every API request
 * asks); sliding expiry, touched at most once a minute.
 */
export async function loadSession(db: Queryable, token: string, now: Date): Promise<(SessionRow & { user: SignedInUser }) | null> {
  const id = sha256(token)
  const rows = await db.query<UserRow & { session_id: string; session_no: string; csrf_token: string; is_mfa_pending: boolean; last_seen_at: Date }>(
    `SELECT s.id AS session_id, s.number AS session_no, s.csrf_token, s.is_mfa_pending, s.last_seen_at, ${USER_COLUMNS}
     FROM session s JOIN account a ON a.id = s.account_id AND a.is_active ${USER_JOINS}
     WHERE s.id = $1 AND s.expires_at > $2`,
    [id, now],
  )
  const user = userOf(rows)
  if (!user) return null
  const row = rows[0]
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.query('UPDATE session SET last_seen_at = $2, expires_at = $3 WHERE id = $1', [id, now, new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000)])
  }
  return { sessionId: row.session_id, sessionNo: Number(row.session_no), accountId: user.id, csrfToken: row.csrf_token, isMfaPending: row.is_mfa_pending, user }
}

export const deleteSession = (db: Queryable, sessionId: string) => db.query('DELETE FROM session WHERE id = $1', [sessionId])
export const deleteOtherSessions = (db: Queryable, accountId: number, keepSessionId: string) =>
  db.query('DELETE FROM session WHERE account_id = $1 AND id <> $2', [accountId, keepSessionId])

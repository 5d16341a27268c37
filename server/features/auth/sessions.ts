import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../../db/types.ts'
import { USER_COLUMNS, USER_JOINS, userOf, type CurrentUser } from '../../http/current-user.ts'

export const SESSION_IDLE_MINUTES = 8 * 60

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
export const newToken = () => randomBytes(32).toString('base64url')

export async function createSession(db: Queryable, accountId: number, opts: { ip: string; userAgent: string; isMfaPending: boolean; now: Date }) {
  const token = newToken()
  const csrfToken = newToken()
  await db.query(
    `INSERT INTO session (id, account_id, csrf_token, is_mfa_pending, ip, user_agent, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
    [sha256(token), accountId, csrfToken, opts.isMfaPending, opts.ip, opts.userAgent.slice(0, 300), opts.now, new Date(opts.now.getTime() + SESSION_IDLE_MINUTES * 60_000)],
  )
  return { token, csrfToken }
}

export interface SessionRow {
  sessionId: string
  accountId: number
  csrfToken: string
  isMfaPending: boolean
}

/**
 * The live session for a cookie token with its signed-in user, in one query (every API request
 * asks); sliding expiry, touched at most once a minute.
 */
export async function loadSession(db: Queryable, token: string, now: Date): Promise<(SessionRow & { user: Omit<CurrentUser, 'sessionId' | 'csrfToken' | 'isMfaPending'> }) | null> {
  const id = sha256(token)
  const rows = await db.query<any>(
    `SELECT s.id AS session_id, s.csrf_token, s.is_mfa_pending, s.last_seen_at, ${USER_COLUMNS}
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
  return { sessionId: row.session_id, accountId: user.id, csrfToken: row.csrf_token, isMfaPending: row.is_mfa_pending, user }
}

export const deleteSession = (db: Queryable, sessionId: string) => db.query('DELETE FROM session WHERE id = $1', [sessionId])
export const deleteOtherSessions = (db: Queryable, accountId: number, keepSessionId: string) =>
  db.query('DELETE FROM session WHERE account_id = $1 AND id <> $2', [accountId, keepSessionId])

import type { Queryable } from '../../db/types.ts'

// Failed sign-ins within the window that lock further attempts: per account, and per address
// (one address trying many accounts is a password spray).
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 20 }

export async function isThrottled(db: Queryable, username: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000)
  const [r] = await db.query<{ by_user: number; by_ip: number }>(
    `SELECT
       (SELECT count(*)::int FROM login_attempt WHERE lower(username) = lower($1) AND at > $3 AND NOT is_success
          AND at > coalesce((SELECT max(at) FROM login_attempt WHERE lower(username) = lower($1) AND is_success), '-infinity')) AS by_user,
       (SELECT count(*)::int FROM login_attempt WHERE ip = $2 AND at > $3 AND NOT is_success) AS by_ip`,
    [username, ip, since],
  )
  return r.by_user >= THROTTLE.perAccount || r.by_ip >= THROTTLE.perAddress
}

export async function recordAttempt(db: Queryable, username: string, ip: string, isSuccess: boolean, now: Date) {
  await db.query('INSERT INTO login_attempt (at, username, ip, is_success) VALUES ($1, $2, $3, $4)', [now, username, ip, isSuccess])
}

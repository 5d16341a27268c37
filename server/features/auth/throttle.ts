// Sign-in throttling. Every attempt is counted BEFORE its password is checked, under locks on the
// account name and the address, so a burst of concurrent guesses is counted one by one (checking
// first and recording after let 200 simultaneous guesses through).
//
// Limits are per (account, address) pair with growing delays, so nobody can lock a whole hospital
// out by guessing from elsewhere; an address guessing across many accounts (password spraying)
// and an account guessed from many addresses are capped too.
import type { Db, Queryable } from '../../db/types.ts'
import { AppError } from '../../http/errors.ts'

export const THROTTLE = {
  windowMinutes: 15,
  /** Failures of one account from one address before delays start. */
  perPair: 5,
  /** The first delay; each further failure of the pair doubles it, up to maxDelayMinutes. */
  baseDelayMinutes: 1,
  maxDelayMinutes: 60,
  /** Failures from one address across accounts within the window. */
  perAddress: 20,
  /** Failures of one account from all addresses within accountWindowMinutes: a distributed guess. */
  perAccount: 100,
  accountWindowMinutes: 60,
}

export type AttemptKind = 'login' | 'passwordCheck'

/** Why an attempt was refused, and for how long, for the answer's Retry-After and the audit log. */
export class ThrottledError extends AppError {
  constructor(public reason: 'pair' | 'address' | 'account', public retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', undefined, { retryAfterSeconds })
  }
}

const MINUTE = 60_000

/**
 * Admits an attempt or refuses it. An admitted attempt is recorded as a failure straight away; the
 * caller marks it a success once the password (and second factor) check out.
 */
export async function admitAttempt(db: Db, username: string, ip: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    // One at a time per address and per account name (address first, everywhere: no deadlock).
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1)), pg_advisory_xact_lock(hashtext($2))', [`login-ip:${ip}`, `login-user:${username.toLowerCase()}`])
    const since = new Date(now.getTime() - THROTTLE.windowMinutes * MINUTE)
    const accountSince = new Date(now.getTime() - THROTTLE.accountWindowMinutes * MINUTE)
    const [c] = await tx.query<{ pair: number; last_pair: Date | null; address: number; account: number }>(
      `SELECT
         (SELECT count(*)::int FROM login_attempt WHERE lower(username) = lower($1) AND ip = $2 AND NOT is_success AND at > $3
            AND id > coalesce((SELECT max(id) FROM login_attempt WHERE lower(username) = lower($1) AND ip = $2 AND is_success), 0)) AS pair,
         (SELECT max(at) FROM login_attempt WHERE lower(username) = lower($1) AND ip = $2 AND NOT is_success) AS last_pair,
         (SELECT count(*)::int FROM login_attempt WHERE ip = $2 AND NOT is_success AND at > $3) AS address,
         (SELECT count(*)::int FROM login_attempt WHERE lower(username) = lower($1) AND NOT is_success AND at > $4) AS account`,
      [username, ip, since, accountSince],
    )
    if (c.address >= THROTTLE.perAddress) throw new ThrottledError('address', THROTTLE.windowMinutes * 60)
    if (c.account >= THROTTLE.perAccount) throw new ThrottledError('account', THROTTLE.accountWindowMinutes * 60)
    if (c.pair >= THROTTLE.perPair && c.last_pair) {
      const delay = Math.min(THROTTLE.baseDelayMinutes * 2 ** (c.pair - THROTTLE.perPair), THROTTLE.maxDelayMinutes) * MINUTE
      const waited = now.getTime() - new Date(c.last_pair).getTime()
      if (waited < delay) throw new ThrottledError('pair', Math.ceil((delay - waited) / 1000))
    }
    const [{ id }] = await tx.query<{ id: number }>('INSERT INTO login_attempt (at, username, ip, is_success) VALUES ($1, $2, $3, false) RETURNING id', [now, username, ip])
    return id
  })
}

/** The attempt turned out right: it no longer counts as a failure, and the pair's count starts over. */
export async function markSuccess(db: Queryable, attemptId: number) {
  await db.query('UPDATE login_attempt SET is_success = true WHERE id = $1', [attemptId])
}

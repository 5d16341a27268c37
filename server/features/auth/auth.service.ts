import { passwordProblem } from '../../../contract/passwords.ts'
import { MFA_ROLES } from '../../../contract/roles.ts'
import type { Db } from '../../db/types.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts'
import { createSession, deleteOtherSessions, deleteSession } from './sessions.ts'
import { ThrottledError, admitAttempt, markSuccess } from './throttle.ts'
import type { Keyring } from '../../lib/keyring.ts'
import { newTotpSecret, totpStep, totpUri } from './totp.ts'
import { openTotpSecret, storeTotpSecret } from './totp-secrets.ts'

export interface LoginInput {
  username: string
  password: string
  totp?: string
}

const system = (ip: string, now: Date, username: string | null = null): Actor => ({ id: null, username, ip, now })

/**
 * Counts an attempt before checking it (throttle.ts). A refusal, and every failure, goes into the
 * audit log: who tried which account, from where, and why it failed.
 */
async function admit(db: Db, username: string, ip: string, now: Date, kind: 'login' | 'passwordCheck') {
  try {
    return await admitAttempt(db, username, ip, now)
  } catch (e) {
    if (e instanceof ThrottledError) {
      await db.transaction((tx) => recordAudit(tx, system(ip, now, username), { action: 'throttled', entity: 'session', entityId: null, after: { username, kind, reason: e.reason, retryAfterSeconds: e.retryAfterSeconds } }))
    }
    throw e
  }
}

const auditFailure = (db: Db, username: string, ip: string, now: Date, reason: string) =>
  db.transaction((tx) => recordAudit(tx, system(ip, now, username), { action: 'loginFailed', entity: 'session', entityId: null, after: { username, reason } }))

/** Checks credentials and second factor, throttles failures, opens a session. */
export async function login(db: Db, keys: Keyring, input: LoginInput, ctx: { ip: string; userAgent: string; now: Date; demo: boolean }) {
  const { username, password, totp } = input
  const attempt = await admit(db, username, ctx.ip, ctx.now, 'login')
  const [acc] = await db.query<{ id: number; username: string; password_hash: string; totp_secret_enc: Uint8Array | null; totp_key_id: number | null; totp_last_step: number | null; is_totp_enabled: boolean; needs_mfa: boolean }>(
    `SELECT a.id, a.username, a.password_hash, a.totp_secret_enc, a.totp_key_id, a.totp_last_step, a.is_totp_enabled,
            EXISTS (SELECT 1 FROM role_grant g WHERE g.account_id = a.id AND g.role = ANY($2::text[])) AS needs_mfa
     FROM account a WHERE lower(a.username) = lower($1) AND a.is_active`,
    [username, MFA_ROLES],
  )
  const isPasswordOk = await verifyPassword(acc?.password_hash ?? (await dummyPasswordHash()), password)
  if (!acc || !isPasswordOk) {
    await auditFailure(db, username, ctx.ip, ctx.now, 'password')
    throw new AppError('BAD_CREDENTIALS')
  }
  let step: number | null = null
  if (acc.is_totp_enabled) {
    // A missing code is not a failed guess: the attempt is not counted against the account.
    if (!totp) {
      await markSuccess(db, attempt)
      throw new AppError('TOTP_REQUIRED')
    }
    const secret = await openTotpSecret(db, keys, acc.id, acc)
    step = secret ? totpStep(secret, acc.username, totp, ctx.now) : null
    if (step === null || (acc.totp_last_step !== null && step <= Number(acc.totp_last_step))) {
      await auditFailure(db, username, ctx.ip, ctx.now, step === null ? 'totp' : 'totpReplayed')
      throw new AppError('TOTP_INVALID')
    }
  }
  const isMfaPending = !acc.is_totp_enabled && acc.needs_mfa && !ctx.demo
  return db.transaction(async (tx) => {
    if (step !== null) {
      // The step is taken atomically: a second sign-in with the same code, even at the same moment, fails.
      const taken = await tx.query('UPDATE account SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id', [acc.id, step])
      if (!taken.length) throw new AppError('TOTP_INVALID')
    }
    await markSuccess(tx, attempt)
    const session = await createSession(tx, acc.id, { ip: ctx.ip, userAgent: ctx.userAgent, isMfaPending, now: ctx.now })
    await recordAudit(tx, { id: acc.id, username: acc.username, ip: ctx.ip, now: ctx.now, sessionNo: session.sessionNo }, { action: 'login', entity: 'session', entityId: acc.id })
    return { accountId: acc.id as number, ...session }
  })
}

/** A current password given to change a setting: counted and throttled like a sign-in. */
async function checkCurrentPassword(db: Db, actor: Actor & { id: number; username: string | null }, password: string, field: 'currentPassword' | 'password') {
  const attempt = await admit(db, actor.username ?? String(actor.id), actor.ip ?? '', actor.now, 'passwordCheck')
  const [acc] = await db.query<{ password_hash: string }>('SELECT password_hash FROM account WHERE id = $1', [actor.id])
  if (!acc || !(await verifyPassword(acc.password_hash, password))) {
    await auditFailure(db, actor.username ?? '', actor.ip ?? '', actor.now, field)
    throw new AppError('VALIDATION', { [field]: 'wrongPassword' })
  }
  await markSuccess(db, attempt)
}

export async function logout(db: Db, actor: Actor, sessionId: string) {
  await db.transaction(async (tx) => {
    await deleteSession(tx, sessionId)
    await recordAudit(tx, actor, { action: 'logout', entity: 'session', entityId: actor.id })
  })
}

export async function changePassword(db: Db, actor: Actor & { id: number }, sessionId: string, current: string, next: string) {
  await checkCurrentPassword(db, actor, current, 'currentPassword')
  const problem = passwordProblem(next, { username: actor.username, current })
  if (problem) throw new AppError('VALIDATION', { newPassword: problem })
  const hashed = await hashPassword(next)
  await db.transaction(async (tx) => {
    await tx.query('UPDATE account SET password_hash = $2, must_change_password = false, version = version + 1, updated_at = $3 WHERE id = $1', [actor.id, hashed, actor.now])
    // A changed password signs out every other device.
    await deleteOtherSessions(tx, actor.id, sessionId)
    await recordAudit(tx, actor, { action: 'changePassword', entity: 'account', entityId: actor.id })
  })
}

/** Starts enrolment: a fresh secret, not active until a code from it is confirmed. */
export async function startTotpSetup(db: Db, keys: Keyring, actor: Actor & { id: number; username: string }) {
  const secret = newTotpSecret()
  await db.transaction(async (tx) => {
    await storeTotpSecret(tx, keys, actor.id, secret, actor.now)
    await recordAudit(tx, actor, { action: 'startTotpSetup', entity: 'account', entityId: actor.id })
  })
  const [acc] = await db.query<{ is_totp_enabled: boolean }>('SELECT is_totp_enabled FROM account WHERE id = $1', [actor.id])
  if (acc.is_totp_enabled) throw new AppError('INVALID_STATE')
  return { secret, uri: totpUri(secret, actor.username) }
}

export async function confirmTotp(db: Db, keys: Keyring, actor: Actor & { id: number; username: string }, sessionId: string, code: string) {
  const [acc] = await db.query<{ totp_secret_enc: Uint8Array | null; totp_key_id: number | null; is_totp_enabled: boolean }>('SELECT totp_secret_enc, totp_key_id, is_totp_enabled FROM account WHERE id = $1', [actor.id])
  const secret = acc && (await openTotpSecret(db, keys, actor.id, acc))
  if (!secret || acc.is_totp_enabled) throw new AppError('INVALID_STATE')
  const step = totpStep(secret, actor.username, code, actor.now)
  if (step === null) throw new AppError('VALIDATION', { code: 'format' })
  await db.transaction(async (tx) => {
    // The confirming code is spent: it cannot then sign in.
    await tx.query('UPDATE account SET is_totp_enabled = true, totp_last_step = $3, version = version + 1, updated_at = $2 WHERE id = $1', [actor.id, actor.now, step])
    await tx.query('UPDATE session SET is_mfa_pending = false WHERE id = $1', [sessionId])
    await recordAudit(tx, actor, { action: 'enableTotp', entity: 'account', entityId: actor.id })
  })
}

export async function disableTotp(db: Db, actor: Actor & { id: number; username: string }, password: string, opts: { isRequired: boolean }) {
  await checkCurrentPassword(db, actor, password, 'password')
  const [acc] = await db.query<{ is_totp_enabled: boolean }>('SELECT is_totp_enabled FROM account WHERE id = $1', [actor.id])
  if (!acc.is_totp_enabled || opts.isRequired) throw new AppError('INVALID_STATE')
  await db.transaction(async (tx) => {
    await tx.query('UPDATE account SET is_totp_enabled = false, totp_secret = NULL, totp_secret_enc = NULL, totp_key_id = NULL, totp_last_step = NULL, version = version + 1, updated_at = $2 WHERE id = $1', [actor.id, actor.now])
    await recordAudit(tx, actor, { action: 'disableTotp', entity: 'account', entityId: actor.id })
  })
}

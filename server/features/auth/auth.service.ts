import { MFA_ROLES } from '../../../contract/roles.ts'
import type { Db } from '../../db/types.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts'
import { createSession, deleteOtherSessions, deleteSession } from './sessions.ts'
import { isThrottled, recordAttempt } from './throttle.ts'
import type { Keyring } from '../../lib/keyring.ts'
import { isTotpValid, newTotpSecret, totpUri } from './totp.ts'
import { openTotpSecret, storeTotpSecret } from './totp-secrets.ts'

export interface LoginInput {
  username: string
  password: string
  totp?: string
}

/** Checks credentials and second factor, throttles failures, opens a session. */
export async function login(db: Db, keys: Keyring, input: LoginInput, ctx: { ip: string; userAgent: string; now: Date; demo: boolean }) {
  const { username, password, totp } = input
  if (await isThrottled(db, username, ctx.ip, ctx.now)) throw new AppError('TOO_MANY_ATTEMPTS')
  const [acc] = await db.query<{ id: number; username: string; password_hash: string; totp_secret_enc: Uint8Array | null; totp_key_id: number | null; is_totp_enabled: boolean; needs_mfa: boolean }>(
    `SELECT a.id, a.username, a.password_hash, a.totp_secret_enc, a.totp_key_id, a.is_totp_enabled,
            EXISTS (SELECT 1 FROM role_grant g WHERE g.account_id = a.id AND g.role = ANY($2::text[])) AS needs_mfa
     FROM account a WHERE lower(a.username) = lower($1) AND a.is_active`,
    [username, MFA_ROLES],
  )
  const isPasswordOk = await verifyPassword(acc?.password_hash ?? (await dummyPasswordHash()), password)
  if (!acc || !isPasswordOk) {
    await recordAttempt(db, username, ctx.ip, false, ctx.now)
    throw new AppError('BAD_CREDENTIALS')
  }
  if (acc.is_totp_enabled) {
    if (!totp) throw new AppError('TOTP_REQUIRED')
    const secret = await openTotpSecret(db, keys, acc.id, acc)
    if (!secret || !isTotpValid(secret, acc.username, totp, ctx.now)) {
      await recordAttempt(db, username, ctx.ip, false, ctx.now)
      throw new AppError('TOTP_INVALID')
    }
  }
  const isMfaPending = !acc.is_totp_enabled && acc.needs_mfa && !ctx.demo
  return db.transaction(async (tx) => {
    await recordAttempt(tx, username, ctx.ip, true, ctx.now)
    const session = await createSession(tx, acc.id, { ip: ctx.ip, userAgent: ctx.userAgent, isMfaPending, now: ctx.now })
    await recordAudit(tx, { id: acc.id, username: acc.username, ip: ctx.ip, now: ctx.now }, { action: 'login', entity: 'session', entityId: acc.id })
    return { accountId: acc.id as number, ...session }
  })
}

export async function logout(db: Db, actor: Actor, sessionId: string) {
  await db.transaction(async (tx) => {
    await deleteSession(tx, sessionId)
    await recordAudit(tx, actor, { action: 'logout', entity: 'session', entityId: actor.id })
  })
}

export async function changePassword(db: Db, actor: Actor & { id: number }, sessionId: string, current: string, next: string) {
  const [acc] = await db.query<{ password_hash: string }>('SELECT password_hash FROM account WHERE id = $1', [actor.id])
  if (!acc || !(await verifyPassword(acc.password_hash, current))) throw new AppError('VALIDATION', { currentPassword: 'wrongPassword' })
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
  if (!isTotpValid(secret, actor.username, code, actor.now)) throw new AppError('VALIDATION', { code: 'format' })
  await db.transaction(async (tx) => {
    await tx.query('UPDATE account SET is_totp_enabled = true, version = version + 1, updated_at = $2 WHERE id = $1', [actor.id, actor.now])
    await tx.query('UPDATE session SET is_mfa_pending = false WHERE id = $1', [sessionId])
    await recordAudit(tx, actor, { action: 'enableTotp', entity: 'account', entityId: actor.id })
  })
}

export async function disableTotp(db: Db, actor: Actor & { id: number }, password: string, opts: { isRequired: boolean }) {
  const [acc] = await db.query<{ password_hash: string; is_totp_enabled: boolean }>('SELECT password_hash, is_totp_enabled FROM account WHERE id = $1', [actor.id])
  if (!(await verifyPassword(acc.password_hash, password))) throw new AppError('VALIDATION', { password: 'wrongPassword' })
  if (!acc.is_totp_enabled || opts.isRequired) throw new AppError('INVALID_STATE')
  await db.transaction(async (tx) => {
    await tx.query('UPDATE account SET is_totp_enabled = false, totp_secret = NULL, totp_secret_enc = NULL, totp_key_id = NULL, version = version + 1, updated_at = $2 WHERE id = $1', [actor.id, actor.now])
    await recordAudit(tx, actor, { action: 'disableTotp', entity: 'account', entityId: actor.id })
  })
}

import type { FastifyInstance, FastifyReply } from 'fastify'
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, changePasswordInput, loginInput, totpConfirmInput, totpDisableInput, type Me } from '../../../contract/auth.ts'
import { MFA_ROLES } from '../../../contract/roles.ts'
import type { AppDeps } from '../../app.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { loadCurrentUser } from '../../http/current-user.ts'
import { actorOf, requireUser } from '../../http/guard.ts'
import { hasRole } from '../../http/scope.ts'
import { parse } from '../../http/validate.ts'
import { SESSION_IDLE_MINUTES } from './sessions.ts'
import { changePassword, confirmTotp, disableTotp, login, logout, startTotpSetup } from './auth.service.ts'

export function meOf(user: Omit<CurrentUser, 'sessionId'>, demo: boolean): Me {
  return {
    id: user.id,
    username: user.username,
    person: user.personId ? { id: user.personId, fullName: user.personName!, unitId: user.personUnitId!, position: user.personPosition } : null,
    roles: user.grants.map((g) => ({ role: g.role, unitId: g.unitId })),
    isTotpEnabled: user.isTotpEnabled,
    isMfaSetupRequired: user.isMfaPending,
    mustChangePassword: user.mustChangePassword,
    csrfToken: user.csrfToken,
  }
}

export function authRoutes(app: FastifyInstance, { db, config, clock }: AppDeps) {
  const signedIn = requireUser(db, clock, undefined, { allowMfaPending: true })
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: config.secureCookies, maxAge: SESSION_IDLE_MINUTES * 60 }
  const clearCookies = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' })

  app.post('/api/v1/auth/login', { config: { rateLimitGroup: 'login' } }, async (req, reply) => {
    const input = parse(loginInput, req.body)
    const s = await login(db, input, { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? ''), now: clock(), demo: config.demo })
    const user = await loadCurrentUser(db, s.accountId)
    const isMfaPending = !user!.isTotpEnabled && hasRole({ ...user!, sessionId: '', csrfToken: '', isMfaPending: false }, MFA_ROLES) && !config.demo
    reply
      .setCookie(SESSION_COOKIE, s.token, { ...cookieBase, httpOnly: true })
      .setCookie(CSRF_COOKIE, s.csrfToken, { ...cookieBase, httpOnly: false })
      .header(CSRF_HEADER, s.csrfToken)
    return meOf({ ...user!, csrfToken: s.csrfToken, isMfaPending }, config.demo)
  })

  app.post('/api/v1/auth/logout', { preHandler: signedIn }, async (req, reply) => {
    await logout(db, actorOf(req, clock()), req.user!.sessionId)
    clearCookies(reply)
    return { ok: true }
  })

  app.get('/api/v1/me', { preHandler: signedIn }, async (req) => meOf(req.user!, config.demo))

  app.post('/api/v1/auth/password', { preHandler: signedIn }, async (req) => {
    const input = parse(changePasswordInput, req.body)
    await changePassword(db, actorOf(req, clock()) as any, req.user!.sessionId, input.currentPassword, input.newPassword)
    return { ok: true }
  })

  app.post('/api/v1/auth/totp/setup', { preHandler: signedIn }, async (req) => startTotpSetup(db, actorOf(req, clock()) as any))

  app.post('/api/v1/auth/totp/confirm', { preHandler: signedIn }, async (req) => {
    const input = parse(totpConfirmInput, req.body)
    await confirmTotp(db, actorOf(req, clock()) as any, req.user!.sessionId, input.code)
    return { ok: true }
  })

  app.post('/api/v1/auth/totp/disable', { preHandler: signedIn }, async (req) => {
    const input = parse(totpDisableInput, req.body)
    await disableTotp(db, actorOf(req, clock()) as any, input.password, { isRequired: hasRole(req.user!, MFA_ROLES) && !config.demo })
    return { ok: true }
  })
}

import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, changePasswordInput, loginInput, meOutput, totpConfirmInput, totpDisableInput, totpSetupDto, type Me } from '../../../contract/auth.ts'
import { okDto } from '../../../contract/common.ts'
import { MFA_ROLES } from '../../../contract/roles.ts'
import type { AppDeps } from '../../deps.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { actorOf, requireUser, userOf } from '../../http/guard.ts'
import { hasRole } from '../../http/scope.ts'
import { changePassword, confirmTotp, disableTotp, login, logout, startTotpSetup } from './auth.service.ts'
import { SESSION_IDLE_MINUTES, loadAccountUser } from './sessions.ts'

const tags = ['auth']

export function meOf(user: Omit<CurrentUser, 'sessionId'>): Me {
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

export function authRoutes(fastify: FastifyInstance, { db, config, clock, keys }: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const signedIn = requireUser(undefined, { allowMfaPending: true })
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: config.secureCookies, maxAge: SESSION_IDLE_MINUTES * 60 }
  const clearCookies = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' })
  const signedInActor = (req: Parameters<typeof actorOf>[0]) => {
    const user = userOf(req)
    return { ...actorOf(req, clock()), id: user.id, username: user.username }
  }

  app.post('/api/v1/auth/login', {
    schema: {
      tags, summary: 'Sign in: sets the session cookie and gives the CSRF token (body, header and readable cookie)', security: [],
      body: loginInput, response: { 200: meOutput },
    },
  }, async (req, reply) => {
    const s = await login(db, keys, req.body, { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? ''), now: clock(), demo: config.demo })
    const user = (await loadAccountUser(db, s.accountId))!
    const isMfaPending = !user.isTotpEnabled && hasRole({ ...user, sessionId: '', csrfToken: '', isMfaPending: false }, MFA_ROLES) && !config.demo
    reply
      .setCookie(SESSION_COOKIE, s.token, { ...cookieBase, httpOnly: true })
      .setCookie(CSRF_COOKIE, s.csrfToken, { ...cookieBase, httpOnly: false })
      .header(CSRF_HEADER, s.csrfToken)
    return meOf({ ...user, csrfToken: s.csrfToken, isMfaPending })
  })

  app.post('/api/v1/auth/logout', { onRequest: signedIn, schema: { tags, response: { 200: okDto } } }, async (req, reply) => {
    await logout(db, actorOf(req, clock()), userOf(req).sessionId)
    clearCookies(reply)
    return { ok: true as const }
  })

  app.get('/api/v1/me', { onRequest: signedIn, schema: { tags, summary: 'The signed-in user, roles and CSRF token', response: { 200: meOutput } } }, async (req) => meOf(userOf(req)))

  app.post('/api/v1/auth/password', { onRequest: signedIn, schema: { tags, summary: 'Change password (ends the other sessions)', body: changePasswordInput, response: { 200: okDto } } }, async (req) => {
    await changePassword(db, signedInActor(req), userOf(req).sessionId, req.body.currentPassword, req.body.newPassword)
    return { ok: true as const }
  })

  app.post('/api/v1/auth/totp/setup', { onRequest: signedIn, schema: { tags, summary: 'Start two-factor setup', response: { 200: totpSetupDto } } }, async (req) => startTotpSetup(db, keys, signedInActor(req)))

  app.post('/api/v1/auth/totp/confirm', { onRequest: signedIn, schema: { tags, summary: 'Confirm two-factor setup with a code', body: totpConfirmInput, response: { 200: okDto } } }, async (req) => {
    await confirmTotp(db, keys, signedInActor(req), userOf(req).sessionId, req.body.code)
    return { ok: true as const }
  })

  app.post('/api/v1/auth/totp/disable', { onRequest: signedIn, schema: { tags, body: totpDisableInput, response: { 200: okDto } } }, async (req) => {
    await disableTotp(db, signedInActor(req), req.body.password, { isRequired: hasRole(userOf(req), MFA_ROLES) && !config.demo })
    return { ok: true as const }
  })
}

import type { FastifyReply, FastifyRequest } from 'fastify'
import { CSRF_HEADER, SESSION_COOKIE } from '../../contract/auth.ts'
import type { Role } from '../../contract/roles.ts'
import type { Db } from '../db/types.ts'
import { loadSession } from '../features/auth/sessions.ts'
import type { CurrentUser } from './current-user.ts'
import { AppError } from './errors.ts'
import { hasRole } from './scope.ts'
import type { Actor } from '../features/audit/audit.service.ts'

declare module 'fastify' {
  interface FastifyRequest {
    user?: CurrentUser
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * preHandler for every /api route that needs a session: loads the user, checks CSRF on state
 * changes, enforces pending second-factor setup, then the route's roles. Record scope is checked
 * by each service against the user's grants.
 */
export function requireUser(db: Db, clock: () => Date, roles?: readonly Role[], opts: { allowMfaPending?: boolean } = {}) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const token = req.cookies[SESSION_COOKIE]
    if (!token) throw new AppError('UNAUTHENTICATED')
    const session = await loadSession(db, token, clock())
    if (!session) throw new AppError('UNAUTHENTICATED')
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== session.csrfToken) throw new AppError('CSRF')
    req.user = { ...session.user, sessionId: session.sessionId, csrfToken: session.csrfToken, isMfaPending: session.isMfaPending }
    if (session.isMfaPending && !opts.allowMfaPending) throw new AppError('MFA_SETUP_REQUIRED')
    if (roles && !hasRole(req.user, roles)) throw new AppError('FORBIDDEN')
  }
}

export function actorOf(req: FastifyRequest, now: Date): Actor {
  return { id: req.user?.id ?? null, username: req.user?.username ?? null, ip: req.ip, now }
}

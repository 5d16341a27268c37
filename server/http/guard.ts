import type { FastifyReply, FastifyRequest } from 'fastify'
import { CSRF_HEADER } from '../../contract/auth.ts'
import type { Role } from '../../contract/roles.ts'
import type { Actor, CurrentUser } from './current-user.ts'
import { AppError } from './errors.ts'
import { hasRole } from './scope.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth feature's onRequest hook (app.ts) when the request carries a live session. */
    user?: CurrentUser
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * onRequest hook of every route that needs a session, before the body is read or validated: a
 * session, the CSRF token on state changes, second-factor setup done, then one of the route's
 * roles. Which records the user may touch is checked by each feature's access module.
 */
export function requireUser(roles?: readonly Role[], opts: { allowMfaPending?: boolean } = {}) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const user = req.user
    if (!user) throw new AppError('UNAUTHENTICATED')
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== user.csrfToken) throw new AppError('CSRF')
    if (user.isMfaPending && !opts.allowMfaPending) throw new AppError('MFA_SETUP_REQUIRED')
    // A password set by an administrator is changed first: only the sign-in routes answer until then.
    if (user.mustChangePassword && !opts.allowMfaPending) throw new AppError('PASSWORD_CHANGE_REQUIRED')
    if (roles && !hasRole(user, roles)) throw new AppError('FORBIDDEN')
  }
}

/** The signed-in user of a route guarded by requireUser. */
export function userOf(req: FastifyRequest): CurrentUser {
  if (!req.user) throw new AppError('UNAUTHENTICATED')
  return req.user
}

export function actorOf(req: FastifyRequest, now: Date): Actor {
  return { id: req.user?.id ?? null, username: req.user?.username ?? null, ip: req.ip, now, sessionNo: req.user?.sessionNo ?? null }
}

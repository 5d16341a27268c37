import type { FastifyRequest } from 'fastify'
import { SESSION_COOKIE } from '../../../contract/auth.ts'
import type { Db } from '../../db/types.ts'
import { loadSession } from './sessions.ts'

/**
 * onRequest hook for the whole API (app.ts): the session cookie's user, or none. It only says who
 * is asking; each route's requireUser (http/guard.ts) decides whether that is enough.
 */
export function authenticate(db: Db, clock: () => Date) {
  return async (req: FastifyRequest) => {
    const token = req.cookies[SESSION_COOKIE]
    if (!token || !req.url.startsWith('/api/')) return
    const session = await loadSession(db, token, clock())
    if (session) req.user = { ...session.user, sessionId: session.sessionId, sessionNo: session.sessionNo, csrfToken: session.csrfToken, isMfaPending: session.isMfaPending }
  }
}

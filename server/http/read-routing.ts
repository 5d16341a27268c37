// Reads that may go to the read replica (DATABASE_READ_URL): dashboards, exports and lists. A user
// who has just written must read what they wrote: every successful write answers a cookie with its
// time, and that user's reads stay on the primary until the replica is known to hold it (the lag
// probe in db/client.ts). Without a replica nothing here changes a request or an answer.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Db } from '../db/types.ts'

export const LAST_WRITE_COOKIE = 'bvct_w'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The database a dashboard, export or list reads from for this request: the replica when it may, else the primary. */
export function readerFor(db: Db, req: FastifyRequest): Db {
  if (!db.replica) return db
  const lastWrite = Number(req.cookies?.[LAST_WRITE_COOKIE]) || 0
  return db.replica.pick(lastWrite) ?? db
}

/** Marks the caller's writes (any successful non-GET API request) for readerFor. */
export function markWrites(app: FastifyInstance, db: Db, opts: { clock: () => Date; secure: boolean }) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (db.replica && !SAFE_METHODS.has(req.method) && reply.statusCode < 400 && req.url.startsWith('/api/')) {
      reply.setCookie(LAST_WRITE_COOKIE, String(opts.clock().getTime()), { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secure })
    }
    return payload
  })
}

import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../db/types.ts'

const HEADER = 'idempotency-key'

/**
 * A client that retries a POST after a network error sends the same Idempotency-Key; the second
 * call gets the first call's answer and changes nothing. Retries are sequential in practice (the
 * client waited for a failure), so check-then-store is enough; the key is per account.
 */
export async function idempotent(db: Db, req: FastifyRequest, reply: FastifyReply, run: () => Promise<{ status: number; body: unknown }>) {
  const key = req.headers[HEADER]
  const accountId = req.user?.id
  if (typeof key !== 'string' || !key || key.length > 200 || !accountId) {
    const r = await run()
    return reply.status(r.status).send(r.body)
  }
  const [seen] = await db.query<{ status_code: number; response: unknown }>('SELECT status_code, response FROM idempotency_key WHERE account_id = $1 AND key = $2', [accountId, key])
  if (seen) return reply.status(seen.status_code).header('idempotent-replay', 'true').send(seen.response)
  const r = await run()
  if (r.status < 300) {
    await db.query('INSERT INTO idempotency_key (key, account_id, status_code, response) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [key, accountId, r.status, JSON.stringify(r.body)])
  }
  return reply.status(r.status).send(r.body)
}

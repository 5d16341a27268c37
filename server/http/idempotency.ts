// A retried POST with the same Idempotency-Key (same account, same method and path) gets the first
// answer back and acts once. The one helper every create route uses: it runs inside the write's
// transaction, under a lock on the key, so even two retries racing each other act once.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { IDEMPOTENCY_HEADER } from '../../contract/common.ts'
import type { Queryable } from '../db/types.ts'

/** What a write answers, and whether it is the stored answer of an earlier request with the same key. */
export interface Answer<T> {
  statusCode: number
  body: T
  isReplay: boolean
}

/**
 * The request's Idempotency-Key, namespaced by method and path: the same key sent to another
 * endpoint is another request, not a replay. The route's header schema has validated its format.
 */
export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const key = req.headers[IDEMPOTENCY_HEADER]
  return typeof key === 'string' && key ? `${req.method} ${req.url.split('?')[0]} ${key}` : undefined
}

/**
 * Call first inside the write's transaction. With a key, a concurrent retry waits on the key's lock
 * for this transaction and then finds its answer; the answer is stored in the same transaction as
 * the change it describes, so a rolled-back write leaves nothing to replay.
 */
export async function once<T>(tx: Queryable, accountId: number | null, key: string | undefined, statusCode: number, work: () => Promise<T>): Promise<Answer<T>> {
  if (!key || accountId === null) return { statusCode, body: await work(), isReplay: false }
  await tx.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [accountId, key])
  const [seen] = await tx.query<{ status_code: number; response: T }>('SELECT status_code, response FROM idempotency_key WHERE account_id = $1 AND key = $2', [accountId, key])
  if (seen) return { statusCode: seen.status_code, body: seen.response, isReplay: true }
  const body = await work()
  await tx.query('INSERT INTO idempotency_key (key, account_id, status_code, response) VALUES ($1, $2, $3, $4)', [key, accountId, statusCode, JSON.stringify(body)])
  return { statusCode, body, isReplay: false }
}

/** Sends an answer, saying so in a header when it is a replay. */
export function reply<T>(res: FastifyReply, answer: Answer<T>): T {
  if (answer.isReplay) res.header('idempotent-replay', 'true')
  res.status(answer.statusCode)
  return answer.body
}

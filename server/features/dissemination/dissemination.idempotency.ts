// A retried POST with the same Idempotency-Key (same account, same endpoint) gets the first answer
// back and acts once. Lives in the feature until a second feature needs it; then it moves to http/.
import type { Queryable } from '../../db/types.ts'

export interface StoredAnswer {
  statusCode: number
  body: unknown
}

/**
 * Call first inside the write's transaction. Takes a lock on the key so a concurrent retry waits
 * for this transaction and then finds its answer, instead of acting a second time.
 */
export async function findStoredAnswer(tx: Queryable, accountId: number, key: string): Promise<StoredAnswer | null> {
  await tx.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [accountId, key])
  const [r] = await tx.query<{ status_code: number; response: unknown }>(
    'SELECT status_code, response FROM idempotency_key WHERE account_id = $1 AND key = $2',
    [accountId, key],
  )
  return r ? { statusCode: r.status_code, body: r.response } : null
}

/** Stores a successful answer in the same transaction as the change it describes. */
export async function storeAnswer(tx: Queryable, accountId: number, key: string, answer: StoredAnswer): Promise<void> {
  await tx.query('INSERT INTO idempotency_key (key, account_id, status_code, response) VALUES ($1, $2, $3, $4)', [
    key, accountId, answer.statusCode, JSON.stringify(answer.body),
  ])
}

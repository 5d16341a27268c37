// Data keys (lib/envelope.ts): each confidential record and each TOTP secret has its own random
// key, stored wrapped by a master key from the keyring (lib/keyring.ts), never in clear. This file
// makes them, opens them, keeps the system's blind-index key, and re-wraps every data key when the
// master key rotates; the content sealed under a data key is never touched by a rotation.
import type { Db, Queryable } from '../../db/types.ts'
import { blindIndex, newKey, unwrapKey, wrapKey } from '../../lib/envelope.ts'
import { dropRetiredKeys, type Keyring } from '../../lib/keyring.ts'

export interface DataKey {
  id: number
  key: Buffer
}

/** A data key wrapped under a master key this server no longer has: the data cannot be opened. */
export class UnknownMasterKeyError extends Error {
  constructor(readonly kid: string) {
    super(`Data key wrapped by master key ${kid}, which is not in the keyring: restore that key (BVCT_MASTER_KEY_FILE or BVCT_MASTER_KEY)`)
  }
}

/** A fresh data key, stored wrapped by the current master key. */
export async function createDataKey(tx: Queryable, keys: Keyring): Promise<DataKey> {
  const master = keys.current()
  const key = newKey()
  const [row] = await tx.query<{ id: number }>('INSERT INTO data_key (kid, wrapped) VALUES ($1, $2) RETURNING id', [master.kid, wrapKey(master, key)])
  return { id: row.id, key }
}

/** Unwraps data key `id`; throws if it does not exist or its master key is gone. */
export async function openDataKey(db: Queryable, keys: Keyring, id: number): Promise<Buffer> {
  const [row] = await db.query<{ kid: string; wrapped: Uint8Array }>('SELECT kid, wrapped FROM data_key WHERE id = $1', [id])
  if (!row) throw new Error(`Data key ${id} does not exist`)
  return unwrapDataKey(keys, row)
}

/** Unwraps a data key row read together with the record it seals (one query fewer than openDataKey). */
export function unwrapDataKey(keys: Keyring, row: { kid: string; wrapped: Uint8Array }): Buffer {
  const master = keys.get(row.kid)
  if (!master) throw new UnknownMasterKeyError(row.kid)
  return unwrapKey(master, row.wrapped)
}

const BLIND_INDEX = 'blindIndex'

/**
 * The key of the blind index (envelope.blindIndex), made at its first use. Two transactions that
 * both find none race on system_key's primary key: the loser drops its own key and reads the winner's.
 */
async function blindIndexKey(tx: Queryable, keys: Keyring): Promise<Buffer> {
  const [known] = await tx.query<{ data_key_id: number }>('SELECT data_key_id FROM system_key WHERE name = $1', [BLIND_INDEX])
  if (known) return openDataKey(tx, keys, known.data_key_id)
  const dk = await createDataKey(tx, keys)
  const won = await tx.query('INSERT INTO system_key (name, data_key_id) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING name', [BLIND_INDEX, dk.id])
  if (won.length) return dk.key
  await tx.query('DELETE FROM data_key WHERE id = $1', [dk.id])
  const [row] = await tx.query<{ data_key_id: number }>('SELECT data_key_id FROM system_key WHERE name = $1', [BLIND_INDEX])
  return openDataKey(tx, keys, row.data_key_id)
}

/** The blind reference of a value ("person 42"): finds its records without naming it to a reader of the database. */
export async function blindRef(db: Queryable, keys: Keyring, kind: 'person' | 'account', value: number): Promise<Buffer> {
  return blindIndex(await blindIndexKey(db, keys), kind, value)
}

/** blindRef with the key opened once, for generators that compute thousands of references. */
export async function blindIndexer(tx: Queryable, keys: Keyring): Promise<(kind: 'person' | 'account', value: number) => Buffer> {
  const key = await blindIndexKey(tx, keys)
  return (kind, value) => blindIndex(key, kind, value)
}

export interface RotationResult {
  /** Data keys re-wrapped under the current master key in this run. */
  rewrapped: number
  /** The current master key's id. */
  current: string
  /** Master keys removed from the key file because nothing is wrapped by them any more. */
  retired: string[]
}

const BATCH = 500

/**
 * Re-wraps every data key not yet under the current master key, in small transactions (a server
 * keeps answering), each row only if it is still under the key it was read with. Then, with a key
 * file and nothing left under an old key, removes the old keys from the file. A no-op when done.
 */
export async function finishRotation(db: Db, keys: Keyring, keyFile: string | null): Promise<RotationResult> {
  keys.refresh()
  const current = keys.current()
  let rewrapped = 0
  for (;;) {
    const rows = await db.query<{ id: number; kid: string; wrapped: Uint8Array }>('SELECT id, kid, wrapped FROM data_key WHERE kid <> $1 ORDER BY id LIMIT $2', [current.kid, BATCH])
    if (!rows.length) break
    await db.transaction(async (tx) => {
      for (const r of rows) {
        const master = keys.get(r.kid)
        if (!master) throw new UnknownMasterKeyError(r.kid)
        const updated = await tx.query('UPDATE data_key SET kid = $2, wrapped = $3 WHERE id = $1 AND kid = $4 RETURNING id', [r.id, current.kid, wrapKey(current, unwrapKey(master, r.wrapped)), r.kid])
        rewrapped += updated.length
      }
    })
  }
  // A rotation started again meanwhile made another key current: the keys wrapped under ours are
  // not all re-wrapped under that one, so nothing is retired until the next run.
  keys.refresh()
  const retired = keyFile && keys.current().kid === current.kid ? dropRetiredKeys(keyFile) : []
  return { rewrapped, current: current.kid, retired }
}

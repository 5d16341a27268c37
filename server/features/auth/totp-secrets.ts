// TOTP secrets are sealed like confidential content (lib/envelope.ts): each account's secret under
// its own data key, so a copy of the database or a backup does not hand out second factors.
import type { Db, Queryable } from '../../db/types.ts'
import { openText, sealText } from '../../lib/envelope.ts'
import type { Keyring } from '../../lib/keyring.ts'
import { createDataKey, openDataKey } from '../keys/keys.service.ts'

const aad = (accountId: number) => `account:${accountId}:totp_secret`

export interface SealedTotp {
  totp_secret_enc: Uint8Array | null
  totp_key_id: number | null
}

/** Seals and stores the account's secret (a new data key each time a secret is set). */
export async function storeTotpSecret(tx: Queryable, keys: Keyring, accountId: number, secret: string, now: Date) {
  const dk = await createDataKey(tx, keys)
  await tx.query('UPDATE account SET totp_secret_enc = $2, totp_key_id = $3, totp_secret = NULL, updated_at = $4 WHERE id = $1 AND NOT is_totp_enabled', [
    accountId, sealText(dk.key, secret, aad(accountId)), dk.id, now,
  ])
}

export async function openTotpSecret(db: Queryable, keys: Keyring, accountId: number, row: SealedTotp): Promise<string | null> {
  if (!row.totp_secret_enc || !row.totp_key_id) return null
  return openText(await openDataKey(db, keys, row.totp_key_id), row.totp_secret_enc, aad(accountId))
}

/** Seals secrets stored in clear by earlier versions; runs at start, a no-op once done. */
export async function sealLegacyTotpSecrets(db: Db, keys: Keyring): Promise<number> {
  const rows = await db.query<{ id: number; totp_secret: string }>('SELECT id, totp_secret FROM account WHERE totp_secret IS NOT NULL')
  for (const r of rows) {
    await db.transaction(async (tx) => {
      const dk = await createDataKey(tx, keys)
      await tx.query('UPDATE account SET totp_secret_enc = $2, totp_key_id = $3, totp_secret = NULL WHERE id = $1 AND totp_secret = $4', [r.id, sealText(dk.key, r.totp_secret, aad(r.id)), dk.id, r.totp_secret])
    })
  }
  return rows.length
}

// Someone's own notification settings: which kinds also come by e-mail, and in which language.
import { EMAIL_KINDS } from '../../../contract/notification-texts.ts'
import type { NotificationSettingsDto, NotificationSettingsInput } from '../../../contract/notifications.ts'
import type { Db, Queryable } from '../../db/types.ts'

export async function readSettings(db: Queryable, accountId: number): Promise<NotificationSettingsDto> {
  const [a] = await db.query<{ mail_lang: 'vi' | 'en'; email: string | null }>(
    'SELECT a.mail_lang, pe.email FROM account a LEFT JOIN person pe ON pe.id = a.person_id WHERE a.id = $1', [accountId],
  )
  const prefs = new Map((await db.query<{ kind: string; email: boolean }>('SELECT kind, email FROM notification_preference WHERE account_id = $1', [accountId])).map((r) => [r.kind, r.email]))
  return { mailLanguage: a.mail_lang, hasEmail: !!a.email, kinds: EMAIL_KINDS.map((kind) => ({ kind, email: prefs.get(kind) ?? true })) }
}

/** Saves what was sent (a kind left out keeps its setting); the same request twice changes nothing more. */
export async function saveSettings(db: Db, accountId: number, input: NotificationSettingsInput, now: Date): Promise<NotificationSettingsDto> {
  return db.transaction(async (tx) => {
    if (input.mailLanguage) await tx.query('UPDATE account SET mail_lang = $2 WHERE id = $1', [accountId, input.mailLanguage])
    for (const k of input.kinds ?? []) {
      await tx.query(
        `INSERT INTO notification_preference (account_id, kind, email, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, kind) DO UPDATE SET email = EXCLUDED.email, updated_at = EXCLUDED.updated_at`,
        [accountId, k.kind, k.email, now],
      )
    }
    return readSettings(tx, accountId)
  })
}

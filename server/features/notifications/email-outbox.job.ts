// Sends the e-mails of notifications raised with `email: true`, after the change that raised them
// has committed (a rolled-back change sends nothing), each in its reader's chosen language. A
// notification is claimed before it is sent, so two server processes never send it twice; a claim
// left by a process that died is released after CLAIM_TIMEOUT and sent again. A failed attempt is
// retried at the next run, up to MAX_ATTEMPTS; the in-app notification is the record either way.
import { renderNotification, type NotificationParams } from '../../../contract/notification-texts.ts'
import type { Db } from '../../db/types.ts'
import type { Mailer } from '../../mail/mailer.ts'

const BATCH = 200
const MAX_ATTEMPTS = 5
const CLAIM_TIMEOUT_MS = 10 * 60 * 1000

const FOOTER = { vi: 'Đăng nhập BVCT để xem chi tiết.', en: 'Sign in to BVCT for the details.' }

export async function runNotificationEmails(db: Db, mailer: Mailer, now: Date) {
  await db.query(`UPDATE notification SET email_status = 'pending' WHERE email_status = 'sending' AND email_at < $1`, [new Date(now.getTime() - CLAIM_TIMEOUT_MS)])
  const claimed = await db.transaction((tx) =>
    tx.query<{ id: number; kind: string; params: NotificationParams | null; title: string; body: string; email: string | null; mail_lang: 'vi' | 'en'; email_attempts: number }>(
      `WITH c AS (
         SELECT id FROM notification WHERE email_status = 'pending' ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
       )
       UPDATE notification n SET email_status = 'sending', email_at = $1, email_attempts = n.email_attempts + 1
       FROM c, account a LEFT JOIN person pe ON pe.id = a.person_id
       WHERE n.id = c.id AND a.id = n.account_id
       RETURNING n.id, n.kind, n.params, n.title, n.body, pe.email, a.mail_lang, n.email_attempts`,
      [now],
    ),
  )
  let sent = 0
  let failed = 0
  for (const n of claimed) {
    const lang = n.mail_lang
    const text = renderNotification(n.kind, n.params, lang) ?? { title: n.title, body: n.body }
    let ok = false
    if (n.email) {
      try {
        await mailer.send({ to: n.email, subject: text.title, text: `${text.body}\n\n${FOOTER[lang]}\n` })
        ok = true
      } catch {
        // Tried again at the next run, up to MAX_ATTEMPTS.
      }
    }
    const status = ok ? 'sent' : !n.email || n.email_attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'
    await db.query('UPDATE notification SET email_status = $2, email_at = $3 WHERE id = $1', [n.id, status, now])
    if (ok) sent++
    else if (status === 'failed') failed++
  }
  return { claimed: claimed.length, sent, failed }
}

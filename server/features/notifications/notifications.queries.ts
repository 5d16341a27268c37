import type { NotificationParams } from '../../../contract/notification-texts.ts'
import type { NotificationListDto } from '../../../contract/notifications.ts'
import type { Queryable } from '../../db/types.ts'

export interface NewNotification {
  accountId: number
  kind: string
  title: string
  body?: string
  link?: string | null
  /** Same key for the same account = the same notification: raising it again does nothing. */
  dedupeKey: string
  /** For kinds in contract/notification-texts.ts: rendered in the reader's language from these. */
  params?: NotificationParams | null
  /** Also by e-mail (the outbox job sends it) if the person has an address and has not turned the kind off. */
  email?: boolean
}

/**
 * Inserts many notifications in one statement, their ids in the order given (a reader's list, newest
 * id first, shows a batch as it would have shown them raised one by one); returns how many were new.
 */
export async function raiseNotifications(db: Queryable, items: NewNotification[], now: Date): Promise<number> {
  if (!items.length) return 0
  const rows = await db.query(
    `INSERT INTO notification (account_id, kind, title, body, link, dedupe_key, params, email_status, created_at)
     SELECT n.account_id, n.kind, n.title, n.body, n.link, n.dedupe_key, n.params::jsonb,
            CASE WHEN n.email AND coalesce(pe.email, '') <> '' AND coalesce(np.email, true) THEN 'pending' END, $9::timestamptz
     FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bool[]) WITH ORDINALITY AS n(account_id, kind, title, body, link, dedupe_key, params, email, ord)
     LEFT JOIN account a ON a.id = n.account_id LEFT JOIN person pe ON pe.id = a.person_id
     LEFT JOIN notification_preference np ON np.account_id = n.account_id AND np.kind = n.kind
     ORDER BY n.ord
     ON CONFLICT (account_id, dedupe_key) DO NOTHING RETURNING id`,
    [
      items.map((i) => i.accountId), items.map((i) => i.kind), items.map((i) => i.title), items.map((i) => i.body ?? ''), items.map((i) => i.link ?? null),
      items.map((i) => i.dedupeKey), items.map((i) => (i.params ? JSON.stringify(i.params) : null)), items.map((i) => !!i.email), now,
    ],
  )
  return rows.length
}

export async function listNotifications(db: Queryable, accountId: number, opts: { unreadOnly: boolean; limit: number }): Promise<NotificationListDto> {
  const rows = await db.query<{ id: number; kind: string; title: string; body: string; link: string | null; params: NotificationParams | null; created_at: Date; read_at: Date | null }>(
    `SELECT id, kind, title, body, link, params, created_at, read_at FROM notification WHERE account_id = $1 ${opts.unreadOnly ? 'AND read_at IS NULL' : ''}
     ORDER BY id DESC LIMIT $2`,
    [accountId, opts.limit],
  )
  const [{ unread }] = await db.query<{ unread: number }>('SELECT count(*)::int AS unread FROM notification WHERE account_id = $1 AND read_at IS NULL', [accountId])
  return {
    unread,
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, params: r.params, createdAt: new Date(r.created_at).toISOString(), readAt: r.read_at ? new Date(r.read_at).toISOString() : null })),
  }
}

export async function isOwnNotification(db: Queryable, accountId: number, id: number) {
  const rows = await db.query('SELECT 1 FROM notification WHERE id = $1 AND account_id = $2', [id, accountId])
  return rows.length > 0
}

export async function markRead(db: Queryable, accountId: number, id: number | null, now: Date) {
  const rows = await db.query(
    `UPDATE notification SET read_at = $3 WHERE account_id = $1 AND read_at IS NULL AND ($2::int IS NULL OR id = $2) RETURNING id`,
    [accountId, id, now],
  )
  return rows.length
}

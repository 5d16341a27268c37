import type { Queryable } from '../../db/types.ts'
import { notFound } from '../../http/errors.ts'
import { isOwnNotification, markRead, raiseNotifications, type NewNotification } from './notifications.queries.ts'

export type { NewNotification }

/**
 * Raises notifications inside the caller's transaction (a job's or a write's), once per
 * (account, dedupe key): raising the same one again does nothing. Returns how many were new.
 */
export const notify = (tx: Queryable, items: NewNotification[], now: Date) => raiseNotifications(tx, items, now)

/** Marks one of the account's own notifications read; someone else's is "not found". */
export async function markOneRead(db: Queryable, accountId: number, id: number, now: Date) {
  if (!(await isOwnNotification(db, accountId, id))) throw notFound()
  return markRead(db, accountId, id, now)
}

export const markAllRead = (db: Queryable, accountId: number, now: Date) => markRead(db, accountId, null, now)

import type { Db } from '../../db/types.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { vnDay } from '../../lib/dates.ts'
import { renderNotification } from '../../../contract/notification-texts.ts'
import { notify, type NewNotification } from './notifications.service.ts'
import { actorsByUnit, overdueByUnit, type OverdueDigest } from './overdue.queries.ts'

/** The stored parameters of an `overdue.digest` notification (contract/notification-texts.ts words it). */
export const digestParams = (d: OverdueDigest, asOf: string) => ({
  unitName: d.unitName, asOf, acknowledgements: d.acknowledgements, plans: d.plans, actions: d.actions, oldestDue: d.oldestDue,
})

/**
 * The daily overdue sweep: counts what is overdue on `asOf` per unit (in the database) and sends
 * the unit's head and officer one digest for the day: "2 directives not acknowledged, 1 plan not
 * sent, 14 actions overdue, the oldest since …", linking to the overdue list. One notification per
 * unit and day, whatever the number of items (the sweep wrote one per item: 22 s at 5,000 units).
 * A restart or a second run the same day adds nothing (the key is the unit and the day).
 */
export async function runOverdueJob(db: Db, asOf: string, now: Date) {
  const units = await overdueByUnit(db, asOf, await rootPaths(db))
  const actors = await actorsByUnit(db, units.map((u) => u.unitId), ['unitHead', 'unitOfficer'])
  const notes: NewNotification[] = []
  for (const d of units) {
    const link = d.directiveIds.length === 1 && d.acknowledgements + d.plans + d.actions === 1 ? `/directives/${d.directiveIds[0]}` : '/notifications'
    const params = digestParams(d, asOf)
    // Stored in Vietnamese too, for readers that show the stored text (the bell renders from params).
    const vi = renderNotification('overdue.digest', params, 'vi')!
    for (const accountId of actors.get(d.unitId) ?? []) {
      notes.push({ accountId, kind: 'overdue.digest', ...vi, params, link, dedupeKey: `overdue:digest:${d.unitId}:${asOf}` })
    }
  }
  const overdue = units.reduce((n, d) => n + d.acknowledgements + d.plans + d.actions, 0)
  return db.transaction(async (tx) => {
    const raised = await notify(tx, notes, now)
    await tx.query(`INSERT INTO app_state (key, value, updated_at) VALUES ('overdueJob.lastRun', $1, $2) ON CONFLICT (key) DO UPDATE SET value = $1, updated_at = $2`, [JSON.stringify(asOf), now])
    if (raised) await recordAudit(tx, { id: null, username: 'system', ip: null, now }, { action: 'runOverdueJob', entity: 'notification', entityId: null, after: { asOf, overdue, units: units.length, raised } })
    return { asOf, overdue, raised, units }
  })
}

async function rootPaths(db: Db) {
  return (await db.query<{ path: string }>('SELECT path::text AS path FROM unit WHERE parent_id IS NULL')).map((r) => r.path)
}

/** Runs the sweep once per calendar day in Vietnam, whoever calls it (the jobs' hourly tick). */
export async function runOverdueJobIfDue(db: Db, now: Date) {
  const today = vnDay(now)
  const [last] = await db.query<{ value: string }>(`SELECT value FROM app_state WHERE key = 'overdueJob.lastRun'`)
  if (last?.value === today) return null
  return runOverdueJob(db, today, now)
}

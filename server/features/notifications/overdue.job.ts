import type { Db } from '../../db/types.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { vnDay } from '../../lib/dates.ts'
import { notify, type NewNotification } from './notifications.service.ts'
import { actorsByUnit, listOverdue, type OverdueItem } from './overdue.queries.ts'

const fmt = (iso: string) => iso.split('-').reverse().join('/')

function message(i: OverdueItem) {
  const doc = i.directiveNumber ? `văn bản ${i.directiveNumber}` : 'văn bản'
  switch (i.kind) {
    case 'acknowledgement':
      return { title: `Quá hạn tiếp nhận ${doc}`, body: `${i.unitName} chưa xác nhận tiếp nhận (hạn ${fmt(i.dueDate)}).`, roles: ['unitHead', 'unitOfficer'] }
    case 'plan':
      return { title: `Quá hạn trình kế hoạch thực hiện ${doc}`, body: `${i.unitName} chưa trình kế hoạch (hạn ${fmt(i.dueDate)}).`, roles: ['unitHead', 'unitOfficer'] }
    case 'action':
      return { title: `Nhiệm vụ quá hạn: ${i.title}`, body: `${i.unitName}, ${doc}: hạn ${fmt(i.dueDate)}.`, roles: ['unitOfficer', 'unitHead'] }
  }
}

/**
 * The daily overdue sweep: lists what is overdue on `asOf` and notifies the unit's head and officer.
 * Each item is raised once per deadline (a restart or a second run the same day adds nothing; an
 * action that becomes overdue again after an extension is raised again).
 */
export async function runOverdueJob(db: Db, asOf: string, now: Date) {
  const items = await listOverdue(db, asOf, await rootPaths(db))
  const actors = await actorsByUnit(db, [...new Set(items.map((i) => i.unitId))], ['unitHead', 'unitOfficer'])
  const notes: NewNotification[] = []
  for (const i of items) {
    const m = message(i)
    const link = i.kind === 'action' || i.kind === 'plan' ? `/directives/${i.directiveId}/units/${i.unitId}/plan` : `/directives/${i.directiveId}`
    const key = `overdue:${i.kind}:${i.directiveId}:${i.unitId}:${i.actionId ?? ''}:${i.dueDate}`
    for (const accountId of actors.get(i.unitId) ?? []) notes.push({ accountId, kind: `overdue.${i.kind}`, title: m.title, body: m.body, link, dedupeKey: key })
  }
  return db.transaction(async (tx) => {
    const raised = await notify(tx, notes, now)
    await tx.query(`INSERT INTO app_state (key, value, updated_at) VALUES ('overdueJob.lastRun', $1, $2) ON CONFLICT (key) DO UPDATE SET value = $1, updated_at = $2`, [JSON.stringify(asOf), now])
    if (raised) await recordAudit(tx, { id: null, username: 'system', ip: null, now }, { action: 'runOverdueJob', entity: 'notification', entityId: null, after: { asOf, overdue: items.length, raised } })
    return { asOf, overdue: items.length, raised, items }
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

// Before and on a directive's two deadlines, the units that have not yet acted are reminded: to
// acknowledge it (2 days before, and on the day) and to send their plan (7 days and 1 day before,
// and on the day). Past the deadline the overdue sweep takes over. Each stage reaches each account
// once (the notification's dedupe key); a server that was down a day still sends yesterday's stage,
// never an older backlog.
import type { Queryable } from '../../db/types.ts'
import { addDays, type IsoDay } from '../../lib/dates.ts'
import { noticeUnits, type UnitWorkNotice } from './work-notices.ts'

export const ACK_REMIND_BEFORE = [2]
export const PLAN_REMIND_BEFORE = [7, 1]
/** A stage missed by a server that was down is sent up to this many days late. */
const GRACE_DAYS = 1

/** The latest reminder stage due on `asOf` ("before:N" or "on"), if it is not older than the grace. */
export function dueStage(deadline: IsoDay, before: number[], asOf: IsoDay): string | null {
  const stages = [...before.map((d) => ({ stage: `before:${d}`, date: addDays(deadline, -d) })), { stage: 'on', date: deadline }]
  const due = stages.filter((s) => s.date <= asOf && s.date >= addDays(asOf, -GRACE_DAYS)).sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1)
  return due?.stage ?? null
}

interface Row { directive_id: number; unit_id: number; unit_name: string; due: string; number: string | null; subject: string }

export async function runDirectiveReminders(db: Queryable, asOf: IsoDay, now: Date) {
  const horizon = (before: number[]) => addDays(asOf, Math.max(0, ...before))
  const from = addDays(asOf, -GRACE_DAYS)
  const ack = await db.query<Row>(
    `SELECT da.directive_id, da.unit_id, u.name AS unit_name, da.ack_due_date::text AS due, d.number, d.subject
     FROM directive_addressee da JOIN directive d ON d.id = da.directive_id AND d.status = 'issued' JOIN unit u ON u.id = da.unit_id
     WHERE da.acknowledged_at IS NULL AND da.ack_due_date BETWEEN $1 AND $2`,
    [from, horizon(ACK_REMIND_BEFORE)],
  )
  const plan = await db.query<Row>(
    `SELECT da.directive_id, da.unit_id, u.name AS unit_name, da.plan_due_date::text AS due, d.number, d.subject
     FROM directive_addressee da JOIN directive d ON d.id = da.directive_id AND d.status = 'issued' JOIN unit u ON u.id = da.unit_id
     LEFT JOIN unit_plan p ON p.directive_id = da.directive_id AND p.unit_id = da.unit_id
     WHERE (p.id IS NULL OR p.status IN ('draft', 'returned')) AND da.plan_due_date BETWEEN $1 AND $2`,
    [from, horizon(PLAN_REMIND_BEFORE)],
  )
  const notices: UnitWorkNotice[] = []
  const add = (rows: Row[], before: number[], kind: string, key: string, link: (r: Row) => string) => {
    for (const r of rows) {
      const stage = dueStage(r.due, before, asOf)
      if (!stage) continue
      notices.push({
        unitId: r.unit_id, kind, link: link(r), dedupeKey: `${key}:${r.directive_id}:${r.unit_id}:${r.due}:${stage}`,
        params: { directiveId: r.directive_id, number: r.number, subject: r.subject, unitId: r.unit_id, unitName: r.unit_name, due: r.due, stage },
      })
    }
  }
  add(ack, ACK_REMIND_BEFORE, 'directive.ackDue', 'ack-due', (r) => `/directives/${r.directive_id}`)
  add(plan, PLAN_REMIND_BEFORE, 'plan.due', 'plan-due', (r) => `/directives/${r.directive_id}/units/${r.unit_id}/plan`)
  return { units: notices.length, raised: await noticeUnits(db, notices, now) }
}

// What a unit's heads and officers are told about a directive's work as it happens: the directive
// arrives, its plan is returned or accepted, an extension is decided. Raised inside the writing
// transaction (a rolled-back change tells nobody), once per event, in-app and by e-mail through the
// outbox (email-outbox.job.ts), stored as kind + parameters so each reader sees their own language.
import { renderNotification, type NotificationParams } from '../../../contract/notification-texts.ts'
import type { Queryable } from '../../db/types.ts'
import { notify } from './notifications.service.ts'
import { unitOfficers } from './recipients.ts'

export interface UnitWorkNotice {
  unitId: number
  kind: string
  params: NotificationParams
  link: string
  /** Unique per event and unit: the same event never notifies an account twice. */
  dedupeKey: string
}

/** Tells every listed unit's heads and officers; returns how many notifications were new. */
export async function noticeUnits(tx: Queryable, notices: UnitWorkNotice[], now: Date): Promise<number> {
  if (!notices.length) return 0
  const people = await unitOfficers(tx, [...new Set(notices.map((n) => n.unitId))])
  const byUnit = new Map<number, typeof people>()
  for (const p of people) byUnit.set(p.unit_id, [...(byUnit.get(p.unit_id) ?? []), p])
  return notify(
    tx,
    notices.flatMap((n) => {
      // The Vietnamese text is stored too: what any older reader of the table shows.
      const vi = renderNotification(n.kind, n.params, 'vi')!
      return (byUnit.get(n.unitId) ?? []).map((p) => ({ accountId: p.account_id, kind: n.kind, title: vi.title, body: vi.body, link: n.link, params: n.params, email: true, dedupeKey: n.dedupeKey }))
    }),
    now,
  )
}

const ref = (d: { number: string | null; subject: string }) => ({ number: d.number, subject: d.subject })

/** A directive has just been issued: every addressee unit hears of it with its two deadlines. */
export async function noticeDirectiveIssued(tx: Queryable, directiveId: number, now: Date) {
  const rows = await tx.query<{ unit_id: number; unit_name: string; ack_due_date: string; plan_due_date: string; number: string | null; subject: string }>(
    `SELECT da.unit_id, u.name AS unit_name, da.ack_due_date::text, da.plan_due_date::text, d.number, d.subject
     FROM directive_addressee da JOIN unit u ON u.id = da.unit_id JOIN directive d ON d.id = da.directive_id WHERE da.directive_id = $1`,
    [directiveId],
  )
  return noticeUnits(tx, rows.map((r) => ({
    unitId: r.unit_id, kind: 'directive.issued', link: `/directives/${directiveId}`, dedupeKey: `directive-issued:${directiveId}:${r.unit_id}`,
    params: { directiveId, ...ref(r), unitId: r.unit_id, unitName: r.unit_name, ackDue: r.ack_due_date, planDue: r.plan_due_date },
  })), now)
}

async function planContext(tx: Queryable, planId: number) {
  const [p] = await tx.query<{ directive_id: number; unit_id: number; unit_name: string; number: string | null; subject: string }>(
    `SELECT p.directive_id, p.unit_id, u.name AS unit_name, d.number, d.subject FROM unit_plan p JOIN unit u ON u.id = p.unit_id JOIN directive d ON d.id = p.directive_id WHERE p.id = $1`,
    [planId],
  )
  return p
}

/** The board returned or accepted a unit's plan. `at` makes each review its own event. */
export async function noticePlanReviewed(tx: Queryable, planId: number, decision: 'returned' | 'accepted', comment: string | null, now: Date) {
  const p = await planContext(tx, planId)
  return noticeUnits(tx, [{
    unitId: p.unit_id, kind: `plan.${decision}`, link: `/directives/${p.directive_id}/units/${p.unit_id}/plan`, dedupeKey: `plan-${decision}:${planId}:${now.getTime()}`,
    params: { directiveId: p.directive_id, ...ref(p), unitId: p.unit_id, unitName: p.unit_name, comment },
  }], now)
}

/** The board decided a unit's request for more time. */
export async function noticeExtensionDecided(tx: Queryable, extensionId: number, planId: number, decision: 'approved' | 'refused', requestedDue: string, note: string, now: Date) {
  const p = await planContext(tx, planId)
  return noticeUnits(tx, [{
    unitId: p.unit_id, kind: 'extension.decided', link: `/directives/${p.directive_id}/units/${p.unit_id}/plan`, dedupeKey: `extension-decided:${extensionId}`,
    params: { directiveId: p.directive_id, ...ref(p), unitId: p.unit_id, unitName: p.unit_name, decision, requestedDue, note: note || null },
  }], now)
}

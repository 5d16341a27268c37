import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { parentJoin, unitLabel } from '../units/unit-label.ts'

export interface OverdueItem {
  kind: 'acknowledgement' | 'plan' | 'action'
  directiveId: number
  directiveNumber: string | null
  unitId: number
  unitName: string
  dueDate: string
  actionId: number | null
  title: string
}

/**
 * Everything overdue on $1 (a day) under the scopes $2 (ltree[]): unacknowledged directives, plans
 * not submitted by their due date, and open actions that action_timeliness (migration 0006) finds
 * overdue. Like the other two, an action is listed only while it is still open: done since, there is
 * nothing to chase. One statement for the list and for the daily digest, so both count the same.
 */
const OVERDUE_ITEMS = `
    SELECT 'acknowledgement' AS kind, d.id AS directive_id, d.number, u.id AS unit_id, ${unitLabel()} AS unit_name, a.ack_due_date AS due_date, NULL::int AS action_id, d.subject AS title
       FROM directive_addressee a JOIN directive d ON d.id = a.directive_id AND d.status = 'issued' JOIN unit u ON u.id = a.unit_id ${parentJoin()}
       WHERE a.acknowledged_at IS NULL AND a.ack_due_date < $1::date AND u.path <@ ANY($2::ltree[])
     UNION ALL
     SELECT 'plan', d.id, d.number, u.id, ${unitLabel()}, a.plan_due_date, NULL, d.subject
       FROM directive_addressee a JOIN directive d ON d.id = a.directive_id AND d.status = 'issued' JOIN unit u ON u.id = a.unit_id ${parentJoin()}
       LEFT JOIN unit_plan p ON p.directive_id = a.directive_id AND p.unit_id = a.unit_id
       WHERE a.plan_due_date < $1::date AND (p.id IS NULL OR p.status IN ('draft', 'returned')) AND u.path <@ ANY($2::ltree[])
     UNION ALL
     SELECT 'action', d.id, d.number, u.id, ${unitLabel()}, pa.effective_due_date, pa.id, pa.title
       FROM plan_action pa JOIN directive d ON d.id = pa.directive_id AND d.status = 'issued' JOIN unit u ON u.id = pa.unit_id ${parentJoin()}
       -- Nothing is overdue before its deadline: the bound lets the index of open actions skip the
       -- rest (half the time at 360,000 open actions); the rule itself is action_timeliness.
       WHERE pa.status <> 'done' AND pa.effective_due_date <= $1::date
         AND action_timeliness(pa.status, pa.completed_on, pa.effective_due_date, $1::date) = 'overdue' AND u.path <@ ANY($2::ltree[])`

/** Everything overdue on `asOf` in the given scopes, oldest deadline first (OVERDUE_ITEMS says what counts). */
export async function listOverdue(db: Queryable, asOf: string, scopes: string[]): Promise<OverdueItem[]> {
  const rows = await db.query<{
    kind: OverdueItem['kind']; directive_id: number; number: string | null; unit_id: number; unit_name: string; due_date: string; action_id: number | null; title: string
  }>(`${OVERDUE_ITEMS} ORDER BY due_date, unit_name`, [asOf, arrayLiteral(scopes)])
  return rows.map((r) => ({
    kind: r.kind, directiveId: r.directive_id, directiveNumber: r.number, unitId: r.unit_id, unitName: r.unit_name, dueDate: r.due_date, actionId: r.action_id, title: r.title,
  }))
}

/** One unit's overdue work on a day, counted by kind: what its daily digest says. */
export interface OverdueDigest {
  unitId: number
  unitName: string
  acknowledgements: number
  plans: number
  actions: number
  /** The oldest deadline among them (yyyy-mm-dd). */
  oldestDue: string
  /** The directive behind the oldest item: the digest links to it when it is the only one. */
  directiveIds: number[]
}

/**
 * What is overdue on `asOf`, counted per unit by the database: the daily sweep sends one digest per
 * unit instead of one notification per item (437,590 items at 5,000 units × 100 people became
 * 437,590 rows sent to Node and as many notifications; this is a row per unit).
 */
export async function overdueByUnit(db: Queryable, asOf: string, scopes: string[]): Promise<OverdueDigest[]> {
  const rows = await db.query<{ unit_id: number; unit_name: string; acks: number; plans: number; actions: number; oldest: string; directive_ids: number[] }>(
    `SELECT unit_id, min(unit_name) AS unit_name,
            (count(*) FILTER (WHERE kind = 'acknowledgement'))::int AS acks,
            (count(*) FILTER (WHERE kind = 'plan'))::int AS plans,
            (count(*) FILTER (WHERE kind = 'action'))::int AS actions,
            min(due_date)::text AS oldest, array_agg(DISTINCT directive_id ORDER BY directive_id) AS directive_ids
       FROM (${OVERDUE_ITEMS}) i
      GROUP BY unit_id ORDER BY unit_id`,
    [asOf, arrayLiteral(scopes)],
  )
  return rows.map((r) => ({
    unitId: r.unit_id, unitName: r.unit_name, acknowledgements: r.acks, plans: r.plans, actions: r.actions, oldestDue: r.oldest, directiveIds: r.directive_ids.map(Number),
  }))
}

/** Accounts holding `roles` directly on each unit: the people who must act for it. */
export async function actorsByUnit(db: Queryable, unitIds: number[], roles: string[]): Promise<Map<number, number[]>> {
  const rows = await db.query<{ unit_id: number; account_id: number }>(
    `SELECT DISTINCT g.unit_id, g.account_id FROM role_grant g JOIN account a ON a.id = g.account_id AND a.is_active
     WHERE g.unit_id = ANY($1::int[]) AND g.role = ANY($2::text[])`,
    [arrayLiteral(unitIds), arrayLiteral(roles)],
  )
  const out = new Map<number, number[]>()
  for (const r of rows) out.set(r.unit_id, [...(out.get(r.unit_id) ?? []), r.account_id])
  return out
}

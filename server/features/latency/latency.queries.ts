// The SQL of process latency: for each measure, the items it follows (one row each: the day the
// wait started, the day it ended or NULL, whether it can still end), and one aggregate over them.
// Days are Vietnamese days (database sessions run in Asia/Ho_Chi_Minh): `timestamptz::date`.
import type { LatencyMeasure } from '../../../contract/latency.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'

/**
 * Each source selects (start_day, end_day, is_waiting, path) — `path` the unit's, for scoping.
 * Plans: the submission in force (after a return, the later one); acceptance, the review that
 * accepted it. Completion: the day the last action was done, once every action of the plan is.
 * Reports: from the first submission to the acceptance of the version accepted.
 */
const SOURCES: Record<LatencyMeasure, string> = {
  directive_acknowledged: `
    SELECT d.issued_at::date AS start_day, a.acknowledged_at::date AS end_day, d.status = 'issued' AS is_waiting, u.path
    FROM directive_addressee a JOIN directive d ON d.id = a.directive_id JOIN unit u ON u.id = a.unit_id
    WHERE d.issued_at IS NOT NULL AND d.status <> 'draft'`,
  directive_plan_submitted: `
    SELECT d.issued_at::date, p.submitted_at::date, d.status = 'issued', u.path
    FROM directive_addressee a JOIN directive d ON d.id = a.directive_id JOIN unit u ON u.id = a.unit_id
    LEFT JOIN unit_plan p ON p.directive_id = a.directive_id AND p.unit_id = a.unit_id AND p.status <> 'draft'
    WHERE d.issued_at IS NOT NULL AND d.status <> 'draft'`,
  directive_plan_accepted: `
    SELECT d.issued_at::date, CASE WHEN p.status = 'accepted' THEN p.reviewed_at::date END, d.status = 'issued', u.path
    FROM directive_addressee a JOIN directive d ON d.id = a.directive_id JOIN unit u ON u.id = a.unit_id
    LEFT JOIN unit_plan p ON p.directive_id = a.directive_id AND p.unit_id = a.unit_id
    WHERE d.issued_at IS NOT NULL AND d.status <> 'draft'`,
  directive_completed: `
    SELECT d.issued_at::date, done.day, d.status = 'issued', u.path
    FROM directive_addressee a JOIN directive d ON d.id = a.directive_id JOIN unit u ON u.id = a.unit_id
    LEFT JOIN unit_plan p ON p.directive_id = a.directive_id AND p.unit_id = a.unit_id
    LEFT JOIN LATERAL (SELECT CASE WHEN count(*) > 0 AND bool_and(x.status = 'done') THEN max(x.completed_on) END AS day
                       FROM plan_action x WHERE x.plan_id = p.id) done ON true
    WHERE d.issued_at IS NOT NULL AND d.status <> 'draft'`,
  report_accepted: `
    SELECT r.first_submitted_at::date, acc.day, rp.status = 'open', u.path
    FROM unit_report r JOIN report_period rp ON rp.id = r.period_id JOIN unit u ON u.id = r.unit_id
    LEFT JOIN LATERAL (SELECT v.reviewed_at::date AS day FROM unit_report_version v
                       WHERE v.report_id = r.id AND v.review_status = 'accepted' ORDER BY v.number DESC LIMIT 1) acc ON true
    WHERE r.first_submitted_at IS NOT NULL`,
  // Each corrective action made of a finding: from the day the finding was recorded to the day the
  // board verified the action closed (features/inspections, migration 0010).
  finding_closed: `
    SELECT fd.created_at::date, CASE WHEN ca.status = 'closed' THEN ca.closed_on END, true, u.path
    FROM corrective_action ca JOIN inspection_finding fd ON fd.id = ca.finding_id JOIN unit u ON u.id = ca.unit_id`,
}

/** The tables a measure reads that another feature creates: until they exist, the measure is not tracked. */
const NEEDS: Partial<Record<LatencyMeasure, string[]>> = { finding_closed: ['inspection_finding', 'corrective_action'] }

/** Does BVCT record this measure's steps in this database (the feature behind it has landed)? */
export async function isTracked(db: Queryable, measure: LatencyMeasure): Promise<boolean> {
  const tables = NEEDS[measure] ?? []
  if (!tables.length) return true
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM unnest($1::text[]) AS t(name) WHERE to_regclass(t.name) IS NOT NULL', [arrayLiteral(tables)])
  return n === tables.length
}

export interface LatencyFigures {
  count: number
  median: number | null
  p90: number | null
  pending: number
  oldest: number | null
}

/** One measure's figures over units under `scopes` (and `underPath`), for waits started on or after `since`. */
export async function latencyFigures(db: Queryable, measure: LatencyMeasure, scopes: string[], f: { underPath?: string; since?: string; today: string }): Promise<LatencyFigures> {
  const source = SOURCES[measure]
  const params: unknown[] = [arrayLiteral(scopes), f.today]
  const where = ['s.path <@ ANY($1::ltree[])']
  if (f.underPath) where.push(`s.path <@ $${params.push(f.underPath)}::ltree`)
  if (f.since) where.push(`s.start_day >= $${params.push(f.since)}::date`)
  const [r] = await db.query<{ count: number; median: number | null; p90: number | null; pending: number; oldest: number | null }>(
    `SELECT count(s.end_day)::int AS count,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY s.end_day - s.start_day) FILTER (WHERE s.end_day IS NOT NULL) AS median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY s.end_day - s.start_day) FILTER (WHERE s.end_day IS NOT NULL) AS p90,
       count(*) FILTER (WHERE s.end_day IS NULL AND s.is_waiting)::int AS pending,
       max($2::date - s.start_day) FILTER (WHERE s.end_day IS NULL AND s.is_waiting) AS oldest
     FROM (${source}) AS s(start_day, end_day, is_waiting, path)
     WHERE ${where.join(' AND ')}`,
    params,
  )
  return { count: r.count, median: r.median === null ? null : Number(r.median), p90: r.p90 === null ? null : Number(r.p90), pending: r.pending, oldest: r.oldest === null ? null : Number(r.oldest) }
}

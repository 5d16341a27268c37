// The overview's SQL: one source per indicator, each giving (unit_id, num, den) per item it counts,
// summed over a scope, per child unit (the drill-down) or per every ancestor (the nightly snapshot).
// Sources are per item and ungrouped, joined to the unit once outside: grouping by ltree path per
// source cost a sort each (measured: ~80% of the query at 5,000 units). Days are Vietnamese days
// (database sessions run in Asia/Ho_Chi_Minh): `timestamptz::date`.
// "On time" follows contract/timeliness.ts through the one SQL function action_timeliness (0006):
// on time ÷ everything whose outcome is known (done on time, done late, overdue); an item still
// in progress before its deadline counts for neither.
import type { IndicatorKey } from '../../../contract/overview.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'

/** The sources' parameters: $1 today, $2 default channel review months, $3 first channel review days, $4 officer unit kinds. */
export interface SourceParams {
  today: string
  channelReviewMonths: number
  channelFirstReviewDays: number
  officerUnitKinds: readonly string[]
}

/** On time (1/0) and decided (1/0) of a thing done on `done` (a date, NULL while not done) against `due`, today. */
const onTime = (done: string, due: string) => {
  const t = `action_timeliness(CASE WHEN ${done} IS NOT NULL THEN 'done' ELSE 'inProgress' END, ${done}, ${due}, $1::date)`
  return `(${t} = 'done_on_time')::int, (${t} <> 'in_progress_on_time')::int`
}
/** As channels.policy.ts nextReviewDue (and channels.queries.ts, pinned to it by channel-reviews.test.ts). */
const CHANNEL_DUE = `(CASE WHEN c.last_reviewed_on IS NOT NULL THEN (c.last_reviewed_on + make_interval(months => coalesce(c.review_cycle_months, $2::int)))::date
  ELSE c.registered_on + $3::int END)`

/** Each source selects (unit_id, num, den) per item; den is NULL for a count. */
const SOURCES: Record<IndicatorKey, string> = {
  directives_acknowledged_on_time: `
    SELECT da.unit_id, ${onTime('da.acknowledged_at::date', 'da.ack_due_date')}
    FROM directive_addressee da JOIN directive d ON d.id = da.directive_id WHERE d.status IN ('issued', 'closed')`,
  // Directives in force: each addressee unit's active people, and those reached by a session or a
  // receipt, as the matrix's per-addressee figures keep them (0005, exact inside every write).
  dissemination_coverage: `
    SELECT m.unit_id, m.reached, m.active_people FROM matrix_unit m JOIN directive d ON d.id = m.directive_id AND d.status = 'issued'`,
  // The positions feature's precomputed figures (ensureReadinessDay moves them to today first).
  key_positions_vetted: `
    SELECT r.unit_id, r.v_current + r.v_expiring, r.filled - r.v_not_required FROM readiness_unit r`,
  channels_reviewed_on_time: `
    SELECT c.unit_id, (${CHANNEL_DUE} >= $1::date)::int, 1 FROM channel c WHERE c.status = 'active'`,
  channels_two_factor: `
    SELECT c.unit_id, (EXISTS (SELECT 1 FROM channel_admin a WHERE a.channel_id = c.id)
                       AND NOT EXISTS (SELECT 1 FROM channel_admin a WHERE a.channel_id = c.id AND NOT a.has_two_factor))::int, 1
    FROM channel c WHERE c.status = 'active'`,
  incidents_open: `
    SELECT i.unit_id, 1, NULL::int FROM security_incident i WHERE i.status = 'open'`,
  // Counted under the board unit that holds the case, as the cases dashboards do: dates only, never who.
  standards_reviews_on_time: `
    SELECT c.board_unit_id, ${onTime('coalesce(c.closed_on, c.approved_at::date)', 'c.deadline')}
    FROM conf_case c WHERE c.kind = 'standards_review' AND c.deadline IS NOT NULL AND c.opened_on <= $1::date`,
  // This year's approved plans: each unit planned for an item, and whether an inspection of that item concluded on it.
  inspections_done: `
    SELECT pu.unit_id, EXISTS (
        SELECT 1 FROM inspection i JOIN inspection_unit iu ON iu.inspection_id = i.id
        WHERE i.plan_item_id = it.id AND iu.unit_id = pu.unit_id AND i.phase = 'concluded' AND i.concluded_on <= $1::date)::int, 1
    FROM inspection_plan pl JOIN inspection_plan_item it ON it.plan_id = pl.id AND it.dropped_on IS NULL
    JOIN inspection_plan_item_unit pu ON pu.item_id = it.id
    WHERE pl.status = 'approved' AND pl.year = extract(year FROM $1::date)::int`,
  corrective_actions_on_time: `
    SELECT ca.unit_id, ${onTime(`CASE WHEN ca.status = 'closed' THEN ca.closed_on END`, 'ca.effective_due_date')} FROM corrective_action ca`,
  // Units that should have an officer (or have one): is one of them trained (current or due)?
  units_with_trained_officer: `
    SELECT u.id, (coalesce(r.t_current + r.t_due, 0) > 0)::int, 1
    FROM unit u LEFT JOIN readiness_unit r ON r.unit_id = u.id
    WHERE u.kind = ANY($4::text[]) OR r.officers > 0`,
  // Submitted (on time or late) over those whose outcome is known.
  self_inspections_done: `
    SELECT a.unit_id, (a.status = 'submitted')::int, (a.status = 'submitted' OR a.due_date < $1::date)::int FROM checklist_assignment a`,
  // Each unit owing a report: its first submission against the period's deadline.
  reports_on_time: `
    SELECT pu.unit_id, ${onTime('r.first_submitted_at::date', 'rp.deadline')}
    FROM report_period rp JOIN report_period_unit pu ON pu.period_id = rp.id
    LEFT JOIN unit_report r ON r.period_id = pu.period_id AND r.unit_id = pu.unit_id`,
  violation_cases_open: `
    SELECT c.board_unit_id, 1, NULL::int FROM conf_case c WHERE c.kind = 'violation' AND c.status = 'open'`,
}

/** The tables an indicator reads that a later feature creates: until they all exist, it is not tracked. */
export const NEEDS: Partial<Record<IndicatorKey, string[]>> = {
  key_positions_vetted: ['readiness_unit', 'key_position'],
  channels_reviewed_on_time: ['channel'],
  channels_two_factor: ['channel', 'channel_admin'],
  incidents_open: ['security_incident'],
  inspections_done: ['inspection_plan', 'inspection_plan_item', 'inspection_plan_item_unit', 'inspection', 'inspection_unit'],
  corrective_actions_on_time: ['corrective_action'],
  units_with_trained_officer: ['readiness_unit', 'officer'],
  self_inspections_done: ['checklist_assignment'],
}

/**
 * Every table the overview's figures read (the sources above, the trend, the drill-down's units),
 * except the matrix's rollups (matrix_epoch moves with them). Each one that exists carries the
 * trigger that moves overview_epoch (migration 0013); a source that reads a new table adds it
 * here and to a migration, or the overview is not cached (overview.cache.ts).
 */
export const WATCHED = [
  'unit', 'directive', 'directive_addressee', 'readiness_unit', 'channel', 'channel_admin', 'security_incident', 'conf_case',
  'inspection_plan', 'inspection_plan_item', 'inspection_plan_item_unit', 'inspection', 'inspection_unit', 'corrective_action',
  'checklist_assignment', 'report_period', 'report_period_unit', 'unit_report', 'indicator_snapshot',
]

/** The tables of WATCHED that exist without the trigger that moves overview_epoch. */
export async function unwatchedTables(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT t.name FROM unnest($1::text[]) AS t(name)
     WHERE to_regclass(t.name) IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = to_regclass(t.name) AND g.tgname = 'overview_epoch_move')`,
    [arrayLiteral(WATCHED)],
  )
  return rows.map((r) => r.name)
}

/** The tables of `names` that exist in this database. */
export async function existingTables(db: Queryable, names: string[]): Promise<Set<string>> {
  if (!names.length) return new Set()
  const rows = await db.query<{ name: string }>('SELECT t.name FROM unnest($1::text[]) AS t(name) WHERE to_regclass(t.name) IS NOT NULL', [arrayLiteral(names)])
  return new Set(rows.map((r) => r.name))
}

export interface Sums {
  key: IndicatorKey
  /** The child unit's id for a drill-down, the ancestor's for a snapshot; null for a scope total. */
  unitId: number | null
  num: number
  den: number | null
}

const base = (p: SourceParams): unknown[] => [p.today, p.channelReviewMonths, p.channelFirstReviewDays, arrayLiteral(p.officerUnitKinds)]

/** Every item of the `keys` sources, with its active unit's path (`x.key, x.num, x.den, u.path`). */
function items(keys: IndicatorKey[]) {
  const sources = keys.map((k) => `SELECT '${k}'::text AS key, s.* FROM (${SOURCES[k]}) AS s(unit_id, num, den)`).join('\nUNION ALL\n')
  // Every parameter is referenced here, so a union without the indicator that uses one still types it.
  return `(${sources}) x JOIN unit u ON u.id = x.unit_id AND u.is_active
    CROSS JOIN (SELECT $1::date AS p1, $2::int AS p2, $3::int AS p3, $4::text[] AS p4) AS unused_params`
}

/**
 * Each indicator of `keys` summed over the units under `scopes` (and `underPath`); with `byChild`,
 * one sum per child of `underPath` instead (the unit's own figures under its own id).
 */
export async function indicatorSums(db: Queryable, keys: IndicatorKey[], p: SourceParams & { scopes: string[]; underPath?: string; byChild?: boolean }): Promise<Sums[]> {
  if (!keys.length || !p.scopes.length) return []
  const params = base(p)
  const scope = [`u.path <@ ANY($${params.push(arrayLiteral(p.scopes))}::ltree[])`]
  if (p.underPath) scope.push(`u.path <@ $${params.push(p.underPath)}::ltree`)
  const group = p.byChild && p.underPath
    ? `ltree2text(subpath(u.path, least(nlevel(u.path), $${params.push(p.underPath.split('.').length)}::int + 1) - 1, 1))::int`
    : 'NULL::int'
  const rows = await db.query<{ key: IndicatorKey; unit_id: number | null; num: number; den: number | null }>(
    `SELECT x.key, ${group} AS unit_id, sum(x.num)::int AS num, sum(x.den)::int AS den
     FROM ${items(keys)} WHERE ${scope.join(' AND ')} GROUP BY 1, 2`,
    params,
  )
  return rows.map((r) => ({ key: r.key, unitId: r.unit_id, num: r.num, den: r.den }))
}

/**
 * Dissemination coverage over the subtrees of `unitIds` (disjoint) from the matrix's subtree sums:
 * one index probe per directive in force, where the per-item source reads every addressee (measured
 * at 5,000 units: 0.4 ms against 60 ms). The same figures as the source's (the matrix's triggers
 * keep the two exact, matrix.rollup.test.ts).
 */
export async function coverageSums(db: Queryable, unitIds: number[]): Promise<Pick<Sums, 'num' | 'den'>> {
  if (!unitIds.length) return { num: 0, den: 0 }
  const [r] = await db.query<{ num: number; den: number }>(
    `SELECT coalesce(sum(s.reached), 0)::int AS num, coalesce(sum(s.active_people), 0)::int AS den
     FROM matrix_subtree_unit s JOIN directive d ON d.id = s.directive_id AND d.status = 'issued' WHERE s.unit_id = ANY($1::int[])`,
    [arrayLiteral(unitIds)],
  )
  return r
}

/** Each indicator of `keys` summed over every active unit's subtree: the nightly snapshot's figures. */
export async function subtreeSums(db: Queryable, keys: IndicatorKey[], p: SourceParams): Promise<Sums[]> {
  if (!keys.length) return []
  const rows = await db.query<{ key: IndicatorKey; unit_id: number; num: number; den: number | null }>(
    `WITH own AS (SELECT x.key, x.unit_id, u.path, sum(x.num)::int AS num, sum(x.den)::int AS den FROM ${items(keys)} GROUP BY 1, 2, 3)
     SELECT own.key, ltree2text(subpath(own.path, k - 1, 1))::int AS unit_id, sum(own.num)::int AS num, sum(own.den)::int AS den
     FROM own CROSS JOIN LATERAL generate_series(1, nlevel(own.path)) AS k
     GROUP BY 1, 2`,
    base(p),
  )
  return rows.map((r) => ({ key: r.key, unitId: r.unit_id, num: r.num, den: r.den }))
}

export interface SnapshotRow {
  unitId: number
  key: IndicatorKey
  requirement: number
  isTracked: boolean
  num: number | null
  den: number | null
  value: number | null
}

/** Upserts the month's rows: the month in progress moves each night, a past month keeps its last. */
export async function upsertSnapshots(db: Queryable, month: string, asOf: string, now: Date, rows: SnapshotRow[]) {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000)
    await db.query(
      `INSERT INTO indicator_snapshot (unit_id, month, indicator, requirement, as_of, is_tracked, numerator, denominator, value, computed_at)
       SELECT t.unit_id, $1::date, t.indicator, t.requirement, $2::date, t.is_tracked, t.num, t.den, t.value, $3
       FROM jsonb_to_recordset($4::jsonb) AS t(unit_id int, indicator text, requirement smallint, is_tracked boolean, num int, den int, value double precision)
       JOIN unit u ON u.id = t.unit_id
       ON CONFLICT (unit_id, month, indicator) DO UPDATE SET requirement = EXCLUDED.requirement, as_of = EXCLUDED.as_of, is_tracked = EXCLUDED.is_tracked,
         numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, value = EXCLUDED.value, computed_at = EXCLUDED.computed_at`,
      [month, asOf, now, JSON.stringify(chunk.map((r) => ({ unit_id: r.unitId, indicator: r.key, requirement: r.requirement, is_tracked: r.isTracked, num: r.num, den: r.den, value: r.value })))],
    )
  }
}

/**
 * The snapshots of the units `unitIds` (disjoint subtrees) from `fromMonth` on, summed per month and
 * indicator: a share is recomputed from the summed numerators and denominators.
 */
export async function snapshotTrend(db: Queryable, unitIds: number[], fromMonth: string) {
  if (!unitIds.length) return []
  return db.query<{ indicator: IndicatorKey; month: string; num: number | null; den: number | null; tracked: boolean }>(
    `SELECT indicator, to_char(month, 'YYYY-MM') AS month, sum(numerator)::int AS num, sum(denominator)::int AS den, bool_and(is_tracked) AS tracked
     FROM indicator_snapshot WHERE unit_id = ANY($1::int[]) AND month >= $2::date GROUP BY indicator, month ORDER BY month`,
    [arrayLiteral(unitIds), fromMonth],
  )
}

/** Units by id (name, code, whether they have active children). */
export async function unitsById(db: Queryable, ids: number[]) {
  if (!ids.length) return new Map<number, { name: string; code: string; hasChildren: boolean; sortKey: string }>()
  const rows = await db.query<{ id: number; name: string; code: string; sort_key: string; has_children: boolean }>(
    `SELECT u.id, u.name, u.code, u.sort_key, EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = u.id AND c.is_active) AS has_children
     FROM unit u WHERE u.id = ANY($1::int[])`,
    [arrayLiteral(ids)],
  )
  return new Map(rows.map((r) => [r.id, { name: r.name, code: r.code, hasChildren: r.has_children, sortKey: r.sort_key }]))
}

/** The ids of the units at `paths` (the last label of each). */
export const idsOfPaths = (paths: string[]) => paths.map((p) => Number(p.split('.').at(-1)))

// The readiness roll-up's SQL: the precomputed per-unit figures (migration 0011) summed over a
// subtree, with one row per child unit, and the same figures counted live from the source tables
// (what readiness.rollup.test.ts holds the precomputed ones to).
import { OFFICER_UNIT_KINDS } from '../../../contract/officers.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'

export interface ReadinessState {
  asOf: string | null
  expiringDays: number
  cycleMonths: number
  dueDays: number
}

export async function readinessState(db: Queryable): Promise<ReadinessState> {
  const [s] = await db.query<{ as_of: string | null; expiring_days: number; cycle_months: number; due_days: number }>(
    'SELECT as_of, expiring_days, cycle_months, due_days FROM readiness_state WHERE id = 1',
  )
  return { asOf: s.as_of, expiringDays: s.expiring_days, cycleMonths: s.cycle_months, dueDays: s.due_days }
}

export async function rollReadiness(db: Queryable, day: string, t: { expiringDays: number; cycleMonths: number; dueDays: number }) {
  await db.query('SELECT readiness_roll($1::date, $2::int, $3::int, $4::int)', [day, t.expiringDays, t.cycleMonths, t.dueDays])
}

export interface ReadinessRow {
  /** The child unit whose subtree the row sums; null for the whole subtree. */
  childId: number | null
  units: number
  unitsWithoutOfficer: number
  unitsWithoutCurrentTraining: number
  positions: number
  filled: number
  current: number
  expiring: number
  expired: number
  notMet: number
  none: number
  notRequired: number
  officers: number
  tCurrent: number
  tDue: number
  tOverdue: number
  tNone: number
}

const SUMS = `count(*)::int AS units,
  count(*) FILTER (WHERE kind = ANY($3::text[]) AND coalesce(officers, 0) = 0)::int AS units_without_officer,
  count(*) FILTER (WHERE officers > 0 AND t_current + t_due = 0)::int AS units_without_training,
  coalesce(sum(positions), 0)::int AS positions, coalesce(sum(filled), 0)::int AS filled,
  coalesce(sum(v_current), 0)::int AS v_current, coalesce(sum(v_expiring), 0)::int AS v_expiring, coalesce(sum(v_expired), 0)::int AS v_expired,
  coalesce(sum(v_not_met), 0)::int AS v_not_met, coalesce(sum(v_none), 0)::int AS v_none, coalesce(sum(v_not_required), 0)::int AS v_not_required,
  coalesce(sum(officers), 0)::int AS officers, coalesce(sum(t_current), 0)::int AS t_current, coalesce(sum(t_due), 0)::int AS t_due,
  coalesce(sum(t_overdue), 0)::int AS t_overdue, coalesce(sum(t_none), 0)::int AS t_none`

interface SumRecord {
  child_id: number | null
  units: number; units_without_officer: number; units_without_training: number; positions: number; filled: number
  v_current: number; v_expiring: number; v_expired: number; v_not_met: number; v_none: number; v_not_required: number
  officers: number; t_current: number; t_due: number; t_overdue: number; t_none: number
}

const toRow = (r: SumRecord): ReadinessRow => ({
  childId: r.child_id, units: r.units, unitsWithoutOfficer: r.units_without_officer, unitsWithoutCurrentTraining: r.units_without_training,
  positions: r.positions, filled: r.filled, current: r.v_current, expiring: r.v_expiring, expired: r.v_expired, notMet: r.v_not_met, none: r.v_none,
  notRequired: r.v_not_required, officers: r.officers, tCurrent: r.t_current, tDue: r.t_due, tOverdue: r.t_overdue, tNone: r.t_none,
})

/**
 * The subtree of the unit at `path` (active units only), and with `byChild` also each child's
 * subtree: one pass over the subtree's units and their precomputed rows, grouped by the child each
 * unit lies under (ROLLUP adds the total). 5,000 units: a few milliseconds.
 */
export async function readinessSums(db: Queryable, path: string, byChild: boolean): Promise<ReadinessRow[]> {
  const depth = path.split('.').length
  const rows = await db.query<SumRecord & { is_total: number }>(
    `SELECT ${byChild ? 'child_id, grouping(child_id) AS is_total' : 'NULL::int AS child_id, 1 AS is_total'}, ${SUMS}
     FROM (SELECT u.kind, r.*, (string_to_array(u.path::text, '.'))[$2::int + 1]::int AS child_id
           FROM unit u LEFT JOIN readiness_unit r ON r.unit_id = u.id
           WHERE u.path <@ $1::ltree AND u.is_active) s
     ${byChild ? 'GROUP BY ROLLUP (child_id)' : ''}`,
    [path, depth, arrayLiteral(OFFICER_UNIT_KINDS)],
  )
  // With ROLLUP, the unit's own row (child_id NULL, not a total) is dropped: it is in the total.
  return rows.filter((r) => r.is_total === 1 || r.child_id !== null).map((r) => toRow({ ...r, child_id: r.is_total === 1 ? null : r.child_id }))
}

export async function childUnits(db: Queryable, parentId: number) {
  return db.query<{ id: number; code: string; name: string }>(
    'SELECT id, code, name FROM unit WHERE parent_id = $1 AND is_active ORDER BY sort_key COLLATE "C", id', [parentId],
  )
}

/**
 * The same totals counted live from positions, holders, officers and courses as of `asOf`: the
 * oracle the precomputed figures are tested against (and a fallback for another day).
 */
export async function liveReadiness(db: Queryable, path: string, asOf: string, t: { expiringDays: number; cycleMonths: number; dueDays: number }): Promise<ReadinessRow> {
  const [r] = await db.query<SumRecord>(
    `WITH units AS (SELECT u.id, u.kind FROM unit u WHERE u.path <@ $1::ltree AND u.is_active),
     pos AS (
       SELECT kp.unit_id, h.id AS holding_id, vetting_status(kp.requires_conclusion, h.vetting_outcome, h.vetting_valid_until, $2::date, $4::int) AS v
       FROM key_position kp JOIN units ON units.id = kp.unit_id LEFT JOIN position_holding h ON h.position_id = kp.id AND h.to_on IS NULL
       WHERE kp.closed_on IS NULL),
     off AS (
       SELECT o.unit_id, training_status((SELECT max(a.completed_on) FROM training_attendance a WHERE a.person_id = o.person_id AND a.completed_on IS NOT NULL), $2::date, $5::int, $6::int) AS t
       FROM officer o JOIN units ON units.id = o.unit_id WHERE o.appointed_on <= $2::date AND (o.until_on IS NULL OR o.until_on >= $2::date)),
     per_unit AS (
       SELECT units.id, units.kind,
         (SELECT count(*) FROM off WHERE off.unit_id = units.id)::int AS officers,
         (SELECT count(*) FROM off WHERE off.unit_id = units.id AND off.t IN ('current', 'due'))::int AS trained
       FROM units)
     SELECT NULL::int AS child_id,
       (SELECT count(*) FROM per_unit)::int AS units,
       (SELECT count(*) FROM per_unit WHERE kind = ANY($3::text[]) AND officers = 0)::int AS units_without_officer,
       (SELECT count(*) FROM per_unit WHERE officers > 0 AND trained = 0)::int AS units_without_training,
       (SELECT count(*) FROM pos)::int AS positions, (SELECT count(holding_id) FROM pos)::int AS filled,
       (SELECT count(holding_id) FROM pos WHERE v = 'current')::int AS v_current, (SELECT count(holding_id) FROM pos WHERE v = 'expiring')::int AS v_expiring,
       (SELECT count(holding_id) FROM pos WHERE v = 'expired')::int AS v_expired, (SELECT count(holding_id) FROM pos WHERE v = 'not_met')::int AS v_not_met,
       (SELECT count(holding_id) FROM pos WHERE v = 'none')::int AS v_none, (SELECT count(holding_id) FROM pos WHERE v = 'not_required')::int AS v_not_required,
       (SELECT count(*) FROM off)::int AS officers, (SELECT count(*) FROM off WHERE t = 'current')::int AS t_current,
       (SELECT count(*) FROM off WHERE t = 'due')::int AS t_due, (SELECT count(*) FROM off WHERE t = 'overdue')::int AS t_overdue,
       (SELECT count(*) FROM off WHERE t = 'none')::int AS t_none`,
    [path, asOf, arrayLiteral(OFFICER_UNIT_KINDS), t.expiringDays, t.cycleMonths, t.dueDays],
  )
  return toRow(r)
}

/**
 * Units of the subtree that should have an officer and have none in office, and units whose
 * officers have no current training (current or due), from the precomputed figures.
 */
export async function unitGaps(db: Queryable, path: string) {
  const rows = await db.query<{ id: number; code: string; name: string; parent_name: string | null; officers: number; trained: number; kind: string }>(
    `SELECT u.id, u.code, u.name, pu.name AS parent_name, u.kind, coalesce(r.officers, 0) AS officers, coalesce(r.t_current + r.t_due, 0) AS trained
     FROM unit u LEFT JOIN readiness_unit r ON r.unit_id = u.id LEFT JOIN unit pu ON pu.id = u.parent_id
     WHERE u.path <@ $1::ltree AND u.is_active AND ((u.kind = ANY($2::text[]) AND coalesce(r.officers, 0) = 0) OR (r.officers > 0 AND r.t_current + r.t_due = 0))
     ORDER BY nlevel(u.path), u.sort_key COLLATE "C", u.id`,
    [path, arrayLiteral(OFFICER_UNIT_KINDS)],
  )
  const unit = (r: (typeof rows)[number]) => ({ unitId: r.id, code: r.code, name: r.name, parentName: r.parent_name })
  return { withoutOfficer: rows.filter((r) => r.officers === 0).map(unit), withoutCurrentTraining: rows.filter((r) => r.officers > 0).map(unit) }
}

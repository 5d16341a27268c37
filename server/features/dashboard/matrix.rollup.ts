import type { PlanStatus } from '../../../contract/plans.ts'
import type { CellStatus } from '../../../contract/timeliness.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { RowAggregate, RowUnit } from './matrix.queries.ts'

// Reads the matrix from the figures that migration 0005's triggers keep per cell, per addressee and
// summed per subtree, instead of grouping every action and person of the directive. The figures
// hold the timeliness classes as of the directive's rollup day; a view on a later day adds what
// became overdue in between (usually nothing: the daily job rolls the day forward).

export interface RollupState {
  asOf: string
  maxCompletedOn: string | null
}

export async function rollupState(db: Queryable, directiveId: number): Promise<RollupState> {
  const [s] = await db.query<{ as_of: string; max_completed_on: string | null }>(
    'SELECT as_of, max_completed_on FROM matrix_rollup_state WHERE directive_id = $1',
    [directiveId],
  )
  return { asOf: s?.as_of ?? '-infinity', maxCompletedOn: s?.max_completed_on ?? null }
}

/**
 * Whether the figures can answer for day `asOf`: not before their own day (an action overdue then
 * may not have been on `asOf`), nor before a completion they count as done.
 */
export const rollupAnswers = (s: RollupState, asOf: string) =>
  (s.asOf === '-infinity' || s.asOf <= asOf) && (s.maxCompletedOn === null || s.maxCompletedOn <= asOf)

/**
 * SQL condition on `u` (a unit): it is at the top of the scopes in the ltree[] parameter `param`,
 * a scope inside another left out. Summing these units' subtree rollups counts each unit once.
 */
export const topOfScopes = (param: string) =>
  `u.path = ANY(${param}::ltree[]) AND NOT EXISTS (SELECT 1 FROM unnest(${param}::ltree[]) s WHERE s @> u.path AND s <> u.path)`

/** rollupAnswers in SQL, over a matrix_rollup_state row `s` (false when there is none). */
export const rollupAnswersSql = (s: string, asOf: string) =>
  `coalesce(${s}.as_of <= ${asOf} AND (${s}.max_completed_on IS NULL OR ${s}.max_completed_on <= ${asOf}), false)`

// The order of the c_* columns in matrix_subtree_cell.
const CLASSES: CellStatus[] = ['planned', 'in_progress_on_time', 'overdue', 'done_late', 'done_on_time']

/** Every integer in "1,2;3,-4" in order, in one pass (45,000 cells: no array per record). */
function integers(text: string | null): number[] {
  const out: number[] = []
  if (!text) return out
  let n = 0
  let sign = 1
  let inNumber = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (ch >= 48 && ch <= 57) {
      n = n * 10 + ch - 48
      inNumber = true
    } else if (ch === 45) sign = -1
    else {
      if (inNumber) out.push(sign * n)
      n = 0
      sign = 1
      inNumber = false
    }
  }
  if (inNumber) out.push(sign * n)
  return out
}

/** "a,b;c,d" → [["a","b"],["c","d"]]; the fields are numbers and status words, never commas. */
const records = (text: string | null): string[][] => (text ? text.split(';').map((r) => r.split(',')) : [])

/**
 * Each row's figures from the rollups: over the row's subtree (aggregate) or the row's unit alone.
 * One query whatever the number of rows, plus one for deadlines passed since the rollup day. Null
 * when the rollups no longer answer `asOf` (the day rolled past it since the caller looked).
 */
export async function rollupRows(
  db: Queryable, directiveId: number, asOf: string, rows: RowUnit[], requirementIds: number[], aggregate: boolean,
): Promise<Map<number, RowAggregate> | null> {
  const out = new Map<number, RowAggregate>()
  if (!rows.length) return out
  const ids = rows.map((r) => r.id)
  // Both lists come as one text value each, "a,b,c;a,b,c": a flat view has ~5,000 rows and ~45,000
  // cells, and splitting one string costs far less than the driver decoding that many rows (or
  // PostgreSQL building that much JSON: 15 ms against 90 ms at 5,000 units).
  const unitsSql = aggregate
    ? `SELECT string_agg(concat_ws(',', s.unit_id, s.addressees, s.acknowledged, s.ack_late, coalesce((extract(epoch FROM s.max_ack_at) * 1000)::bigint::text, ''),
         s.active_people, s.reached, coalesce((SELECT up.status FROM unit_plan up WHERE up.directive_id = $1 AND up.unit_id = s.unit_id), '')), ';') AS units
       FROM matrix_subtree_unit s WHERE s.directive_id = $1 AND s.unit_id = ANY($2::int[]) AND s.addressees > 0`
    : `SELECT string_agg(concat_ws(',', m.unit_id, 1, (m.acknowledged_at IS NOT NULL)::int, m.ack_late, coalesce((extract(epoch FROM m.acknowledged_at) * 1000)::bigint::text, ''),
         m.active_people, m.reached, coalesce(up.status, '')), ';') AS units
       FROM matrix_unit m LEFT JOIN unit_plan up ON up.directive_id = m.directive_id AND up.unit_id = m.unit_id
       WHERE m.directive_id = $1 AND m.unit_id = ANY($2::int[])`
  const cellsSql = aggregate
    ? `SELECT string_agg(concat_ws(',', unit_id, requirement_id, c_planned, c_progress, c_overdue, c_done_late, c_done_on_time,
         a_done_on_time, a_done_late, a_open, a_overdue), ';') AS cells
       FROM matrix_subtree_cell WHERE directive_id = $1 AND unit_id = ANY($2::int[])`
    : `SELECT string_agg(concat_ws(',', unit_id, requirement_id, (cls = 'planned')::int, (cls = 'in_progress_on_time')::int, (cls = 'overdue')::int,
         (cls = 'done_late')::int, (cls = 'done_on_time')::int, n_done - n_late, n_late, n - n_done, n_open_past), ';') AS cells
       FROM (SELECT *, matrix_cell_class(n, n_done, n_late, n_not_started, n_open_past) AS cls FROM matrix_cell
             WHERE directive_id = $1 AND unit_id = ANY($2::int[])) c`
  // One statement, so one snapshot: the rollup day and the sums as of it. The day's roll rewrites
  // both in one transaction; read apart, a view computed while it ran took the sums after the roll
  // and the day before it, and counted every deadline passed in between twice (a browser test saw
  // 10 overdue actions for 5). One read is also one round trip fewer for a cold subtree view.
  const [{ units, cells, as_of, max_completed_on }] = await db.query<{ units: string | null; cells: string | null; as_of: string | null; max_completed_on: string | null }>(
    `SELECT (${unitsSql}) AS units, (${cellsSql}) AS cells, s.as_of::text AS as_of, s.max_completed_on::text AS max_completed_on
     FROM (SELECT 1) one LEFT JOIN matrix_rollup_state s ON s.directive_id = $1`,
    [directiveId, ids],
  )
  const state: RollupState = { asOf: as_of ?? '-infinity', maxCompletedOn: max_completed_on }
  if (!rollupAnswers(state, asOf)) return null
  for (const [unitId, addressees, acknowledged, ackLate, ackAt, active, reached, planStatus] of records(units)) {
    out.set(Number(unitId), {
      addressees: Number(addressees), acknowledged: Number(acknowledged), ackLate: Number(ackLate),
      acknowledgedAt: ackAt ? new Date(Number(ackAt)).toISOString() : null, planStatus: (planStatus || null) as PlanStatus | null,
      cells: new Map(requirementIds.map((id) => [id, {}])),
      actions: { done_on_time: 0, done_late: 0, in_progress_on_time: 0, overdue: 0 },
      coverage: Number(active) ? Number(reached) / Number(active) : null,
    })
  }
  const c = integers(cells)
  for (let k = 0; k < c.length; k += 11) {
    const row = out.get(c[k])
    if (!row) continue
    const cell = row.cells.get(c[k + 1])
    if (cell) for (let i = 0; i < CLASSES.length; i++) if (c[k + 2 + i] > 0) cell[CLASSES[i]] = c[k + 2 + i]
    row.actions.done_on_time += c[k + 7]
    row.actions.done_late += c[k + 8]
    row.actions.in_progress_on_time += c[k + 9] - c[k + 10]
    row.actions.overdue += c[k + 10]
  }
  if (state.asOf < asOf || state.asOf === '-infinity') await addPassedDeadlines(db, directiveId, state.asOf, asOf, ids, aggregate, out)
  // Addressee units with no action for a requirement: "nothing planned".
  for (const agg of out.values()) {
    for (const cell of agg.cells.values()) {
      const planned = Object.values(cell).reduce((s, n) => s + (n ?? 0), 0)
      if (agg.addressees > planned) cell.none = agg.addressees - planned
    }
  }
  return out
}

/** Deadlines in [from, to): cells and actions turn overdue, unacknowledged addressees late. */
async function addPassedDeadlines(db: Queryable, directiveId: number, from: string, to: string, rowIds: number[], aggregate: boolean, out: Map<number, RowAggregate>) {
  const rowOf = aggregate ? 'unnest(unit_lineage(u.path))' : 'u.id'
  const passed = await db.query<{ kind: 'cell' | 'action' | 'ack'; row_id: number; requirement_id: number | null; was: CellStatus | null; n: number }>(
    `SELECT 'cell' AS kind, r.row_id, c.requirement_id, matrix_cell_class(c.n, c.n_done, c.n_late, c.n_not_started, c.n_open_past) AS was, count(*)::int AS n
     FROM matrix_cell c JOIN unit u ON u.id = c.unit_id CROSS JOIN LATERAL (SELECT ${rowOf} AS row_id) r
     WHERE c.directive_id = $1 AND c.min_open_due >= $2::date AND c.min_open_due < $3::date AND r.row_id = ANY($4::int[])
     GROUP BY 2, 3, 4
     UNION ALL
     SELECT 'action', r.row_id, NULL, NULL, count(*)::int
     FROM plan_action a JOIN unit u ON u.id = a.unit_id CROSS JOIN LATERAL (SELECT ${rowOf} AS row_id) r
     WHERE a.directive_id = $1 AND a.status <> 'done' AND a.effective_due_date >= $2::date AND a.effective_due_date < $3::date AND r.row_id = ANY($4::int[])
     GROUP BY 2
     UNION ALL
     SELECT 'ack', r.row_id, NULL, NULL, count(*)::int
     FROM matrix_unit m JOIN unit u ON u.id = m.unit_id CROSS JOIN LATERAL (SELECT ${rowOf} AS row_id) r
     WHERE m.directive_id = $1 AND m.acknowledged_at IS NULL AND m.ack_due_date >= $2::date AND m.ack_due_date < $3::date AND r.row_id = ANY($4::int[])
     GROUP BY 2`,
    [directiveId, from, to, rowIds],
  )
  for (const p of passed) {
    const row = out.get(p.row_id)
    if (!row) continue
    if (p.kind === 'ack') row.ackLate += p.n
    else if (p.kind === 'action') {
      row.actions.overdue += p.n
      row.actions.in_progress_on_time -= p.n
    } else {
      const cell = row.cells.get(p.requirement_id!)
      if (!cell || !p.was) continue
      cell[p.was] = (cell[p.was] ?? 0) - p.n
      if (!cell[p.was]) delete cell[p.was]
      cell.overdue = (cell.overdue ?? 0) + p.n
    }
  }
}

/**
 * Moves every issued directive's rollup day forward to `today` (the daily job): what became overdue
 * is folded into the sums, one directive per transaction so writers wait at most for one.
 */
export async function rollMatrices(db: Db, today: string): Promise<number> {
  const due = await db.query<{ id: number }>(
    `SELECT d.id FROM directive d LEFT JOIN matrix_rollup_state s ON s.directive_id = d.id
     WHERE d.status <> 'draft' AND coalesce(s.as_of, '-infinity') < $1::date ORDER BY d.id`,
    [today],
  )
  for (const { id } of due) await db.transaction((tx) => tx.query('SELECT matrix_roll($1, $2::date)', [id, today]))
  return due.length
}

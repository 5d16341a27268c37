import type { PlanStatus } from '../../../contract/plans.ts'
import type { CellStatus } from '../../../contract/timeliness.ts'
import { CUSTOM_PLAN, arrayLiteral, type Queryable } from '../../db/types.ts'
import { topOfScopes } from './matrix.rollup.ts'

/**
 * Each (unit, requirement) cell on day $2, straight from the actions: each action classed by
 * action_timeliness (migration 0006), the cell by matrix_cell_class (0005), the SQL twins of
 * contract/timeliness.ts classifyAction and classifyCell; in SQL so the database does the grouping.
 */
const CELLS = `
  classed AS (
    SELECT a.unit_id, a.requirement_id, a.status, action_timeliness(a.status, a.completed_on, a.effective_due_date, $2::date) AS cls
    FROM plan_action a JOIN unit u ON u.id = a.unit_id
    WHERE a.directive_id = $1 AND u.path <@ ANY($3::ltree[])
  ),
  cells AS (
    SELECT unit_id, requirement_id,
      count(*)::int AS n,
      count(*) FILTER (WHERE cls IN ('done_on_time', 'done_late'))::int AS n_done,
      count(*) FILTER (WHERE cls = 'done_late')::int AS n_late,
      count(*) FILTER (WHERE cls = 'overdue')::int AS n_overdue,
      count(*) FILTER (WHERE status = 'notStarted')::int AS n_not_started
    FROM classed
    GROUP BY unit_id, requirement_id
  ),
  cell_status AS (
    SELECT unit_id, requirement_id, n, n_done, n_late, n_overdue,
      matrix_cell_class(n, n_done, n_late, n_not_started, n_overdue) AS status
    FROM cells
  )`

export interface RowUnit {
  id: number
  parentId: number | null
  name: string
  code: string
  kind: string
  path: string
  depth: number
  hasChildren: boolean
}

export interface RowAggregate {
  addressees: number
  acknowledged: number
  ackLate: number
  acknowledgedAt: string | null
  planStatus: PlanStatus | null
  /** requirementId → cell status → number of addressee units in that state */
  cells: Map<number, Partial<Record<CellStatus, number>>>
  actions: { done_on_time: number; done_late: number; in_progress_on_time: number; overdue: number }
  /** Reached ÷ active people when the figures come with it (the rollups); else dissemination computes it. */
  coverage?: number | null
}

// Siblings in the order a ministry lists them: departments first, then affiliated units by kind,
// then by Vietnamese name.
const SIBLING_ORDER = `(lpad(array_position(ARRAY['ministry','committee','board','department','hospital','institute','university','company','center','subunit'], u.kind)::text, 2, '0') || '|' || u.sort_key || '|' || lpad(u.id::text, 10, '0')) COLLATE "C"`

/**
 * The top two levels of the caller's scopes: each scope's root unit and its sub-units, found by
 * their ids (matching every unit's path against the scopes took 2–3 ms at 5,000 units, this 0.35).
 */
export const scopeRows = (db: Queryable, scopes: string[]) =>
  rowUnits(db, `u.id IN (SELECT s.id FROM unit s WHERE s.path = ANY($1::ltree[])
                         UNION ALL SELECT c.id FROM unit s JOIN unit c ON c.parent_id = s.id WHERE s.path = ANY($1::ltree[]))`, [arrayLiteral(scopes)])

/**
 * The units `depth` levels down under unit `unitId` (not the unit itself), with the unit's path for
 * the caller's reach check (null: no such unit). One round of reads: the unit's chain of sibling
 * keys (the rows' order starts with it) and the rows at once, where reading the path first and the
 * ancestors' keys after the rows took three one after another.
 */
export async function rowsUnder(db: Queryable, unitId: number, depth: number): Promise<{ path: string | null; rows: RowUnit[] }> {
  const [chain, rows] = await Promise.all([
    db.query<{ id: number; key: string; path: string }>(
      `SELECT u.id, ${SIBLING_ORDER} AS key, b.path::text AS path FROM unit b JOIN unit u ON u.id = ANY(string_to_array(b.path::text, '.')::int[]) WHERE b.id = $1`,
      [unitId],
    ),
    db.query<RowUnitRecord>(
      `${ROW_COLUMNS} FROM unit u, (SELECT path FROM unit WHERE id = $1) b
       WHERE u.is_active AND u.path <@ b.path AND nlevel(u.path) BETWEEN nlevel(b.path) + 1 AND nlevel(b.path) + $2`,
      [unitId, depth],
    ),
  ])
  if (!chain.length) return { path: null, rows: [] }
  return { path: chain[0].path, rows: inTreeOrder(rows, new Map(chain.map((a) => [a.id, a.key]))) }
}

/** Every addressee unit of the directive in the scopes, each its own row. */
export const flatRows = (db: Queryable, directiveId: number, scopes: string[]) =>
  rowUnits(db, 'u.path <@ ANY($1::ltree[]) AND EXISTS (SELECT 1 FROM directive_addressee a WHERE a.directive_id = $2 AND a.unit_id = u.id)', [arrayLiteral(scopes), directiveId])

/**
 * The units at the top of the scopes (a scope inside another left out), as rows for their subtree
 * sums; null when an inactive unit in scope is an addressee (its figures are in the sums, but the
 * flat view shows active units only).
 */
export async function scopeRootUnits(db: Queryable, directiveId: number, scopes: string[]): Promise<RowUnit[] | null> {
  const [{ inactive }] = await db.query<{ inactive: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM directive_addressee a JOIN unit u ON u.id = a.unit_id
                    WHERE a.directive_id = $1 AND NOT u.is_active AND u.path <@ ANY($2::ltree[])) AS inactive`,
    [directiveId, arrayLiteral(scopes)],
  )
  if (inactive) return null
  return rowUnits(db, topOfScopes('$1'), [arrayLiteral(scopes)])
}

/** The directive's addressee units under any of `paths` (a subtree row's units), with their paths. */
export const addresseesUnder = (db: Queryable, directiveId: number, paths: string[]) =>
  db.query<{ id: number; path: string }>(
    'SELECT u.id, u.path::text AS path FROM directive_addressee a JOIN unit u ON u.id = a.unit_id WHERE a.directive_id = $1 AND u.path <@ ANY($2::ltree[])',
    [directiveId, arrayLiteral(paths)],
  )

interface RowUnitRecord {
  id: number
  parent_id: number | null
  name: string
  code: string
  kind: string
  path: string
  depth: number
  key: string
  has_children: boolean
}

/** The given units as rows, in tree order (tests compare every unit's own figures). */
export const rowsById = (db: Queryable, ids: number[]) => rowUnits(db, 'u.id = ANY($1::int[])', [ids])

/**
 * Active units matching `where` as rows in tree order, with whether they have sub-units (to draw
 * the expand control). The order compares each row's chain of sibling keys from the root; the keys
 * of ancestors that are not rows themselves come from one more query. Features call the named
 * queries above; this stays exported for the tests that pick rows by their own condition
 * (matrix.rollup.test.ts, seed/scale/generate.test.ts).
 */
async function rowUnits(db: Queryable, where: string, params: unknown[]): Promise<RowUnit[]> {
  const rows = await db.query<RowUnitRecord>(`${ROW_COLUMNS} FROM unit u WHERE u.is_active AND ${where}`, params)
  const keyOf = new Map<number, string>()
  const isRow = new Set(rows.map((r) => r.id))
  const missing = [...new Set(rows.flatMap((r) => r.path.split('.').map(Number)))].filter((id) => !isRow.has(id))
  if (missing.length) {
    for (const a of await db.query<{ id: number; key: string }>(`SELECT u.id, ${SIBLING_ORDER} AS key FROM unit u WHERE u.id = ANY($1::int[])`, [missing])) keyOf.set(a.id, a.key)
  }
  return inTreeOrder(rows, keyOf)
}

const ROW_COLUMNS = `SELECT u.id, u.parent_id, u.name, u.code, u.kind, u.path::text AS path, nlevel(u.path) AS depth, ${SIBLING_ORDER} AS key,
  EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = u.id AND c.is_active) AS has_children`

/** The rows in tree order, given the sibling keys of their ancestors that are not rows themselves. */
function inTreeOrder(rows: RowUnitRecord[], ancestorKeys: Map<number, string>): RowUnit[] {
  const keyOf = new Map<number, string>(ancestorKeys)
  for (const r of rows) keyOf.set(r.id, r.key)
  const chain = new Map<number, string[]>(rows.map((r) => [r.id, r.path.split('.').map((id) => keyOf.get(Number(id)) ?? '')]))
  const byTree = (a: RowUnitRecord, b: RowUnitRecord) => {
    const x = chain.get(a.id)!
    const y = chain.get(b.id)!
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1
    return x.length - y.length
  }
  return rows.sort(byTree).map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, code: r.code, kind: r.kind, path: r.path, depth: r.depth, hasChildren: r.has_children }))
}

/**
 * Aggregates each row over its subtree (aggregate=true) or over the row's own unit only, in two
 * queries whatever the number of rows: cell counts per (row, requirement, status) and the
 * acknowledgement / action figures per row.
 */
export async function aggregateRows(
  db: Queryable, directiveId: number, asOf: string, scopes: string[], rows: RowUnit[], requirementIds: number[], aggregate: boolean,
): Promise<Map<number, RowAggregate>> {
  const out = new Map<number, RowAggregate>()
  if (!rows.length) return out
  const params = [directiveId, asOf, arrayLiteral(scopes), arrayLiteral(rows.map((r) => r.id))]
  const match = aggregate ? 'au.path <@ ru.path' : 'au.id = ru.id'
  const base = `${CUSTOM_PLAN}
    WITH ${CELLS},
    row_units AS (SELECT ru.id AS row_id, ad.unit_id, ad.ack_due_date, ad.acknowledged_at
      FROM unit ru JOIN directive_addressee ad ON ad.directive_id = $1 JOIN unit au ON au.id = ad.unit_id AND ${match}
      WHERE ru.id = ANY($4::int[]) AND au.path <@ ANY($3::ltree[]))`
  const figures = await db.query<{
    row_id: number; addressees: number; acknowledged: number; ack_late: number; acknowledged_at: Date | string | null
    a_on_time: number; a_late: number; a_progress: number; a_overdue: number; plan_status: PlanStatus | null
  }>(
    `${base}
     SELECT r.row_id, count(*)::int AS addressees, count(r.acknowledged_at)::int AS acknowledged,
       count(*) FILTER (WHERE (r.acknowledged_at IS NULL AND $2::date > r.ack_due_date) OR (r.acknowledged_at::date > r.ack_due_date))::int AS ack_late,
       max(r.acknowledged_at) AS acknowledged_at,
       coalesce(sum(c.n_done - c.n_late), 0)::int AS a_on_time, coalesce(sum(c.n_late), 0)::int AS a_late,
       coalesce(sum(c.n - c.n_done - c.n_overdue), 0)::int AS a_progress, coalesce(sum(c.n_overdue), 0)::int AS a_overdue,
       -- The row unit's own plan, also when the row stands for its subtree.
       (SELECT up.status FROM unit_plan up WHERE up.directive_id = $1 AND up.unit_id = r.row_id) AS plan_status
     FROM row_units r
     LEFT JOIN (SELECT unit_id, sum(n) AS n, sum(n_done) AS n_done, sum(n_late) AS n_late, sum(n_overdue) AS n_overdue FROM cell_status GROUP BY unit_id) c ON c.unit_id = r.unit_id
     GROUP BY r.row_id`,
    params,
  )
  for (const f of figures) {
    out.set(f.row_id, {
      addressees: f.addressees, acknowledged: f.acknowledged, ackLate: f.ack_late,
      acknowledgedAt: f.acknowledged_at ? new Date(f.acknowledged_at).toISOString() : null, planStatus: f.plan_status,
      cells: new Map(requirementIds.map((id) => [id, {}])),
      actions: { done_on_time: f.a_on_time, done_late: f.a_late, in_progress_on_time: f.a_progress, overdue: f.a_overdue },
    })
  }
  const counts = await db.query<{ row_id: number; requirement_id: number; status: CellStatus; n: number }>(
    `${base}
     SELECT r.row_id, c.requirement_id, c.status, count(*)::int AS n FROM row_units r JOIN cell_status c ON c.unit_id = r.unit_id
     GROUP BY r.row_id, c.requirement_id, c.status`,
    params,
  )
  for (const c of counts) {
    const cell = out.get(c.row_id)?.cells.get(c.requirement_id)
    if (cell) cell[c.status] = c.n
  }
  // Addressee units with no action for a requirement: "nothing planned".
  for (const agg of out.values()) {
    for (const cell of agg.cells.values()) {
      const planned = Object.values(cell).reduce((s, n) => s + (n ?? 0), 0)
      if (agg.addressees > planned) cell.none = agg.addressees - planned
    }
  }
  return out
}

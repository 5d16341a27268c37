import { STATUS_PRIORITY, type CellCounts, type MatrixDto, type MatrixRow } from '../../../contract/dashboard.ts'
import type { CellStatus } from '../../../contract/timeliness.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { notFound } from '../../http/errors.ts'
import { canReach, scopePaths } from '../../http/scope.ts'
import { topRequirements } from '../directives/directives.queries.ts'
import { aggregateRows, rowUnits, type RowUnit } from './matrix.queries.ts'
import { rollupAnswers, rollupRows, rollupState } from './matrix.rollup.ts'
import { DASHBOARD_ROLES } from './dashboard.policy.ts'
import { reportColumn } from '../reports/report-column.ts'

export interface MatrixOptions {
  under?: number
  depth: number
  flat?: boolean
  asOf: string
  kind?: string
  status?: CellStatus
  overdueOnly?: boolean
  sort: 'tree' | 'overdue'
}

/** Coverage of each row (a fraction, or null when no one is counted), supplied by dissemination. */
export type CoverageFn = (db: Queryable, directiveId: number, rows: { id: number; path: string }[], aggregate: boolean) => Promise<Map<number, number | null>>

const topStatus = (counts: CellCounts): CellStatus => STATUS_PRIORITY.find((s) => (counts[s] ?? 0) > 0) ?? 'none'

/**
 * The units × requirements matrix. Default: the top two levels of the caller's scope, each row
 * aggregated over its subtree. `under` expands one unit `depth` levels down; `flat` lists every
 * addressee unit in scope as its own row.
 */
export async function directiveMatrix(db: Queryable, user: CurrentUser, directiveId: number, opts: MatrixOptions, coverage?: CoverageFn): Promise<MatrixDto> {
  const scopes = scopePaths(user, DASHBOARD_ROLES)
  const requirements = await topRequirements(db, directiveId)
  let rows: RowUnit[]
  let aggregate = true
  if (opts.flat) {
    aggregate = false
    rows = await rowUnits(db, `u.path <@ ANY($1::ltree[]) AND EXISTS (SELECT 1 FROM directive_addressee a WHERE a.directive_id = $2 AND a.unit_id = u.id)`, [arrayLiteral(scopes), directiveId])
  } else if (opts.under) {
    const [base] = await db.query<{ path: string }>('SELECT path::text AS path FROM unit WHERE id = $1', [opts.under])
    if (!base || !canReach(user, DASHBOARD_ROLES, base.path)) throw notFound()
    rows = await rowUnits(db, `u.path <@ $1::ltree AND nlevel(u.path) BETWEEN nlevel($1::ltree) + 1 AND nlevel($1::ltree) + $2`, [base.path, opts.depth])
  } else {
    rows = await rowUnits(db, `EXISTS (SELECT 1 FROM unnest($1::ltree[]) s WHERE u.path = s OR (u.path <@ s AND nlevel(u.path) = nlevel(s) + 1))`, [arrayLiteral(scopes)])
  }
  const reqIds = requirements.map((r) => r.id)
  // The precomputed figures answer any day from their own on; an earlier day is computed live.
  const state = await rollupState(db, directiveId)
  const isRollup = rollupAnswers(state, opts.asOf)
  const figures = isRollup
    ? await rollupRows(db, directiveId, opts.asOf, state, rows, reqIds, aggregate)
    : await aggregateRows(db, directiveId, opts.asOf, scopes, rows, reqIds, aggregate)
  const shown = rows.filter((r) => figures.has(r.id))
  // The rollups carry coverage; the live figures get it from dissemination.
  const cov = isRollup
    ? new Map(shown.map((r) => [r.id, figures.get(r.id)!.coverage ?? null]))
    : coverage ? await coverage(db, directiveId, shown, aggregate) : new Map<number, number | null>()

  let out: MatrixRow[] = shown.map((r) => {
    const f = figures.get(r.id)!
    // A unit's own row is an aggregate too when it has addressees below it (its sub-units).
    const isAggregate = aggregate && (f.addressees > 1 || r.hasChildren)
    return {
      unitId: r.id, unitName: r.name, unitCode: r.code, kind: r.kind, parentId: r.parentId, depth: r.depth, hasChildren: r.hasChildren, isAggregate,
      addressees: f.addressees, acknowledged: f.acknowledged, ackLate: f.ackLate, acknowledgedAt: f.acknowledgedAt,
      coverage: cov.get(r.id) ?? null, planStatus: f.planStatus, actionCounts: f.actions, reports: [],
      cells: reqIds.map((id) => {
        const counts = f.cells.get(id) ?? {}
        return { requirementId: id, status: topStatus(counts), counts }
      }),
    }
  })
  const pathOfRow = new Map(rows.map((r) => [r.id, r.path]))
  const reports = await reportColumn(db, directiveId, out.map((r) => ({ id: r.unitId, path: pathOfRow.get(r.unitId)!, isAggregate: r.isAggregate })), opts.asOf)
  for (const r of out) r.reports = reports.get(r.unitId) ?? []
  if (opts.kind) out = out.filter((r) => r.kind === opts.kind)
  if (opts.status) out = out.filter((r) => r.cells.some((c) => (c.counts[opts.status!] ?? 0) > 0))
  if (opts.overdueOnly) out = out.filter((r) => r.actionCounts.overdue > 0 || r.cells.some((c) => (c.counts.overdue ?? 0) > 0))
  if (opts.sort === 'overdue') out.sort((a, b) => b.actionCounts.overdue - a.actionCounts.overdue || a.unitName.localeCompare(b.unitName, 'vi'))

  // Column totals over the units the rows stand for, without counting a subtree twice.
  const pathOf = pathOfRow
  const aggregated = new Set(out.filter((r) => r.isAggregate).map((r) => pathOf.get(r.unitId)!))
  const hasAggregatedAncestor = (path: string) => {
    const labels = path.split('.')
    for (let i = labels.length - 1; i > 0; i--) if (aggregated.has(labels.slice(0, i).join('.'))) return true
    return false
  }
  const top = out.filter((r) => !hasAggregatedAncestor(pathOf.get(r.unitId)!))
  const totals = reqIds.map((id) => {
    const counts: CellCounts = {}
    for (const r of top) for (const [s, n] of Object.entries(r.cells.find((c) => c.requirementId === id)!.counts)) counts[s as CellStatus] = (counts[s as CellStatus] ?? 0) + (n ?? 0)
    return { requirementId: id, counts }
  })
  return { directiveId, asOf: opts.asOf, requirements, rows: out, totals }
}

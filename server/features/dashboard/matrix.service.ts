import type { MatrixDto } from '../../../contract/dashboard.ts'
import type { CellStatus } from '../../../contract/timeliness.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { notFound } from '../../http/errors.ts'
import { canReach, scopePaths } from '../../http/scope.ts'
import { requirementsOf } from '../directives/directives.service.ts'
import { inspectionColumns } from '../inspections/inspection-figures.service.ts'
import { reportColumn } from '../reports/report-column.ts'
import { DASHBOARD_ROLES } from './dashboard.policy.ts'
import { aggregateRows, flatRows, rowsUnder, scopeRows, unitPath, type RowUnit } from './matrix.queries.ts'
import { rollupAnswers, rollupRows, rollupState } from './matrix.rollup.ts'
import { isAggregateRow, matrixView } from './matrix.view.ts'

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

/**
 * The units × requirements matrix. Default: the top two levels of the caller's scope, each row
 * aggregated over its subtree. `under` expands one unit `depth` levels down; `flat` lists every
 * addressee unit in scope as its own row.
 */
export async function directiveMatrix(db: Queryable, user: CurrentUser, directiveId: number, opts: MatrixOptions, coverage?: CoverageFn): Promise<MatrixDto> {
  const scopes = scopePaths(user, DASHBOARD_ROLES)
  const aggregate = !opts.flat
  const units = await rowUnitsOf(db, user, directiveId, scopes, opts)
  const requirements = await requirementsOf(db, directiveId)
  const requirementIds = requirements.map((r) => r.id)
  // The precomputed figures answer any day from their own on; an earlier day is computed live.
  const state = await rollupState(db, directiveId)
  const isRollup = rollupAnswers(state, opts.asOf)
  const figures = isRollup
    ? await rollupRows(db, directiveId, opts.asOf, state, units, requirementIds, aggregate)
    : await aggregateRows(db, directiveId, opts.asOf, scopes, units, requirementIds, aggregate)
  const shown = units.filter((u) => figures.has(u.id))
  // The rollups carry coverage; the live figures get it from dissemination.
  const cov = isRollup
    ? new Map(shown.map((u) => [u.id, figures.get(u.id)!.coverage ?? null]))
    : coverage ? await coverage(db, directiveId, shown, aggregate) : new Map<number, number | null>()
  const rowKinds = shown.map((u) => ({ id: u.id, path: u.path, isAggregate: isAggregateRow(u, figures.get(u.id)!, aggregate) }))
  const reports = await reportColumn(db, directiveId, rowKinds, opts.asOf)
  // Open findings and overdue corrective actions: the unit's, whatever directive they came from.
  const inspections = await inspectionColumns(db, scopes, rowKinds, opts.asOf)
  const { rows, totals } = matrixView({ units: shown, figures, coverage: cov, reports, inspections, requirementIds, aggregate }, opts)
  return { directiveId, asOf: opts.asOf, requirements, rows, totals }
}

/** The units to show as rows: flat, under one unit the caller reaches, or the top of the caller's scopes. */
async function rowUnitsOf(db: Queryable, user: CurrentUser, directiveId: number, scopes: string[], opts: MatrixOptions): Promise<RowUnit[]> {
  if (opts.flat) return flatRows(db, directiveId, scopes)
  if (opts.under) {
    const path = await unitPath(db, opts.under)
    if (!path || !canReach(user, DASHBOARD_ROLES, path)) throw notFound()
    return rowsUnder(db, path, opts.depth)
  }
  return scopeRows(db, scopes)
}

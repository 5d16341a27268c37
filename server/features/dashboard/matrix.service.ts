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
import { aggregateRows, flatRows, rowsUnder, scopeRootUnits, scopeRows, unitPath, type RowUnit } from './matrix.queries.ts'
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
  /** A page of a flat view (rows offset … offset + limit − 1); without limit, every row. */
  offset?: number
  limit?: number
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
  const page = opts.flat && opts.limit ? { offset: opts.offset ?? 0, limit: opts.limit } : null

  const build = async (rowUnits: RowUnit[]) => {
    const figures = isRollup
      ? await rollupRows(db, directiveId, opts.asOf, state, rowUnits, requirementIds, aggregate)
      : await aggregateRows(db, directiveId, opts.asOf, scopes, rowUnits, requirementIds, aggregate)
    const shown = rowUnits.filter((u) => figures.has(u.id))
    // The rollups carry coverage; the live figures get it from dissemination.
    const cov = isRollup
      ? new Map(shown.map((u) => [u.id, figures.get(u.id)!.coverage ?? null]))
      : coverage ? await coverage(db, directiveId, shown, aggregate) : new Map<number, number | null>()
    const rowKinds = shown.map((u) => ({ id: u.id, path: u.path, isAggregate: isAggregateRow(u, figures.get(u.id)!, aggregate) }))
    const reports = await reportColumn(db, directiveId, rowKinds, opts.asOf)
    // Open findings and overdue corrective actions: the unit's, whatever directive they came from.
    // Read under the rows' own subtrees, not the caller's whole scope: a subtree view of 165 units
    // counted the ministry's 5,000 (half its cold time).
    const inspections = await inspectionColumns(db, outermost(shown.map((u) => u.path)), rowKinds, opts.asOf)
    return matrixView({ units: shown, figures, coverage: cov, reports, inspections, requirementIds, aggregate }, opts)
  }

  // A page of the plain flat view costs its own rows: the order comes from the units alone, and the
  // totals over every row are the scope roots' precomputed subtree sums (each addressee once).
  // Filters and the overdue ranking need every row's figures first: those pages are cut from the whole.
  if (page && isRollup && !opts.kind && !opts.status && !opts.overdueOnly && opts.sort === 'tree') {
    const totals = await scopeTotals(db, directiveId, opts.asOf, state, scopes, requirementIds)
    if (totals) {
      const { rows } = await build(units.slice(page.offset, page.offset + page.limit))
      return { directiveId, asOf: opts.asOf, requirements, rows, totals, page: { ...page, total: units.length } }
    }
  }
  const { rows, totals } = await build(units)
  if (!page) return { directiveId, asOf: opts.asOf, requirements, rows, totals }
  return { directiveId, asOf: opts.asOf, requirements, rows: rows.slice(page.offset, page.offset + page.limit), totals, page: { ...page, total: rows.length } }
}

/**
 * Per requirement, addressee units in each status over the whole scope, from the scope roots'
 * subtree rollups: what a flat view's totals add up to. Null when the subtree sums would not be
 * the flat rows' sums (an inactive addressee unit in scope: the flat view leaves it out).
 */
async function scopeTotals(db: Queryable, directiveId: number, asOf: string, state: Awaited<ReturnType<typeof rollupState>>, scopes: string[], requirementIds: number[]): Promise<MatrixDto['totals'] | null> {
  const roots = await scopeRootUnits(db, directiveId, scopes)
  if (!roots) return null
  const sums = await rollupRows(db, directiveId, asOf, state, roots, requirementIds, true)
  return requirementIds.map((id) => {
    const counts: Record<string, number> = {}
    for (const r of sums.values()) for (const [s, n] of Object.entries(r.cells.get(id) ?? {})) counts[s] = (counts[s] ?? 0) + (n ?? 0)
    return { requirementId: id, counts }
  })
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

/** The paths none of the others contains (the rows' subtrees, each once). */
function outermost(paths: string[]): string[] {
  const set = new Set(paths)
  return paths.filter((p) => {
    const labels = p.split('.')
    for (let i = 1; i < labels.length; i++) if (set.has(labels.slice(0, i).join('.'))) return false
    return true
  })
}

import type { MatrixDto, MatrixRow } from '../../../contract/dashboard.ts'
import type { CellStatus } from '../../../contract/timeliness.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { notFound } from '../../http/errors.ts'
import { canReach, scopePaths } from '../../http/scope.ts'
import { requirementsOf } from '../directives/directives.service.ts'
import { inspectionColumns } from '../inspections/inspection-figures.service.ts'
import { reportColumn } from '../reports/report-column.ts'
import { DASHBOARD_ROLES } from './dashboard.policy.ts'
import { aggregateRows, flatRows, rowsUnder, scopeRootUnits, scopeRows, type RowUnit } from './matrix.queries.ts'
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
  // The rows' units and what the figures stand on do not depend on each other: read at once.
  const [units, basis] = await Promise.all([rowUnitsOf(db, user, directiveId, scopes, opts), basisOf(db, directiveId, opts, scopes, coverage)])
  const page = opts.flat && opts.limit ? { offset: opts.offset ?? 0, limit: opts.limit } : null

  // A page of the plain flat view costs its own rows: the order comes from the units alone, and the
  // totals over every row are the scope roots' precomputed subtree sums (each addressee once).
  // Filters and the overdue ranking need every row's figures first: those pages are cut from the whole.
  if (page && isChunkable(basis, opts)) {
    const totals = await scopeTotals(db, directiveId, opts.asOf, scopes, basis.requirementIds)
    if (totals) {
      const { rows } = await buildRows(basis, units.slice(page.offset, page.offset + page.limit))
      return { directiveId, asOf: opts.asOf, requirements: basis.requirements, rows, totals, page: { ...page, total: units.length } }
    }
  }
  const { rows, totals } = await buildRows(basis, units)
  if (!page) return { directiveId, asOf: opts.asOf, requirements: basis.requirements, rows, totals }
  return { directiveId, asOf: opts.asOf, requirements: basis.requirements, rows: rows.slice(page.offset, page.offset + page.limit), totals, page: { ...page, total: rows.length } }
}

/** The whole plain flat view a chunk of rows at a time: what it says before its rows, and each chunk on demand. */
export interface FlatChunks {
  head: Omit<MatrixDto, 'rows' | 'page'>
  /** Rows in the view (every addressee unit in scope). */
  total: number
  /** Rows offset … offset + limit − 1, as directiveMatrix would list them. */
  rows(offset: number, limit: number): Promise<MatrixRow[]>
}

/**
 * The plain flat view (no filter, tree order, a day the rollups answer) in chunks, so that no one
 * request holds every row's objects at once (5,000 units: ~15 MB of JSON, several times that as
 * objects). Null when the view has to be built whole: filters and the overdue ranking need every
 * row's figures first, and so do the totals when an inactive unit in scope is an addressee.
 */
export async function flatMatrixChunks(db: Queryable, user: CurrentUser, directiveId: number, opts: MatrixOptions, coverage?: CoverageFn): Promise<FlatChunks | null> {
  if (!opts.flat) return null
  const scopes = scopePaths(user, DASHBOARD_ROLES)
  const basis = await basisOf(db, directiveId, opts, scopes, coverage)
  if (!isChunkable(basis, opts)) return null
  const totals = await scopeTotals(db, directiveId, opts.asOf, scopes, basis.requirementIds)
  if (!totals) return null
  const units = await flatRows(db, directiveId, scopes)
  return {
    head: { directiveId, asOf: opts.asOf, requirements: basis.requirements, totals },
    total: units.length,
    rows: async (offset, limit) => (await buildRows(basis, units.slice(offset, offset + limit))).rows,
  }
}

/** What every row of one view is built from: the directive's requirements and where its figures come from. */
interface MatrixBasis {
  db: Queryable
  directiveId: number
  opts: MatrixOptions
  scopes: string[]
  requirements: MatrixDto['requirements']
  requirementIds: number[]
  /** The precomputed figures answer any day from their own on; an earlier day is computed live. */
  isRollup: boolean
  aggregate: boolean
  coverage?: CoverageFn
}

async function basisOf(db: Queryable, directiveId: number, opts: MatrixOptions, scopes: string[], coverage?: CoverageFn): Promise<MatrixBasis> {
  const [requirements, state] = await Promise.all([requirementsOf(db, directiveId), rollupState(db, directiveId)])
  return {
    db, directiveId, opts, scopes, requirements, requirementIds: requirements.map((r) => r.id),
    isRollup: rollupAnswers(state, opts.asOf), aggregate: !opts.flat, coverage,
  }
}

/** A flat view whose rows do not depend on one another (no filter, tree order) and whose totals the rollups give. */
const isChunkable = (b: MatrixBasis, opts: MatrixOptions) => !!opts.flat && b.isRollup && !opts.kind && !opts.status && !opts.overdueOnly && opts.sort === 'tree'

async function buildRows(b: MatrixBasis, rowUnits: RowUnit[]) {
  const { db, directiveId, opts, aggregate } = b
  // The report column, and open findings and overdue corrective actions (the unit's, whatever
  // directive they came from), are read while the figures are: independent reads on the pool's
  // connections (the matrix is only read through a pool, never a transaction's one client). Which
  // rows are shown, and which stand for their subtree, is known once the figures are: the columns
  // take those rows as a promise. Both are read under the rows' own subtrees, not the caller's
  // whole scope: a subtree view of 165 units counted the ministry's 5,000 (half its cold time).
  const under = outermost(rowUnits.map((u) => u.path))
  const shaped = rowFigures(b, rowUnits)
  const kinds = shaped.then(({ shown, figures }) => shown.map((u) => ({ id: u.id, path: u.path, isAggregate: isAggregateRow(u, figures.get(u.id)!, aggregate) })))
  const [{ shown, figures, coverage }, reports, inspections] = await Promise.all([
    shaped,
    reportColumn(db, directiveId, kinds, opts.asOf, under),
    inspectionColumns(db, under, kinds, opts.asOf),
  ])
  return matrixView({ units: shown, figures, coverage, reports, inspections, requirementIds: b.requirementIds, aggregate }, opts)
}

/** The rows' figures and coverage; rows without figures (no addressee in them) are not shown. */
async function rowFigures(b: MatrixBasis, rowUnits: RowUnit[]) {
  const { db, directiveId, opts, aggregate } = b
  // The rollups, when they answered the day as the view began and still do as they are read.
  const rolled = b.isRollup ? await rollupRows(db, directiveId, opts.asOf, rowUnits, b.requirementIds, aggregate) : null
  const figures = rolled ?? await aggregateRows(db, directiveId, opts.asOf, b.scopes, rowUnits, b.requirementIds, aggregate)
  const shown = rowUnits.filter((u) => figures.has(u.id))
  // The rollups carry coverage; the live figures get it from dissemination.
  const coverage = rolled
    ? new Map(shown.map((u) => [u.id, figures.get(u.id)!.coverage ?? null]))
    : b.coverage ? await b.coverage(db, directiveId, shown, aggregate) : new Map<number, number | null>()
  return { figures, shown, coverage }
}

/**
 * Per requirement, addressee units in each status over the whole scope, from the scope roots'
 * subtree rollups: what a flat view's totals add up to. Null when the subtree sums would not be
 * the flat rows' sums (an inactive addressee unit in scope: the flat view leaves it out).
 */
async function scopeTotals(db: Queryable, directiveId: number, asOf: string, scopes: string[], requirementIds: number[]): Promise<MatrixDto['totals'] | null> {
  const roots = await scopeRootUnits(db, directiveId, scopes)
  if (!roots) return null
  const sums = await rollupRows(db, directiveId, asOf, roots, requirementIds, true)
  if (!sums) return null
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
    const { path, rows } = await rowsUnder(db, opts.under, opts.depth)
    if (!path || !canReach(user, DASHBOARD_ROLES, path)) throw notFound()
    return rows
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

import { STATUS_PRIORITY, type CellCounts, type MatrixDto, type MatrixRow } from '../../../contract/dashboard.ts'
import type { CellStatus } from '../../../contract/timeliness.ts'
import type { RowAggregate, RowUnit } from './matrix.queries.ts'
import type { MatrixOptions } from './matrix.service.ts'

// The matrix from figures already fetched: rows, filters, order and column totals. No database.

/** What a collapsed cell shows: the most pressing status among its units (STATUS_PRIORITY). */
export const topStatus = (counts: CellCounts): CellStatus => STATUS_PRIORITY.find((s) => (counts[s] ?? 0) > 0) ?? 'none'

/** A unit's own row is an aggregate too when it has addressees below it (its sub-units). */
export const isAggregateRow = (unit: RowUnit, figures: RowAggregate, aggregate: boolean) => aggregate && (figures.addressees > 1 || unit.hasChildren)

export interface MatrixInput {
  /** Row units in tree order; those without figures (no addressee in them) are left out. */
  units: RowUnit[]
  figures: Map<number, RowAggregate>
  coverage: Map<number, number | null>
  reports: Map<number, MatrixRow['reports']>
  /** Each row's open findings and overdue corrective actions (inspections); none counted when absent. */
  inspections?: Map<number, { openFindings: number; overdueCorrectiveActions: number }>
  requirementIds: number[]
  /** Rows stand for their subtrees (false: for their own unit only). */
  aggregate: boolean
}

/** One MatrixRow per unit with figures, in the order of `units`. */
export function matrixRows({ units, figures, coverage, reports, inspections, requirementIds, aggregate }: MatrixInput): MatrixRow[] {
  return units.flatMap((u) => {
    const f = figures.get(u.id)
    if (!f) return []
    return [{
      unitId: u.id, unitName: u.name, unitCode: u.code, kind: u.kind, parentId: u.parentId, depth: u.depth, hasChildren: u.hasChildren,
      isAggregate: isAggregateRow(u, f, aggregate),
      addressees: f.addressees, acknowledged: f.acknowledged, ackLate: f.ackLate, acknowledgedAt: f.acknowledgedAt,
      coverage: coverage.get(u.id) ?? null, planStatus: f.planStatus, actionCounts: f.actions, reports: reports.get(u.id) ?? [],
      openFindings: inspections?.get(u.id)?.openFindings ?? 0, overdueCorrectiveActions: inspections?.get(u.id)?.overdueCorrectiveActions ?? 0,
      cells: requirementIds.map((id) => {
        const counts = f.cells.get(id) ?? {}
        return { requirementId: id, status: topStatus(counts), counts }
      }),
    }]
  })
}

export type MatrixFilters = Pick<MatrixOptions, 'kind' | 'status' | 'overdueOnly'>

/** The rows of a kind, with a cell in a status, and with anything overdue: each filter when set. */
export function filterRows(rows: MatrixRow[], { kind, status, overdueOnly }: MatrixFilters): MatrixRow[] {
  return rows.filter((r) =>
    (!kind || r.kind === kind) &&
    (!status || r.cells.some((c) => (c.counts[status] ?? 0) > 0)) &&
    (!overdueOnly || r.actionCounts.overdue > 0 || r.cells.some((c) => (c.counts.overdue ?? 0) > 0)))
}

/** Tree order as given, or most overdue actions first, ties in Vietnamese name order. */
export function sortRows(rows: MatrixRow[], sort: MatrixOptions['sort']): MatrixRow[] {
  if (sort !== 'overdue') return rows
  return [...rows].sort((a, b) => b.actionCounts.overdue - a.actionCounts.overdue || a.unitName.localeCompare(b.unitName, 'vi'))
}

/**
 * Per requirement, the counts over the units the rows stand for, without counting a subtree twice:
 * a row under an aggregate row (by path) is already in that row's counts.
 */
export function columnTotals(rows: MatrixRow[], pathOf: Map<number, string>, requirementIds: number[]): MatrixDto['totals'] {
  const aggregated = new Set(rows.filter((r) => r.isAggregate).map((r) => pathOf.get(r.unitId)!))
  const hasAggregatedAncestor = (path: string) => {
    const labels = path.split('.')
    for (let i = labels.length - 1; i > 0; i--) if (aggregated.has(labels.slice(0, i).join('.'))) return true
    return false
  }
  const top = rows.filter((r) => !hasAggregatedAncestor(pathOf.get(r.unitId)!))
  return requirementIds.map((id) => {
    const counts: CellCounts = {}
    for (const r of top) {
      const cell = r.cells.find((c) => c.requirementId === id)!
      for (const [s, n] of Object.entries(cell.counts) as [CellStatus, number | undefined][]) counts[s] = (counts[s] ?? 0) + (n ?? 0)
    }
    return { requirementId: id, counts }
  })
}

/** The rows and totals a caller sees: rows built, filtered, ordered, and the totals of what is left. */
export function matrixView(input: MatrixInput, opts: MatrixFilters & Pick<MatrixOptions, 'sort'>): Pick<MatrixDto, 'rows' | 'totals'> {
  const rows = sortRows(filterRows(matrixRows(input), opts), opts.sort)
  const pathOf = new Map(input.units.map((u) => [u.id, u.path]))
  return { rows, totals: columnTotals(rows, pathOf, input.requirementIds) }
}

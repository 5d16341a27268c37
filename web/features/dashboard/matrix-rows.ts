import type { CellCounts, MatrixRow } from '../../../contract/dashboard.ts'
import { CELL_STATUSES } from '../../../contract/timeliness.ts'

export interface VisibleRow {
  row: MatrixRow
  level: number
  /** Expanded and waiting for its children. */
  isLoading: boolean
  isExpanded: boolean
}

/**
 * The rows to draw, in tree order: the base rows (the scope's top unit and its children), then,
 * under each expanded row, the children fetched for it. A row whose parent is not on screen is a
 * root. `childrenOf` holds the answers of `?under=` by unit id (undefined while loading).
 */
export function visibleRows(base: MatrixRow[], expanded: Set<number>, childrenOf: Map<number, MatrixRow[] | undefined>): VisibleRow[] {
  const ids = new Set(base.map((r) => r.unitId))
  const baseChildren = new Map<number, MatrixRow[]>()
  const roots: MatrixRow[] = []
  for (const r of base) {
    if (r.parentId !== null && ids.has(r.parentId)) baseChildren.set(r.parentId, [...(baseChildren.get(r.parentId) ?? []), r])
    else roots.push(r)
  }
  const out: VisibleRow[] = []
  const seen = new Set<number>()
  const walk = (r: MatrixRow, level: number) => {
    if (seen.has(r.unitId)) return
    seen.add(r.unitId)
    const isExpanded = expanded.has(r.unitId)
    const fromBase = baseChildren.get(r.unitId)
    const children = fromBase ?? childrenOf.get(r.unitId)
    out.push({ row: r, level, isExpanded, isLoading: isExpanded && !children })
    if (isExpanded && children) children.forEach((c) => walk(c, level + 1))
  }
  roots.forEach((r) => walk(r, 0))
  return out
}

/** Rows whose children come with the base answer: expanded from the start. */
export function initiallyExpanded(base: MatrixRow[]): number[] {
  const ids = new Set(base.map((r) => r.unitId))
  return [...new Set(base.filter((r) => r.parentId !== null && ids.has(r.parentId)).map((r) => r.parentId!))]
}

export const sumCounts = (counts: CellCounts) => CELL_STATUSES.reduce((s, k) => s + (counts[k] ?? 0), 0)

/** Figures for the whole view: over the roots in a tree (each already sums its subtree), over every row when flat. */
export function overview(rows: MatrixRow[], isFlat: boolean) {
  const ids = new Set(rows.map((r) => r.unitId))
  const counted = isFlat ? rows : rows.filter((r) => r.parentId === null || !ids.has(r.parentId))
  const sum = (f: (r: MatrixRow) => number) => counted.reduce((s, r) => s + f(r), 0)
  return {
    addressees: sum((r) => r.addressees),
    acknowledged: sum((r) => r.acknowledged),
    ackLate: sum((r) => r.ackLate),
    actions: {
      done_on_time: sum((r) => r.actionCounts.done_on_time),
      done_late: sum((r) => r.actionCounts.done_late),
      in_progress_on_time: sum((r) => r.actionCounts.in_progress_on_time),
      overdue: sum((r) => r.actionCounts.overdue),
    },
  }
}

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

/**
 * A requirement's column heading: its first words ("Tăng cường công tác quán triệt…"), the rest
 * left to the tooltip. Cut at a word boundary, at most `maxWords` words or `maxChars` characters.
 */
export function shortLabel(text: string, maxWords = 6, maxChars = 40): string {
  const words = text.trim().replace(/\s+/g, ' ').split(' ').filter(Boolean)
  let out = ''
  let taken = 0
  for (const w of words) {
    if (taken === maxWords || (out && out.length + 1 + w.length > maxChars)) break
    out = out ? `${out} ${w}` : w
    taken++
  }
  out = out.replace(/[,;:.]+$/, '')
  return taken < words.length ? `${out}…` : out
}

/** One column of the totals row: addressee units done (on time or late), overdue, and in all. */
export function columnTotals(counts: CellCounts) {
  return { done: (counts.done_on_time ?? 0) + (counts.done_late ?? 0), overdue: counts.overdue ?? 0, total: sumCounts(counts) }
}

/** Every requirement together: unit × requirement pairs done, overdue, in all. */
export function overallTotals(totals: { counts: CellCounts }[]) {
  return totals.reduce(
    (s, c) => {
      const t = columnTotals(c.counts)
      return { done: s.done + t.done, overdue: s.overdue + t.overdue, total: s.total + t.total }
    },
    { done: 0, overdue: 0, total: 0 },
  )
}

/** A column heading's words: what fits two short lines of a narrow column. */
export const headingLabel = (text: string) => shortLabel(text, 4, 24)

export interface BehindUnit {
  row: MatrixRow
  parentName: string | null
  overdue: number
  /** Indexes of the requirements on which the unit is overdue. */
  requirements: number[]
}

/**
 * The units behind (overdue actions, an overdue requirement or a late acknowledgement), in the
 * order of a flat answer ranked by overdue (worst first). Parents are named from it or from `otherRows`.
 */
export function behindUnits(rows: MatrixRow[], otherRows: MatrixRow[] = []): BehindUnit[] {
  // Parents above the addressees (the ministry) come only in the tree answer: `otherRows`.
  const names = new Map([...otherRows, ...rows].map((r) => [r.unitId, r.unitName]))
  return rows
    .map((row) => ({
      row,
      parentName: row.parentId === null ? null : names.get(row.parentId) ?? null,
      overdue: row.actionCounts.overdue,
      requirements: row.cells.flatMap((c, i) => (c.status === 'overdue' ? [i] : [])),
    }))
    .filter((b) => b.overdue > 0 || b.requirements.length > 0 || b.row.ackLate > 0)
}

import { z } from 'zod'
import { CELL_STATUSES, type CellStatus } from './timeliness.ts'
import { UNIT_KINDS } from './units.ts'
import type { ReportStatus } from './reports.ts'

export const matrixQuery = z.strictObject({
  under: z.coerce.number().int().positive().optional(),
  depth: z.coerce.number().int().min(1).max(10).default(1),
  flat: z.enum(['0', '1']).optional(),
  asOf: z.iso.date().optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  status: z.enum(CELL_STATUSES).optional(),
  overdueOnly: z.enum(['0', '1']).optional(),
  sort: z.enum(['tree', 'overdue']).default('tree'),
})

export type CellCounts = Partial<Record<CellStatus, number>>

export interface MatrixCell {
  requirementId: number
  /** For a subtree row, the most pressing status among its units (overdue first, completed last). */
  status: CellStatus
  /** Addressee units of the row (its subtree when aggregated) in each status. */
  counts: CellCounts
}

export interface MatrixRow {
  unitId: number
  unitName: string
  unitCode: string
  kind: string
  parentId: number | null
  depth: number
  hasChildren: boolean
  /** true when the row stands for the unit's whole subtree. */
  isAggregate: boolean
  addressees: number
  acknowledged: number
  ackLate: number
  acknowledgedAt: string | null
  coverage: number | null
  /** The row unit's own plan status (null: no plan yet), also on a subtree row. */
  planStatus: string | null
  actionCounts: { done_on_time: number; done_late: number; in_progress_on_time: number; overdue: number }
  cells: MatrixCell[]
  /** One entry per open report period covering the directive: not due / draft / submitted / returned / accepted / late. */
  reports: { periodId: number; title: string; deadline: string; status: ReportStatus | null; counts: Partial<Record<ReportStatus, number>> }[]
}

export interface MatrixDto {
  directiveId: number
  asOf: string
  requirements: { id: number; label: string; text: string }[]
  rows: MatrixRow[]
  /** Per requirement, addressee units in each status across every row's own units (flat) or the scope. */
  totals: { requirementId: number; counts: CellCounts }[]
}

/** Which status a collapsed subtree shows: the one leaders must act on first. */
export const STATUS_PRIORITY: CellStatus[] = ['overdue', 'none', 'planned', 'in_progress_on_time', 'done_late', 'done_on_time']

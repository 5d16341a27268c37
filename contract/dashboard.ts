import { z } from 'zod'
import { PLAN_STATUSES } from './plans.ts'
import { REPORT_STATUSES } from './reports.ts'
import type { Role } from './roles.ts'
import { CELL_STATUSES, type CellStatus } from './timeliness.ts'
import { UNIT_KINDS } from './units.ts'

/** Leaders see the whole tree; a unit sees its own subtree. */
export const DASHBOARD_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor']

export const matrixQuery = z.strictObject({
  under: z.coerce.number().int().positive().optional(),
  depth: z.coerce.number().int().min(1).max(10).default(1),
  flat: z.enum(['0', '1']).optional(),
  asOf: z.iso.date().optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  status: z.enum(CELL_STATUSES).optional(),
  overdueOnly: z.enum(['0', '1']).optional(),
  sort: z.enum(['tree', 'overdue']).default('tree'),
  /** A flat view a page at a time (the web shows each page as it arrives): rows offset … offset + limit − 1. */
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
})

/** Addressee units (or, in actionCounts, actions) in each status; a status with none is left out. */
export const cellCounts = z.partialRecord(z.enum(CELL_STATUSES), z.number().int())
export type CellCounts = Partial<Record<CellStatus, number>>

export const matrixCell = z.object({
  requirementId: z.number().int(),
  /** For a subtree row, the most pressing status among its units (overdue first, completed last). */
  status: z.enum(CELL_STATUSES),
  /** Addressee units of the row (its subtree when aggregated) in each status. */
  counts: cellCounts,
})
export type MatrixCell = z.infer<typeof matrixCell>

export const matrixRow = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  unitCode: z.string(),
  kind: z.string(),
  parentId: z.number().int().nullable(),
  depth: z.number().int(),
  hasChildren: z.boolean(),
  /** true when the row stands for the unit's whole subtree. */
  isAggregate: z.boolean(),
  addressees: z.number().int(),
  acknowledged: z.number().int(),
  ackLate: z.number().int(),
  acknowledgedAt: z.string().nullable(),
  /** People reached ÷ active people, 0..1; null when no one is counted. */
  coverage: z.number().nullable(),
  /** The row unit's own plan status (null: no plan yet), also on a subtree row. */
  planStatus: z.enum(PLAN_STATUSES).nullable(),
  actionCounts: z.object({ done_on_time: z.number().int(), done_late: z.number().int(), in_progress_on_time: z.number().int(), overdue: z.number().int() }),
  /** Shortcomings and violations (inspections, self-inspection checklists) not yet remedied: the row's unit, or its subtree. */
  openFindings: z.number().int(),
  /** Corrective actions past their due date in force and not closed, on the day asked about. */
  overdueCorrectiveActions: z.number().int(),
  cells: z.array(matrixCell),
  /** One entry per open report period covering the directive: not due / draft / submitted / returned / accepted / late. */
  reports: z.array(z.object({
    periodId: z.number().int(),
    title: z.string(),
    deadline: z.string(),
    status: z.enum(REPORT_STATUSES).nullable(),
    counts: z.partialRecord(z.enum(REPORT_STATUSES), z.number().int()),
  })),
})
export type MatrixRow = z.infer<typeof matrixRow>

export const matrixDto = z.object({
  directiveId: z.number().int(),
  asOf: z.string(),
  requirements: z.array(z.object({ id: z.number().int(), label: z.string(), text: z.string() })),
  rows: z.array(matrixRow),
  /** Per requirement, addressee units in each status across every row's own units (flat) or the scope. */
  totals: z.array(z.object({ requirementId: z.number().int(), counts: cellCounts })),
  /** With `limit`: which rows these are of how many; the totals are always over every row. */
  page: z.object({ offset: z.number().int(), limit: z.number().int(), total: z.number().int() }).optional(),
})
export type MatrixDto = z.infer<typeof matrixDto>

/** Which status a collapsed subtree shows: the one leaders must act on first. */
export const STATUS_PRIORITY: CellStatus[] = ['overdue', 'none', 'planned', 'in_progress_on_time', 'done_late', 'done_on_time']

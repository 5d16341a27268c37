// How Vietnamese government task tracking classifies a task on a given day: completed on time,
// completed late, not completed but still within its deadline, not completed and overdue.
// A dashboard cell adds two states before any of these: nothing planned, and planned (not started).
// SQL applies the same rules: action_timeliness (migration 0006) and matrix_cell_class (0005),
// pinned equal to these functions by server/features/dashboard/timeliness.sql.test.ts.

export const TIMELINESS = ['done_on_time', 'done_late', 'in_progress_on_time', 'overdue'] as const
export type Timeliness = (typeof TIMELINESS)[number]
export const CELL_STATUSES = ['none', 'planned', ...TIMELINESS] as const
export type CellStatus = (typeof CELL_STATUSES)[number]

export const CELL_STATUS_LABELS: Record<CellStatus, { vi: string; en: string }> = {
  none: { vi: 'Chưa lập kế hoạch', en: 'Nothing planned' },
  planned: { vi: 'Đã lập kế hoạch', en: 'Planned' },
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Completed on time' },
  done_late: { vi: 'Hoàn thành quá hạn', en: 'Completed late' },
  in_progress_on_time: { vi: 'Đang thực hiện, trong hạn', en: 'In progress, within deadline' },
  overdue: { vi: 'Chưa hoàn thành, quá hạn', en: 'Not completed, overdue' },
}

export interface ActionTiming {
  status: 'notStarted' | 'inProgress' | 'done' | 'blocked'
  /** The deadline in force: the original, or the last approved extension. yyyy-mm-dd. */
  effectiveDueDate: string
  completedOn: string | null
}

/** One action's class on day `asOf` (yyyy-mm-dd). A deadline day itself is still on time. */
export function classifyAction(a: ActionTiming, asOf: string): Timeliness {
  if (a.status === 'done' && a.completedOn && a.completedOn <= asOf) return a.completedOn <= a.effectiveDueDate ? 'done_on_time' : 'done_late'
  return asOf > a.effectiveDueDate ? 'overdue' : 'in_progress_on_time'
}

/**
 * A unit × requirement cell from its actions: any overdue action makes it overdue; all done makes it
 * done (late if any was late); nothing started yet is "planned"; otherwise in progress on time.
 */
export function classifyCell(actions: ActionTiming[], asOf: string): CellStatus {
  if (!actions.length) return 'none'
  const classes = actions.map((a) => classifyAction(a, asOf))
  if (classes.includes('overdue')) return 'overdue'
  if (classes.every((c) => c === 'done_on_time' || c === 'done_late')) return classes.includes('done_late') ? 'done_late' : 'done_on_time'
  if (actions.every((a) => a.status === 'notStarted')) return 'planned'
  return 'in_progress_on_time'
}

import { Tag } from 'antd'
import { ACTION_STATUS_LABELS, ACTION_STATUSES, PLAN_STATUS_LABELS, type ActionStatus, type PlanStatus } from '../../../contract/plans.ts'
import { CELL_STATUS_LABELS, type CellStatus } from '../../../contract/timeliness.ts'
import { useLabel } from '../../i18n/useT.ts'

/** One colour per timeliness class, shared by the plan page tags and the dashboard cells. */
export const CELL_STATUS_COLORS: Record<CellStatus, string> = {
  none: 'default',
  planned: 'geekblue',
  in_progress_on_time: 'blue',
  done_on_time: 'green',
  done_late: 'orange',
  overdue: 'red',
}

const PLAN_COLORS: Record<PlanStatus, string> = { draft: 'default', submitted: 'processing', returned: 'warning', accepted: 'success' }
const ACTION_COLORS: Record<ActionStatus, string> = { notStarted: 'default', inProgress: 'processing', done: 'success', blocked: 'error' }

export function CellStatusTag({ status }: { status: CellStatus }) {
  const label = useLabel()
  return (
    <Tag color={CELL_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-status={status}>
      {label(CELL_STATUS_LABELS[status], status)}
    </Tag>
  )
}

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const label = useLabel()
  return (
    <Tag color={PLAN_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {label(PLAN_STATUS_LABELS[status], status)}
    </Tag>
  )
}

export function ActionStatusTag({ status }: { status: ActionStatus }) {
  const label = useLabel()
  return (
    <Tag color={ACTION_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {label(ACTION_STATUS_LABELS[status], status)}
    </Tag>
  )
}

export function useActionStatusOptions() {
  const label = useLabel()
  return ACTION_STATUSES.map((s) => ({ value: s, label: label(ACTION_STATUS_LABELS[s]) }))
}

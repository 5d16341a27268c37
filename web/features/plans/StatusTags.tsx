import { ACTION_STATUS_LABELS, ACTION_STATUSES, PLAN_STATUS_LABELS, type ActionStatus, type PlanStatus } from '../../../contract/plans.ts'
import { CELL_STATUS_LABELS, type CellStatus } from '../../../contract/timeliness.ts'
import { LabelTag, useLabelOptions } from '../../components/LabelTag.tsx'

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

export const CellStatusTag = ({ status }: { status: CellStatus }) => <LabelTag value={status} labels={CELL_STATUS_LABELS} colors={CELL_STATUS_COLORS} data-status={status} />

export const PlanStatusTag = ({ status }: { status: PlanStatus }) => <LabelTag value={status} labels={PLAN_STATUS_LABELS} colors={PLAN_COLORS} />

export const ActionStatusTag = ({ status }: { status: ActionStatus }) => <LabelTag value={status} labels={ACTION_STATUS_LABELS} colors={ACTION_COLORS} />

export const useActionStatusOptions = () => useLabelOptions(ACTION_STATUSES, ACTION_STATUS_LABELS)

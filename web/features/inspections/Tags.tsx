import { Tag } from 'antd'
import { INSPECTION_LABELS } from '../../../contract/inspections.ts'
import { CELL_STATUS_LABELS, type Timeliness } from '../../../contract/timeliness.ts'
import { formatDate } from '../../components/format.ts'
import { LabelTag } from '../../components/LabelTag.tsx'
import { useLabel, useT } from '../../i18n/useT.ts'
import type { InspectionSummaryDto } from './api.ts'

const L = INSPECTION_LABELS

export const PhaseTag = ({ phase }: { phase: InspectionSummaryDto['phase'] }) => (
  <LabelTag value={phase} labels={L.phase} colors={{ preparation: 'default', conduct: 'processing', closing: 'warning', concluded: 'success' }} data-phase={phase} />
)

export const PlanStatusTag = ({ status, isReturned }: { status: 'draft' | 'submitted' | 'approved'; isReturned?: boolean }) => {
  const t = useT()
  if (status === 'draft' && isReturned) return <Tag color="error" style={{ marginInlineEnd: 0 }}>{t('inspections.plan.returned')}</Tag>
  return <LabelTag value={status} labels={L.planStatus} colors={{ draft: 'default', submitted: 'processing', approved: 'success' }} data-status={status} />
}

export const ItemStateTag = ({ state }: { state: 'planned' | 'started' | 'concluded' | 'dropped' }) => (
  <LabelTag value={state} labels={L.itemState} colors={{ planned: 'default', started: 'processing', concluded: 'success', dropped: 'error' }} data-state={state} />
)

export const FindingKindTag = ({ kind }: { kind: 'strength' | 'shortcoming' | 'violation' }) => (
  <LabelTag value={kind} labels={L.findingKind} colors={{ strength: 'success', shortcoming: 'warning', violation: 'error' }} />
)

export const RequestItemTag = ({ status }: { status: 'pending' | 'answered' | 'received' | 'askedAgain' }) => (
  <LabelTag value={status} labels={L.requestItem} colors={{ pending: 'default', answered: 'processing', received: 'success', askedAgain: 'warning' }} data-status={status} />
)

const TIMELINESS_COLORS: Record<Timeliness, string> = { done_on_time: 'success', done_late: 'warning', in_progress_on_time: 'processing', overdue: 'error' }
export const TimelinessTag = ({ value }: { value: Timeliness }) => <LabelTag value={value} labels={CELL_STATUS_LABELS} colors={TIMELINESS_COLORS} />

/** "Kiểm tra · Chuyên đề · Trực tiếp". */
export function useFormText() {
  const label = useLabel()
  return (f: InspectionSummaryDto['form']) => [label(L.kind[f.kind]), label(L.mode[f.mode]), label(L.method[f.method])].join(' · ')
}

/** The deadline in force; the original beside it once extended; red when overdue. */
export function DeadlineText({ i }: { i: Pick<InspectionSummaryDto, 'deadline' | 'originalDeadline' | 'isOverdue'> }) {
  const t = useT()
  return (
    <span className="bvct-tags">
      <span className={i.isOverdue ? 'bvct-late' : undefined} data-testid="deadline">{formatDate(i.deadline)}</span>
      {i.originalDeadline !== i.deadline && <span className="bvct-muted">{t('inspections.originalDeadline', { date: formatDate(i.originalDeadline) })}</span>}
      {i.isOverdue && <Tag color="error" style={{ marginInlineEnd: 0 }}>{t('inspections.overdue')}</Tag>}
    </span>
  )
}

import { Tag } from 'antd'
import { OFFICER_ROLE_LABELS, OFFICER_ROLES, TRAINING_STATUSES, TRAINING_STATUS_LABELS, type TrainingStatus } from '../../../contract/officers.ts'
import { formatDate } from '../../components/format.ts'
import { useLabel, useT } from '../../i18n/useT.ts'

/** Green: within the cycle; gold: refresher due soon; red: overdue; orange: never trained. */
export const TRAINING_COLORS: Record<TrainingStatus, string> = { current: 'green', due: 'gold', overdue: 'red', none: 'orange' }

/** An officer's training status, with when the refresher falls (or fell) due. */
export function TrainingTag({ status, dueOn }: { status: TrainingStatus; dueOn?: string | null }) {
  const label = useLabel()
  const t = useT()
  return (
    <span data-testid="training-status" data-status={status}>
      <Tag color={TRAINING_COLORS[status]} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>{label(TRAINING_STATUS_LABELS[status])}</Tag>
      {dueOn && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t('officers.refresherOn', { date: formatDate(dueOn) })}</div>}
    </span>
  )
}

export function useTrainingOptions() {
  const label = useLabel()
  return TRAINING_STATUSES.map((s) => ({ value: s, label: label(TRAINING_STATUS_LABELS[s]) }))
}

export function useRoleOptions() {
  const label = useLabel()
  return OFFICER_ROLES.map((r) => ({ value: r, label: label(OFFICER_ROLE_LABELS[r]) }))
}

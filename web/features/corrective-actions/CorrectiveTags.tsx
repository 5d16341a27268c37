import { Typography } from 'antd'
import { Link } from 'react-router'
import { CORRECTIVE_STATUS_LABELS, type CorrectiveStatus, type CorrectiveSummaryDto } from '../../../contract/corrective-actions.ts'
import { CELL_STATUS_LABELS, type Timeliness } from '../../../contract/timeliness.ts'
import { formatDate } from '../../components/format.ts'
import { LabelTag } from '../../components/LabelTag.tsx'
import { useT } from '../../i18n/useT.ts'
import { CELL_STATUS_COLORS } from '../plans/StatusTags.tsx'

const STATUS_COLORS: Record<CorrectiveStatus, string> = { open: 'processing', reported: 'gold', returned: 'warning', closed: 'success' }

export const CorrectiveStatusTag = ({ status }: { status: CorrectiveStatus }) => (
  <LabelTag value={status} labels={CORRECTIVE_STATUS_LABELS} colors={STATUS_COLORS} data-status={status} />
)

/** The four classes in the colours the plans and the dashboard give them. */
export const TimelinessTag = ({ value }: { value: Timeliness }) => <LabelTag value={value} labels={CELL_STATUS_LABELS} colors={CELL_STATUS_COLORS} data-timeliness={value} />

/** The due date first set and, once extended, the one in force. */
export function DueDates({ dueDate, effectiveDueDate }: { dueDate: string; effectiveDueDate: string }) {
  const t = useT()
  if (dueDate === effectiveDueDate) return <span>{formatDate(dueDate)}</span>
  return (
    <span>
      <Typography.Text delete type="secondary" title={t('corrective.originalDue')}>{formatDate(dueDate)}</Typography.Text>
      <span title={t('corrective.effectiveDue')}> → {formatDate(effectiveDueDate)}</span>
    </span>
  )
}

/** Where an action came from: its inspection (linked) or a self-inspection round. */
export function SourceLink({ a }: { a: Pick<CorrectiveSummaryDto, 'inspectionId' | 'inspectionNumber' | 'assignmentId'> }) {
  const t = useT()
  if (a.inspectionId) return <Link to={`/inspections/${a.inspectionId}`}>{t('corrective.fromInspection', { number: a.inspectionNumber ?? `#${a.inspectionId}` })}</Link>
  if (a.assignmentId) return <Link to={`/checklists/${a.assignmentId}`}>{t('corrective.fromChecklist')}</Link>
  return null
}

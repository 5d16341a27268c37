import { ASSIGNMENT_STATUSES, CHECKLIST_LABELS } from '../../../contract/checklists.ts'
import { LabelTag } from '../../components/LabelTag.tsx'

type Status = (typeof ASSIGNMENT_STATUSES)[number]
const STATUS_COLORS: Record<Status, string> = { assigned: 'processing', submitted: 'success' }

export const AssignmentStatusTag = ({ status }: { status: Status }) => <LabelTag value={status} labels={CHECKLIST_LABELS.status} colors={STATUS_COLORS} data-status={status} />

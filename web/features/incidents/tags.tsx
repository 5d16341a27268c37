import { INCIDENT_LABELS, type IncidentKind } from '../../../contract/incidents.ts'
import { CELL_STATUS_LABELS, type Timeliness } from '../../../contract/timeliness.ts'
import { LabelTag } from '../../components/LabelTag.tsx'
import { CELL_STATUS_COLORS } from '../plans/StatusTags.tsx'

const STATUS_COLORS = { open: 'orange', closed: 'default' } as const

/** The four timeliness classes in the colours the plans and the dashboard use. */
export const TimelinessTag = ({ value }: { value: Timeliness }) => <LabelTag value={value} labels={CELL_STATUS_LABELS} colors={CELL_STATUS_COLORS} data-timeliness={value} />

export const IncidentKindTag = ({ kind }: { kind: IncidentKind }) => <LabelTag value={kind} labels={INCIDENT_LABELS.kind} variant="outlined" style={{ whiteSpace: 'normal' }} />

export const IncidentStatusTag = ({ status }: { status: 'open' | 'closed' }) => <LabelTag value={status} labels={INCIDENT_LABELS.status} colors={STATUS_COLORS} data-status={status} />

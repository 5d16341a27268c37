import { DIRECTIVE_STATUSES, DIRECTIVE_STATUS_LABELS, type DirectiveStatus } from '../../../contract/directives.ts'
import { LabelTag, useLabelOptions } from '../../components/LabelTag.tsx'

const COLORS: Record<DirectiveStatus, string> = { draft: 'default', issued: 'processing', closed: 'success', superseded: 'purple' }

export const DirectiveStatusTag = ({ status }: { status: DirectiveStatus }) => <LabelTag value={status} labels={DIRECTIVE_STATUS_LABELS} colors={COLORS} />

export const useDirectiveStatusOptions = () => useLabelOptions(DIRECTIVE_STATUSES, DIRECTIVE_STATUS_LABELS)

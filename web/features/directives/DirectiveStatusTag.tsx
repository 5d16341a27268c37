import { Tag } from 'antd'
import { DIRECTIVE_STATUSES, DIRECTIVE_STATUS_LABELS, type DirectiveStatus } from '../../../contract/directives.ts'
import { useLabel } from '../../i18n/useT.ts'

const COLORS: Record<DirectiveStatus, string> = { draft: 'default', issued: 'processing', closed: 'success', superseded: 'purple' }

export function DirectiveStatusTag({ status }: { status: DirectiveStatus }) {
  const label = useLabel()
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {label(DIRECTIVE_STATUS_LABELS[status], status)}
    </Tag>
  )
}

export function useDirectiveStatusOptions() {
  const label = useLabel()
  return DIRECTIVE_STATUSES.map((s) => ({ value: s, label: label(DIRECTIVE_STATUS_LABELS[s]) }))
}

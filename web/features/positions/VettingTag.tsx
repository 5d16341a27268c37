import { Tag } from 'antd'
import { VETTING_LABELS, VETTING_STATUSES, type VettingStatus } from '../../../contract/positions.ts'
import { formatDate } from '../../components/format.ts'
import { useLabel, useT } from '../../i18n/useT.ts'

/** Green: current; gold: expiring; red: expired or did not meet; orange: none; grey: not required. */
export const VETTING_COLORS: Record<VettingStatus, string> = {
  current: 'green', expiring: 'gold', expired: 'red', not_met: 'magenta', none: 'orange', not_required: 'default',
}

/** A holder's vetting status as a coloured tag, with until when the conclusion is (or was) valid. */
export function VettingTag({ status, validUntil }: { status: VettingStatus; validUntil?: string | null }) {
  const label = useLabel()
  const t = useT()
  const until = validUntil && (status === 'current' || status === 'expiring' || status === 'expired') ? formatDate(validUntil) : null
  return (
    <span data-testid="vetting" data-status={status}>
      <Tag color={VETTING_COLORS[status]} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>{label(VETTING_LABELS[status])}</Tag>
      {until && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{t('positions.validUntil', { date: until })}</div>}
    </span>
  )
}

export function useVettingOptions() {
  const label = useLabel()
  return VETTING_STATUSES.map((s) => ({ value: s, label: label(VETTING_LABELS[s]) }))
}

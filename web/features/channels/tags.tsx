import { Tag } from 'antd'
import { CHANNEL_LABELS, type ChannelKind, type ReviewStatus } from '../../../contract/channels.ts'
import { LabelTag } from '../../components/LabelTag.tsx'
import { useT } from '../../i18n/useT.ts'

const REVIEW_COLORS: Record<ReviewStatus, string> = { current: 'green', due_soon: 'gold', overdue: 'red', retired: 'default' }

export const ReviewStatusTag = ({ status }: { status: ReviewStatus }) => <LabelTag value={status} labels={CHANNEL_LABELS.reviewStatus} colors={REVIEW_COLORS} data-review-status={status} />

export const ChannelKindTag = ({ kind }: { kind: ChannelKind }) => <LabelTag value={kind} labels={CHANNEL_LABELS.kind} variant="outlined" />

/** Every administrator signs in with a second factor, or not (none recorded counts as not). */
export function TwoFactorTag({ isOn }: { isOn: boolean }) {
  const t = useT()
  return (
    <Tag color={isOn ? 'green' : 'red'} style={{ marginInlineEnd: 0 }} data-two-factor={isOn ? '1' : '0'}>
      {t(isOn ? 'channels.twoFactorAll' : 'channels.twoFactorMissing')}
    </Tag>
  )
}

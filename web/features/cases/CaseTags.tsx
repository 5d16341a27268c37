import { Tag } from 'antd'
import { CASE_LABELS, type CaseSummaryDto } from '../../../contract/cases.ts'
import { formatDate } from '../../components/format.ts'
import { LabelTag } from '../../components/LabelTag.tsx'
import { useLabel, useT } from '../../i18n/useT.ts'
import { CellStatusTag } from '../plans/StatusTags.tsx'

const STATUS_COLORS = { open: 'processing', closed: 'default', purged: 'default' } as const
const KIND_COLORS = { standards_review: 'geekblue', violation: 'volcano' } as const
const OUTCOME_COLORS = { meets: 'success', meetsWithConditions: 'gold', doesNotMeet: 'error', discipline: 'error', noDiscipline: 'success', overturned: 'purple' } as const

export const CaseKindTag = ({ kind }: { kind: CaseSummaryDto['kind'] }) => <LabelTag value={kind} labels={CASE_LABELS.kind} colors={KIND_COLORS} />

export const CaseStatusTag = ({ status }: { status: CaseSummaryDto['status'] }) => <LabelTag value={status} labels={CASE_LABELS.status} colors={STATUS_COLORS} />

export const OutcomeTag = ({ outcome }: { outcome: NonNullable<CaseSummaryDto['outcome']> }) => <LabelTag value={outcome} labels={CASE_LABELS.outcome} colors={OUTCOME_COLORS} />

/** A step's name in the current language (the raw name for one the contract does not label). */
export function useStepLabel() {
  const label = useLabel()
  return (step: string) => label(CASE_LABELS.step[step as keyof typeof CASE_LABELS.step], step)
}

/** A review's purpose or a violation's source. */
export function usePurposeLabel() {
  const label = useLabel()
  return (purpose: string) => label(CASE_LABELS.purpose[purpose as keyof typeof CASE_LABELS.purpose], purpose)
}

/**
 * The deadline and its class today, as the plans page shows an action's (done on time or late, in
 * progress, overdue); `isStacked` puts the class under the date (a narrow table column).
 */
export function DeadlineTags({ deadline, timeliness, isStacked }: Pick<CaseSummaryDto, 'deadline' | 'timeliness'> & { isStacked?: boolean }) {
  const t = useT()
  if (!deadline) return <Tag>{t('cases.noDeadline')}</Tag>
  return (
    <span className={isStacked ? 'bvct-case-stacked' : 'bvct-tags'}>
      <span>{formatDate(deadline)}</span>
      {timeliness && <CellStatusTag status={timeliness} />}
    </span>
  )
}

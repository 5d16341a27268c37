import { Tag } from 'antd'
import { PERIOD_KIND_LABELS, REPORT_STATUS_LABELS, REPORT_STATUSES, type ReportStatus } from '../../../contract/reports.ts'
import { LabelTag } from '../../components/LabelTag.tsx'
import { useLabel, useT } from '../../i18n/useT.ts'
import type { PeriodKind, PeriodUnit, ReportPeriod } from './api.ts'

/** Late is red everywhere: it is what the board looks for first. */
export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  notDue: 'default',
  draft: 'blue',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
  late: 'error',
}

// Late is solid: it has to stand out, also on the tinted rows of late units.
export const ReportStatusTag = ({ status }: { status: ReportStatus }) => (
  <LabelTag value={status} labels={REPORT_STATUS_LABELS} colors={REPORT_STATUS_COLORS} variant={status === 'late' ? 'solid' : undefined} data-status={status} />
)

/** Submitted, but only after the deadline had passed. */
export const isSubmittedLate = (u: Pick<PeriodUnit, 'firstSubmittedAt'>, deadline: string) =>
  !!u.firstSubmittedAt && u.firstSubmittedAt.slice(0, 10) > deadline

export function LateSubmissionTag() {
  const t = useT()
  return (
    <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
      {t('reports.submittedLate')}
    </Tag>
  )
}

export function PeriodStatusTag({ period, today }: { period: Pick<ReportPeriod, 'status' | 'deadline'>; today: string }) {
  const t = useT()
  if (period.status === 'closed') return <Tag style={{ marginInlineEnd: 0 }}>{t('reports.period.closed')}</Tag>
  if (today > period.deadline) return <Tag color="error" style={{ marginInlineEnd: 0 }}>{t('reports.period.pastDeadline')}</Tag>
  return <Tag color="processing" style={{ marginInlineEnd: 0 }}>{t('reports.period.open')}</Tag>
}

export const PeriodKindTag = ({ kind }: { kind: PeriodKind }) => <LabelTag value={kind} labels={PERIOD_KIND_LABELS} />

export function countByStatus(units: PeriodUnit[]): Record<ReportStatus, number> {
  const out = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>
  for (const u of units) out[u.status]++
  return out
}

/** "Đã chấp nhận 12 · Đã gửi 3 · …": the statuses present, each a tag with its count. */
export function StatusCounts({ units, onPick, picked }: { units: PeriodUnit[]; onPick?: (s: ReportStatus | null) => void; picked?: ReportStatus | null }) {
  const label = useLabel()
  const counts = countByStatus(units)
  return (
    <span className="bvct-rep-counts">
      {REPORT_STATUSES.filter((s) => counts[s] > 0).map((s) => (
        <Tag
          key={s}
          color={REPORT_STATUS_COLORS[s]}
          data-status={s}
          className={onPick ? 'bvct-rep-count-pick' : undefined}
          style={{ marginInlineEnd: 0, opacity: picked && picked !== s ? 0.55 : 1, cursor: onPick ? 'pointer' : undefined }}
          onClick={onPick ? () => onPick(picked === s ? null : s) : undefined}
        >
          {label(REPORT_STATUS_LABELS[s])}: <b>{counts[s]}</b>
        </Tag>
      ))}
    </span>
  )
}

import { Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd'
import type { ExtensionDto, PlanDto } from '../../../contract/plans.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import type { MessageKey } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'

const STATUS_COLORS = { pending: 'gold', approved: 'success', refused: 'error' } as const

/** Every deadline extension asked for in this plan, with the board's decision (or buttons to make it). */
export function ExtensionsCard({ plan, canDecide, onDecide }: { plan: PlanDto; canDecide: boolean; onDecide: (id: number, decision: 'approve' | 'refuse') => void }) {
  const t = useT()
  const isPhone = useIsPhone()
  if (!plan.extensions.length) return null
  const actions = new Map(plan.requirements.flatMap((r) => r.actions).map((a) => [a.id, a]))
  const reqs = new Map(plan.requirements.map((r) => [r.id, r]))
  const what = (x: ExtensionDto) =>
    x.actionId ? actions.get(x.actionId)?.title ?? `#${x.actionId}` : t('plans.wholeRequirement', { label: reqs.get(x.requirementId!)?.label ?? '' })
  const status = (x: ExtensionDto) => <Tag color={STATUS_COLORS[x.status]}>{t(`plans.extension.${x.status}` as MessageKey)}</Tag>
  const decision = (x: ExtensionDto) =>
    x.status === 'pending' ? (
      canDecide && (
        <span style={{ display: 'inline-flex', gap: 8 }}>
          <Button size="small" type="primary" onClick={() => onDecide(x.id, 'approve')}>{t('plans.approve')}</Button>
          <Button size="small" danger onClick={() => onDecide(x.id, 'refuse')}>{t('plans.refuse')}</Button>
        </span>
      )
    ) : (
      <Typography.Text type="secondary">
        {x.decidedBy} · {formatDateTime(x.decidedAt)}
        {x.decisionNote ? ` — ${x.decisionNote}` : ''}
      </Typography.Text>
    )
  const columns: TableColumnsType<ExtensionDto> = isPhone
    ? [
        {
          key: 'all',
          title: t('plans.extensions'),
          render: (_, x) => (
            <div style={{ display: 'grid', gap: 4 }}>
              <Typography.Text strong>{what(x)}</Typography.Text>
              <span>{t('plans.requestedDueDate')}: {formatDate(x.requestedDueDate)} {status(x)}</span>
              <Typography.Text type="secondary">{x.reason}</Typography.Text>
              <span>{decision(x)}</span>
            </div>
          ),
        },
      ]
    : [
        { key: 'what', title: t('plans.extensionFor'), render: (_, x) => what(x) },
        { key: 'date', title: t('plans.requestedDueDate'), render: (_, x) => formatDate(x.requestedDueDate), width: 130 },
        { key: 'reason', title: t('plans.reason'), dataIndex: 'reason' },
        { key: 'by', title: t('plans.requestedBy'), render: (_, x) => `${x.requestedBy ?? ''} · ${formatDateTime(x.requestedAt)}` },
        { key: 'status', title: t('common.status'), render: (_, x) => status(x), width: 120 },
        { key: 'decision', title: t('plans.decision'), render: (_, x) => decision(x) },
      ]
  return (
    <Card size="small" title={t('plans.extensions')} data-testid="extensions">
      <Table<ExtensionDto> rowKey="id" size="small" columns={columns} dataSource={plan.extensions} pagination={false} scroll={isPhone ? undefined : { x: 'max-content' }} />
    </Card>
  )
}

import { Card, Statistic, Typography } from 'antd'
import { Link } from 'react-router'
import { useT } from '../../i18n/useT.ts'
import { usePlanFigures, type PlanSummary } from './api.ts'
import { PlanStatusTag } from './Tags.tsx'

/** One plan against what happened: items planned, started, concluded, dropped (with reasons), and inspections outside it. */
export function PlanVsActual({ summary, isOnPlanPage }: { summary: PlanSummary; isOnPlanPage?: boolean }) {
  const t = useT()
  const { data: plan } = usePlanFigures(summary.id)
  const c = plan?.counts
  const dropped = plan?.dropped ?? []
  const stat = (key: string, title: string, value: number | undefined) => (
    <Statistic key={key} title={title} value={value ?? '…'} data-testid={`pva-${key}`} />
  )
  return (
    <Card
      size="small"
      data-testid="plan-vs-actual"
      className="bvct-pva"
      title={isOnPlanPage ? t('inspections.pva.heading') : <Link to={`/inspection-plans/${summary.id}`}>{summary.title}</Link>}
      extra={!isOnPlanPage && <PlanStatusTag status={summary.status} isReturned={!!plan?.returnComment && summary.status === 'draft'} />}
    >
      <div className="bvct-stats">
        {stat('items', t('inspections.pva.items'), summary.items)}
        {stat('planned', t('inspections.pva.planned'), c?.planned)}
        {stat('started', t('inspections.pva.started'), c?.started)}
        {stat('concluded', t('inspections.pva.concluded'), c?.concluded)}
        {stat('dropped', t('inspections.pva.dropped'), c?.dropped)}
        {stat('outside', t('inspections.pva.outside'), c?.outsidePlan)}
      </div>
      {dropped.length > 0 && (
        <ul className="bvct-count-list">
          {dropped.map((i) => (
            <li key={i.id}>
              <Typography.Text type="secondary">{t('inspections.pva.droppedItem', { title: i.title, reason: i.dropReason ?? '' })}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {(plan?.outsidePlan.length ?? 0) > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('inspections.pva.outsideList')}{' '}
          {plan!.outsidePlan.map((i, n) => (
            <span key={i.id}>{n > 0 && '; '}<Link to={`/inspections/${i.id}`}>{i.title}</Link></span>
          ))}
        </Typography.Paragraph>
      )}
    </Card>
  )
}

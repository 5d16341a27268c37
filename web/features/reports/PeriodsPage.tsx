import { Alert, Button, Card, Table, Typography, type TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { formatDate } from '../../components/format.ts'
import { PlusIcon } from '../../components/icons.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useDirectiveNames, usePeriodDetails, usePeriods, type PeriodDetail, type ReportPeriod } from './api.ts'
import { OpenPeriodDrawer } from './OpenPeriodDrawer.tsx'
import { PeriodKindTag, PeriodStatusTag, StatusCounts } from './StatusTags.tsx'
import './reports.css'

/** Report periods the user runs or owes a report in, latest deadline first, with counts by report status. */
export default function PeriodsPage() {
  const t = useT()
  usePageTitle(t('reports.title'))
  const isPhone = useIsPhone()
  const { data: me } = useMe()
  const [isOpening, setIsOpening] = useState(false)
  const { data: periods, isPending, error } = usePeriods()
  const details = usePeriodDetails((periods ?? []).map((p) => p.id))
  const byId = useMemo(() => new Map(details.flatMap((d) => (d.data ? [[d.data.id, d.data] as const] : []))), [details])
  const names = useDirectiveNames()
  const today = dayjs().format('YYYY-MM-DD')

  const columns = useMemo<TableColumnsType<ReportPeriod>>(() => {
    const title = (p: ReportPeriod) => <Link to={`/reports/${p.id}`}>{p.title}</Link>
    const counts = (p: ReportPeriod) => {
      const d: PeriodDetail | undefined = byId.get(p.id)
      return d ? <StatusCounts units={d.units} /> : <Typography.Text type="secondary">…</Typography.Text>
    }
    const covers = (p: ReportPeriod) => p.directiveIds.map((id) => names.get(id) ?? `#${id}`).join('; ')
    if (isPhone)
      return [
        {
          key: 'summary',
          title: t('reports.periods'),
          render: (_, p) => (
            <div style={{ display: 'grid', gap: 4 }}>
              {title(p)}
              <span className="bvct-rep-tags">
                <PeriodKindTag kind={p.kind} />
                <PeriodStatusTag period={p} today={today} />
                <Typography.Text type="secondary">{t('reports.deadlineOn', { date: formatDate(p.deadline) })}</Typography.Text>
              </span>
              {counts(p)}
            </div>
          ),
        },
      ]
    return [
      { key: 'title', title: t('reports.period.title'), render: (_, p) => <div style={{ display: 'grid', gap: 2 }}>{title(p)}{p.directiveIds.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reports.covers', { list: covers(p) })}</Typography.Text>}</div> },
      { key: 'kind', title: t('reports.period.kind'), render: (_, p) => <PeriodKindTag kind={p.kind} />, width: 110 },
      { key: 'range', title: t('reports.period.range'), render: (_, p) => (p.periodFrom || p.periodTo ? `${formatDate(p.periodFrom)} – ${formatDate(p.periodTo)}` : '—'), width: 190 },
      { key: 'deadline', title: t('reports.period.deadline'), render: (_, p) => formatDate(p.deadline), width: 110 },
      { key: 'status', title: t('common.status'), render: (_, p) => <PeriodStatusTag period={p} today={today} />, width: 130 },
      { key: 'counts', title: t('reports.period.counts'), render: (_, p) => counts(p), width: 360 },
    ]
  }, [t, isPhone, byId, names, today])

  const canOpen = hasAnyRole(me, ACCESS.reportPeriodsManage)
  return (
    <Card
      size="small"
      data-testid="report-periods"
      title={t('reports.title')}
      extra={
        canOpen && (
          <Button type="primary" icon={<PlusIcon />} onClick={() => setIsOpening(true)} data-testid="open-period">
            {t('reports.openPeriod')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('reports.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Table<ReportPeriod> rowKey="id" size="small" columns={columns} dataSource={periods ?? []} loading={isPending} pagination={false} locale={{ emptyText: t('reports.noPeriods') }} />
      {isOpening && <OpenPeriodDrawer onClose={() => setIsOpening(false)} />}
    </Card>
  )
}

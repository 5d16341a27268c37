import { Alert, App, Button, Card, Result, Select, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { FIGURES_BASES, type FiguresBasis } from '../../../contract/report-documents.ts'
import type { ReportStatus } from '../../../contract/reports.ts'
import { foldVietnamese } from '../../../contract/vietnamese.ts'
import { isApiError } from '../../api/client.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { Highlight } from '../../components/Highlight.tsx'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, holdsRoleOver } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useUnitIndex } from '../units/api.ts'
import { consolidatedPath, useClosePeriod, useDirectiveNames, usePeriod, type PeriodUnit } from './api.ts'
import { DownloadButton } from './DownloadButton.tsx'
import { isSubmittedLate, LateSubmissionTag, PeriodKindTag, PeriodStatusTag, ReportStatusTag, StatusCounts } from './StatusTags.tsx'
import './reports.css'

/** One period: every unit that owes a report and where it stands; the board's consolidated downloads. */
export default function PeriodPage() {
  const t = useT()
  const { modal, message } = App.useApp()
  const isPhone = useIsPhone()
  const navigate = useNavigate()
  const periodId = Number(useParams().id)
  const { data: me } = useMe()
  const index = useUnitIndex()
  const { data: period, error, isPending } = usePeriod(periodId)
  const close = useClosePeriod()
  const names = useDirectiveNames()
  const [status, setStatus] = useState<ReportStatus | null>(null)
  const [search, setSearch] = useState('')
  const [under, setUnder] = useState<number>()
  const [basis, setBasis] = useState<FiguresBasis>('live')
  usePageTitle(period?.title ?? t('reports.title'))
  const today = dayjs().format('YYYY-MM-DD')

  const rows = useMemo(() => {
    const q = foldVietnamese(search.trim())
    return (period?.units ?? []).filter((u) => (!status || u.status === status) && (!q || foldVietnamese(`${u.unitName} ${u.unitCode}`).includes(q)))
  }, [period, status, search])

  const columns = useMemo<TableColumnsType<PeriodUnit>>(() => {
    if (!period) return []
    const unit = (u: PeriodUnit) => (
      <Link to={`/reports/${period.id}/units/${u.unitId}`} data-testid={`unit-${u.unitCode}`}>
        <Highlight text={u.unitName} query={search} />
      </Link>
    )
    const statusCell = (u: PeriodUnit) => (
      <span className="bvct-rep-tags">
        <ReportStatusTag status={u.status} />
        {isSubmittedLate(u, period.deadline) && <LateSubmissionTag />}
      </span>
    )
    if (isPhone)
      return [
        {
          key: 'summary',
          title: t('reports.unit'),
          render: (_, u) => (
            <div style={{ display: 'grid', gap: 4 }}>
              {unit(u)}
              {statusCell(u)}
              {u.firstSubmittedAt && <Typography.Text type="secondary">{t('reports.firstSubmittedAt', { at: formatDateTime(u.firstSubmittedAt) })}</Typography.Text>}
            </div>
          ),
        },
      ]
    return [
      { key: 'unit', title: t('reports.unit'), render: (_, u) => unit(u) },
      { key: 'code', title: t('units.code'), dataIndex: 'unitCode', width: 130 },
      { key: 'status', title: t('common.status'), render: (_, u) => statusCell(u), width: 230 },
      { key: 'submitted', title: t('reports.firstSubmitted'), render: (_, u) => formatDateTime(u.firstSubmittedAt), width: 150 },
      { key: 'versions', title: t('reports.versionCount'), dataIndex: 'submittedVersions', width: 100, align: 'right' },
    ]
  }, [t, isPhone, period, search])

  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />
  if (error)
    return isApiError(error, 'NOT_FOUND') ? <Result status="404" title={t('reports.periodNotFound')} extra={<Link to="/reports">{t('reports.backToList')}</Link>} /> : <Alert type="error" showIcon title={error.message} />

  const canManage = holdsRoleOver(me, ACCESS.reportPeriodsManage, period.ownerUnitId, index.parentOf)
  const canConsolidate = holdsRoleOver(me, ACCESS.reportsReview, period.ownerUnitId, index.parentOf)
  const isPast = period.status === 'open' && today > period.deadline
  const closePeriod = () =>
    modal.confirm({
      title: t('reports.closeConfirm', { title: period.title }),
      content: t('reports.closeHint'),
      okText: t('reports.close'),
      cancelText: t('common.cancel'),
      onOk: () =>
        close.mutateAsync({ id: period.id, version: period.version }).then(
          () => message.success(t('reports.closed')),
          (e) => message.error(isApiError(e, 'CONFLICT') ? t('reports.periodConflict') : e.message),
        ),
    })

  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Card size="small" data-testid="period-header">
        <Typography.Text type="secondary">
          <Link to="/reports">{t('reports.title')}</Link> /
        </Typography.Text>
        <Typography.Title level={4} style={{ margin: '4px 0' }}>
          {period.title}
        </Typography.Title>
        <div className="bvct-rep-tags">
          <PeriodKindTag kind={period.kind} />
          <PeriodStatusTag period={period} today={today} />
          <Tag color={isPast ? 'error' : undefined} style={{ marginInlineEnd: 0 }}>{t('reports.deadlineOn', { date: formatDate(period.deadline) })}</Tag>
          {(period.periodFrom || period.periodTo) && <Tag style={{ marginInlineEnd: 0 }}>{t('reports.rangeTag', { from: formatDate(period.periodFrom), to: formatDate(period.periodTo) })}</Tag>}
        </div>
        {period.directiveIds.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('reports.covers', { list: period.directiveIds.map((id) => names.get(id) ?? `#${id}`).join('; ') })}
          </Typography.Paragraph>
        )}
        {(canConsolidate || canManage) && (
          <div className="bvct-rep-downloads" data-testid="consolidated-downloads">
            {canConsolidate && (
              <>
                <UnitTreeSelect value={under} onChange={setUnder} allowClear placeholder={t('reports.consolidatedAll')} style={{ width: isPhone ? '100%' : 280 }} />
                <Select
                  value={basis}
                  onChange={setBasis}
                  aria-label={t('reports.basis')}
                  data-testid="consolidated-basis"
                  style={{ width: isPhone ? '100%' : 300 }}
                  options={FIGURES_BASES.map((b) => ({ value: b, label: t(`reports.basis.${b}`) }))}
                />
                <DownloadButton
                  type="primary"
                  path={consolidatedPath(period.id, 'docx')}
                  query={{ under, basis }}
                  fileName={`bao-cao-tong-hop-${period.id}.docx`}
                  label={t('reports.consolidatedDocx')}
                  testId="download-consolidated-docx"
                />
                <DownloadButton path={consolidatedPath(period.id, 'xlsx')} query={{ under, basis }} fileName={`so-lieu-${period.id}.xlsx`} label={t('reports.consolidatedXlsx')} testId="download-consolidated-xlsx" />
              </>
            )}
            {canManage && period.status === 'open' && (
              <Button danger onClick={closePeriod} loading={close.isPending} style={{ marginInlineStart: isPhone ? undefined : 'auto' }}>
                {t('reports.close')}
              </Button>
            )}
          </div>
        )}
      </Card>

      <Card size="small" title={t('reports.unitsTitle', { count: period.units.length })}>
        <ListPageHeader search={{ value: search, onChange: setSearch, placeholder: t('reports.findUnit'), maxWidth: 360 }}>
          <StatusCounts units={period.units} picked={status} onPick={setStatus} />
          {status && (
            <Button size="small" type="link" onClick={() => setStatus(null)}>
              {t('reports.showAll')}
            </Button>
          )}
        </ListPageHeader>
        <Table<PeriodUnit>
          rowKey="unitId"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false, simple: isPhone } : false}
          rowClassName={(u) => (u.status === 'late' ? 'bvct-rep-row-late' : '')}
          onRow={(u) => ({ onClick: (e) => (e.target as HTMLElement).closest('a') || navigate(`/reports/${period.id}/units/${u.unitId}`), style: { cursor: 'pointer' } })}
        />
      </Card>
    </div>
  )
}

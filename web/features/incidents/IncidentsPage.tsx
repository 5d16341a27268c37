import { Card, Select, Table, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { INCIDENT_KINDS, INCIDENT_LABELS, INCIDENT_STATUSES, type IncidentKind } from '../../../contract/incidents.ts'
import { CELL_STATUS_LABELS, TIMELINESS, type Timeliness } from '../../../contract/timeliness.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useServerPaging } from '../../components/usePagination.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { CyberSummary } from '../channels/CyberSummary.tsx'
import { formatHours } from '../channels/summary.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useIncidentRegister, type IncidentFilters, type IncidentSummaryDto } from './api.ts'
import { RecordIncidentDrawer } from './RecordIncidentDrawer.tsx'
import { IncidentKindTag, IncidentStatusTag, TimelinessTag } from './tags.tsx'
import '../channels/channels.css'

type Status = (typeof INCIDENT_STATUSES)[number]

/** Time to report: the hours it took, or the due time while not reported; with its class. */
export function ReportTime({ i }: { i: IncidentSummaryDto }) {
  const t = useT()
  const lang = useLang()
  return (
    <span className="bvct-channel-cell" data-testid="report-time">
      <TimelinessTag value={i.reportTimeliness} />
      <small className="bvct-muted">
        {i.hoursToReport !== null ? t('incidents.hoursToReport', { hours: formatHours(i.hoursToReport, lang) }) : t('incidents.reportDue', { at: formatDateTime(i.reportDueAt) })}
      </small>
    </span>
  )
}

/** Time to close: the days it took, or the due day while open; with its class. */
export function CloseTime({ i }: { i: IncidentSummaryDto }) {
  const t = useT()
  return (
    <span className="bvct-channel-cell" data-testid="close-time">
      <TimelinessTag value={i.closeTimeliness} />
      <small className="bvct-muted">{i.daysToClose !== null ? t('incidents.daysToClose', { days: i.daysToClose }) : t('incidents.closeDue', { date: formatDate(i.closeDueOn) })}</small>
    </span>
  )
}

/**
 * Incidents on the units' official channels and systems, open and closed, with the time to report
 * and to close each in the four timeliness classes; the board's counts per unit subtree above.
 */
export default function IncidentsPage() {
  const t = useT()
  usePageTitle(t('incidents.title'))
  const isPhone = useIsPhone()
  const { data: me } = useMe()
  const [params, setParams] = useSearchParams()
  const [isRecording, setIsRecording] = useState(false)
  const paging = useServerPaging()
  const under = Number(params.get('under')) || undefined
  const filters: IncidentFilters = {
    under,
    status: (params.get('status') as Status | null) ?? undefined,
    kind: (params.get('kind') as IncidentKind | null) ?? undefined,
    timeliness: (params.get('timeliness') as Timeliness | null) ?? undefined,
    limit: paging.limit,
    offset: paging.offset,
  }
  const { data, isFetching, error } = useIncidentRegister(filters)
  const kindOptions = useLabelOptions(INCIDENT_KINDS, INCIDENT_LABELS.kind)
  const statusOptions = useLabelOptions(INCIDENT_STATUSES, INCIDENT_LABELS.status)
  const timelinessOptions = useLabelOptions(TIMELINESS, CELL_STATUS_LABELS)
  const setFilter = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, String(value))
    else next.delete(key)
    setParams(next, { replace: true })
    paging.toFirstPage()
  }

  const where = (i: IncidentSummaryDto, withUnit = false) => (
    <span className="bvct-channel-cell">
      {withUnit && <span>{i.unitName}</span>}
      {i.channelId ? <Link to={`/channels/${i.channelId}`}>{i.channelName}</Link> : null}
      {i.channelAddress && <span className="bvct-channel-address">{i.channelAddress}</span>}
      {i.system && <span>{i.system}</span>}
    </span>
  )
  const detected = (i: IncidentSummaryDto) => <Link to={`/incidents/${i.id}`} data-testid="incident-link">{formatDateTime(i.detectedAt)}</Link>
  const columns: TableColumnsType<IncidentSummaryDto> = isPhone
    ? [
        {
          key: 'row',
          render: (_, i) => (
            <span className="bvct-channel-cell">
              <span>{detected(i)} · <IncidentStatusTag status={i.status} /></span>
              <IncidentKindTag kind={i.kind} />
              <small>{i.unitName}</small>
              {where(i)}
              <span className="bvct-tags">
                <span><small className="bvct-muted">{t('incidents.report')}: </small><ReportTime i={i} /></span>
                <span><small className="bvct-muted">{t('incidents.close')}: </small><CloseTime i={i} /></span>
              </span>
            </span>
          ),
        },
      ]
    : [
        { key: 'detectedAt', title: t('incidents.detectedAt'), render: (_, i) => detected(i), width: 130 },
        { key: 'kind', title: t('incidents.kind'), render: (_, i) => <IncidentKindTag kind={i.kind} />, width: 190 },
        { key: 'where', title: t('incidents.unitWhere'), render: (_, i) => where(i, true) },
        { key: 'status', title: t('common.status'), render: (_, i) => <IncidentStatusTag status={i.status} />, width: 110 },
        { key: 'report', title: t('incidents.timeToReport'), render: (_, i) => <ReportTime i={i} />, width: 185 },
        { key: 'close', title: t('incidents.timeToClose'), render: (_, i) => <CloseTime i={i} />, width: 185 },
      ]

  return (
    <div className="bvct-stack">
      <Card size="small">
        <Typography.Title level={4} style={{ margin: '0 0 4px' }}>{t('incidents.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('incidents.intro')}</Typography.Text>
      </Card>
      <CyberSummary under={under} onUnit={(id) => setFilter('under', id)} focus="incidents" />
      <Card size="small" title={t('incidents.list')} data-testid="incident-register">
        <ListPageHeader
          leading={<UnitTreeSelect value={under} onChange={(v) => setFilter('under', v)} allowClear placeholder={t('incidents.allUnits')} style={{ width: isPhone ? '100%' : 260 }} />}
          create={hasAnyRole(me, ACCESS.incidentsEdit) && { label: t('incidents.record'), onClick: () => setIsRecording(true) }}
          error={error}
        >
          <Select<Status> value={filters.status} onChange={(v) => setFilter('status', v)} allowClear placeholder={t('incidents.allStatuses')} aria-label={t('common.status')} options={statusOptions} style={{ width: isPhone ? '100%' : 160 }} />
          <Select<IncidentKind> value={filters.kind} onChange={(v) => setFilter('kind', v)} allowClear placeholder={t('incidents.allKinds')} aria-label={t('incidents.kind')} options={kindOptions} style={{ width: isPhone ? '100%' : 260 }} />
          <Select<Timeliness> value={filters.timeliness} onChange={(v) => setFilter('timeliness', v)} allowClear placeholder={t('incidents.allTimeliness')} aria-label={t('incidents.timeliness')} options={timelinessOptions} style={{ width: isPhone ? '100%' : 240 }} />
        </ListPageHeader>
        <Table<IncidentSummaryDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          pagination={paging.pagination(data?.total ?? 0)}
          showHeader={!isPhone}
          locale={{ emptyText: t('incidents.none') }}
        />
      </Card>
      {isRecording && <RecordIncidentDrawer defaultUnitId={under} onClose={() => setIsRecording(false)} />}
    </div>
  )
}

import { Button, Card, Select, Table, Typography, type TableColumnsType } from 'antd'
import { useMemo } from 'react'
import { Link, useSearchParams } from 'react-router'
import { CORRECTIVE_STATUS_LABELS, CORRECTIVE_STATUSES, type CorrectiveStatus, type CorrectiveSummaryDto } from '../../../contract/corrective-actions.ts'
import { CELL_STATUS_LABELS, TIMELINESS, type Timeliness } from '../../../contract/timeliness.ts'
import { foldVietnamese } from '../../../contract/vietnamese.ts'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useServerPaging } from '../../components/usePagination.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { useUnitIndex } from '../units/api.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useCorrectiveActions, useInspectionOptions, type CorrectiveFilters } from './api.ts'
import { CorrectiveStatusTag, DueDates, SourceLink, TimelinessTag } from './CorrectiveTags.tsx'

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined)

/**
 * Every corrective action in the caller's scope (a unit sees its own), paged by the server, with
 * counts per timeliness class and filters kept in the address (status, timeliness, unit subtree,
 * inspection).
 */
export default function CorrectiveActionsPage() {
  const t = useT()
  const label = useLabel()
  usePageTitle(t('corrective.nav'))
  const isPhone = useIsPhone()
  const [params, setParams] = useSearchParams()
  const paging = useServerPaging()
  const units = useUnitIndex()
  const base = {
    status: (params.get('status') as CorrectiveStatus | null) ?? undefined,
    under: num(params.get('under')),
    inspectionId: num(params.get('inspection')),
  }
  const timeliness = (params.get('timeliness') as Timeliness | null) ?? undefined
  const filters: CorrectiveFilters = { ...base, timeliness, limit: paging.limit, offset: paging.offset }
  const { data, isFetching, error } = useCorrectiveActions(filters)
  // The list answers its class counts (every other filter applied): one request for the page.
  const counts: Partial<Record<Timeliness, number>> = data?.byTimeliness ?? {}
  const inspections = useInspectionOptions(true)
  const statusOptions = useLabelOptions(CORRECTIVE_STATUSES, CORRECTIVE_STATUS_LABELS)
  const timelinessOptions = useLabelOptions(TIMELINESS, CELL_STATUS_LABELS)
  const inspectionOptions = useMemo(
    () => (inspections.data ?? []).map((i) => ({ value: i.id, label: `${i.number} · ${i.title}`, search: foldVietnamese(`${i.number} ${i.title}`) })),
    [inspections.data],
  )
  const isFiltered = Object.values(base).some((v) => v !== undefined) || !!timeliness

  const setFilter = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params)
    if (value === undefined || value === '') next.delete(key)
    else next.set(key, String(value))
    setParams(next, { replace: true })
    paging.toFirstPage()
  }

  const columns = useMemo<TableColumnsType<CorrectiveSummaryDto>>(() => {
    const title = (a: CorrectiveSummaryDto) => <Link to={`/corrective-actions/${a.id}`} data-testid="corrective-link">{a.title}</Link>
    if (isPhone)
      return [
        {
          key: 'all',
          title: t('corrective.action'),
          render: (_, a) => (
            <div style={{ display: 'grid', gap: 4 }}>
              {title(a)}
              <Typography.Text type="secondary">{a.unitName} · <SourceLink a={a} /></Typography.Text>
              <span>{t('corrective.due')}: <DueDates dueDate={a.dueDate} effectiveDueDate={a.effectiveDueDate} /></span>
              <span className="bvct-tags"><CorrectiveStatusTag status={a.status} /><TimelinessTag value={a.timeliness} /></span>
            </div>
          ),
        },
      ]
    return [
      {
        key: 'title',
        title: t('corrective.action'),
        render: (_, a) => (
          <div style={{ display: 'grid', gap: 2 }}>
            {title(a)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}><SourceLink a={a} /></Typography.Text>
          </div>
        ),
      },
      { key: 'unit', title: t('corrective.unit'), dataIndex: 'unitName', width: 220 },
      { key: 'due', title: t('corrective.due'), render: (_, a) => <DueDates dueDate={a.dueDate} effectiveDueDate={a.effectiveDueDate} />, width: 130 },
      { key: 'status', title: t('common.status'), render: (_, a) => <CorrectiveStatusTag status={a.status} />, width: 190 },
      { key: 'timeliness', title: t('corrective.timeliness'), render: (_, a) => <TimelinessTag value={a.timeliness} />, width: 190 },
    ]
  }, [t, isPhone])

  const wide = (px: number) => ({ width: isPhone ? '100%' : px })
  return (
    <div className="bvct-stack">
      <Card size="small" title={t('corrective.title')} data-testid="corrective-list">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('corrective.listHint')}</Typography.Paragraph>
        <div className="bvct-counts" style={{ marginTop: 0, marginBottom: 12 }} data-testid="corrective-counts" aria-label={t('corrective.countsTitle')}>
          {TIMELINESS.map((k) => (
            <Button
              key={k}
              size="small"
              type={timeliness === k ? 'primary' : 'text'}
              ghost={timeliness === k}
              onClick={() => setFilter('timeliness', timeliness === k ? undefined : k)}
              aria-pressed={timeliness === k}
              title={t('corrective.countFilter', { label: label(CELL_STATUS_LABELS[k]) })}
              data-testid={`count-${k}`}
              style={{ paddingInline: 4, height: 'auto' }}
            >
              <TimelinessTag value={k} /> <b data-testid="count-value">{counts[k] ?? '…'}</b>
            </Button>
          ))}
        </div>
        <ListPageHeader error={error}>
          {units.items.length > 1 && (
            <UnitTreeSelect value={base.under} onChange={(v) => setFilter('under', v)} allowClear placeholder={t('corrective.allUnits')} style={wide(260)} />
          )}
          <Select<number>
            value={base.inspectionId}
            onChange={(v) => setFilter('inspection', v)}
            allowClear
            showSearch={{ filterOption: (input, o) => !!o?.search.includes(foldVietnamese(input.trim())) }}
            placeholder={t('corrective.allInspections')}
            aria-label={t('corrective.inspection')}
            options={inspectionOptions}
            loading={inspections.isPending}
            popupMatchSelectWidth={false}
            styles={{ popup: { root: { maxWidth: 'min(560px, 95vw)' } } }}
            style={wide(260)}
          />
          <Select<CorrectiveStatus>
            value={base.status}
            onChange={(v) => setFilter('status', v)}
            allowClear
            placeholder={t('corrective.allStatuses')}
            aria-label={t('common.status')}
            options={statusOptions}
            popupMatchSelectWidth={false}
            style={wide(230)}
          />
          <Select<Timeliness>
            value={timeliness}
            onChange={(v) => setFilter('timeliness', v)}
            allowClear
            placeholder={t('corrective.allTimeliness')}
            aria-label={t('corrective.timeliness')}
            options={timelinessOptions}
            popupMatchSelectWidth={false}
            style={wide(220)}
          />
        </ListPageHeader>
        <Table<CorrectiveSummaryDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          pagination={paging.pagination(data?.total ?? 0)}
          showHeader={!isPhone}
          locale={{ emptyText: t(isFiltered ? 'corrective.none' : 'corrective.noneAtAll') }}
          data-testid="corrective-table"
        />
      </Card>
    </div>
  )
}

import { Button, Card, Checkbox, Select, Table, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { INSPECTION_LABELS, INSPECTION_PHASES } from '../../../contract/inspections.ts'
import { PlusIcon } from '../../components/icons.tsx'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useDebounced } from '../../components/useDebounced.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useServerPaging } from '../../components/usePagination.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { UnitTreeSelect } from '../units/UnitTreeSelect.tsx'
import { useUnitIndex } from '../units/api.ts'
import { useInspectionPlans, useInspections, type InspectionSummaryDto, type PlanSummary } from './api.ts'
import { CreatePlanModal, thisYear } from './CreatePlanModal.tsx'
import { OpenInspectionDrawer } from './OpenInspectionDrawer.tsx'
import { PlanVsActual } from './PlanVsActual.tsx'
import { DeadlineText, PhaseTag, PlanStatusTag, useFormText } from './Tags.tsx'
import './inspections.css'

type Phase = (typeof INSPECTION_PHASES)[number]

/**
 * Inspection and supervision for a year: each plan against what happened, the plans of every year
 * and the inspections the user sees (a unit its own, an inspector the teams they are on).
 */
export default function InspectionsPage() {
  const t = useT()
  usePageTitle(t('inspections.title'))
  const isPhone = useIsPhone()
  const { data: me } = useMe()
  const units = useUnitIndex()
  const formText = useFormText()
  const [params, setParams] = useSearchParams()
  const [dialog, setDialog] = useState<'plan' | 'open' | null>(null)
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim())
  const paging = useServerPaging()
  const year = Number(params.get('year')) || thisYear()
  const phase = (params.get('phase') as Phase | null) ?? undefined
  const under = Number(params.get('under')) || undefined
  const overdue = params.get('overdue') === '1'
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
    paging.toFirstPage()
  }
  const plans = useInspectionPlans()
  const list = useInspections({ year, phase, under, overdue, q: q || undefined, limit: paging.limit, offset: paging.offset })
  const phaseOptions = useLabelOptions(INSPECTION_PHASES, INSPECTION_LABELS.phase)
  const canManage = hasAnyRole(me, ACCESS.inspectionsManage)
  const yearPlans = (plans.data ?? []).filter((p) => p.year === year)
  const years = useMemo(() => [...new Set([thisYear() + 1, thisYear(), ...(plans.data ?? []).map((p) => p.year)])].sort((a, b) => b - a), [plans.data])
  const unitNames = (ids: number[]) => ids.map((id) => units.byId.get(id)?.name ?? `#${id}`).join('; ')

  const columns = useMemo<TableColumnsType<InspectionSummaryDto>>(() => {
    const title = (i: InspectionSummaryDto) => (
      <div style={{ display: 'grid', gap: 2 }}>
        <Link to={`/inspections/${i.id}`} data-testid="inspection-link">{i.title}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('inspections.decisionLine', { number: i.decisionNumber, units: unitNames(i.unitIds) })}</Typography.Text>
      </div>
    )
    const findings = (i: InspectionSummaryDto) => (i.openFindings > 0 ? <span className="bvct-late">{i.openFindings}</span> : <span className="bvct-muted">0</span>)
    if (isPhone)
      return [
        {
          key: 'summary',
          render: (_, i) => (
            <div style={{ display: 'grid', gap: 4 }}>
              {title(i)}
              <span className="bvct-tags"><PhaseTag phase={i.phase} /><Typography.Text type="secondary">{formText(i.form)}</Typography.Text></span>
              <span>{t('inspections.deadline')}: <DeadlineText i={i} /></span>
              {i.openFindings > 0 && <span>{t('inspections.openFindings')}: {findings(i)}</span>}
            </div>
          ),
        },
      ]
    return [
      { key: 'title', title: t('inspections.field.title'), render: (_, i) => title(i) },
      { key: 'form', title: t('inspections.form'), render: (_, i) => formText(i.form), width: 220 },
      { key: 'phase', title: t('inspections.phase'), render: (_, i) => <PhaseTag phase={i.phase} />, width: 120 },
      { key: 'deadline', title: t('inspections.deadline'), render: (_, i) => <DeadlineText i={i} />, width: 190 },
      { key: 'findings', title: t('inspections.openFindings'), render: (_, i) => findings(i), width: 110, align: 'right' },
    ]
  }, [t, isPhone, formText, units.byId])

  const planColumns: TableColumnsType<PlanSummary> = [
    { key: 'year', title: t('inspections.year'), dataIndex: 'year', width: 70 },
    { key: 'title', title: t('inspections.plan.title'), render: (_, p) => <Link to={`/inspection-plans/${p.id}`}>{p.title}</Link> },
    { key: 'items', title: t('inspections.pva.items'), dataIndex: 'items', width: 90, align: 'right', responsive: ['sm'] },
    { key: 'status', title: t('common.status'), render: (_, p) => <PlanStatusTag status={p.status} />, width: 130 },
  ]

  return (
    <div className="bvct-stack">
      <Card
        size="small"
        title={t('inspections.title')}
        extra={
          <Select<number>
            value={year}
            onChange={(y) => setParam('year', String(y))}
            options={years.map((y) => ({ value: y, label: t('inspections.yearOption', { year: y }) }))}
            aria-label={t('inspections.year')}
            style={{ width: 120 }}
            data-testid="year-select"
          />
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('inspections.intro')}</Typography.Paragraph>
      </Card>

      {yearPlans.map((p) => <PlanVsActual key={p.id} summary={p} />)}
      {!plans.isPending && yearPlans.length === 0 && (
        <Card size="small" title={t('inspections.pva.title', { year })}>
          <Typography.Text type="secondary">{t('inspections.pva.none', { year })}</Typography.Text>
        </Card>
      )}

      <Card size="small" title={t('inspections.listTitle', { year })} data-testid="inspection-list">
        <ListPageHeader
          search={{ value: search, onChange: (v) => { setSearch(v); paging.toFirstPage() }, placeholder: t('inspections.search'), maxWidth: 300 }}
          create={canManage && { label: t('inspections.openAdHoc'), onClick: () => setDialog('open') }}
          error={list.error}
        >
          <Select<Phase>
            value={phase}
            onChange={(v) => setParam('phase', v)}
            allowClear
            placeholder={t('inspections.allPhases')}
            aria-label={t('inspections.phase')}
            options={phaseOptions}
            style={{ width: isPhone ? '100%' : 170 }}
          />
          <UnitTreeSelect value={under} onChange={(v) => setParam('under', v ? String(v) : undefined)} allowClear placeholder={t('inspections.allUnits')} style={{ width: isPhone ? '100%' : 260 }} />
          <Checkbox checked={overdue} onChange={(e) => setParam('overdue', e.target.checked ? '1' : undefined)}>{t('inspections.overdueOnly')}</Checkbox>
        </ListPageHeader>
        <Table<InspectionSummaryDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={paging.pagination(list.data?.total ?? 0)}
          showHeader={!isPhone}
          locale={{ emptyText: t('inspections.none', { year }) }}
        />
      </Card>

      <Card
        size="small"
        title={t('inspections.plans')}
        data-testid="plan-list"
        extra={canManage && <Button size="small" icon={<PlusIcon />} onClick={() => setDialog('plan')} data-testid="create-plan">{t('inspections.plan.create')}</Button>}
      >
        <Table<PlanSummary>
          rowKey="id"
          size="small"
          columns={planColumns}
          dataSource={plans.data ?? []}
          loading={plans.isPending}
          pagination={false}
          locale={{ emptyText: t('inspections.plan.none') }}
        />
      </Card>
      {dialog === 'plan' && <CreatePlanModal year={Math.max(year, thisYear())} onClose={() => setDialog(null)} />}
      {dialog === 'open' && <OpenInspectionDrawer onClose={() => setDialog(null)} />}
    </div>
  )
}

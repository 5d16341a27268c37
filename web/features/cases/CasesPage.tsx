import { Button, Card, Checkbox, Select, Table, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { CASE_KINDS, CASE_LABELS, CASE_STATUSES, type CaseSummaryDto } from '../../../contract/cases.ts'
import { formatDate } from '../../components/format.ts'
import { UnlockIcon } from '../../components/icons.tsx'
import { useLabelOptions } from '../../components/LabelTag.tsx'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useServerPaging } from '../../components/usePagination.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useCases, type CaseFilters } from './api.ts'
import { BreakGlassModals } from './BreakGlassModals.tsx'
import { CaseCountsCard } from './CaseCountsCard.tsx'
import { CaseKindTag, CaseStatusTag, DeadlineTags, OutcomeTag, usePurposeLabel, useStepLabel } from './CaseTags.tsx'
import { OpenCaseDrawer } from './OpenCaseDrawer.tsx'
import './cases.css'

type Kind = (typeof CASE_KINDS)[number]
type Status = (typeof CASE_STATUSES)[number]
const EXPIRING_DAYS = 90

/**
 * The cases whose need-to-know list the user is on (the server leaves out every other); for the
 * board and the committee, counts over all cases in scope; for the committee, break-glass.
 */
export default function CasesPage() {
  const t = useT()
  usePageTitle(t('cases.title'))
  const isPhone = useIsPhone()
  const { data: me } = useMe()
  const [params, setParams] = useSearchParams()
  const [dialog, setDialog] = useState<'open' | 'breakGlass' | null>(null)
  const paging = useServerPaging()
  const filters: CaseFilters = {
    kind: (params.get('kind') as Kind | null) ?? undefined,
    status: (params.get('status') as Status | null) ?? undefined,
    expiringWithin: params.get('expiring') ? EXPIRING_DAYS : undefined,
    limit: paging.limit,
    offset: paging.offset,
  }
  const { data, isFetching, error } = useCases(filters)
  const kindOptions = useLabelOptions(CASE_KINDS, CASE_LABELS.kind)
  const statusOptions = useLabelOptions(CASE_STATUSES, CASE_LABELS.status)
  const stepLabel = useStepLabel()
  const purposeLabel = usePurposeLabel()
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
    paging.toFirstPage()
  }

  const columns = useMemo<TableColumnsType<CaseSummaryDto>>(() => {
    const number = (c: CaseSummaryDto) => <Link to={`/cases/${c.id}`} className="bvct-case-number">{c.number}</Link>
    const outcome = (c: CaseSummaryDto) => (c.outcome ? <OutcomeTag outcome={c.outcome} /> : <Typography.Text type="secondary">—</Typography.Text>)
    const validity = (c: CaseSummaryDto) => c.validUntil && <span>{t('cases.validUntilDate', { date: formatDate(c.validUntil) })}</span>
    if (isPhone)
      return [
        {
          key: 'summary',
          title: t('cases.title'),
          render: (_, c) => (
            <div className="bvct-case-cell">
              <span>{number(c)} <CaseKindTag kind={c.kind} /></span>
              <span>{purposeLabel(c.purpose)} · {stepLabel(c.step)}</span>
              <DeadlineTags deadline={c.deadline} timeliness={c.timeliness} />
              {(c.outcome || c.validUntil) && (
                <span className="bvct-tags">{c.outcome && outcome(c)}{validity(c)}</span>
              )}
            </div>
          ),
        },
      ]
    return [
      { key: 'number', title: t('cases.number'), render: (_, c) => number(c), width: 120 },
      { key: 'kind', title: t('cases.kind'), render: (_, c) => <CaseKindTag kind={c.kind} />, width: 215 },
      { key: 'purpose', title: t('cases.purposeOrSource'), render: (_, c) => purposeLabel(c.purpose), width: 140 },
      {
        key: 'step',
        title: t('cases.step'),
        render: (_, c) => (
          <span className="bvct-case-stacked">{stepLabel(c.step)}{c.status !== 'open' && <CaseStatusTag status={c.status} />}</span>
        ),
        width: 160,
      },
      { key: 'deadline', title: t('cases.deadline'), render: (_, c) => <DeadlineTags deadline={c.deadline} timeliness={c.timeliness} isStacked />, width: 185 },
      // The outcome and how long it holds, one above the other: one column fits the page at 1366 px.
      {
        key: 'outcome',
        title: t('cases.outcomeValidity'),
        render: (_, c) => (
          <span className="bvct-case-stacked">
            {outcome(c)}
            {validity(c)}
          </span>
        ),
      },
    ]
  }, [t, isPhone, stepLabel, purposeLabel])

  return (
    <div className="bvct-stack">
      {/* On a phone the user's own list comes first; the counts follow it. */}
      {hasAnyRole(me, ACCESS.casesSummary) && <div style={{ order: isPhone ? 1 : 0 }}><CaseCountsCard /></div>}
      <Card
        size="small"
        title={t('cases.title')}
        data-testid="case-list"
        extra={
          hasAnyRole(me, ACCESS.breakGlass) && (
            <Button size="small" danger icon={<UnlockIcon />} onClick={() => setDialog('breakGlass')} data-testid="break-glass">
              {t('cases.breakGlass')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('cases.listHint')}</Typography.Paragraph>
        <ListPageHeader create={hasAnyRole(me, ACCESS.casesOpen) && { label: t('cases.open'), onClick: () => setDialog('open') }} error={error}>
          <Select<Kind>
            value={filters.kind}
            onChange={(v) => setFilter('kind', v)}
            allowClear
            placeholder={t('cases.allKinds')}
            aria-label={t('cases.kind')}
            options={kindOptions}
            style={{ width: isPhone ? '100%' : 240 }}
          />
          <Select<Status>
            value={filters.status}
            onChange={(v) => setFilter('status', v)}
            allowClear
            placeholder={t('cases.allStatuses')}
            aria-label={t('common.status')}
            options={statusOptions}
            style={{ width: isPhone ? '100%' : 200 }}
          />
          <Checkbox checked={!!filters.expiringWithin} onChange={(e) => setFilter('expiring', e.target.checked ? '1' : undefined)}>
            {t('cases.expiring', { days: EXPIRING_DAYS })}
          </Checkbox>
        </ListPageHeader>
        <Table<CaseSummaryDto>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          pagination={paging.pagination(data?.total ?? 0)}
          showHeader={!isPhone}
          locale={{ emptyText: t('cases.none') }}
        />
      </Card>
      {dialog === 'open' && <OpenCaseDrawer onClose={() => setDialog(null)} />}
      {dialog === 'breakGlass' && <BreakGlassModals onClose={() => setDialog(null)} />}
    </div>
  )
}

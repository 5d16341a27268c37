import { Alert, App, Button, Card, Checkbox, Collapse, DatePicker, Modal, Result, Select, Statistic, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import { cloneElement, useCallback, useEffect, useMemo, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import type { CellCounts, MatrixDto, MatrixRow } from '../../../contract/dashboard.ts'
import { PLAN_STATUSES, type PlanStatus } from '../../../contract/plans.ts'
import { CELL_STATUS_LABELS, CELL_STATUSES, TIMELINESS, type CellStatus, type Timeliness } from '../../../contract/timeliness.ts'
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '../../../contract/units.ts'
import { downloadFile, isApiError } from '../../api/client.ts'
import { API_DATE_FORMAT, DATE_FORMAT, formatDate } from '../../components/format.ts'
import { ChevronDownIcon, ChevronRightIcon, DownloadIcon } from '../../components/icons.tsx'
import { useElementWidth } from '../../components/useElementWidth.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import { useLabel, useLang, useT } from '../../i18n/useT.ts'
import { useAddressees, useDirective } from '../directives/api.ts'
import { PlanStatusTag } from '../plans/StatusTags.tsx'
import { isFlat, matrixQuery, useExpandedRows, useMatrix, type MatrixFilters } from './api.ts'
import { BehindList } from './BehindList.tsx'
import './dashboard.css'
import { MatrixCell, TotalsCell } from './MatrixCell.tsx'
import { columnTotals, initiallyExpanded, overallTotals, overview, headingLabel, visibleRows, type VisibleRow } from './matrix-rows.ts'

/** Laptop column widths (px): wide enough for a hospital's name on two lines and the longest tag. */
const UNIT_WIDTH = 210
const ACK_WIDTH = 100
const COVERAGE_WIDTH = 56
const PLAN_WIDTH = 92
const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`)
const TIMELINESS_SHORT: Record<Timeliness, 'dashboard.onTimeShort' | 'dashboard.lateShort' | 'dashboard.progressShort' | 'dashboard.overdueShort'> = {
  done_on_time: 'dashboard.onTimeShort',
  done_late: 'dashboard.lateShort',
  in_progress_on_time: 'dashboard.progressShort',
  overdue: 'dashboard.overdueShort',
}

/** The table's height: what the window leaves below the toolbar, so the header stays in view. */
function useTableHeight(isPhone: boolean) {
  const [h, setH] = useState(() => window.innerHeight)
  useEffect(() => {
    const on = () => setH(window.innerHeight)
    window.addEventListener('resize', on)
    return () => window.removeEventListener('resize', on)
  }, [])
  return Math.max(320, h - (isPhone ? 170 : 250))
}

interface OpenCell {
  row: MatrixRow
  requirement: MatrixDto['requirements'][number]
  counts: CellCounts
  status: CellStatus
}

/** Units × requirements for one directive: where every unit stands, collapsible along the unit tree. */
export default function DashboardPage() {
  const t = useT()
  const lang = useLang()
  const label = useLabel()
  const isPhone = useIsPhone()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const directiveId = Number(useParams().id)
  const directive = useDirective(directiveId)
  const addressees = useAddressees(directiveId)
  const [filters, setFilters] = useState<MatrixFilters>({})
  const flat = isFlat(filters)
  const matrix = useMatrix(directiveId, filters)
  // A phone gets the units behind, worst first, instead of the matrix.
  const ranked = useMatrix(directiveId, { ...filters, sort: 'overdue' }, isPhone)
  const [expanded, setExpanded] = useState<Set<number> | null>(null)
  const [openCell, setOpenCell] = useState<OpenCell | null>(null)
  const [isExporting, setIsExporting] = useState(false)
  const tableHeight = useTableHeight(isPhone)
  usePageTitle(`${t('dashboard.title')} · ${directive.data?.number ?? ''}`)

  const base = useMemo(() => matrix.data?.rows ?? [], [matrix.data])
  // The scope's top rows arrive with their children: open from the start.
  const open = useMemo(() => expanded ?? new Set(flat ? [] : initiallyExpanded(base)), [expanded, base, flat])
  const baseIds = useMemo(() => new Set(base.map((r) => r.unitId)), [base])
  const toFetch = useMemo(() => (flat ? [] : [...open].filter((id) => !base.some((r) => r.parentId === id && baseIds.has(id)))), [open, base, baseIds, flat])
  const expandedAnswers = useExpandedRows(directiveId, toFetch, filters.asOf)
  const childrenOf = useMemo(() => new Map(toFetch.map((id, i) => [id, expandedAnswers[i]?.data?.rows])), [toFetch, expandedAnswers])
  const rows = useMemo<VisibleRow[]>(
    () => (flat ? base.map((row) => ({ row, level: 0, isExpanded: false, isLoading: false })) : visibleRows(base, open, childrenOf)),
    [flat, base, open, childrenOf],
  )
  const addresseeIds = useMemo(() => new Set((addressees.data ?? []).map((a) => a.unitId)), [addressees.data])
  const requirements = matrix.data?.requirements ?? []
  const summary = useMemo(() => overview(base, flat), [base, flat])

  const toggle = useCallback(
    (id: number) =>
      setExpanded((prev) => {
        const next = new Set(prev ?? open)
        if (next.has(id)) next.delete(id)
        else next.add(id)
        return next
      }),
    [open],
  )
  const setFilter = (patch: Partial<MatrixFilters>) => {
    setFilters((f) => ({ ...f, ...patch }))
    setExpanded(null)
  }
  const planLink = (unitId: number) => `/directives/${directiveId}/units/${unitId}/plan`

  // On a laptop every requirement fits beside the unit and its facts (1366 px, the menu open): the
  // requirement columns share what the fixed ones leave, between 60 and 84 px; the action counts follow.
  const [matrixBoxRef, matrixBoxWidth] = useElementWidth<HTMLDivElement>()
  const fixedWidth = UNIT_WIDTH + ACK_WIDTH + COVERAGE_WIDTH + PLAN_WIDTH + 2
  const reqWidth = isPhone || !matrixBoxWidth || !requirements.length ? 84 : Math.max(60, Math.min(84, Math.floor((matrixBoxWidth - fixedWidth) / requirements.length)))

  const columns = useMemo<TableColumnsType<VisibleRow>>(() => {
    const unitWidth = isPhone ? 150 : UNIT_WIDTH
    const isSingle = (r: MatrixRow) => r.addressees === 1 && addresseeIds.has(r.unitId)
    const unitColumn: TableColumnsType<VisibleRow>[number] = {
        key: 'unit',
        title: t('directives.unit'),
        fixed: 'left',
        width: unitWidth,
        render: (_, { row, level, isExpanded, isLoading }) => (
          <div className="bvct-unit-cell" style={{ paddingInlineStart: level * 14 }} data-unit-code={row.unitCode}>
            {!flat && row.hasChildren ? (
              <button
                type="button"
                className="bvct-expand"
                aria-expanded={isExpanded}
                aria-label={t(isExpanded ? 'dashboard.collapse' : 'dashboard.expand', { unit: row.unitName })}
                onClick={() => toggle(row.unitId)}
              >
                {isLoading ? '…' : isExpanded ? <ChevronDownIcon /> : <ChevronRightIcon />}
              </button>
            ) : (
              !flat && <span className="bvct-expand-spacer" />
            )}
            {addresseeIds.has(row.unitId) ? (
              <Link to={planLink(row.unitId)} className="bvct-unit-name" title={`${row.unitName} — ${t('dashboard.openPlan')}`}>{row.unitName}</Link>
            ) : (
              <span className="bvct-unit-name" title={row.unitName}>{row.unitName}</span>
            )}
            {row.addressees > 1 && <span className="bvct-unit-count" title={t('dashboard.addresseesBelow', { count: row.addressees })}>{row.addressees}</span>}
          </div>
        ),
      }
    const facts: TableColumnsType<VisibleRow> = [
      {
        key: 'ack',
        title: t('dashboard.ackColumn'),
        width: ACK_WIDTH,
        render: (_, { row }) =>
          isSingle(row) || !row.isAggregate ? (
            row.acknowledgedAt ? (
              <Tag color={row.ackLate ? 'warning' : 'success'} className="bvct-mini-tag" title={t('directives.acknowledgedOn', { at: formatDate(row.acknowledgedAt) })}>
                {row.ackLate ? t('dashboard.ackLateShort', { date: formatDate(row.acknowledgedAt).slice(0, 5) }) : t('dashboard.ackShort', { date: formatDate(row.acknowledgedAt).slice(0, 5) })}
              </Tag>
            ) : (
              <Tag color={row.ackLate ? 'error' : 'default'} className="bvct-mini-tag">{row.ackLate ? t('directives.ackOverdue') : t('directives.notAcknowledged')}</Tag>
            )
          ) : (
            <span title={t('dashboard.ackOf', { acknowledged: row.acknowledged, addressees: row.addressees, late: row.ackLate })}>
              {row.acknowledged}/{row.addressees}
              {row.ackLate > 0 && <span className="bvct-late"> · {t('dashboard.lateCount', { count: row.ackLate })}</span>}
            </span>
          ),
      },
      {
        key: 'coverage',
        title: <span title={t('dissemination.coverageHint')}>{t('dashboard.coverage')}</span>,
        width: COVERAGE_WIDTH,
        align: 'right',
        render: (_, { row }) => percent(row.coverage),
      },
      {
        key: 'plan',
        title: t('directives.plan'),
        width: PLAN_WIDTH,
        render: (_, { row }) => (row.planStatus && (PLAN_STATUSES as readonly string[]).includes(row.planStatus) ? <PlanStatusTag status={row.planStatus as PlanStatus} /> : !row.isAggregate ? <span className="bvct-muted">{t('dashboard.noPlan')}</span> : null),
      },
    ]
    const cells: TableColumnsType<VisibleRow> = requirements.map((q, i) => ({
        key: `r${q.id}`,
        title: (
          <Tooltip title={`${q.label} ${q.text}`} trigger={['hover', 'focus']}>
            <span className="bvct-req-col" data-testid="requirement-head" tabIndex={0} aria-label={`${q.label} ${q.text}`}>
              <b>{q.label.replace(/\.$/, '') || i + 1}.</b> {headingLabel(q.text)}
            </span>
          </Tooltip>
        ),
        width: reqWidth,
        align: 'center' as const,
        render: (_: unknown, { row }: VisibleRow) => {
          const c = row.cells[i]
          return <MatrixCell status={c.status} counts={c.counts} isAggregate={row.addressees > 1} lang={lang} onOpen={() => setOpenCell({ row, requirement: q, counts: c.counts, status: c.status })} />
        },
      }))
    const counts: TableColumnsType<VisibleRow>[number] = {
        key: 'actions',
        title: t('dashboard.actions'),
        children: TIMELINESS.map((k) => ({
          key: k,
          title: <span title={CELL_STATUS_LABELS[k][lang]}>{t(TIMELINESS_SHORT[k])}</span>,
          width: 52,
          align: 'right' as const,
          render: (_: unknown, { row }: VisibleRow) => <span className={k === 'overdue' && row.actionCounts.overdue ? 'bvct-late' : undefined}>{row.actionCounts[k]}</span>,
        })),
      }
    // A phone shows the cells first, next to the unit; the other figures follow to the right.
    return isPhone ? [unitColumn, ...cells, ...facts, counts] : [unitColumn, ...facts, ...cells, counts]
  }, [t, lang, isPhone, flat, requirements, addresseeIds, toggle, reqWidth])

  const tableWidth = (isPhone ? 150 : UNIT_WIDTH) + ACK_WIDTH + COVERAGE_WIDTH + PLAN_WIDTH + requirements.length * reqWidth + 4 * 52

  const exportXlsx = async () => {
    setIsExporting(true)
    try {
      await downloadFile(`/directives/${directiveId}/matrix.xlsx`, matrixQuery(filters), 'matrix.xlsx')
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e))
    } finally {
      setIsExporting(false)
    }
  }

  if (matrix.error && isApiError(matrix.error, 'NOT_FOUND')) return <Result status="404" title={t('directives.notFound')} />
  const d = directive.data
  const ackPct = summary.addressees ? Math.round((summary.acknowledged / summary.addressees) * 100) : 0

  const controls = (
    <>
        <div className="bvct-toolbar">
          <DatePicker
            value={filters.asOf ? dayjs(filters.asOf) : null}
            onChange={(v) => setFilter({ asOf: v ? v.format(API_DATE_FORMAT) : undefined })}
            format={DATE_FORMAT}
            placeholder={t('dashboard.asOfToday')}
            aria-label={t('dashboard.asOf')}
            prefix={<span className="bvct-muted">{t('dashboard.asOf')}</span>}
            style={{ width: isPhone ? '100%' : 200 }}
          />
          <Select<UnitKind>
            value={filters.kind}
            onChange={(v) => setFilter({ kind: v ?? undefined })}
            allowClear
            placeholder={t('dashboard.anyKind')}
            aria-label={t('units.kind')}
            options={UNIT_KINDS.filter((k) => k !== 'ministry' && k !== 'committee' && k !== 'board').map((k) => ({ value: k, label: label(UNIT_KIND_LABELS[k]) }))}
            style={{ width: isPhone ? '100%' : 175 }}
          />
          <Select<CellStatus>
            value={filters.status}
            onChange={(v) => setFilter({ status: v ?? undefined })}
            allowClear
            placeholder={t('dashboard.anyStatus')}
            aria-label={t('common.status')}
            options={CELL_STATUSES.map((s) => ({ value: s, label: label(CELL_STATUS_LABELS[s]) }))}
            style={{ width: isPhone ? '100%' : 215 }}
          />
          <Checkbox checked={!!filters.overdueOnly} onChange={(e) => setFilter({ overdueOnly: e.target.checked || undefined })}>{t('dashboard.overdueOnly')}</Checkbox>
          <Checkbox checked={filters.sort === 'overdue'} onChange={(e) => setFilter({ sort: e.target.checked ? 'overdue' : undefined })}>{t('dashboard.rankByOverdue')}</Checkbox>
                  </div>
        <div className="bvct-legend" aria-label={t('dashboard.legend')}>
          {CELL_STATUSES.map((s) => (
            <span key={s}><span className={`bvct-legend-dot bvct-cell-${s}`} />{label(CELL_STATUS_LABELS[s])}</span>
          ))}
          <span className="bvct-muted">{t(flat ? 'dashboard.flatHint' : 'dashboard.treeHint')}</span>
        </div>
    </>
  )
  const exportButton = (
    <Button icon={<DownloadIcon />} onClick={exportXlsx} loading={isExporting}>{t('dashboard.export')}</Button>
  )

  // Totals, in the same column order as the rows.
  const overall = overallTotals(matrix.data?.totals ?? [])
  const totalUnit = (
    <Table.Summary.Cell key="unit" index={0}>
      <b>{t('dashboard.totals')}</b>
      <div className="bvct-overall" data-testid="totals-overall" data-done={overall.done} data-overdue={overall.overdue} data-total={overall.total}>
        {t('dashboard.overall', { count: requirements.length, done: overall.done, total: overall.total, overdue: overall.overdue })}
      </div>
    </Table.Summary.Cell>
  )
  const totalFacts = [
    <Table.Summary.Cell key="ack" index={0}>{summary.acknowledged}/{summary.addressees}</Table.Summary.Cell>,
    <Table.Summary.Cell key="coverage" index={0} />,
    <Table.Summary.Cell key="plan" index={0} />,
  ]
  const totalCells = (matrix.data?.totals ?? []).map((c) => {
    const ct = columnTotals(c.counts)
    return (
      <Table.Summary.Cell key={c.requirementId} index={0}>
        <Tooltip title={<>{t('dashboard.totalsHint')}<TotalsCell counts={c.counts} lang={lang} /></>} trigger={['hover', 'focus']}>
          <div className="bvct-total-readable" data-testid="totals-cell" data-done={ct.done} data-overdue={ct.overdue} data-total={ct.total} tabIndex={0}>
            <span className="bvct-total-done">{t('dashboard.doneOf', { done: ct.done, total: ct.total })}</span>
            <span className={ct.overdue ? 'bvct-late' : 'bvct-muted'}>{t('dashboard.overdueOf', { count: ct.overdue })}</span>
          </div>
        </Tooltip>
      </Table.Summary.Cell>
    )
  })
  const totalCounts = TIMELINESS.map((k) => (
    <Table.Summary.Cell key={k} index={0} align="right">
      <b className={k === 'overdue' && summary.actions.overdue ? 'bvct-late' : undefined}>{summary.actions[k]}</b>
    </Table.Summary.Cell>
  ))
  const totals = (isPhone ? [totalUnit, ...totalCells, ...totalFacts, ...totalCounts] : [totalUnit, ...totalFacts, ...totalCells, ...totalCounts]).map((cell, index) =>
    cloneElement(cell, { index }),
  )

  return (
    <div className="bvct-stack bvct-stack-tight">
      <Card size="small">
        <div className="bvct-page-head">
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Typography.Text type="secondary">
              <Link to="/directives">{t('directives.title')}</Link> / <Link to={`/directives/${directiveId}`}>{d?.number ?? t('directives.noNumber')}</Link> / {t('dashboard.title')}
            </Typography.Text>
            <Typography.Title level={4} style={{ margin: '4px 0' }} ellipsis={{ rows: 2 }}>
              {t('dashboard.titleFor', { number: d?.number ?? '' })}
            </Typography.Title>
            {d && <Typography.Text type="secondary">{d.subject}</Typography.Text>}
          </div>
          <div className="bvct-stats" data-testid="dashboard-stats">
            <Statistic title={t('dashboard.addressees')} value={summary.addressees} />
            <Statistic title={t('dashboard.acknowledged')} value={summary.acknowledged} suffix={<small>({ackPct}%)</small>} />
            <Statistic title={t('dashboard.ackLate')} value={summary.ackLate} styles={{ content: { color: summary.ackLate ? '#cf1322' : undefined } }} />
            <Statistic title={t('dashboard.overdueActions')} value={summary.actions.overdue} styles={{ content: { color: summary.actions.overdue ? '#cf1322' : undefined } }} />
            <div className="bvct-stats-export">{exportButton}</div>
          </div>
        </div>
      </Card>

      <Card size="small" styles={{ body: { paddingBottom: 8 } }}>
        <div ref={matrixBoxRef} />
        {isPhone ? <Collapse ghost size="small" className="bvct-filters-phone" items={[{ key: 'f', label: t('dashboard.filters'), children: controls }]} /> : controls}
        {matrix.error && <Alert type="error" showIcon title={matrix.error.message} style={{ marginBottom: 8 }} />}
        {isPhone ? (
          <BehindList answer={ranked.data} treeRows={base} isLoading={ranked.isLoading} error={ranked.error} planLink={planLink} addresseeIds={addresseeIds} />
        ) : (
        <Table<VisibleRow>
          className="bvct-matrix"
          data-testid="matrix"
          rowKey={(r) => r.row.unitId}
          size="small"
          bordered
          virtual
          columns={columns}
          dataSource={rows}
          loading={matrix.isFetching && !matrix.data}
          pagination={false}
          scroll={{ x: tableWidth, y: tableHeight }}
          rowClassName={(r) => (r.row.isAggregate && r.row.addressees > 1 ? 'bvct-row-aggregate' : '')}
          summary={() =>
            matrix.data && (
              <Table.Summary fixed="top">
                <Table.Summary.Row className="bvct-totals">
                  {totals}
                </Table.Summary.Row>
              </Table.Summary>
            )
          }
        />
        )}
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
          {t('dashboard.asOfNote', { date: formatDate(matrix.data?.asOf) })}
        </Typography.Text>
      </Card>

      {openCell && (
        <Modal
          open
          onCancel={() => setOpenCell(null)}
          title={openCell.row.unitName}
          footer={
            addresseeIds.has(openCell.row.unitId) ? (
              <Button type="primary" onClick={() => navigate(planLink(openCell.row.unitId))}>{t('dashboard.openPlan')}</Button>
            ) : null
          }
        >
          <Typography.Paragraph>
            <b>{openCell.requirement.label}</b> {openCell.requirement.text}
          </Typography.Paragraph>
          <Typography.Paragraph>
            <span className={`bvct-legend-dot bvct-cell-${openCell.status}`} /> {label(CELL_STATUS_LABELS[openCell.status])}
          </Typography.Paragraph>
          {openCell.row.addressees > 1 && (
            <>
              <Typography.Text type="secondary">{t('dashboard.unitsByStatus', { count: openCell.row.addressees })}</Typography.Text>
              <ul className="bvct-count-list">
                {CELL_STATUSES.filter((s) => openCell.counts[s]).map((s) => (
                  <li key={s}><span className={`bvct-legend-dot bvct-cell-${s}`} />{label(CELL_STATUS_LABELS[s])}: <b>{openCell.counts[s]}</b></li>
                ))}
              </ul>
            </>
          )}
        </Modal>
      )}
    </div>
  )
}

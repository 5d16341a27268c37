import { Alert, Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import type { CybersecurityRowDto } from '../../../contract/incidents.ts'
import { formatDate } from '../../components/format.ts'
import { ChevronRightIcon } from '../../components/icons.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useLang, useT } from '../../i18n/useT.ts'
import { useUnitIndex } from '../units/api.ts'
import { useCybersecurity } from './api.ts'
import { formatHours, unitChain, worstFirst } from './summary.ts'

/** Rows a page: the worst come first, and the register below should stay in reach. */
export const SUMMARY_PAGE = 10

/** A count that wants attention in red, zero plain. */
const Count = ({ n, testId }: { n: number; testId?: string }) => (n > 0 ? <b className="bvct-late" data-testid={testId}>{n}</b> : <span className="bvct-muted" data-testid={testId}>0</span>)

interface Props {
  /** The unit the page is about; undefined: the caller's whole scope. */
  under: number | undefined
  /** Opens a unit: the page narrows to it (undefined: back to the whole scope). */
  onUnit: (unitId: number | undefined) => void
  /** Which half leads: the channels page shows channels first, the incidents page incidents. */
  focus: 'channels' | 'incidents'
}

/**
 * The board's view (GET /cybersecurity): per unit subtree, channels by status and incidents with
 * their times, worst first; a unit with units under it opens them.
 */
export function CyberSummary({ under, onUnit, focus }: Props) {
  const t = useT()
  const lang = useLang()
  const isPhone = useIsPhone()
  const index = useUnitIndex()
  // A scope of one unit (the ministry, say) would show a table of one row: open the units under it, as the overview does.
  const [single, setSingle] = useState<number>()
  const shown = under ?? single
  const { data, error, isFetching, isPlaceholderData } = useCybersecurity(shown)
  const only = !under && !single && !isPlaceholderData && data?.rows.length === 1 && data.rows[0].hasChildren ? data.rows[0] : null
  if (only) setSingle(only.unitId)
  const chain = useMemo(() => (shown ? unitChain(shown, index.byId) : []), [shown, index.byId])

  const unitCell = (r: CybersecurityRowDto) =>
    r.isAggregate && r.hasChildren && r.unitId !== shown ? (
      <Button type="link" size="small" className="bvct-link-button" onClick={() => onUnit(r.unitId)} title={t('channels.summary.open', { unit: r.unitName })}>
        {r.unitName} <ChevronRightIcon />
      </Button>
    ) : (
      <span>
        {r.unitName}
        {!r.isAggregate && <small className="bvct-muted"> · {t('channels.summary.ownOnly')}</small>}
      </span>
    )

  const columns = ((): TableColumnsType<CybersecurityRowDto> => {
    const channels: TableColumnsType<CybersecurityRowDto> = [
      { key: 'total', title: t('channels.summary.channels'), align: 'right', render: (_, r) => r.channels.total, width: 90 },
      { key: 'overdue', title: t('channels.summary.reviewOverdue'), align: 'right', render: (_, r) => <Count n={r.channels.reviewOverdue} />, width: 110 },
      { key: 'never', title: t('channels.summary.neverReviewed'), align: 'right', render: (_, r) => <Count n={r.channels.neverReviewed} />, width: 110 },
      { key: 'twoFactor', title: t('channels.summary.twoFactorMissing'), align: 'right', render: (_, r) => <Count n={r.channels.twoFactorMissing} />, width: 110 },
    ]
    const incidents: TableColumnsType<CybersecurityRowDto> = [
      { key: 'open', title: t('channels.summary.incidentsOpen'), align: 'right', render: (_, r) => <Count n={r.incidents.open} testId={`open-incidents-${r.unitId}`} />, width: 100 },
      { key: 'openOverdue', title: t('channels.summary.incidentsOpenOverdue'), align: 'right', render: (_, r) => <Count n={r.incidents.openOverdue} />, width: 110 },
      { key: 'closed', title: t('channels.summary.incidentsClosed'), align: 'right', render: (_, r) => `${r.incidents.closed}${r.incidents.closedLate ? ` (${t('channels.summary.late', { n: r.incidents.closedLate })})` : ''}`, width: 120 },
    ]
    return [{ key: 'unit', title: t('channels.unit'), render: (_, r) => unitCell(r) }, ...(focus === 'channels' ? [...channels, ...incidents] : [...incidents, ...channels])]
  })()

  const phoneRow = (r: CybersecurityRowDto) => (
    <div className="bvct-cyber-phone-row">
      {unitCell(r)}
      <span className="bvct-tags">
        <Tag>{t('channels.summary.channelsN', { n: r.channels.total })}</Tag>
        {r.channels.reviewOverdue > 0 && <Tag color="red">{t('channels.summary.reviewOverdueN', { n: r.channels.reviewOverdue })}</Tag>}
        {r.channels.twoFactorMissing > 0 && <Tag color="red">{t('channels.summary.twoFactorMissingN', { n: r.channels.twoFactorMissing })}</Tag>}
        <Tag color={r.incidents.open ? 'orange' : undefined} data-testid={`open-incidents-${r.unitId}`}>{t('channels.summary.incidentsOpenN', { n: r.incidents.open })}</Tag>
      </span>
    </div>
  )

  const totals = data?.totals
  const rows = useMemo(() => worstFirst(data?.rows ?? []), [data])
  return (
    <Card size="small" title={t('channels.summary.title')} data-testid="cyber-summary" extra={data && !isPhone && <Typography.Text type="secondary">{t('channels.summary.asOf', { date: formatDate(data.asOf) })}</Typography.Text>}>
      {chain.length > (single && !under ? 1 : 0) && (
        <nav className="bvct-cyber-crumbs" aria-label={t('channels.unit')}>
          <Button type="link" size="small" onClick={() => onUnit(undefined)}>{t('channels.summary.scopeTop')}</Button>
          {chain.filter((u) => u.id !== single).map((u, i, shownChain) => (
            <span key={u.id}>
              <span className="bvct-muted"> / </span>
              <Button type="link" size="small" disabled={i === shownChain.length - 1} onClick={() => onUnit(u.id)}>{u.name}</Button>
            </span>
          ))}
        </nav>
      )}
      {totals && (
        <div className="bvct-cyber-totals" data-testid="cyber-totals">
          <span>{t('channels.summary.channelsN', { n: totals.channels.total })}</span>
          <span className={totals.channels.reviewOverdue ? 'bvct-late' : undefined}>{t('channels.summary.reviewOverdueN', { n: totals.channels.reviewOverdue })}</span>
          <span className={totals.channels.twoFactorMissing ? 'bvct-late' : undefined}>{t('channels.summary.twoFactorMissingN', { n: totals.channels.twoFactorMissing })}</span>
          <span data-testid="cyber-open-incidents">{t('channels.summary.incidentsOpenN', { n: totals.incidents.open })}</span>
          {totals.incidents.medianHoursToReport !== null && <span>{t('channels.summary.medianReport', { hours: formatHours(totals.incidents.medianHoursToReport, lang), target: data.targets.reportHours })}</span>}
          {totals.incidents.medianDaysToClose !== null && <span>{t('channels.summary.medianClose', { days: formatHours(totals.incidents.medianDaysToClose, lang), target: data.targets.closeDays })}</span>}
        </div>
      )}
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} />}
      <Table<CybersecurityRowDto>
        rowKey="unitId"
        size="small"
        columns={isPhone ? [{ key: 'row', render: (_, r) => phoneRow(r) }] : columns}
        showHeader={!isPhone}
        dataSource={rows}
        loading={isFetching}
        pagination={rows.length > SUMMARY_PAGE ? { pageSize: SUMMARY_PAGE, simple: isPhone, showSizeChanger: false } : false}
        locale={{ emptyText: t('channels.summary.none') }}
        onRow={(r) => ({ 'data-unit-id': r.unitId }) as React.HTMLAttributes<HTMLElement>}
      />
    </Card>
  )
}

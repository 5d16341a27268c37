import { Alert, Card, Statistic, Table, Typography, type TableColumnsType } from 'antd'
import { CASE_LABELS, CASE_STATUSES } from '../../../contract/cases.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useLabel, useT } from '../../i18n/useT.ts'
import { useCaseCounts } from './api.ts'
import { countRows, type CountRow as Row } from './case-counts.ts'

/**
 * What the board and the committee may know about all cases in their scope, including the ones
 * they are not on the list of: how many, in which state, how many late. Never a name or a number.
 */
export function CaseCountsCard() {
  const t = useT()
  const label = useLabel()
  const isPhone = useIsPhone()
  const { data, error, isPending } = useCaseCounts(true)
  const statuses = (r: Row) => CASE_STATUSES.map((s) => `${r.byStatus[s]} ${label(CASE_LABELS.status[s]).toLocaleLowerCase('vi')}`).join(' · ')
  const overdue = (r: Row) => (r.overdue ? <span className="bvct-late">{r.overdue}</span> : 0)
  const columns: TableColumnsType<Row> = isPhone
    ? [
        {
          key: 'kind',
          render: (_, r) => (
            <div className="bvct-case-cell">
              <Typography.Text strong>{label(CASE_LABELS.kind[r.kind])}</Typography.Text>
              <span>{statuses(r)}</span>
              <span>{t('cases.counts.overdue')}: {overdue(r)}</span>
            </div>
          ),
        },
      ]
    : [
        { key: 'kind', title: t('cases.kind'), render: (_, r) => label(CASE_LABELS.kind[r.kind]) },
        ...CASE_STATUSES.map((s) => ({ key: s, title: label(CASE_LABELS.status[s]), align: 'right' as const, render: (_: unknown, r: Row) => r.byStatus[s] })),
        { key: 'overdue', title: t('cases.counts.overdue'), align: 'right', render: (_, r) => overdue(r) },
      ]
  return (
    <Card size="small" title={t('cases.counts.title')} data-testid="case-counts">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('cases.counts.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} />}
      <div className="bvct-case-counts">
        <Table<Row> rowKey="kind" size="small" columns={columns} dataSource={data ? countRows(data) : []} loading={isPending} pagination={false} showHeader={!isPhone} />
        <Statistic title={t('cases.counts.expiring')} value={data?.expiringWithin90 ?? 0} loading={isPending} />
      </div>
    </Card>
  )
}

import { Alert, Table, Typography, type TableColumnsType } from 'antd'
import { useMemo } from 'react'
import { Link } from 'react-router'
import type { AlertDto } from '../../../contract/positions.ts'
import { formatDateTime } from '../../components/format.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useListPagination } from '../../components/usePagination.ts'
import { useT } from '../../i18n/useT.ts'
import { usePositionAlerts } from './api.ts'
import { VettingTag } from './VettingTag.tsx'

/** Holders without a current conclusion: what the unit's head and the board must act on. */
export function AlertsTab({ under }: { under?: number }) {
  const t = useT()
  const isPhone = useIsPhone()
  const pagination = useListPagination()
  const { data, isFetching, error } = usePositionAlerts(under)
  const columns = useMemo<TableColumnsType<AlertDto>>(
    () => [
      {
        key: 'holder',
        title: t('positions.holder'),
        // A phone has no room for the status column: it goes under the name.
        render: (_, a) => (
          <span>
            {a.holder.name}
            {isPhone && <div style={{ marginTop: 4 }}><VettingTag status={a.status} /></div>}
          </span>
        ),
      },
      { key: 'position', title: t('positions.title'), render: (_, a) => <Link to={`/positions/${a.positionId}`}>{a.positionTitle}</Link> },
      { key: 'unit', title: t('positions.unit'), dataIndex: 'unitName', responsive: ['sm'] },
      { key: 'status', title: t('positions.vetting'), render: (_, a) => <VettingTag status={a.status} />, responsive: ['sm'] },
      { key: 'raised', title: t('positions.raisedAt'), render: (_, a) => formatDateTime(a.raisedAt), responsive: ['md'] },
    ],
    [t, isPhone],
  )
  return (
    <>
      <Typography.Paragraph type="secondary">{t('positions.alertsIntro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Table<AlertDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        pagination={pagination}
        locale={{ emptyText: t('positions.noAlerts') }}
        data-testid="alerts"
      />
    </>
  )
}

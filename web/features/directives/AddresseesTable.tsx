import { Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import type { AddresseeDto } from '../../../contract/directives.ts'
import { foldVietnamese } from '../../../contract/vietnamese.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { Highlight } from '../../components/Highlight.tsx'
import { ListPageHeader } from '../../components/ListPageHeader.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useListPagination } from '../../components/usePagination.ts'
import { useT } from '../../i18n/useT.ts'

type Filter = 'all' | 'pending' | 'overdue'

export function AckStatus({ a }: { a: AddresseeDto }) {
  const t = useT()
  return (
    <span className="bvct-ack-status">
      {a.acknowledgedAt ? (
        <Tag color="success" title={a.acknowledgedBy ?? undefined}>{t('directives.acknowledgedOn', { at: formatDateTime(a.acknowledgedAt) })}</Tag>
      ) : (
        <Tag>{t('directives.notAcknowledged')}</Tag>
      )}
      {a.isAckOverdue && <Tag color="error">{a.acknowledgedAt ? t('directives.ackLate') : t('directives.ackOverdue')}</Tag>}
    </span>
  )
}

/** Every addressee unit in the user's scope, with acknowledgement and links to its plan and sessions. */
export function AddresseesTable({ directiveId, items, canSeePlans, canSeeSessions }: { directiveId: number; items: AddresseeDto[]; canSeePlans: boolean; canSeeSessions: boolean }) {
  const t = useT()
  const isPhone = useIsPhone()
  const [search, setSearch] = useState('')
  const [filter, setFilter] = useState<Filter>('all')
  const pagination = useListPagination([20, 50, 100, 500])
  const shown = useMemo(() => {
    const q = foldVietnamese(search.trim())
    return items.filter(
      (a) =>
        (!q || foldVietnamese(`${a.unitName} ${a.unitCode}`).includes(q)) &&
        (filter === 'all' || (filter === 'pending' ? !a.acknowledgedAt : a.isAckOverdue)),
    )
  }, [items, search, filter])
  const counts = { pending: items.filter((a) => !a.acknowledgedAt).length, overdue: items.filter((a) => a.isAckOverdue).length }

  const links = (a: AddresseeDto) => (
    <span style={{ display: 'inline-flex', gap: 12, flexWrap: 'wrap' }}>
      {canSeePlans && <Link to={`/directives/${directiveId}/units/${a.unitId}/plan`}>{t('directives.plan')}</Link>}
      {canSeeSessions && <Link to={`/directives/${directiveId}/units/${a.unitId}/dissemination`}>{t('directives.dissemination')}</Link>}
    </span>
  )
  const columns: TableColumnsType<AddresseeDto> = isPhone
    ? [
        {
          key: 'unit',
          title: t('directives.unit'),
          render: (_, a) => (
            <div style={{ display: 'grid', gap: 4 }}>
              <Typography.Text strong><Highlight text={a.unitName} query={search} /></Typography.Text>
              <AckStatus a={a} />
              <Typography.Text type="secondary">{t('directives.ackDue')}: {formatDate(a.ackDueDate)} · {t('directives.planDue')}: {formatDate(a.planDueDate)}</Typography.Text>
              {links(a)}
            </div>
          ),
        },
      ]
    : [
        { key: 'unit', title: t('directives.unit'), render: (_, a) => <Highlight text={a.unitName} query={search} /> },
        { key: 'ack', title: t('directives.acknowledgement'), render: (_, a) => <AckStatus a={a} /> },
        { key: 'ackDue', title: t('directives.ackDue'), dataIndex: 'ackDueDate', render: formatDate, width: 120 },
        { key: 'planDue', title: t('directives.planDue'), dataIndex: 'planDueDate', render: formatDate, width: 120 },
        { key: 'links', title: '', render: (_, a) => links(a) },
      ]

  return (
    <>
      <ListPageHeader search={{ value: search, onChange: setSearch, placeholder: t('directives.findUnit'), maxWidth: 320 }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('directives.filterAll', { count: items.length }) },
            { value: 'pending', label: t('directives.filterPending', { count: counts.pending }) },
            { value: 'overdue', label: t('directives.filterOverdue', { count: counts.overdue }) },
          ]}
        />
      </ListPageHeader>
      <Table<AddresseeDto>
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={shown}
        pagination={pagination}
      />
    </>
  )
}

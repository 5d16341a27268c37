import { Alert, Button, Card, Empty, Segmented, Skeleton, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { OverdueItemDto } from '../../../contract/notifications.ts'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { usePageTitle } from '../../components/usePageTitle.ts'
import type { MessageKey } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'
import { ACCESS, hasAnyRole } from '../auth/access.ts'
import { useMe } from '../auth/api.ts'
import { useMarkRead, useNoteText, useNotifications, useOverdue } from './api.ts'
import { NotificationSettings } from './NotificationSettings.tsx'

function NotificationList() {
  const t = useT()
  const [show, setShow] = useState<'all' | 'unread'>('all')
  const { data, error, isPending } = useNotifications({ unreadOnly: show === 'unread', limit: 200 })
  const markRead = useMarkRead()
  const textOf = useNoteText()
  return (
    <>
      <div className="bvct-toolbar">
        <Segmented<'all' | 'unread'>
          value={show}
          onChange={setShow}
          options={[
            { value: 'all', label: t('notifications.all') },
            { value: 'unread', label: t('notifications.unread', { count: data?.unread ?? 0 }) },
          ]}
        />
        {!!data?.unread && (
          <Button onClick={() => markRead.mutate('all')} loading={markRead.isPending && markRead.variables === 'all'} style={{ marginInlineStart: 'auto' }}>
            {t('notifications.markAllRead')}
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error.message} />}
      {isPending ? (
        <Skeleton active />
      ) : !data?.items.length ? (
        <Empty description={t('notifications.none')} />
      ) : (
        <div className="bvct-note-list">
          {data.items.map((n) => {
            const { title, body } = textOf(n)
            return (
            <div key={n.id} className={n.readAt ? 'bvct-note-row' : 'bvct-note-row bvct-note-unread'} data-testid="notification">
              <div style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text strong={!n.readAt}>{n.link ? <Link to={n.link} onClick={() => !n.readAt && markRead.mutate(n.id)}>{title}</Link> : title}</Typography.Text>
                {body && <div>{body}</div>}
                <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
              </div>
              {!n.readAt && (
                <Button size="small" onClick={() => markRead.mutate(n.id)}>{t('notifications.markRead')}</Button>
              )}
            </div>
            )
          })}
        </div>
      )}
    </>
  )
}

const OVERDUE_COLORS = { acknowledgement: 'orange', plan: 'volcano', action: 'red' } as const

function OverdueList() {
  const t = useT()
  const isPhone = useIsPhone()
  const { data, error, isPending } = useOverdue(true)
  const link = (i: OverdueItemDto) => (i.kind === 'acknowledgement' ? `/directives/${i.directiveId}` : `/directives/${i.directiveId}/units/${i.unitId}/plan`)
  const kind = (i: OverdueItemDto) => <Tag color={OVERDUE_COLORS[i.kind]}>{t(`notifications.overdue.${i.kind}` as MessageKey)}</Tag>
  const columns: TableColumnsType<OverdueItemDto> = isPhone
    ? [
        {
          key: 'all',
          title: t('notifications.overdueTab'),
          render: (_, i) => (
            <div style={{ display: 'grid', gap: 2 }}>
              <span>{kind(i)} <Link to={link(i)}>{i.title}</Link></span>
              <Typography.Text type="secondary">{i.unitName} · {i.directiveNumber ?? ''} · {t('notifications.due', { date: formatDate(i.dueDate) })}</Typography.Text>
            </div>
          ),
        },
      ]
    : [
        { key: 'kind', title: t('notifications.kind'), render: (_, i) => kind(i), width: 150 },
        { key: 'title', title: t('notifications.what'), render: (_, i) => <Link to={link(i)}>{i.title}</Link> },
        { key: 'unit', title: t('directives.unit'), dataIndex: 'unitName' },
        { key: 'directive', title: t('directives.number'), dataIndex: 'directiveNumber', width: 140 },
        { key: 'due', title: t('notifications.dueDate'), render: (_, i) => formatDate(i.dueDate), width: 110 },
      ]
  if (error) return <Alert type="error" showIcon title={error.message} />
  return (
    <Table<OverdueItemDto>
      rowKey={(i) => `${i.kind}-${i.directiveId}-${i.unitId}-${i.actionId ?? ''}`}
      size="small"
      loading={isPending}
      columns={columns}
      dataSource={data ?? []}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, simple: isPhone, showTotal: (total, [from, to]) => t('common.rangeOfTotal', { from, to, total }) }}
    />
  )
}

/** Notifications addressed to the user, and (for those who follow units) everything overdue in scope. */
export default function NotificationsPage() {
  const t = useT()
  usePageTitle(t('notifications.title'))
  const { data: me } = useMe()
  const canSeeOverdue = hasAnyRole(me, ACCESS.overdue)
  // The home page links straight to a tab (?tab=overdue).
  const tab = useSearchParams()[0].get('tab')
  const tabs = [
    { key: 'notes', label: t('notifications.title'), children: <NotificationList /> },
    ...(canSeeOverdue ? [{ key: 'overdue', label: t('notifications.overdueTab'), children: <OverdueList /> }] : []),
    { key: 'settings', label: t('notifications.settings'), children: <NotificationSettings /> },
  ]
  return (
    <Card size="small" title={t('notifications.title')}>
      <Tabs items={tabs} defaultActiveKey={tabs.some((x) => x.key === tab) ? (tab ?? undefined) : undefined} />
    </Card>
  )
}

import { Badge, Button, Empty, Popover, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import type { NotificationDto } from '../../../contract/notifications.ts'
import { formatDateTime } from '../../components/format.ts'
import { BellIcon } from '../../components/icons.tsx'
import { useIsPhone } from '../../components/useIsPhone.ts'
import { useT } from '../../i18n/useT.ts'
import { useMarkRead, useNotifications, useNoteText } from './api.ts'

/** The header bell: unread count, the latest few, and the way to the full list. */
export function NotificationBell() {
  const t = useT()
  const navigate = useNavigate()
  const isPhone = useIsPhone()
  const [isOpen, setIsOpen] = useState(false)
  const { data } = useNotifications({ limit: 8, poll: true })
  const markRead = useMarkRead()
  const textOf = useNoteText()
  const unread = data?.unread ?? 0

  const open = (n: NotificationDto) => {
    if (!n.readAt) markRead.mutate(n.id)
    setIsOpen(false)
    if (n.link) navigate(n.link)
  }

  const content = (
    <div className="bvct-bell-panel" data-testid="bell-panel">
      {!data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} />
      ) : (
        data.items.map((n) => {
          const { title, body } = textOf(n)
          return (
          <button key={n.id} type="button" className={n.readAt ? 'bvct-note' : 'bvct-note bvct-note-unread'} onClick={() => open(n)}>
            <span className="bvct-note-title">{title}</span>
            {body && <span className="bvct-note-body">{body}</span>}
            <span className="bvct-note-time">{formatDateTime(n.createdAt)}</span>
          </button>
          )
        })
      )}
      <div className="bvct-bell-footer">
        {unread > 0 && (
          <Button size="small" type="link" onClick={() => markRead.mutate('all')} loading={markRead.isPending && markRead.variables === 'all'}>
            {t('notifications.markAllRead')}
          </Button>
        )}
        <Button
          size="small"
          type="link"
          onClick={() => {
            setIsOpen(false)
            navigate('/notifications')
          }}
        >
          {t('notifications.seeAll')}
        </Button>
      </div>
    </div>
  )

  const bell = (
    <Button
      type="text"
      aria-label={t('notifications.bell', { count: unread })}
      data-testid="bell"
      className="bvct-bell"
      onClick={isPhone ? () => navigate('/notifications') : undefined}
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <BellIcon style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  )
  // A phone has no room for a floating panel: the bell opens the list itself.
  if (isPhone) return bell
  return (
    <Popover
      trigger="click"
      open={isOpen}
      onOpenChange={setIsOpen}
      content={content}
      title={<Typography.Text strong>{t('notifications.title')}</Typography.Text>}
      placement="bottomRight"
      arrow={false}
    >
      {bell}
    </Popover>
  )
}

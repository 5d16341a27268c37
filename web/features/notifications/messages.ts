// Messages of notifications and overdue lists (web/features/notifications).
// Placeholders are {name}. Vietnamese is the source of keys; English must have every one (the type says so).
const vi = {
  'notifications.title': 'Thông báo',
  'notifications.bell': 'Thông báo: {count} chưa đọc',
  'notifications.none': 'Không có thông báo',
  'notifications.all': 'Tất cả',
  'notifications.unread': 'Chưa đọc ({count})',
  'notifications.markRead': 'Đánh dấu đã đọc',
  'notifications.markAllRead': 'Đánh dấu tất cả đã đọc',
  'notifications.seeAll': 'Xem tất cả',
  'notifications.overdueTab': 'Việc quá hạn',
  'notifications.kind': 'Loại',
  'notifications.what': 'Nội dung',
  'notifications.due': 'hạn {date}',
  'notifications.dueDate': 'Hạn',
  'notifications.overdue.acknowledgement': 'Chưa tiếp nhận',
  'notifications.overdue.plan': 'Chưa trình kế hoạch',
  'notifications.overdue.action': 'Nhiệm vụ quá hạn',
} as const

const en: Record<keyof typeof vi, string> = {
  'notifications.title': 'Notifications',
  'notifications.bell': 'Notifications: {count} unread',
  'notifications.none': 'No notifications',
  'notifications.all': 'All',
  'notifications.unread': 'Unread ({count})',
  'notifications.markRead': 'Mark as read',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.seeAll': 'See all',
  'notifications.overdueTab': 'Overdue',
  'notifications.kind': 'Kind',
  'notifications.what': 'What',
  'notifications.due': 'due {date}',
  'notifications.dueDate': 'Due',
  'notifications.overdue.acknowledgement': 'Not acknowledged',
  'notifications.overdue.plan': 'Plan not submitted',
  'notifications.overdue.action': 'Action overdue',
}

export const notificationsMessages = { vi, en }

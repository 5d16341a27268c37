import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import { renderNotification } from '../../../contract/notification-texts.ts'
import type { markReadDto, NotificationDto, NotificationListDto, NotificationSettingsDto, NotificationSettingsInput, overdueListDto } from '../../../contract/notifications.ts'
import { useLang } from '../../i18n/useT.ts'
import { api } from '../../api/client.ts'

export const NOTIFICATIONS_KEY = ['notifications'] as const

/** The latest notifications and the unread count; polled so the bell stays current. */
export function useNotifications(opts: { unreadOnly?: boolean; limit?: number; poll?: boolean } = {}) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, opts.unreadOnly ?? false, opts.limit ?? 50],
    queryFn: () => api<NotificationListDto>('/notifications', { query: { unreadOnly: opts.unreadOnly, limit: opts.limit ?? 50 } }),
    refetchInterval: opts.poll ? 60_000 : false,
    staleTime: 15_000,
  })
}

export function useMarkRead() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: number | 'all') => api<z.infer<typeof markReadDto>>(id === 'all' ? '/notifications/read-all' : `/notifications/${id}/read`, { method: 'POST' }),
    onSettled: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  })
}

export function useOverdue(enabled: boolean) {
  return useQuery({
    queryKey: ['overdue'],
    queryFn: async () => (await api<z.infer<typeof overdueListDto>>('/overdue')).items,
    enabled,
  })
}

/** A notification's title and body in the reader's language (older kinds carry their own Vietnamese text). */
export function useNoteText(): (n: NotificationDto) => { title: string; body: string } {
  const lang = useLang()
  return (n) => renderNotification(n.kind, n.params, lang) ?? { title: n.title, body: n.body }
}

const SETTINGS_KEY = ['notification-settings'] as const

export function useNotificationSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api<NotificationSettingsDto>('/me/notification-settings') })
}

export function useSaveNotificationSettings() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: NotificationSettingsInput) => api<NotificationSettingsDto>('/me/notification-settings', { method: 'PUT', body }),
    onSuccess: (data) => qc.setQueryData(SETTINGS_KEY, data),
  })
}

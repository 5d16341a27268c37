import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client.ts'

export interface NotificationDto {
  id: number
  kind: string
  title: string
  body: string
  /** An app path, e.g. /directives/1/units/12/plan. */
  link: string | null
  createdAt: string
  readAt: string | null
}

export interface OverdueItemDto {
  kind: 'acknowledgement' | 'plan' | 'action'
  directiveId: number
  directiveNumber: string | null
  unitId: number
  unitName: string
  dueDate: string
  actionId: number | null
  title: string
}

export const NOTIFICATIONS_KEY = ['notifications'] as const

/** The latest notifications and the unread count; polled so the bell stays current. */
export function useNotifications(opts: { unreadOnly?: boolean; limit?: number; poll?: boolean } = {}) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, opts.unreadOnly ?? false, opts.limit ?? 50],
    queryFn: () => api<{ unread: number; items: NotificationDto[] }>('/notifications', { query: { unreadOnly: opts.unreadOnly, limit: opts.limit ?? 50 } }),
    refetchInterval: opts.poll ? 60_000 : false,
    staleTime: 15_000,
  })
}

export function useMarkRead() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (id: number | 'all') => api<{ updated: number }>(id === 'all' ? '/notifications/read-all' : `/notifications/${id}/read`, { method: 'POST' }),
    onSettled: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  })
}

export function useOverdue(enabled: boolean) {
  return useQuery({
    queryKey: ['overdue'],
    queryFn: async () => (await api<{ items: OverdueItemDto[] }>('/overdue')).items,
    enabled,
  })
}

import { useInfiniteQuery } from '@tanstack/react-query'
import type { AuditEntryDto } from '../../../contract/audit.ts'
import { api } from '../../api/client.ts'

export interface AuditFilters {
  actorId?: number
  entity?: string
  entityId?: string
  /** yyyy-mm-dd, inclusive */
  from?: string
  to?: string
}

export const AUDIT_PAGE_SIZE = 50

/** The audit log, newest first, one page at a time: the next page starts before the last id seen. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      api<{ items: AuditEntryDto[] }>('/audit', { query: { ...filters, limit: AUDIT_PAGE_SIZE, beforeId: pageParam } }).then((r) => r.items),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length < AUDIT_PAGE_SIZE ? undefined : last[last.length - 1].id),
  })
}

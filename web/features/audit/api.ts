import { useInfiniteQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { auditListDto, auditListQuery } from '../../../contract/audit.ts'
import { api } from '../../api/client.ts'

/** The log's filters; `from` and `to` are days (yyyy-mm-dd), both inclusive. */
export type AuditFilters = Pick<z.output<typeof auditListQuery>, 'actorId' | 'sessionNo' | 'entity' | 'entityId' | 'from' | 'to'>

export const AUDIT_PAGE_SIZE = 50

/** The audit log, newest first, one page at a time: the next page starts before the last id seen. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      api<z.infer<typeof auditListDto>>('/audit', { query: { ...filters, limit: AUDIT_PAGE_SIZE, beforeId: pageParam } }).then((r) => r.items),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length < AUDIT_PAGE_SIZE ? undefined : last[last.length - 1].id),
  })
}

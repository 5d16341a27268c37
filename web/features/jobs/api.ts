import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { JobRunListDto } from '../../../contract/jobs.ts'
import { api } from '../../api/client.ts'

export const JOBS_KEY = ['admin-jobs'] as const

/** Each scheduled job's last run and the newest runs, refreshed every half minute while open. */
export function useJobRuns(filter: { job?: string; state?: string }) {
  return useQuery({
    queryKey: [...JOBS_KEY, filter],
    queryFn: () => api<JobRunListDto>('/admin/jobs', { query: { ...filter, limit: 200 } }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  })
}

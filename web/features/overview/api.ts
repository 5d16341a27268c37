import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { IndicatorKey, IndicatorUnitsDto, OverviewDto } from '../../../contract/overview.ts'
import { api } from '../../api/client.ts'

/** The exports of GET /overview, for the same `under`. */
export const OVERVIEW_XLSX = '/overview.xlsx'
export const OVERVIEW_DOCX = '/overview.docx'

/** The overview of the caller's scope, or of the unit `under` in it. */
export function useOverview(under: number | undefined) {
  return useQuery({
    queryKey: ['overview', { under }],
    queryFn: () => api<OverviewDto>('/overview', { query: { under } }),
    placeholderData: keepPreviousData,
  })
}

/** One indicator over the units below `under` (or the top units of the caller's scope), worst first. */
export function useIndicatorUnits(key: IndicatorKey | null, under: number | undefined) {
  return useQuery({
    queryKey: ['overview', key, 'units', { under }],
    queryFn: () => api<IndicatorUnitsDto>(`/overview/${key}/units`, { query: { under } }),
    enabled: !!key,
    placeholderData: keepPreviousData,
  })
}

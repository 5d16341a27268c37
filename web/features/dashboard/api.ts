import { keepPreviousData, useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import type { MatrixDto } from '../../../contract/dashboard.ts'
import type { CellStatus } from '../../../contract/timeliness.ts'
import type { UnitKind } from '../../../contract/units.ts'
import { api, type QueryValue } from '../../api/client.ts'

export interface MatrixFilters {
  asOf?: string
  kind?: UnitKind
  status?: CellStatus
  overdueOnly?: boolean
  sort?: 'overdue'
}

/** Filters and ranking apply to units one by one, so they switch the matrix to a flat list. */
export const isFlat = (f: MatrixFilters) => !!(f.kind || f.status || f.overdueOnly || f.sort)

export function matrixQuery(f: MatrixFilters): Record<string, QueryValue> {
  return { asOf: f.asOf, kind: f.kind, status: f.status, overdueOnly: f.overdueOnly, sort: f.sort, flat: isFlat(f) }
}

/** Rows of a flat view per request: the first page shows while the next ones load. */
export const FLAT_PAGE = 500

/**
 * The default view (top two levels of the caller's scope, aggregated) or, with filters, every unit:
 * the flat view comes a page at a time, each page appended as it arrives (5,000 units were one
 * 6 MB answer), with the totals over every row from the first page on.
 */
export function useMatrix(directiveId: number, f: MatrixFilters, enabled = true) {
  const query = matrixQuery(f)
  const flat = isFlat(f)
  const tree = useQuery({
    enabled: enabled && !flat,
    queryKey: ['matrix', directiveId, query],
    queryFn: () => api<MatrixDto>(`/directives/${directiveId}/matrix`, { query }),
    placeholderData: keepPreviousData,
  })
  const pages = useInfiniteQuery({
    enabled: enabled && flat,
    queryKey: ['matrix', directiveId, query, 'pages'],
    queryFn: ({ pageParam }) => api<MatrixDto>(`/directives/${directiveId}/matrix`, { query: { ...query, offset: pageParam, limit: FLAT_PAGE } }),
    initialPageParam: 0,
    getNextPageParam: (last: MatrixDto) => (last.page && last.page.offset + last.page.limit < last.page.total ? last.page.offset + last.page.limit : undefined),
    placeholderData: keepPreviousData,
  })
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = pages
  useEffect(() => {
    if (flat && hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage()
  }, [flat, hasNextPage, isFetchingNextPage, isError, fetchNextPage])
  const merged = useMemo(() => {
    const all = pages.data?.pages
    return all?.length ? { ...all[0], rows: all.flatMap((p) => p.rows) } : undefined
  }, [pages.data])
  if (!flat) return { data: tree.data, error: tree.error, isFetching: tree.isFetching, isLoading: tree.isLoading }
  return { data: merged, error: pages.error, isFetching: pages.isFetching, isLoading: pages.isLoading }
}

/** The children of each expanded row, one request per row, each row aggregated over its subtree. */
export function useExpandedRows(directiveId: number, unitIds: number[], asOf: string | undefined) {
  return useQueries({
    queries: unitIds.map((under) => ({
      queryKey: ['matrix', directiveId, { asOf, under }],
      queryFn: () => api<MatrixDto>(`/directives/${directiveId}/matrix`, { query: { asOf, under } }),
    })),
  })
}

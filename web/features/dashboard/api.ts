import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query'
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

/** The default view (top two levels of the caller's scope, aggregated) or, with filters, every unit. */
export function useMatrix(directiveId: number, f: MatrixFilters, enabled = true) {
  const query = matrixQuery(f)
  return useQuery({
    enabled,
    queryKey: ['matrix', directiveId, query],
    queryFn: () => api<MatrixDto>(`/directives/${directiveId}/matrix`, { query }),
    placeholderData: keepPreviousData,
  })
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

import type { TablePaginationConfig } from 'antd'
import { useCallback, useState } from 'react'
import { useT } from '../i18n/useT.ts'
import { useIsPhone } from './useIsPhone.ts'

const PAGE_SIZE = 20
const PAGE_SIZE_OPTIONS = [20, 50, 100]

function usePager(pageSizeOptions: number[]): TablePaginationConfig {
  const t = useT()
  const isPhone = useIsPhone()
  return {
    showSizeChanger: true,
    pageSizeOptions,
    simple: isPhone,
    showTotal: (total, [from, to]) => t('common.rangeOfTotal', { from, to, total }),
  }
}

/** The pager every list table shows: 20 a page, a size picker, "1–20 of N", the simple pager on a phone. */
export function useListPagination(pageSizeOptions = PAGE_SIZE_OPTIONS): TablePaginationConfig {
  return { defaultPageSize: PAGE_SIZE, ...usePager(pageSizeOptions) }
}

/**
 * Paging done by the server: `limit`/`offset` for the query, and the table's pager for a `total`.
 * A new page size starts again at page 1; so does `toFirstPage`, for a changed search or filter
 * (`withFirstPage(setX)` is a setter that does both).
 */
export function useServerPaging() {
  const t = useT()
  const pager = usePager(PAGE_SIZE_OPTIONS)
  const [page, setPage] = useState({ current: 1, size: PAGE_SIZE })
  const toFirstPage = useCallback(() => setPage((p) => ({ ...p, current: 1 })), [])
  const withFirstPage = <T>(set: (value: T) => void) => (value: T) => {
    set(value)
    toFirstPage()
  }
  /** `isTotalCapped`: the server stopped counting at `total` (people search): "of more than N". */
  const pagination = (total: number, isTotalCapped = false): TablePaginationConfig => ({
    ...pager,
    ...(isTotalCapped && { showTotal: (n: number, [from, to]: [number, number]) => t('common.rangeOfMore', { from, to, total: n }) }),
    current: page.current,
    pageSize: page.size,
    total,
    onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
  })
  return { limit: page.size, offset: (page.current - 1) * page.size, toFirstPage, withFirstPage, pagination }
}

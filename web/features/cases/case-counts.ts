import { CASE_KINDS, CASE_STATUSES } from '../../../contract/cases.ts'
import type { CaseCounts } from './api.ts'

type Kind = (typeof CASE_KINDS)[number]
type Status = (typeof CASE_STATUSES)[number]

export interface CountRow {
  kind: Kind
  byStatus: Record<Status, number>
  overdue: number
}

/** The counts as one row per kind: a column per status, and the open ones past their deadline. */
export function countRows(counts: CaseCounts): CountRow[] {
  return CASE_KINDS.map((kind) => {
    const items = counts.items.filter((i) => i.kind === kind)
    const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, items.find((i) => i.status === s)?.total ?? 0])) as Record<Status, number>
    return { kind, byStatus, overdue: items.reduce((n, i) => n + i.overdue, 0) }
  })
}

import type { ReportStatus } from '../../../contract/reports.ts'
import type { Queryable } from '../../db/types.ts'
import { openPeriodsOf, periodUnits } from './periods.queries.ts'

export interface ReportCell {
  periodId: number
  title: string
  deadline: string
  /** The unit's own status; for a subtree row, the count of its units in each status. */
  status: ReportStatus | null
  counts: Partial<Record<ReportStatus, number>>
}

/** The dashboard's report column: for each open period covering the directive, each row's status. */
export async function reportColumn(db: Queryable, directiveId: number, rows: { id: number; path: string; isAggregate: boolean }[], asOf: string, under: string[]) {
  const out = new Map<number, ReportCell[]>(rows.map((r) => [r.id, []]))
  // Only the period's units under the rows (`under`: their subtrees, each once) are read: a subtree
  // view of 165 units read the ministry's 200 reporting units with their labels.
  for (const period of await openPeriodsOf(db, directiveId)) {
    const units = await periodUnits(db, period, under, asOf)
    // A unit's own row looks itself up; only subtree rows (a few dozen) scan the list.
    const byUnit = new Map(units.map((u) => [u.unitId, u]))
    for (const r of rows) {
      const own = byUnit.get(r.id)
      const mine = r.isAggregate ? units.filter((u) => u.path === r.path || u.path.startsWith(r.path + '.')) : own ? [own] : []
      const counts: Partial<Record<ReportStatus, number>> = {}
      for (const u of mine) counts[u.status] = (counts[u.status] ?? 0) + 1
      out.get(r.id)!.push({ periodId: period.id, title: period.title, deadline: period.deadline, status: r.isAggregate ? null : mine[0]?.status ?? null, counts })
    }
  }
  return out
}

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

type ColumnRow = { id: number; path: string; isAggregate: boolean }

/**
 * The dashboard's report column: for each open period covering the directive, each row's status.
 * The rows may still be coming (a promise): the periods are read meanwhile, since they depend only
 * on `under`, and the matrix works out which rows stand for a subtree while they are read.
 */
export async function reportColumn(db: Queryable, directiveId: number, rows: ColumnRow[] | Promise<ColumnRow[]>, asOf: string, under: string[]) {
  // Only the period's units under the rows (`under`: their subtrees, each once) are read: a subtree
  // view of 165 units read the ministry's 200 reporting units with their labels.
  const periods = []
  for (const period of await openPeriodsOf(db, directiveId)) periods.push({ period, units: await periodUnits(db, period, under, asOf) })
  const list = await rows
  const out = new Map<number, ReportCell[]>(list.map((r) => [r.id, []]))
  for (const { period, units } of periods) {
    // A unit's own row looks itself up; only subtree rows (a few dozen) scan the list.
    const byUnit = new Map(units.map((u) => [u.unitId, u]))
    for (const r of list) {
      const own = byUnit.get(r.id)
      const mine = r.isAggregate ? units.filter((u) => u.path === r.path || u.path.startsWith(r.path + '.')) : own ? [own] : []
      const counts: Partial<Record<ReportStatus, number>> = {}
      for (const u of mine) counts[u.status] = (counts[u.status] ?? 0) + 1
      out.get(r.id)!.push({ periodId: period.id, title: period.title, deadline: period.deadline, status: r.isAggregate ? null : mine[0]?.status ?? null, counts })
    }
  }
  return out
}

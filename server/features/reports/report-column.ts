import type { ReportStatus } from '../../../contract/reports.ts'
import type { Queryable } from '../../db/types.ts'
import { periodUnits } from './periods.queries.ts'
import { findPeriod } from './periods.queries.ts'

export interface ReportCell {
  periodId: number
  title: string
  deadline: string
  /** The unit's own status; for a subtree row, the count of its units in each status. */
  status: ReportStatus | null
  counts: Partial<Record<ReportStatus, number>>
}

/** The dashboard's report column: for each open period covering the directive, each row's status. */
export async function reportColumn(db: Queryable, directiveId: number, rows: { id: number; path: string; isAggregate: boolean }[], asOf: string) {
  const out = new Map<number, ReportCell[]>(rows.map((r) => [r.id, []]))
  const periods = await db.query<{ id: number }>(
    `SELECT p.id FROM report_period p JOIN report_period_directive d ON d.period_id = p.id WHERE d.directive_id = $1 AND p.status = 'open' ORDER BY p.deadline`,
    [directiveId],
  )
  for (const { id } of periods) {
    const period = (await findPeriod(db, id))!
    const units = await periodUnits(db, period, null, asOf)
    // A unit's own row looks itself up; only subtree rows (a few dozen) scan the list.
    const byUnit = new Map(units.map((u) => [u.unitId, u]))
    for (const r of rows) {
      const own = byUnit.get(r.id)
      const mine = r.isAggregate ? units.filter((u) => u.path === r.path || u.path.startsWith(r.path + '.')) : own ? [own] : []
      const counts: Partial<Record<ReportStatus, number>> = {}
      for (const u of mine) counts[u.status] = (counts[u.status] ?? 0) + 1
      out.get(r.id)!.push({ periodId: id, title: period.title, deadline: period.deadline, status: r.isAggregate ? null : mine[0]?.status ?? null, counts })
    }
  }
  return out
}

import type { ReportStatus } from '../../../contract/reports.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { reportStatus } from './periods.queries.ts'

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
 * The rows may still be coming (a promise): the periods and their units are read meanwhile, since
 * they depend only on `under`, and the matrix works out which rows stand for a subtree while they are read.
 */
export async function reportColumn(db: Queryable, directiveId: number, rows: ColumnRow[] | Promise<ColumnRow[]>, asOf: string, under: string[]) {
  // One read for the periods and their units under the rows (`under`: their subtrees, each once):
  // a subtree view of 165 units read the ministry's 200 reporting units with their labels, and the
  // periods and each period's units one after another, the view waiting on each.
  const found = await db.query<{ id: number; title: string; deadline: string; unit_id: number | null; path: string | null; status: string | null; submitted_versions: number }>(
    `SELECT p.id, p.title, p.deadline, pu.unit_id, pu.path, pu.status, coalesce(pu.submitted_versions, 0) AS submitted_versions
     FROM report_period p JOIN report_period_directive d ON d.period_id = p.id AND d.directive_id = $1
     LEFT JOIN (SELECT pu.period_id, pu.unit_id, u.path::text AS path, r.status, r.submitted_versions
                FROM report_period_unit pu JOIN unit u ON u.id = pu.unit_id AND u.path <@ ANY($2::ltree[])
                LEFT JOIN unit_report r ON r.period_id = pu.period_id AND r.unit_id = pu.unit_id) pu ON pu.period_id = p.id
     WHERE p.status = 'open' ORDER BY p.deadline, p.id, pu.unit_id`,
    [directiveId, arrayLiteral(under)],
  )
  const periods = new Map<number, { id: number; title: string; deadline: string; units: { unitId: number; path: string; status: ReportStatus }[] }>()
  for (const f of found) {
    let period = periods.get(f.id)
    if (!period) periods.set(f.id, (period = { id: f.id, title: f.title, deadline: f.deadline, units: [] }))
    if (f.unit_id !== null) period.units.push({ unitId: f.unit_id, path: f.path!, status: reportStatus(f.status, f.submitted_versions, f.deadline, asOf) })
  }
  const list = await rows
  const out = new Map<number, ReportCell[]>(list.map((r) => [r.id, []]))
  for (const { units, ...period } of periods.values()) {
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

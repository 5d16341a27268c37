import type { DirectiveFigures } from '../../../contract/reports.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { coverageOf } from '../dissemination/coverage.service.ts'
import { inspectionFigures } from '../inspections/inspection-figures.service.ts'

/**
 * What BVCT already knows about a unit's work on each directive, as of `asOf`: acknowledgement,
 * sessions held, coverage, plan actions done / overdue (action_timeliness, migration 0006) / done
 * without evidence, inspections held and corrective actions closed (with the inspections they
 * come from).
 */
export async function unitFigures(db: Queryable, unitId: number, directiveIds: number[], asOf: string): Promise<DirectiveFigures[]> {
  return (await unitsFigures(db, [unitId], directiveIds, asOf)).get(unitId) ?? []
}

/**
 * The same for many units at once (a consolidated report's 200): a fixed number of grouped queries
 * whatever the number of units, so a ministry's report costs what one unit's did.
 */
export async function unitsFigures(db: Queryable, unitIds: number[], directiveIds: number[], asOf: string): Promise<Map<number, DirectiveFigures[]>> {
  const out = new Map<number, DirectiveFigures[]>(unitIds.map((id) => [id, []]))
  if (!directiveIds.length || !unitIds.length) return out
  // One after another: `db` may be a transaction's one client (a report's submission).
  const rows = await db.query<{
    unit_id: number; id: number; number: string | null; acknowledged_at: Date | string | null; sessions: number
    total: number; done: number; overdue: number; done_no_evidence: number
  }>(
    `SELECT x.unit_id, d.id, d.number, a.acknowledged_at,
       (SELECT count(*)::int FROM dissemination_session s WHERE s.directive_id = d.id AND s.unit_id = x.unit_id) AS sessions,
       pa.total, pa.done, pa.overdue, pa.done_no_evidence
     FROM unnest($1::int[]) AS x(unit_id) CROSS JOIN directive d
     LEFT JOIN directive_addressee a ON a.directive_id = d.id AND a.unit_id = x.unit_id
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS total,
         count(*) FILTER (WHERE t.cls IN ('done_on_time', 'done_late'))::int AS done,
         count(*) FILTER (WHERE t.cls = 'overdue')::int AS overdue,
         -- A subset of done (same rule), so "done without evidence" never exceeds "done" beside it.
         count(*) FILTER (WHERE t.cls IN ('done_on_time', 'done_late') AND NOT EXISTS (SELECT 1 FROM action_evidence e WHERE e.action_id = pa.id))::int AS done_no_evidence
       FROM plan_action pa CROSS JOIN LATERAL (SELECT action_timeliness(pa.status, pa.completed_on, pa.effective_due_date, $3::date) AS cls) t
       WHERE pa.directive_id = d.id AND pa.unit_id = x.unit_id) pa
     WHERE d.id = ANY($2::int[]) ORDER BY x.unit_id, d.date, d.id`,
    [arrayLiteral(unitIds), arrayLiteral(directiveIds), asOf],
  )
  const inspections = await inspectionFigures(db, unitIds, directiveIds, asOf)
  const coverage = new Map<number, Map<number, Awaited<ReturnType<typeof coverageOf>>[number]>>()
  for (const d of directiveIds) coverage.set(d, new Map((await coverageOf(db, d, unitIds)).map((c) => [c.unitId, c])))
  for (const r of rows) {
    const insp = inspections.get(r.unit_id)!.get(r.id)!
    const cov = coverage.get(r.id)!.get(r.unit_id)
    out.get(r.unit_id)!.push({
      directiveId: r.id, number: r.number, acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null, sessions: r.sessions,
      activePeople: cov?.activePeople ?? 0, reached: cov?.reached ?? 0, coverage: cov?.activePeople ? cov.coverage : null,
      actionsTotal: r.total, actionsDone: r.done, actionsOverdue: r.overdue, actionsDoneWithoutEvidence: r.done_no_evidence,
      inspectionsHeld: insp.inspectionsHeld, correctiveActionsClosed: insp.correctiveActionsClosed, inspectionSources: insp.inspections,
    })
  }
  return out
}

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
  if (!directiveIds.length) return []
  const rows = await db.query<{
    id: number; number: string | null; acknowledged_at: Date | string | null; sessions: number
    total: number; done: number; overdue: number; done_no_evidence: number
  }>(
    `SELECT d.id, d.number, a.acknowledged_at,
       (SELECT count(*)::int FROM dissemination_session s WHERE s.directive_id = d.id AND s.unit_id = $1) AS sessions,
       pa.total, pa.done, pa.overdue, pa.done_no_evidence
     FROM directive d LEFT JOIN directive_addressee a ON a.directive_id = d.id AND a.unit_id = $1
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS total,
         count(*) FILTER (WHERE t.cls IN ('done_on_time', 'done_late'))::int AS done,
         count(*) FILTER (WHERE t.cls = 'overdue')::int AS overdue,
         -- A subset of done (same rule), so "done without evidence" never exceeds "done" beside it.
         count(*) FILTER (WHERE t.cls IN ('done_on_time', 'done_late') AND NOT EXISTS (SELECT 1 FROM action_evidence e WHERE e.action_id = pa.id))::int AS done_no_evidence
       FROM plan_action pa CROSS JOIN LATERAL (SELECT action_timeliness(pa.status, pa.completed_on, pa.effective_due_date, $3::date) AS cls) t
       WHERE pa.directive_id = d.id AND pa.unit_id = $1) pa
     WHERE d.id = ANY($2::int[]) ORDER BY d.date, d.id`,
    [unitId, arrayLiteral(directiveIds), asOf],
  )
  const inspections = await inspectionFigures(db, unitId, directiveIds, asOf)
  const out: DirectiveFigures[] = []
  for (const r of rows) {
    const insp = inspections.get(r.id)!
    const [cov] = await coverageOf(db, r.id, [unitId])
    out.push({
      directiveId: r.id, number: r.number, acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null, sessions: r.sessions,
      activePeople: cov?.activePeople ?? 0, reached: cov?.reached ?? 0, coverage: cov?.activePeople ? cov.coverage : null,
      actionsTotal: r.total, actionsDone: r.done, actionsOverdue: r.overdue, actionsDoneWithoutEvidence: r.done_no_evidence,
      inspectionsHeld: insp.inspectionsHeld, correctiveActionsClosed: insp.correctiveActionsClosed, inspectionSources: insp.inspections,
    })
  }
  return out
}

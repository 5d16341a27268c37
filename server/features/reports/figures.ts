import type { DirectiveFigures } from '../../../contract/reports.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { coverageByUnit } from '../dissemination/dissemination.queries.ts'

/**
 * What BVCT already knows about a unit's work on each directive, as of `asOf`: acknowledgement,
 * sessions held, coverage, plan actions done / overdue / done without evidence.
 */
export async function unitFigures(db: Queryable, unitId: number, directiveIds: number[], asOf: string): Promise<DirectiveFigures[]> {
  if (!directiveIds.length) return []
  const rows = await db.query<any>(
    `SELECT d.id, d.number, a.acknowledged_at,
       (SELECT count(*)::int FROM dissemination_session s WHERE s.directive_id = d.id AND s.unit_id = $1) AS sessions,
       (SELECT count(*)::int FROM plan_action pa WHERE pa.directive_id = d.id AND pa.unit_id = $1) AS total,
       (SELECT count(*)::int FROM plan_action pa WHERE pa.directive_id = d.id AND pa.unit_id = $1 AND pa.status = 'done' AND pa.completed_on <= $3::date) AS done,
       (SELECT count(*)::int FROM plan_action pa WHERE pa.directive_id = d.id AND pa.unit_id = $1 AND NOT (pa.status = 'done' AND pa.completed_on <= $3::date) AND pa.effective_due_date < $3::date) AS overdue,
       (SELECT count(*)::int FROM plan_action pa WHERE pa.directive_id = d.id AND pa.unit_id = $1 AND pa.status = 'done'
          AND NOT EXISTS (SELECT 1 FROM action_evidence e WHERE e.action_id = pa.id)) AS done_no_evidence
     FROM directive d LEFT JOIN directive_addressee a ON a.directive_id = d.id AND a.unit_id = $1
     WHERE d.id = ANY($2::int[]) ORDER BY d.date, d.id`,
    [unitId, arrayLiteral(directiveIds), asOf],
  )
  const out: DirectiveFigures[] = []
  for (const r of rows) {
    const [cov] = await coverageByUnit(db, r.id, [unitId])
    out.push({
      directiveId: r.id, number: r.number, acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null, sessions: r.sessions,
      activePeople: cov?.activePeople ?? 0, reached: cov?.reached ?? 0, coverage: cov?.activePeople ? cov.coverage : null,
      actionsTotal: r.total, actionsDone: r.done, actionsOverdue: r.overdue, actionsDoneWithoutEvidence: r.done_no_evidence,
    })
  }
  return out
}

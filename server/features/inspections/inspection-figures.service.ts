// What other features show of inspections: the directive dashboard's per-unit columns (open
// findings, overdue corrective actions) and the report editor's known figures (inspections held,
// corrective actions closed, with the inspections they come from).
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { overdueByUnit } from './corrective-actions.queries.ts'
import { openFindingsByUnit } from './findings.queries.ts'

export interface UnitInspectionFigures {
  openFindings: number
  overdueCorrectiveActions: number
}

type ColumnRow = { id: number; isAggregate: boolean }

/**
 * Each row's open findings and overdue corrective actions on `asOf`: the row's own unit, or (for a
 * row standing for its subtree) every unit below it, counting only units under `scopes`. Two grouped
 * queries on partial indexes whatever the number of rows; the subtree sums are added up here by
 * walking each counted unit's path (its ancestors are the ids in it).
 */
export async function inspectionColumns(
  db: Queryable, scopes: string[], rows: ColumnRow[] | Promise<ColumnRow[]>, asOf: string,
): Promise<Map<number, UnitInspectionFigures>> {
  // Two independent counts at once (the matrix reads through a pool), and the rows may still be
  // coming (a promise): the matrix works out which rows stand for a subtree while these are read.
  const none: { path: string; n: number }[] = []
  const [list, findings, overdue] = await Promise.all([
    rows, scopes.length ? openFindingsByUnit(db, scopes) : none, scopes.length ? overdueByUnit(db, scopes, asOf) : none,
  ])
  const out = new Map<number, UnitInspectionFigures>(list.map((r) => [r.id, { openFindings: 0, overdueCorrectiveActions: 0 }]))
  const aggregate = new Set(list.filter((r) => r.isAggregate).map((r) => r.id))
  const add = (counts: { path: string; n: number }[], key: keyof UnitInspectionFigures) => {
    for (const c of counts) {
      const ids = c.path.split('.').map(Number)
      const own = ids[ids.length - 1]
      for (const id of ids) {
        const fig = out.get(id)
        if (fig && (id === own || aggregate.has(id))) fig[key] += c.n
      }
    }
  }
  add(findings, 'openFindings')
  add(overdue, 'overdueCorrectiveActions')
  return out
}

export interface InspectionFigures {
  directiveId: number
  inspectionsHeld: number
  correctiveActionsClosed: number
  inspections: { id: number; number: string; decisionNumber: string; concludedOn: string }[]
}

/**
 * For units' reports on each directive, as of `asOf`: the inspections of each unit concerning the
 * directive concluded by then, and its corrective actions closed by then that came from those
 * inspections or concern the directive's requirements. The inspections are the figures' source.
 * Keyed by unit, then directive; two grouped queries for any number of units.
 */
export async function inspectionFigures(db: Queryable, unitIds: number[], directiveIds: number[], asOf: string): Promise<Map<number, Map<number, InspectionFigures>>> {
  const out = new Map<number, Map<number, InspectionFigures>>(unitIds.map((u) => [u, new Map(directiveIds.map((d) => [d, { directiveId: d, inspectionsHeld: 0, correctiveActionsClosed: 0, inspections: [] }]))]))
  if (!directiveIds.length || !unitIds.length) return out
  // One after another: `db` may be a transaction's one client.
  const held = await db.query<{ unit_id: number; directive_id: number; id: number; number: string; decision_number: string; concluded_on: string }>(
      `SELECT iu.unit_id, d AS directive_id, i.id, i.number, i.decision_number, i.concluded_on
       FROM inspection i JOIN inspection_unit iu ON iu.inspection_id = i.id AND iu.unit_id = ANY($1::int[]) CROSS JOIN LATERAL unnest(i.directive_ids) AS d
       WHERE d = ANY($2::int[]) AND i.concluded_on IS NOT NULL AND i.concluded_on <= $3::date ORDER BY i.concluded_on, i.id`,
      [arrayLiteral(unitIds), arrayLiteral(directiveIds), asOf],
    )
  const closed = await db.query<{ unit_id: number; directive_id: number; n: number }>(
      `SELECT ca.unit_id, d.id AS directive_id, count(DISTINCT ca.id)::int AS n
       FROM unnest($2::int[]) AS d(id) JOIN corrective_action ca ON ca.unit_id = ANY($1::int[]) AND ca.status = 'closed' AND ca.closed_on <= $3::date
       LEFT JOIN inspection i ON i.id = ca.inspection_id LEFT JOIN requirement r ON r.id = ca.requirement_id
       WHERE r.directive_id = d.id OR d.id = ANY(i.directive_ids)
       GROUP BY ca.unit_id, d.id`,
      [arrayLiteral(unitIds), arrayLiteral(directiveIds), asOf],
    )
  for (const h of held) {
    const f = out.get(h.unit_id)!.get(h.directive_id)!
    f.inspectionsHeld++
    f.inspections.push({ id: h.id, number: h.number, decisionNumber: h.decision_number, concludedOn: h.concluded_on })
  }
  for (const c of closed) out.get(c.unit_id)!.get(c.directive_id)!.correctiveActionsClosed = c.n
  return out
}

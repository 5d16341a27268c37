// A unit's history: the inspections it was a subject of, the findings about it and the corrective
// actions it owes, for whoever reaches the unit's records (its own people, oversight above it, an
// inspector of one of its inspections). With `subtree`, its sub-units' too.
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { listCorrective } from './corrective-actions.queries.ts'
import { findingDtos } from './finding-dtos.ts'
import { findingsOfUnit } from './findings.queries.ts'
import { reachableUnitOr404, reachesUnitSql, visibilityOf } from './inspections.access.ts'
import { listInspections } from './inspections.queries.ts'

export async function unitHistory(db: Queryable, user: CurrentUser, unitId: number, subtree: boolean, today: string) {
  const unit = await reachableUnitOr404(db, user, unitId)
  const inspections = await listInspections(db, visibilityOf(user), subtree ? { underPath: unit.path, limit: 500, offset: 0 } : { unitId, limit: 500, offset: 0 }, today)
  const findings = await findingDtos(db, user, await findingsOfUnit(db, unit.path, subtree))
  const params: unknown[] = []
  const reach = reachesUnitSql(user, params)
  const actions = await listCorrective(db, { reach, params, unitPath: unit.path, subtree, asOf: today, limit: 200, offset: 0 })
  return { unitId, inspections: inspections.items, findings, correctiveActions: actions.items }
}

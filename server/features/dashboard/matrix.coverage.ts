import type { Queryable } from '../../db/types.ts'
import { coverageOf } from '../dissemination/coverage.service.ts'
import { addresseesUnder } from './matrix.queries.ts'
import type { CoverageFn } from './matrix.service.ts'

/**
 * Coverage for matrix rows: a unit's own figure, or for a subtree row the people reached over the
 * active people of every addressee unit in it (a ratio of sums, not an average of ratios).
 */
export const matrixCoverage: CoverageFn = async (db: Queryable, directiveId, rows, aggregate) => {
  const out = new Map<number, number | null>()
  if (!rows.length) return out
  if (!aggregate) {
    for (const c of await coverageOf(db, directiveId, rows.map((r) => r.id))) out.set(c.unitId, c.activePeople ? c.coverage : null)
    return out
  }
  const units = await addresseesUnder(db, directiveId, rows.map((r) => r.path))
  const byId = new Map((await coverageOf(db, directiveId, units.map((u) => u.id))).map((c) => [c.unitId, c]))
  for (const r of rows) {
    let reached = 0
    let active = 0
    for (const u of units) {
      if (u.path !== r.path && !u.path.startsWith(r.path + '.')) continue
      reached += byId.get(u.id)?.reached ?? 0
      active += byId.get(u.id)?.activePeople ?? 0
    }
    out.set(r.id, active ? reached / active : null)
  }
  return out
}

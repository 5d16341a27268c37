import type { Queryable } from '../../db/types.ts'
import { coverageByUnit } from './dissemination.queries.ts'

/**
 * Each unit's coverage of the directive (active people reached by a session or a receipt), one
 * entry per known unit in the order asked: what other features (the dashboard, report figures)
 * read of dissemination. The caller has checked that it may see these units.
 */
export const coverageOf = (db: Queryable, directiveId: number, unitIds: readonly number[]) => coverageByUnit(db, directiveId, unitIds)

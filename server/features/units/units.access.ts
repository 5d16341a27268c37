// "May this caller use unit N": the one rule every feature asks before it reads or files anything
// under a unit. Out of scope is the same as nonexistent.
import type { Role } from '../../../contract/roles.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { invalid, notFound } from '../../http/errors.ts'
import { canReach } from '../../http/scope.ts'
import { findUnit, type UnitRow } from './units.queries.ts'

/** The unit if the user holds one of `roles` on it or above it; else null. */
export async function reachableUnit(db: Queryable, user: CurrentUser, roles: readonly Role[], id: number): Promise<UnitRow | null> {
  const unit = await findUnit(db, id)
  return unit && canReach(user, roles, unit.path) ? unit : null
}

/** The unit named in a path or query: 404 when out of reach. */
export async function unitInScope(db: Queryable, user: CurrentUser, roles: readonly Role[], id: number): Promise<UnitRow> {
  const unit = await reachableUnit(db, user, roles, id)
  if (!unit) throw notFound()
  return unit
}

/** The unit named in a body field: a 400 naming `field` when out of reach. */
export async function unitForField(db: Queryable, user: CurrentUser, roles: readonly Role[], id: number, field: string): Promise<UnitRow> {
  const unit = await reachableUnit(db, user, roles, id)
  if (!unit) throw invalid({ [field]: 'notFound' })
  return unit
}

/** A unit by id whatever the caller's scope (for checks that compare paths themselves). */
export const unitById = (db: Queryable, id: number) => findUnit(db, id)
export type { UnitRow }

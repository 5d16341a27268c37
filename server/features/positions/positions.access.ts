// "May this caller see / change key position N": the one rule every route that touches a position
// asks. Out of scope is the same as nonexistent.
import type { Role } from '../../../contract/roles.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { notFound } from '../../http/errors.ts'
import { canReach } from '../../http/scope.ts'
import { findPosition, type PositionRow } from './positions.queries.ts'

/** The position if the user holds one of `roles` over its unit; 404 otherwise. */
export async function positionInScope(db: Queryable, user: CurrentUser, roles: readonly Role[], id: number, opts: { forUpdate?: boolean } = {}): Promise<PositionRow> {
  const p = await findPosition(db, id, opts.forUpdate)
  if (!p || !canReach(user, roles, p.unitPath)) throw notFound()
  return p
}

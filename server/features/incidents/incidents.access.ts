// "May this caller see / change incident N": its unit must be in reach. Out of reach is "not found".
import type { Role } from '../../../contract/roles.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { notFound } from '../../http/errors.ts'
import { canReach } from '../../http/scope.ts'
import { findIncident, type IncidentRow } from './incidents.queries.ts'

/** The incident if the user holds one of `roles` over its unit; 404 otherwise. */
export async function incidentInScope(db: Queryable, user: CurrentUser, roles: readonly Role[], id: number, opts: { forUpdate?: boolean } = {}): Promise<IncidentRow> {
  const i = await findIncident(db, id, opts.forUpdate)
  if (!i || !canReach(user, roles, i.unitPath)) throw notFound()
  return i
}

// "May this caller see / change channel N": the one rule every route and the incidents feature ask.
// A channel is its unit's: reach is a role held on that unit or above it. Out of reach is "not found".
import type { Role } from '../../../contract/roles.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { invalid, notFound } from '../../http/errors.ts'
import { canReach } from '../../http/scope.ts'
import { findChannel, type ChannelRow } from './channels.queries.ts'

/** The channel if the user holds one of `roles` over its unit; 404 otherwise. */
export async function channelInScope(db: Queryable, user: CurrentUser, roles: readonly Role[], id: number, opts: { forUpdate?: boolean } = {}): Promise<ChannelRow> {
  const c = await findChannel(db, id, opts.forUpdate)
  if (!c || !canReach(user, roles, c.unitPath)) throw notFound()
  return c
}

/**
 * A channel named in a body field (an incident's `channelId`): it must be in reach and belong to
 * `unitId` itself; a 400 naming `field` otherwise.
 */
export async function channelForField(db: Queryable, user: CurrentUser, roles: readonly Role[], id: number, unitId: number, field: string): Promise<ChannelRow> {
  const c = await findChannel(db, id)
  if (!c || !canReach(user, roles, c.unitPath)) throw invalid({ [field]: 'notFound' })
  if (c.unitId !== unitId) throw invalid({ [field]: 'otherUnitChannel' })
  return c
}

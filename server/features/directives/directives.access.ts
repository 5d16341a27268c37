// Who may see a directive: the one rule every feature that shows a directive or anything under it
// (its addressees, sessions, plans, matrix, reports) asks. Anything else is "not found".
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { notFound } from '../../http/errors.ts'
import { scopePaths } from '../../http/scope.ts'
import { DIRECTIVE_MANAGE_ROLES, DIRECTIVE_READ_ROLES, canManageDirective } from './directives.policy.ts'
import { findDirective, findDirectiveReaching, isDirectiveVisible, type DirectiveRow } from './directives.queries.ts'

/**
 * The directive if the user may see it, else 404 as if it did not exist. Managers see what their
 * scope owns, drafts included; everyone sees an issued directive addressed to a unit in their scope,
 * or to a unit above it (a hospital's department works under the hospital's letters).
 */
export async function visibleDirective(db: Queryable, user: CurrentUser, id: number, opts: { forUpdate?: boolean } = {}): Promise<DirectiveRow> {
  const manage = scopePaths(user, DIRECTIVE_MANAGE_ROLES)
  const read = scopePaths(user, DIRECTIVE_READ_ROLES)
  const d = (await isDirectiveVisible(db, id, manage, read)) ? await findDirective(db, id, opts.forUpdate) : null
  if (!d) throw notFound()
  return d
}

/**
 * An issued directive addressed to the unit at `unitPath` or to a unit above it: what a person of
 * that unit has been sent and may confirm. 404 otherwise.
 */
export async function directiveReachingUnit(db: Queryable, id: number, unitPath: string): Promise<DirectiveRow> {
  const d = await findDirectiveReaching(db, id, unitPath)
  if (!d) throw notFound()
  return d
}


/** A directive the user manages (a manage role over its owner), or null: for ids given in a body. */
export async function managedDirectiveOrNull(db: Queryable, user: CurrentUser, id: number): Promise<DirectiveRow | null> {
  const d = await findDirective(db, id)
  return d && canManageDirective(user, d.ownerPath) ? d : null
}

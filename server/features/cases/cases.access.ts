// Need-to-know, the one rule: a case is there for the accounts on its list (or in a group on it),
// never for an administrator, and for nobody else — 404, as if it did not exist.
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { notFound } from '../../http/errors.ts'
import { canReach } from '../../http/scope.ts'
import { BREAK_GLASS_ROLES, isAdministrator, isBoardHead } from './cases.policy.ts'
import { findCase, findCaseFor, type CaseRow } from './cases.queries.ts'

/** The case if the user is on its list; 404 otherwise. Purged content is gone for everyone. */
export async function caseOnList(db: Queryable, user: CurrentUser, id: number, opts: { forUpdate?: boolean } = {}): Promise<CaseRow> {
  const found = await findCaseFor(db, id, user.id, opts.forUpdate)
  if (!found || isAdministrator(user) || !found.isOnList) throw notFound()
  return found.c
}

/** The case for a break-glass read: a committee member over the board unit that holds it, not an administrator, the case not purged. */
export async function caseForBreakGlass(db: Queryable, user: CurrentUser, id: number): Promise<CaseRow> {
  const c = await findCase(db, id)
  if (!c || isAdministrator(user) || !canReach(user, BREAK_GLASS_ROLES, c.boardPath) || c.status === 'purged') throw notFound()
  return c
}

/** The owner and the board's head manage a case's list and read its access history. */
export const managesAccess = (user: CurrentUser, c: CaseRow) => c.ownerAccountId === user.id || isBoardHead(user, c.boardUnitId)

/** A case whose list the user manages (and is on); 404 otherwise. */
export async function caseManagedBy(db: Queryable, user: CurrentUser, id: number, opts: { forUpdate?: boolean } = {}): Promise<CaseRow> {
  const c = await findCase(db, id, opts.forUpdate)
  if (!c || isAdministrator(user) || !managesAccess(user, c)) throw notFound()
  return c
}

import type { Role } from '../../../contract/roles.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { canReach } from '../../http/scope.ts'
import { PLAN_EDIT_ROLES } from './plans.policy.ts'
import { findActionWithPlan, findEvidence, findPlanById, type EvidenceRow, type PlanRow } from './plans.queries.ts'

/** The addressee unit's path if the user holds `roles` over it; 404 otherwise. */
export async function addresseeInScope(db: Queryable, user: CurrentUser, roles: readonly Role[], directiveId: number, unitId: number) {
  const [r] = await db.query<{ path: string; status: string; plan_due_date: string }>(
    `SELECT u.path::text AS path, d.status, a.plan_due_date FROM directive_addressee a JOIN unit u ON u.id = a.unit_id JOIN directive d ON d.id = a.directive_id
     WHERE a.directive_id = $1 AND a.unit_id = $2`,
    [directiveId, unitId],
  )
  if (!r || !canReach(user, roles, r.path)) throw notFound()
  return r
}

/** A plan the user may act on with `roles`: over its unit, or (review roles) over the directive's owner. */
export async function planInScope(db: Queryable, user: CurrentUser, roles: readonly Role[], planId: number, opts: { forUpdate?: boolean; viaOwner?: boolean } = {}): Promise<PlanRow> {
  const plan = await findPlanById(db, planId, opts.forUpdate)
  if (!plan || !canReach(user, roles, opts.viaOwner ? plan.ownerPath : plan.unitPath)) throw notFound()
  return plan
}

/** The action if the user may attach evidence to it; checked before an upload is read. */
export async function evidenceTarget(db: Queryable, user: CurrentUser, actionId: number) {
  const found = await findActionWithPlan(db, actionId)
  if (!found || !canReach(user, PLAN_EDIT_ROLES, found.plan.unitPath)) throw notFound()
  requireIssued(found.plan.directiveStatus)
  return found.action
}

/** An evidence file whose unit the user holds `roles` over; 404 otherwise. */
export async function evidenceInScope(db: Queryable, user: CurrentUser, id: number, roles: readonly Role[]): Promise<EvidenceRow> {
  const e = await findEvidence(db, id)
  if (!e || !canReach(user, roles, e.unitPath)) throw notFound()
  return e
}

export function requireIssued(directiveStatus: string) {
  if (directiveStatus !== 'issued') throw new AppError('INVALID_STATE')
}

export function checkVersion(found: { version: number }, version: number, current: unknown) {
  if (found.version !== version) throw new AppError('CONFLICT', undefined, { current })
}

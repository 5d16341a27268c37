import type { PlanDto } from '../../../contract/plans.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { vnDay } from '../../lib/dates.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { checkVersion, planInScope, requireIssued } from './plans.access.ts'
import { PLAN_REVIEW_ROLES, PLAN_SUBMIT_ROLES } from './plans.policy.ts'
import { planDetail, type PlanRow } from './plans.queries.ts'
import { noticePlanReviewed } from '../notifications/work-notices.ts'

/** The plan as it now stands, read inside the writing transaction: what a plan-level change answers. */
export const planAsSaved = async (tx: Queryable, plan: Pick<PlanRow, 'directiveId' | 'unitId'>, now: Date): Promise<PlanDto> =>
  (await planDetail(tx, plan.directiveId, plan.unitId, vnDay(now)))!

/**
 * The unit head approves and submits. Submitting an already submitted plan again (a retry after a
 * network error) answers as the first submission did and changes nothing.
 */
export async function submitPlan(db: Db, user: CurrentUser, actor: Actor, planId: number, version: number): Promise<PlanDto> {
  return db.transaction(async (tx) => {
    const plan = await planInScope(tx, user, PLAN_SUBMIT_ROLES, planId, { forUpdate: true })
    requireIssued(plan.directiveStatus)
    if (plan.status === 'submitted' && plan.version === version + 1) return planAsSaved(tx, plan, actor.now)
    checkVersion(plan, version, plan)
    if (plan.status !== 'draft' && plan.status !== 'returned') throw new AppError('INVALID_STATE')
    const missing = await tx.query<{ label: string }>(
      `SELECT r.label FROM requirement r WHERE r.directive_id = $1 AND r.parent_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM plan_action a WHERE a.plan_id = $2 AND a.requirement_id = r.id) ORDER BY r.ordinal`,
      [plan.directiveId, plan.id],
    )
    if (missing.length) throw invalid({ requirements: { key: 'missingActions', n: missing.map((m) => m.label).join(' ') } })
    await tx.query(`UPDATE unit_plan SET status = 'submitted', submitted_at = $2, submitted_by = $3, version = version + 1, updated_at = $2 WHERE id = $1`, [planId, actor.now, actor.id])
    await recordAudit(tx, actor, { action: 'submit', entity: 'unitPlan', entityId: planId, unitId: plan.unitId, before: { status: plan.status }, after: { status: 'submitted' } })
    return planAsSaved(tx, plan, actor.now)
  })
}

export async function reviewPlan(db: Db, user: CurrentUser, actor: Actor, planId: number, input: { version: number; comment?: string }, decision: 'returned' | 'accepted'): Promise<PlanDto> {
  return db.transaction(async (tx) => {
    const plan = await planInScope(tx, user, PLAN_REVIEW_ROLES, planId, { forUpdate: true, viaOwner: true })
    checkVersion(plan, input.version, plan)
    if (plan.status !== 'submitted') throw new AppError('INVALID_STATE')
    await tx.query('UPDATE unit_plan SET status = $2, reviewed_at = $3, reviewed_by = $4, review_comment = $5, version = version + 1, updated_at = $3 WHERE id = $1', [
      planId, decision, actor.now, actor.id, input.comment ?? null,
    ])
    await recordAudit(tx, actor, {
      action: decision === 'returned' ? 'return' : 'accept', entity: 'unitPlan', entityId: planId, unitId: plan.unitId,
      before: { status: plan.status }, after: { status: decision, comment: input.comment ?? null },
    })
    await noticePlanReviewed(tx, planId, decision, input.comment ?? null, actor.now)
    return planAsSaved(tx, plan, actor.now)
  })
}

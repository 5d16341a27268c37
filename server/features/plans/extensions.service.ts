import type { PlanDto } from '../../../contract/plans.ts'
import type { Db } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { planInScope, requireIssued } from './plans.access.ts'
import { planAsSaved } from './plan-review.service.ts'
import { PLAN_EDIT_ROLES, PLAN_REVIEW_ROLES } from './plans.policy.ts'
import { noticeExtensionDecided } from '../notifications/work-notices.ts'

/** A unit asks for a later deadline for one action, or for all its actions under one requirement. */
export async function requestExtension(
  db: Db, user: CurrentUser, actor: Actor, planId: number,
  input: { actionId?: number; requirementId?: number; requestedDueDate: string; reason: string },
): Promise<{ id: number; plan: PlanDto }> {
  return db.transaction(async (tx) => {
    const plan = await planInScope(tx, user, PLAN_EDIT_ROLES, planId)
    requireIssued(plan.directiveStatus)
    const field = input.actionId ? 'actionId' : 'requirementId'
    const current = await tx.query<{ d: string }>(
      input.actionId
        ? 'SELECT effective_due_date AS d FROM plan_action WHERE id = $1 AND plan_id = $2'
        : 'SELECT max(effective_due_date) AS d FROM plan_action WHERE requirement_id = $1 AND plan_id = $2 HAVING count(*) > 0',
      [input.actionId ?? input.requirementId, planId],
    )
    if (!current.length) throw invalid({ [field]: 'notInPlan' })
    if (input.requestedDueDate <= current[0].d) throw invalid({ requestedDueDate: 'notLater' })
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO deadline_extension (plan_id, action_id, requirement_id, requested_due_date, reason, requested_by, requested_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
      [planId, input.actionId ?? null, input.actionId ? null : input.requirementId, input.requestedDueDate, input.reason, actor.id, actor.now],
    )
    await recordAudit(tx, actor, { action: 'requestExtension', entity: 'deadlineExtension', entityId: id, unitId: plan.unitId, after: { ...input, currentDueDate: current[0].d } })
    return { id, plan: await planAsSaved(tx, plan, actor.now) }
  })
}

/**
 * The board approves (the new deadline becomes the one in force; the original due date stays) or
 * refuses. Every request and decision stays in the history.
 */
export async function decideExtension(db: Db, user: CurrentUser, actor: Actor, id: number, decision: 'approved' | 'refused', note: string): Promise<PlanDto> {
  return db.transaction(async (tx) => {
    const [x] = await tx.query<{ plan_id: number; action_id: number | null; requirement_id: number | null; requested_due_date: string; status: string }>(
      'SELECT plan_id, action_id, requirement_id, requested_due_date, status FROM deadline_extension WHERE id = $1 FOR UPDATE', [id],
    )
    if (!x) throw notFound()
    const plan = await planInScope(tx, user, PLAN_REVIEW_ROLES, x.plan_id, { viaOwner: true })
    if (x.status !== 'pending') throw new AppError('INVALID_STATE')
    await tx.query('UPDATE deadline_extension SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5 WHERE id = $1', [id, decision, actor.id, actor.now, note])
    if (decision === 'approved') {
      if (x.action_id) await tx.query('UPDATE plan_action SET effective_due_date = $2, version = version + 1, updated_at = $3 WHERE id = $1', [x.action_id, x.requested_due_date, actor.now])
      else
        await tx.query(`UPDATE plan_action SET effective_due_date = $3, version = version + 1, updated_at = $4 WHERE plan_id = $1 AND requirement_id = $2 AND status <> 'done'`, [
          x.plan_id, x.requirement_id, x.requested_due_date, actor.now,
        ])
    }
    await noticeExtensionDecided(tx, id, x.plan_id, decision, x.requested_due_date, note, actor.now)
    await recordAudit(tx, actor, { action: decision === 'approved' ? 'approveExtension' : 'refuseExtension', entity: 'deadlineExtension', entityId: id, unitId: plan.unitId, before: { status: 'pending' }, after: { status: decision, note } })
    return planAsSaved(tx, plan, actor.now)
  })
}

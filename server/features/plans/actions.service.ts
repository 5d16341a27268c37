import type { ActionStatus, SavedActionDto } from '../../../contract/plans.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { invalid, notFound } from '../../http/errors.ts'
import { canReach } from '../../http/scope.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { vnDay } from '../../lib/dates.ts'
import { addresseeInScope, checkVersion, requireIssued } from './plans.access.ts'
import { PLAN_EDIT_ROLES } from './plans.policy.ts'
import { actionDetail, findActionWithPlan, saveActionRow, type ActionRow } from './plans.queries.ts'

const STRUCTURE_OPEN = ['draft', 'returned']

/** The unit's plan row, created on the first action. */
async function ensurePlan(tx: Queryable, directiveId: number, unitId: number) {
  await tx.query('INSERT INTO unit_plan (directive_id, unit_id) VALUES ($1, $2) ON CONFLICT (directive_id, unit_id) DO NOTHING', [directiveId, unitId])
  const [p] = await tx.query<{ id: number; status: string; version: number }>('SELECT id, status, version FROM unit_plan WHERE directive_id = $1 AND unit_id = $2 FOR UPDATE', [directiveId, unitId])
  return p
}

async function checkOwner(tx: Queryable, unitPath: string, ownerPersonId: number | null | undefined) {
  if (!ownerPersonId) return
  const [p] = await tx.query<{ path: string; is_active: boolean }>('SELECT u.path::text AS path, p.is_active FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = $1', [ownerPersonId])
  if (!p || !p.is_active || !(p.path === unitPath || p.path.startsWith(unitPath + '.'))) throw invalid({ ownerPersonId: 'notFound' })
}

function checkCompletion(status: ActionStatus, completedOn: string | null | undefined, today: string) {
  if (status === 'done' && !completedOn) throw invalid({ completedOn: 'completedOnRequired' })
  if (completedOn && completedOn > today) throw invalid({ completedOn: 'afterToday' })
}

const snapshot = ({ version: _v, planId: _p, directiveId: _d, unitId: _u, ...a }: ActionRow) => a

export async function addAction(
  db: Db, user: CurrentUser, actor: Actor, directiveId: number, unitId: number,
  input: { requirementId: number; title: string; ownerPersonId?: number | null; dueDate: string; status: ActionStatus; completedOn?: string | null; note: string },
): Promise<SavedActionDto> {
  return db.transaction(async (tx) => {
    const a = await addresseeInScope(tx, user, PLAN_EDIT_ROLES, directiveId, unitId)
    requireIssued(a.status)
    const [req] = await tx.query('SELECT 1 FROM requirement WHERE id = $1 AND directive_id = $2 AND parent_id IS NULL', [input.requirementId, directiveId])
    if (!req) throw invalid({ requirementId: 'notInPlan' })
    await checkOwner(tx, a.path, input.ownerPersonId)
    const completedOn = input.status === 'done' ? input.completedOn ?? null : null
    checkCompletion(input.status, completedOn, vnDay(actor.now))
    const plan = await ensurePlan(tx, directiveId, unitId)
    if (!STRUCTURE_OPEN.includes(plan.status)) throw invalid({ requirementId: 'planLocked' })
    const [{ id }] = await tx.query<{ id: number }>(
      `INSERT INTO plan_action (plan_id, directive_id, unit_id, requirement_id, title, owner_person_id, due_date, effective_due_date, status, completed_on, note)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$7,$8,$9,$10) RETURNING id`,
      [plan.id, directiveId, unitId, input.requirementId, input.title, input.ownerPersonId ?? null, input.dueDate, input.status, completedOn, input.note],
    )
    await recordAudit(tx, actor, { action: 'create', entity: 'planAction', entityId: id, unitId, after: { ...input, completedOn } })
    return { ...(await actionDetail(tx, id, vnDay(actor.now)))!, planId: plan.id, planVersion: plan.version }
  })
}

/** An action of a plan the user may edit, with its plan, both locked for update. */
async function editableAction(tx: Queryable, user: CurrentUser, id: number) {
  const found = await findActionWithPlan(tx, id, true)
  if (!found || !canReach(user, PLAN_EDIT_ROLES, found.plan.unitPath)) throw notFound()
  requireIssued(found.plan.directiveStatus)
  return found
}

/**
 * Progress (status, completion, note) can be recorded at any time; what was agreed (title, owner,
 * due date) changes only while the plan is a draft or has been returned.
 */
export async function updateAction(
  db: Db, user: CurrentUser, actor: Actor, id: number,
  input: { version: number; title?: string; ownerPersonId?: number | null; dueDate?: string; status?: ActionStatus; completedOn?: string | null; note?: string },
): Promise<SavedActionDto> {
  return db.transaction(async (tx) => {
    const { action, plan } = await editableAction(tx, user, id)
    checkVersion(action, input.version, action)
    const isStructural = (input.title !== undefined && input.title !== action.title) || (input.dueDate !== undefined && input.dueDate !== action.dueDate)
      || (input.ownerPersonId !== undefined && input.ownerPersonId !== action.ownerPersonId)
    if (isStructural && !STRUCTURE_OPEN.includes(plan.status)) throw invalid({ [input.dueDate !== undefined ? 'dueDate' : 'title']: 'planLocked' })
    if (input.ownerPersonId !== undefined) await checkOwner(tx, plan.unitPath, input.ownerPersonId)
    const status = input.status ?? action.status
    const completedOn = status === 'done' ? (input.completedOn !== undefined ? input.completedOn : action.completedOn) : null
    checkCompletion(status, completedOn, vnDay(actor.now))
    const dueDate = input.dueDate ?? action.dueDate
    // Rescheduling a draft action moves its deadline in force too; approved extensions move only the latter.
    const effectiveDueDate = input.dueDate !== undefined ? input.dueDate : action.effectiveDueDate
    const next = { ...action, title: input.title ?? action.title, ownerPersonId: input.ownerPersonId !== undefined ? input.ownerPersonId : action.ownerPersonId, dueDate, effectiveDueDate, status, completedOn, note: input.note ?? action.note }
    const saved = await saveActionRow(tx, next, actor.now, vnDay(actor.now))
    await recordAudit(tx, actor, { action: 'update', entity: 'planAction', entityId: id, unitId: action.unitId, before: snapshot(action), after: snapshot(next) })
    return { ...saved, planId: plan.id, planVersion: plan.version }
  })
}

export async function deleteAction(db: Db, user: CurrentUser, actor: Actor, id: number, version: number) {
  return db.transaction(async (tx) => {
    const { action, plan } = await editableAction(tx, user, id)
    checkVersion(action, version, action)
    if (!STRUCTURE_OPEN.includes(plan.status)) throw invalid({ id: 'planLocked' })
    await tx.query('DELETE FROM plan_action WHERE id = $1', [id])
    await recordAudit(tx, actor, { action: 'delete', entity: 'planAction', entityId: id, unitId: action.unitId, before: snapshot(action) })
  })
}

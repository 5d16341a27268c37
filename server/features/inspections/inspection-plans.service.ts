// The annual inspection and supervision plan: the board drafts it item by item and submits it, the
// committee approves it (the units named are told, in-app and by e-mail) or returns it, and all year
// the plan shows against what happened: planned, started, concluded, dropped (with the reason), and
// the inspections added outside it.
import type { InspectionPlanDto, PlanFiguresDto, PlanItemDto, PlanItemInput, UpdatePlanItemInput } from '../../../contract/inspections.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { canReach, scopePaths } from '../../http/scope.ts'
import { vnDay } from '../../lib/dates.ts'
import type { Mailer } from '../../mail/mailer.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { unitById } from '../units/units.access.ts'
import { boardUnitFor, visibilityOf } from './inspections.access.ts'
import { INSPECTION_MANAGE_ROLES, INSPECTION_OVERSIGHT_ROLES, INSPECTION_PLAN_APPROVE_ROLES } from './inspections.policy.ts'
import { checkLead, checkSubjectUnits, checkTopics } from './input-checks.ts'
import { findPlan, findPlanFor, findPlanItem, insertPlanItem, listPlans, planCounts, planItems, updatePlanItemRow, type PlanItemRow, type PlanRow } from './inspection-plans.queries.ts'
import { listInspections } from './inspections.queries.ts'
import { notifyUnits, sendMails, type PendingMail } from './unit-notices.ts'

const audit = (tx: Queryable, actor: Actor, entity: string, id: number, unitId: number, action: string, after?: unknown, before?: unknown) =>
  recordAudit(tx, actor, { action, entity, entityId: id, unitId, after, before })

function checkVersion(found: { version: number }, version: number) {
  if (found.version !== version) throw new AppError('CONFLICT', undefined, { current: { version: found.version } })
}

/** A plan the caller sees whole (oversight over its owner) or in part (approved, naming their unit or them). */
async function readablePlan(db: Queryable, user: CurrentUser, id: number): Promise<{ plan: PlanRow; seesAll: boolean }> {
  const plan = await findPlan(db, id)
  if (!plan) throw notFound()
  const seesAll = canReach(user, INSPECTION_OVERSIGHT_ROLES, plan.ownerPath)
  if (!seesAll && !(plan.status === 'approved' && (await planItems(db, id)).some((it) => itemVisible(user, it)))) throw notFound()
  return { plan, seesAll }
}

/** A plan the board over its owner edits. */
async function managedPlan(db: Queryable, user: CurrentUser, id: number): Promise<PlanRow> {
  const plan = await findPlan(db, id, true)
  if (!plan || !canReach(user, INSPECTION_MANAGE_ROLES, plan.ownerPath)) throw notFound()
  return plan
}

/** An item of a plan the board over its owner edits, with that plan. */
async function managedItem(db: Queryable, user: CurrentUser, itemId: number) {
  const item = await findPlanItem(db, itemId, true)
  if (!item) throw notFound()
  return { item, plan: await managedPlan(db, user, item.planId) }
}

const visibility = (user: CurrentUser) => visibilityOf(user)
function itemVisible(user: CurrentUser, it: PlanItemRow) {
  const v = visibility(user)
  return it.unitPaths.some((p) => v.units.some((s) => p === s || p.startsWith(s + '.')))
    || (v.teamAccountId !== null && (it.leadAccountId === v.teamAccountId || it.teamAccountIds.includes(v.teamAccountId)))
}

const itemState = (it: PlanItemRow): PlanItemDto['state'] =>
  it.droppedOn ? 'dropped' : !it.inspectionId ? 'planned' : it.inspectionPhase === 'concluded' ? 'concluded' : 'started'

const toItemDto = (it: PlanItemRow): PlanItemDto => ({
  id: it.id, ordinal: it.ordinal, title: it.title, content: it.content, directiveIds: it.directiveIds, requirementIds: it.requirementIds,
  form: { kind: it.kind, mode: it.mode, method: it.method }, plannedQuarter: it.plannedQuarter, plannedMonth: it.plannedMonth,
  leadAccountId: it.leadAccountId, leadName: it.leadName, unitIds: it.unitIds, state: itemState(it), inspectionId: it.inspectionId,
  inspectionNumber: it.inspectionNumber, droppedOn: it.droppedOn, dropReason: it.dropReason, version: it.version,
})

/** The plan with its items (those the caller sees) against what happened, and the inspections outside it. */
export async function planDetail(db: Queryable, user: CurrentUser, plan: PlanRow, seesAll: boolean, today: string): Promise<InspectionPlanDto> {
  const items = (await planItems(db, plan.id)).filter((it) => seesAll || itemVisible(user, it)).map(toItemDto)
  const outside = await listInspections(db, visibility(user), { ownerUnitId: plan.ownerUnitId, year: plan.year, outsidePlanOnly: true, limit: 500, offset: 0 }, today)
  const count = (s: PlanItemDto['state']) => items.filter((it) => it.state === s).length
  return {
    id: plan.id, year: plan.year, status: plan.status, title: plan.title, ownerUnitId: plan.ownerUnitId, items: items.length, version: plan.version,
    submittedAt: plan.submittedAt, approvedAt: plan.approvedAt, returnComment: plan.returnComment, planItems: items, outsidePlan: outside.items,
    counts: { planned: count('planned'), started: count('started'), concluded: count('concluded'), dropped: count('dropped'), outsidePlan: outside.total },
    access: {
      canEdit: plan.status === 'draft' && canReach(user, INSPECTION_MANAGE_ROLES, plan.ownerPath),
      canApprove: plan.status === 'submitted' && canReach(user, INSPECTION_PLAN_APPROVE_ROLES, plan.ownerPath),
    },
  }
}

/** How many inspections outside the plan the year's view names (it counts them all). */
const OUTSIDE_SHOWN = 20

/**
 * The plan against what happened, counted by the database: what the year's view needs without
 * reading every item (~500 at 5,000 units). A caller who sees only some items (a unit) gets them
 * counted from the items it sees, as the plan page does.
 */
export async function planFigures(db: Queryable, user: CurrentUser, id: number, today: string): Promise<PlanFiguresDto> {
  const { plan, seesAll } = await readablePlan(db, user, id)
  const outside = await listInspections(db, visibility(user), { ownerUnitId: plan.ownerUnitId, year: plan.year, outsidePlanOnly: true, limit: OUTSIDE_SHOWN, offset: 0 }, today)
  const base = { id: plan.id, returnComment: plan.returnComment, outsidePlan: outside.items.map((i) => ({ id: i.id, title: i.title })) }
  if (!seesAll) {
    const d = await planDetail(db, user, plan, false, today)
    return { ...base, items: d.items, counts: d.counts, dropped: d.planItems.filter((i) => i.state === 'dropped').map((i) => ({ id: i.id, title: i.title, dropReason: i.dropReason })) }
  }
  const { counts, dropped } = await planCounts(db, plan.id)
  return { ...base, items: counts.planned + counts.started + counts.concluded + counts.dropped, counts: { ...counts, outsidePlan: outside.total }, dropped }
}

export async function listInspectionPlans(db: Queryable, user: CurrentUser, year?: number) {
  const v = visibility(user)
  const rows = await listPlans(db, scopePaths(user, INSPECTION_OVERSIGHT_ROLES), v.units, v.teamAccountId, year)
  return { items: rows.map((p) => ({ id: p.id, year: p.year, status: p.status, title: p.title, ownerUnitId: p.ownerUnitId, items: p.items, version: p.version })) }
}

export async function readPlan(db: Queryable, user: CurrentUser, id: number, today: string): Promise<InspectionPlanDto> {
  const { plan, seesAll } = await readablePlan(db, user, id)
  return planDetail(db, user, plan, seesAll, today)
}

const saved = async (tx: Queryable, user: CurrentUser, id: number, now: Date) => planDetail(tx, user, (await findPlan(tx, id))!, true, vnDay(now))

/** The board opens the year's plan (one per inspecting body and year). A retry with the same key creates nothing. */
export async function createPlan(db: Db, user: CurrentUser, actor: Actor, input: { year: number; title: string; ownerUnitId?: number }, key?: string): Promise<Answer<InspectionPlanDto>> {
  return db.transaction((tx) => once(tx, actor.id, key, 201, async () => {
    const given = input.ownerUnitId ? await unitById(tx, input.ownerUnitId) : null
    if (input.ownerUnitId && !given) throw invalid({ ownerUnitId: 'notFound' })
    const ownerUnitId = boardUnitFor(user, INSPECTION_MANAGE_ROLES, given, 'ownerUnitId')
    if (await findPlanFor(tx, ownerUnitId, input.year)) throw invalid({ year: 'taken' })
    const [{ id }] = await tx.query<{ id: number }>(
      'INSERT INTO inspection_plan (owner_unit_id, year, title, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id',
      [ownerUnitId, input.year, input.title, actor.id, actor.now],
    )
    await audit(tx, actor, 'inspectionPlan', id, ownerUnitId, 'create', input)
    return saved(tx, user, id, actor.now)
  }))
}

/** Checks an item's fields and fills the quarter from the month. */
async function itemFields(tx: Queryable, user: CurrentUser, f: Omit<PlanItemInput, 'plannedQuarter' | 'plannedMonth' | 'leadAccountId'> & { plannedQuarter?: number | null; plannedMonth?: number | null; leadAccountId?: number | null }) {
  const unitIds = await checkSubjectUnits(tx, user, f.unitIds)
  const topics = await checkTopics(tx, user, f.directiveIds, f.requirementIds)
  await checkLead(tx, f.leadAccountId)
  const month = f.plannedMonth ?? null
  const quarter = f.plannedQuarter ?? (month ? Math.ceil(month / 3) : null)
  if (month && quarter !== Math.ceil(month / 3)) throw invalid({ plannedMonth: 'format' })
  return { ...f, ...topics, unitIds, plannedQuarter: quarter, plannedMonth: month, leadAccountId: f.leadAccountId ?? null }
}

const requireDraft = (plan: PlanRow, field: string) => {
  if (plan.status !== 'draft') throw invalid({ [field]: 'inspectionPlanLocked' })
}

export async function addPlanItem(db: Db, user: CurrentUser, actor: Actor, planId: number, input: PlanItemInput, key?: string): Promise<Answer<InspectionPlanDto>> {
  return db.transaction((tx) => once(tx, actor.id, key, 201, async () => {
    const plan = await managedPlan(tx, user, planId)
    requireDraft(plan, 'title')
    const fields = await itemFields(tx, user, input)
    const id = await insertPlanItem(tx, plan.id, fields)
    await tx.query('UPDATE inspection_plan SET version = version + 1, updated_at = $2 WHERE id = $1', [plan.id, actor.now])
    await audit(tx, actor, 'inspectionPlanItem', id, plan.ownerUnitId, 'create', fields)
    return saved(tx, user, plan.id, actor.now)
  }))
}

export async function updatePlanItem(db: Db, user: CurrentUser, actor: Actor, itemId: number, input: UpdatePlanItemInput): Promise<InspectionPlanDto> {
  return db.transaction(async (tx) => {
    const { item, plan } = await managedItem(tx, user, itemId)
    checkVersion(item, input.version)
    requireDraft(plan, 'version')
    const { version: _v, ...changes } = input
    const merged = {
      title: item.title, content: item.content, directiveIds: item.directiveIds, requirementIds: item.requirementIds, kind: item.kind, mode: item.mode, method: item.method,
      plannedQuarter: item.plannedQuarter, plannedMonth: item.plannedMonth, leadAccountId: item.leadAccountId, unitIds: item.unitIds,
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    }
    // A new month without a quarter takes its quarter from the month.
    if (changes.plannedMonth !== undefined && changes.plannedQuarter === undefined) merged.plannedQuarter = null
    const fields = await itemFields(tx, user, merged)
    await updatePlanItemRow(tx, item.id, fields, actor.now)
    await tx.query('UPDATE inspection_plan SET version = version + 1, updated_at = $2 WHERE id = $1', [plan.id, actor.now])
    await audit(tx, actor, 'inspectionPlanItem', item.id, plan.ownerUnitId, 'update', fields, { title: item.title, unitIds: item.unitIds })
    return saved(tx, user, plan.id, actor.now)
  })
}

export async function deletePlanItem(db: Db, user: CurrentUser, actor: Actor, itemId: number, version: number): Promise<InspectionPlanDto> {
  return db.transaction(async (tx) => {
    const { item, plan } = await managedItem(tx, user, itemId)
    checkVersion(item, version)
    requireDraft(plan, 'version')
    await tx.query('DELETE FROM inspection_plan_item WHERE id = $1', [item.id])
    await tx.query('UPDATE inspection_plan SET version = version + 1, updated_at = $2 WHERE id = $1', [plan.id, actor.now])
    await audit(tx, actor, 'inspectionPlanItem', item.id, plan.ownerUnitId, 'delete', undefined, { title: item.title, unitIds: item.unitIds })
    return saved(tx, user, plan.id, actor.now)
  })
}

/** An approved plan's item that will not be carried out: it stays, marked dropped with the reason. */
export async function dropPlanItem(db: Db, user: CurrentUser, actor: Actor, itemId: number, input: { version: number; reason: string }): Promise<InspectionPlanDto> {
  return db.transaction(async (tx) => {
    const { item, plan } = await managedItem(tx, user, itemId)
    checkVersion(item, input.version)
    if (plan.status !== 'approved' || item.droppedOn || item.inspectionId) throw new AppError('INVALID_STATE')
    await tx.query('UPDATE inspection_plan_item SET dropped_on = $2, drop_reason = $3, dropped_by = $4, version = version + 1, updated_at = $5 WHERE id = $1', [
      item.id, vnDay(actor.now), input.reason, actor.id, actor.now,
    ])
    await audit(tx, actor, 'inspectionPlanItem', item.id, plan.ownerUnitId, 'drop', { reason: input.reason })
    return saved(tx, user, plan.id, actor.now)
  })
}

/** The board sends the draft to the committee; it needs at least one item. */
export async function submitPlan(db: Db, user: CurrentUser, actor: Actor, id: number, version: number): Promise<InspectionPlanDto> {
  return db.transaction(async (tx) => {
    const plan = await managedPlan(tx, user, id)
    checkVersion(plan, version)
    if (plan.status !== 'draft') throw new AppError('INVALID_STATE')
    if (!(await planItems(tx, id)).length) throw invalid({ version: { key: 'unanswered', n: 1 } })
    await tx.query(`UPDATE inspection_plan SET status = 'submitted', submitted_at = $2, submitted_by = $3, version = version + 1, updated_at = $2 WHERE id = $1`, [id, actor.now, actor.id])
    await audit(tx, actor, 'inspectionPlan', id, plan.ownerUnitId, 'submit')
    return saved(tx, user, id, actor.now)
  })
}

/** A committee member over the plan's owner (not the board's officers: they drafted it). */
async function approvablePlan(tx: Queryable, user: CurrentUser, id: number) {
  const plan = await findPlan(tx, id, true)
  if (!plan || !canReach(user, INSPECTION_PLAN_APPROVE_ROLES, plan.ownerPath)) throw notFound()
  return plan
}

/**
 * The committee approves: the plan is fixed, and every unit it names is told (in-app now, e-mail
 * after commit) which inspections or supervisions to expect and when.
 */
export async function approvePlan(deps: { db: Db; mailer: Mailer }, user: CurrentUser, actor: Actor, id: number, version: number): Promise<InspectionPlanDto> {
  let mails: PendingMail[] = []
  const dto = await deps.db.transaction(async (tx) => {
    const plan = await approvablePlan(tx, user, id)
    checkVersion(plan, version)
    if (plan.status !== 'submitted') throw new AppError('INVALID_STATE')
    await tx.query(`UPDATE inspection_plan SET status = 'approved', approved_at = $2, approved_by = $3, return_comment = NULL, version = version + 1, updated_at = $2 WHERE id = $1`, [id, actor.now, actor.id])
    const items = await planItems(tx, id)
    for (const unitId of [...new Set(items.flatMap((it) => it.unitIds))]) {
      const mine = items.filter((it) => it.unitIds.includes(unitId))
      const when = (it: PlanItemRow) => (it.plannedMonth ? `tháng ${it.plannedMonth}` : it.plannedQuarter ? `quý ${['I', 'II', 'III', 'IV'][it.plannedQuarter - 1]}` : `năm ${plan.year}`)
      mails = mails.concat(await notifyUnits(tx, [unitId], {
        kind: 'inspection.plan', title: `Kế hoạch kiểm tra, giám sát năm ${plan.year} đã được phê duyệt`,
        body: `Đơn vị có tên trong kế hoạch: ${mine.map((it) => `${it.title} (${when(it)})`).join('; ')}.`,
        link: `/inspection-plans/${id}`, dedupeKey: `inspection-plan:${id}:approved:${unitId}`,
      }, actor.now))
    }
    await audit(tx, actor, 'inspectionPlan', id, plan.ownerUnitId, 'approve', { items: items.length })
    return saved(tx, user, id, actor.now)
  })
  await sendMails(deps.mailer, mails)
  return dto
}

export async function returnPlan(db: Db, user: CurrentUser, actor: Actor, id: number, input: { version: number; comment: string }): Promise<InspectionPlanDto> {
  return db.transaction(async (tx) => {
    const plan = await approvablePlan(tx, user, id)
    checkVersion(plan, input.version)
    if (plan.status !== 'submitted') throw new AppError('INVALID_STATE')
    await tx.query(`UPDATE inspection_plan SET status = 'draft', return_comment = $2, version = version + 1, updated_at = $3 WHERE id = $1`, [id, input.comment, actor.now])
    await audit(tx, actor, 'inspectionPlan', id, plan.ownerUnitId, 'return', { comment: input.comment })
    return saved(tx, user, id, actor.now)
  })
}

/** For the inspection service: the item an inspection carries out, if the board over its plan may start it. */
export async function startableItem(db: Queryable, user: CurrentUser, itemId: number) {
  const item = await findPlanItem(db, itemId, true)
  const plan = item && (await findPlan(db, item.planId))
  if (!item || !plan || !canReach(user, INSPECTION_MANAGE_ROLES, plan.ownerPath)) throw invalid({ planItemId: 'notFound' })
  if (item.inspectionId) throw invalid({ planItemId: 'taken' })
  if (plan.status !== 'approved' || item.droppedOn) throw new AppError('INVALID_STATE')
  return { item, plan }
}

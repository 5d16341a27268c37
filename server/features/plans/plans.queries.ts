import { classifyAction, classifyCell } from '../../../contract/timeliness.ts'
import type { ActionDto, ExtensionDto, PlanDto } from '../../../contract/plans.ts'
import type { Queryable } from '../../db/types.ts'

export interface PlanRow {
  id: number
  directiveId: number
  unitId: number
  unitPath: string
  ownerPath: string
  directiveStatus: string
  status: PlanDto['status']
  version: number
}

const PLAN_SELECT = `SELECT p.id, p.directive_id, p.unit_id, u.path::text AS unit_path, ou.path::text AS owner_path, d.status AS directive_status, p.status, p.version
  FROM unit_plan p JOIN unit u ON u.id = p.unit_id JOIN directive d ON d.id = p.directive_id JOIN unit ou ON ou.id = d.owner_unit_id`

const toPlan = (r: any): PlanRow => ({
  id: r.id, directiveId: r.directive_id, unitId: r.unit_id, unitPath: r.unit_path, ownerPath: r.owner_path, directiveStatus: r.directive_status, status: r.status, version: r.version,
})

export async function findPlanById(db: Queryable, id: number, forUpdate = false): Promise<PlanRow | null> {
  const [r] = await db.query(`${PLAN_SELECT} WHERE p.id = $1 ${forUpdate ? 'FOR UPDATE OF p' : ''}`, [id])
  return r ? toPlan(r) : null
}

export async function findPlan(db: Queryable, directiveId: number, unitId: number): Promise<PlanRow | null> {
  const [r] = await db.query(`${PLAN_SELECT} WHERE p.directive_id = $1 AND p.unit_id = $2`, [directiveId, unitId])
  return r ? toPlan(r) : null
}

export interface ActionRow {
  id: number
  planId: number
  directiveId: number
  unitId: number
  requirementId: number
  title: string
  ownerPersonId: number | null
  dueDate: string
  effectiveDueDate: string
  status: ActionDto['status']
  completedOn: string | null
  note: string
  version: number
}

const toAction = (r: any): ActionRow => ({
  id: r.id, planId: r.plan_id, directiveId: r.directive_id, unitId: r.unit_id, requirementId: r.requirement_id, title: r.title, ownerPersonId: r.owner_person_id,
  dueDate: r.due_date, effectiveDueDate: r.effective_due_date, status: r.status, completedOn: r.completed_on, note: r.note, version: r.version,
})

export async function findAction(db: Queryable, id: number, forUpdate = false): Promise<ActionRow | null> {
  const [r] = await db.query(`SELECT * FROM plan_action WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id])
  return r ? toAction(r) : null
}

/**
 * A unit's whole plan for a directive in one query (the page most officers keep open): header,
 * requirements, actions with their evidence list and extensions, the lists built as JSON by the
 * database. `asOf` (yyyy-mm-dd) fixes the day timeliness is judged on; `mayRead` sees the unit's path
 * (null when it says no, as for a unit that is not an addressee).
 */
export async function planDetail(
  db: Queryable, directiveId: number, unitId: number, asOf: string, mayRead: (unitPath: string) => boolean = () => true,
): Promise<PlanDto | null> {
  const [head] = await db.query<any>(
    `SELECT a.plan_due_date, u.name AS unit_name, u.path::text AS unit_path, p.id, p.status, p.submitted_at, p.reviewed_at, p.review_comment, p.version,
       (SELECT json_agg(json_build_object('id', r.id, 'label', r.label, 'text', r.text) ORDER BY r.ordinal, r.id)
        FROM requirement r WHERE r.directive_id = $1 AND r.parent_id IS NULL) AS reqs,
       (SELECT json_agg(x ORDER BY x.due_date, x.id) FROM (
          SELECT pa.id, pa.plan_id, pa.directive_id, pa.unit_id, pa.requirement_id, pa.title, pa.owner_person_id, pa.due_date, pa.effective_due_date,
            pa.status, pa.completed_on, pa.note, pa.version, pe.full_name AS owner_name,
            coalesce((SELECT json_agg(json_build_object('id', e.id, 'filename', e.filename, 'mime', e.mime, 'size', e.size, 'uploadedAt', e.uploaded_at) ORDER BY e.id)
                      FROM action_evidence e WHERE e.action_id = pa.id), '[]') AS evidence
          FROM plan_action pa LEFT JOIN person pe ON pe.id = pa.owner_person_id
          WHERE p.id IS NOT NULL AND pa.directive_id = $1 AND pa.unit_id = $2) x) AS actions,
       (SELECT json_agg(json_build_object('id', x.id, 'action_id', x.action_id, 'requirement_id', x.requirement_id, 'requested_due_date', x.requested_due_date,
            'reason', x.reason, 'status', x.status, 'requested_by_name', ra.username, 'requested_at', x.requested_at, 'decided_by_name', da.username,
            'decided_at', x.decided_at, 'decision_note', x.decision_note) ORDER BY x.id)
        FROM deadline_extension x LEFT JOIN account ra ON ra.id = x.requested_by LEFT JOIN account da ON da.id = x.decided_by
        WHERE x.plan_id = p.id) AS extensions
     FROM directive_addressee a JOIN unit u ON u.id = a.unit_id
     LEFT JOIN unit_plan p ON p.directive_id = a.directive_id AND p.unit_id = a.unit_id
     WHERE a.directive_id = $1 AND a.unit_id = $2`,
    [directiveId, unitId],
  )
  // The caller's scope check rides on the same query: the page most officers keep open costs one round trip.
  if (!head || !mayRead(head.unit_path)) return null
  const json = (v: unknown): any[] => (typeof v === 'string' ? JSON.parse(v) : v) ?? []
  const reqs = json(head.reqs)
  const actions = json(head.actions)
  const extensions = json(head.extensions)
  const toDto = (r: any): ActionDto => {
    const a = toAction(r)
    const evidence = json(r.evidence).map((e: any) => ({ ...e, uploadedAt: new Date(e.uploadedAt).toISOString() }))
    return {
      id: a.id, requirementId: a.requirementId, title: a.title, ownerPersonId: a.ownerPersonId, ownerName: r.owner_name, dueDate: a.dueDate,
      effectiveDueDate: a.effectiveDueDate, status: a.status, completedOn: a.completedOn, note: a.note, timeliness: classifyAction(a, asOf), evidence, version: a.version,
    }
  }
  const actionDtos = actions.map(toDto)
  return {
    id: head.id, directiveId, unitId, unitName: head.unit_name, status: head.status ?? 'draft', planDueDate: head.plan_due_date,
    submittedAt: head.submitted_at ? new Date(head.submitted_at).toISOString() : null,
    reviewedAt: head.reviewed_at ? new Date(head.reviewed_at).toISOString() : null, reviewComment: head.review_comment,
    requirements: reqs.map((q) => {
      const own = actionDtos.filter((a) => a.requirementId === q.id)
      return { id: q.id, label: q.label, text: q.text, status: classifyCell(own, asOf), actions: own }
    }),
    extensions: extensions.map((x): ExtensionDto => ({
      id: x.id, actionId: x.action_id, requirementId: x.requirement_id, requestedDueDate: x.requested_due_date, reason: x.reason, status: x.status,
      requestedBy: x.requested_by_name, requestedAt: new Date(x.requested_at).toISOString(), decidedBy: x.decided_by_name,
      decidedAt: x.decided_at ? new Date(x.decided_at).toISOString() : null, decisionNote: x.decision_note,
    })),
    version: head.version ?? 0,
  }
}

import { classifyAction, classifyCell } from '../../../contract/timeliness.ts'
import { isAfterRequirementDeadline, type ActionDto, type ExtensionDto, type PlanDto } from '../../../contract/plans.ts'
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

interface PlanRecord {
  id: number
  directive_id: number
  unit_id: number
  unit_path: string
  owner_path: string
  directive_status: string
  status: PlanDto['status']
  version: number
}

const toPlan = (r: PlanRecord): PlanRow => ({
  id: r.id, directiveId: r.directive_id, unitId: r.unit_id, unitPath: r.unit_path, ownerPath: r.owner_path, directiveStatus: r.directive_status, status: r.status, version: r.version,
})

export async function findPlanById(db: Queryable, id: number, forUpdate = false): Promise<PlanRow | null> {
  const [r] = await db.query<PlanRecord>(`${PLAN_SELECT} WHERE p.id = $1 ${forUpdate ? 'FOR UPDATE OF p' : ''}`, [id])
  return r ? toPlan(r) : null
}

export async function findPlan(db: Queryable, directiveId: number, unitId: number): Promise<PlanRow | null> {
  const [r] = await db.query<PlanRecord>(`${PLAN_SELECT} WHERE p.directive_id = $1 AND p.unit_id = $2`, [directiveId, unitId])
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

interface ActionRecord {
  id: number
  plan_id: number
  directive_id: number
  unit_id: number
  requirement_id: number
  title: string
  owner_person_id: number | null
  due_date: string
  effective_due_date: string
  status: ActionDto['status']
  completed_on: string | null
  note: string
  version: number
}

/** An action with what the API shows beside it: its owner's name and its evidence list. */
interface ActionDetailRecord extends ActionRecord {
  owner_name: string | null
  /** Its requirement's own deadline, null when the letter names none. */
  requirement_deadline: string | null
  evidence: { id: number; filename: string; mime: string; size: number; uploadedAt: string }[] | string | null
}

const toAction = (r: ActionRecord): ActionRow => ({
  id: r.id, planId: r.plan_id, directiveId: r.directive_id, unitId: r.unit_id, requirementId: r.requirement_id, title: r.title, ownerPersonId: r.owner_person_id,
  dueDate: r.due_date, effectiveDueDate: r.effective_due_date, status: r.status, completedOn: r.completed_on, note: r.note, version: r.version,
})

export async function findAction(db: Queryable, id: number, forUpdate = false): Promise<ActionRow | null> {
  const [r] = await db.query<ActionRecord>(`SELECT * FROM plan_action WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id])
  return r ? toAction(r) : null
}

/** An action and its plan in one query, both rows locked for update with `forUpdate`. */
export async function findActionWithPlan(db: Queryable, id: number, forUpdate = false): Promise<{ action: ActionRow; plan: PlanRow } | null> {
  const [r] = await db.query<ActionRecord & { p_id: number; p_unit_path: string; p_owner_path: string; p_directive_status: string; p_status: PlanDto['status']; p_version: number }>(
    `SELECT pa.*, p.id AS p_id, u.path::text AS p_unit_path, ou.path::text AS p_owner_path, d.status AS p_directive_status, p.status AS p_status, p.version AS p_version
     FROM plan_action pa JOIN unit_plan p ON p.id = pa.plan_id JOIN unit u ON u.id = p.unit_id JOIN directive d ON d.id = p.directive_id JOIN unit ou ON ou.id = d.owner_unit_id
     WHERE pa.id = $1 ${forUpdate ? 'FOR UPDATE OF pa, p' : ''}`,
    [id],
  )
  if (!r) return null
  const plan: PlanRow = {
    id: r.p_id, directiveId: r.directive_id, unitId: r.unit_id, unitPath: r.p_unit_path, ownerPath: r.p_owner_path, directiveStatus: r.p_directive_status, status: r.p_status, version: r.p_version,
  }
  return { action: toAction(r), plan }
}

const EVIDENCE_JSON = `coalesce((SELECT json_agg(json_build_object('id', e.id, 'filename', e.filename, 'mime', e.mime, 'size', e.size, 'uploadedAt', e.uploaded_at) ORDER BY e.id)
  FROM action_evidence e WHERE e.action_id = pa.id), '[]')`

const REQUIREMENT_DEADLINE = 'rq.deadline AS requirement_deadline'

const parseJson = <T>(v: T | string | null): T | null => (typeof v === 'string' ? JSON.parse(v) : v)

export interface EvidenceRow {
  id: number
  actionId: number
  filename: string
  mime: string
  size: number
  sha256: string
  uploadedAt: string
  unitId: number
  unitPath: string
}

export async function findEvidence(db: Queryable, id: number): Promise<EvidenceRow | null> {
  const [e] = await db.query<{ id: number; action_id: number; filename: string; mime: string; size: number; sha256: string; uploaded_at: Date; unit_id: number; path: string }>(
    `SELECT e.id, e.action_id, e.filename, e.mime, e.size, e.sha256, e.uploaded_at, a.unit_id, u.path::text AS path FROM action_evidence e
     JOIN plan_action a ON a.id = e.action_id JOIN unit u ON u.id = a.unit_id WHERE e.id = $1`,
    [id],
  )
  return e ? { id: e.id, actionId: e.action_id, filename: e.filename, mime: e.mime, size: e.size, sha256: e.sha256, uploadedAt: new Date(e.uploaded_at).toISOString(), unitId: e.unit_id, unitPath: e.path } : null
}

export async function evidenceContent(db: Queryable, id: number): Promise<Buffer> {
  const [{ content }] = await db.query<{ content: Uint8Array }>('SELECT content FROM action_evidence WHERE id = $1', [id])
  return Buffer.from(content)
}

/** The API's view of an action, its timeliness judged on day `asOf`. */
function toActionDto(r: ActionDetailRecord, asOf: string): ActionDto {
  const a = toAction(r)
  const evidence = (parseJson(r.evidence) ?? []).map((e) => ({ ...e, uploadedAt: new Date(e.uploadedAt).toISOString() }))
  return {
    id: a.id, requirementId: a.requirementId, title: a.title, ownerPersonId: a.ownerPersonId, ownerName: r.owner_name, dueDate: a.dueDate,
    effectiveDueDate: a.effectiveDueDate, status: a.status, completedOn: a.completedOn, note: a.note, timeliness: classifyAction(a, asOf), evidence,
    afterRequirementDeadline: isAfterRequirementDeadline(a.dueDate, r.requirement_deadline), version: a.version,
  }
}

/** One action as the API shows it. */
export async function actionDetail(db: Queryable, id: number, asOf: string): Promise<ActionDto | null> {
  const [r] = await db.query<ActionDetailRecord>(
    `SELECT pa.*, pe.full_name AS owner_name, ${EVIDENCE_JSON} AS evidence, ${REQUIREMENT_DEADLINE} FROM plan_action pa LEFT JOIN person pe ON pe.id = pa.owner_person_id LEFT JOIN requirement rq ON rq.id = pa.requirement_id WHERE pa.id = $1`,
    [id],
  )
  return r ? toActionDto(r, asOf) : null
}

/** Saves an action's fields and answers it as the API shows it, in one statement. */
export async function saveActionRow(
  db: Queryable, a: Pick<ActionRow, 'id' | 'title' | 'ownerPersonId' | 'dueDate' | 'effectiveDueDate' | 'status' | 'completedOn' | 'note'>, now: Date, asOf: string,
): Promise<ActionDto> {
  const [r] = await db.query<ActionDetailRecord>(
    `WITH pa AS (
       UPDATE plan_action SET title=$2, owner_person_id=$3, due_date=$4, effective_due_date=$5, status=$6, completed_on=$7, note=$8, version = version + 1, updated_at = $9
       WHERE id = $1 RETURNING *)
     SELECT pa.*, pe.full_name AS owner_name, ${EVIDENCE_JSON} AS evidence, ${REQUIREMENT_DEADLINE} FROM pa LEFT JOIN person pe ON pe.id = pa.owner_person_id LEFT JOIN requirement rq ON rq.id = pa.requirement_id`,
    [a.id, a.title, a.ownerPersonId, a.dueDate, a.effectiveDueDate, a.status, a.completedOn, a.note, now],
  )
  return toActionDto(r, asOf)
}

interface ExtensionRecord {
  id: number
  action_id: number | null
  requirement_id: number | null
  requested_due_date: string
  reason: string
  status: ExtensionDto['status']
  requested_by_name: string | null
  requested_at: string
  decided_by_name: string | null
  decided_at: string | null
  decision_note: string | null
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
  const [head] = await db.query<{
    plan_due_date: string; unit_name: string; unit_path: string; id: number | null; status: PlanDto['status'] | null; submitted_at: Date | null; reviewed_at: Date | null
    review_comment: string | null; version: number | null; reqs: unknown; actions: unknown; extensions: unknown
  }>(
    `SELECT a.plan_due_date, u.name AS unit_name, u.path::text AS unit_path, p.id, p.status, p.submitted_at, p.reviewed_at, p.review_comment, p.version,
       (SELECT json_agg(json_build_object('id', r.id, 'label', r.label, 'text', r.text, 'deadline', r.deadline) ORDER BY r.ordinal, r.id)
        FROM requirement r WHERE r.directive_id = $1 AND r.parent_id IS NULL) AS reqs,
       (SELECT json_agg(x ORDER BY x.due_date, x.id) FROM (
          SELECT pa.id, pa.plan_id, pa.directive_id, pa.unit_id, pa.requirement_id, pa.title, pa.owner_person_id, pa.due_date, pa.effective_due_date,
            pa.status, pa.completed_on, pa.note, pa.version, pe.full_name AS owner_name, ${EVIDENCE_JSON} AS evidence, ${REQUIREMENT_DEADLINE}
          FROM plan_action pa LEFT JOIN person pe ON pe.id = pa.owner_person_id LEFT JOIN requirement rq ON rq.id = pa.requirement_id
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
  const json = <T>(v: unknown): T[] => (typeof v === 'string' ? JSON.parse(v) : v) ?? []
  const reqs = json<{ id: number; label: string; text: string; deadline: string | null }>(head.reqs)
  const actions = json<ActionDetailRecord>(head.actions)
  const extensions = json<ExtensionRecord>(head.extensions)
  const actionDtos = actions.map((r) => toActionDto(r, asOf))
  return {
    id: head.id, directiveId, unitId, unitName: head.unit_name, status: head.status ?? 'draft', planDueDate: head.plan_due_date,
    submittedAt: head.submitted_at ? new Date(head.submitted_at).toISOString() : null,
    reviewedAt: head.reviewed_at ? new Date(head.reviewed_at).toISOString() : null, reviewComment: head.review_comment,
    requirements: reqs.map((q) => {
      const own = actionDtos.filter((a) => a.requirementId === q.id)
      return { id: q.id, label: q.label, text: q.text, deadline: q.deadline, status: classifyCell(own, asOf), actions: own }
    }),
    extensions: extensions.map((x): ExtensionDto => ({
      id: x.id, actionId: x.action_id, requirementId: x.requirement_id, requestedDueDate: x.requested_due_date, reason: x.reason, status: x.status,
      requestedBy: x.requested_by_name, requestedAt: new Date(x.requested_at).toISOString(), decidedBy: x.decided_by_name,
      decidedAt: x.decided_at ? new Date(x.decided_at).toISOString() : null, decisionNote: x.decision_note,
    })),
    version: head.version ?? 0,
  }
}

// The SQL of self-inspection checklists: templates and their items, rounds assigned to units, and
// the units' answers.
import type { AssignmentSummaryDto } from '../../../contract/checklists.ts'
import { classifyAction } from '../../../contract/timeliness.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { vnDay } from '../../lib/dates.ts'

export interface TemplateRow { id: number; ownerUnitId: number; ownerPath: string; title: string; description: string; version: number; assignments: number }

export async function findTemplate(db: Queryable, id: number): Promise<TemplateRow | null> {
  const [r] = await db.query<{ id: number; owner_unit_id: number; owner_path: string; title: string; description: string; version: number; assignments: number }>(
    `SELECT t.id, t.owner_unit_id, ou.path::text AS owner_path, t.title, t.description, t.version,
       (SELECT count(*)::int FROM checklist_assignment a WHERE a.template_id = t.id) AS assignments
     FROM checklist_template t JOIN unit ou ON ou.id = t.owner_unit_id WHERE t.id = $1`,
    [id],
  )
  return r ? { id: r.id, ownerUnitId: r.owner_unit_id, ownerPath: r.owner_path, title: r.title, description: r.description, version: r.version, assignments: r.assignments } : null
}

export async function templateItems(db: Queryable, templateId: number) {
  return db.query<{ id: number; ordinal: number; area: 'documents' | 'stateSecrets' | 'unitRules' | 'directive' | 'other'; text: string; requirement_id: number | null }>(
    'SELECT id, ordinal, area, text, requirement_id FROM checklist_template_item WHERE template_id = $1 ORDER BY ordinal, id', [templateId],
  )
}

/** Templates kept by a unit under the caller's scopes or above them (a ministry's templates are every unit's). */
export async function listTemplates(db: Queryable, scopes: string[]) {
  return db.query<{ id: number; owner_unit_id: number; title: string; items: number; assignments: number }>(
    `SELECT t.id, t.owner_unit_id, t.title, (SELECT count(*)::int FROM checklist_template_item i WHERE i.template_id = t.id) AS items,
       (SELECT count(*)::int FROM checklist_assignment a WHERE a.template_id = t.id) AS assignments
     FROM checklist_template t JOIN unit ou ON ou.id = t.owner_unit_id WHERE ou.path <@ ANY($1::ltree[]) OR ou.path @> ANY($1::ltree[]) ORDER BY t.id DESC`,
    [arrayLiteral(scopes)],
  )
}

export interface AssignmentRow {
  id: number; templateId: number; title: string; unitId: number; unitName: string; unitPath: string; dueDate: string; correctWithinDays: number
  status: 'assigned' | 'submitted'; submittedAt: string | null; version: number; answered: number; total: number; noCount: number
}

interface AssignmentRecord {
  id: number; template_id: number; title: string; unit_id: number; unit_name: string; unit_path: string; due_date: string; correct_within_days: number
  status: 'assigned' | 'submitted'; submitted_at: Date | null; version: number; answered: number; total: number; no_count: number
}

const A_SELECT = `SELECT a.id, a.template_id, a.title, a.unit_id, u.name AS unit_name, u.path::text AS unit_path, a.due_date, a.correct_within_days, a.status, a.submitted_at, a.version,
    (SELECT count(*)::int FROM checklist_answer x WHERE x.assignment_id = a.id) AS answered,
    (SELECT count(*)::int FROM checklist_template_item i WHERE i.template_id = a.template_id) AS total,
    (SELECT count(*)::int FROM checklist_answer x WHERE x.assignment_id = a.id AND x.answer = 'no') AS no_count
  FROM checklist_assignment a JOIN unit u ON u.id = a.unit_id`

const toAssignment = (r: AssignmentRecord): AssignmentRow => ({
  id: r.id, templateId: r.template_id, title: r.title, unitId: r.unit_id, unitName: r.unit_name, unitPath: r.unit_path, dueDate: r.due_date,
  correctWithinDays: r.correct_within_days, status: r.status, submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null, version: r.version,
  answered: r.answered, total: r.total, noCount: r.no_count,
})

export const assignmentSummary = (a: AssignmentRow, today: string): AssignmentSummaryDto => ({
  id: a.id, templateId: a.templateId, title: a.title, unitId: a.unitId, unitName: a.unitName, dueDate: a.dueDate, status: a.status, submittedAt: a.submittedAt,
  timeliness: classifyAction({ status: a.submittedAt ? 'done' : 'inProgress', effectiveDueDate: a.dueDate, completedOn: a.submittedAt ? vnDay(a.submittedAt) : null }, today),
  answered: a.answered, total: a.total, noCount: a.noCount, version: a.version,
})

export async function findAssignment(db: Queryable, id: number, forUpdate = false): Promise<AssignmentRow | null> {
  if (forUpdate) await db.query('SELECT 1 FROM checklist_assignment WHERE id = $1 FOR UPDATE', [id])
  const [r] = await db.query<AssignmentRecord>(`${A_SELECT} WHERE a.id = $1`, [id])
  return r ? toAssignment(r) : null
}

export async function listAssignments(
  db: Queryable, f: { reach: string; params: unknown[]; underPath?: string; status?: string; templateId?: number; limit: number; offset: number },
): Promise<{ rows: AssignmentRow[]; total: number }> {
  const params = [...f.params]
  const where = [f.reach]
  if (f.underPath) where.push(`u.path <@ $${params.push(f.underPath)}::ltree`)
  if (f.status) where.push(`a.status = $${params.push(f.status)}`)
  if (f.templateId) where.push(`a.template_id = $${params.push(f.templateId)}`)
  const w = where.join(' AND ')
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM checklist_assignment a JOIN unit u ON u.id = a.unit_id WHERE ${w}`, params)
  const rows = await db.query<AssignmentRecord>(`${A_SELECT} WHERE ${w} ORDER BY a.due_date DESC, a.id DESC LIMIT $${params.push(f.limit)} OFFSET $${params.push(f.offset)}`, params)
  return { rows: rows.map(toAssignment), total }
}

export async function answersOf(db: Queryable, assignmentId: number) {
  return db.query<{ item_id: number; answer: 'yes' | 'no' | 'na'; note: string; evidence_file_ids: number[]; finding_id: number | null; corrective_action_id: number | null }>(
    `SELECT x.item_id, x.answer, x.note, x.evidence_file_ids, x.finding_id,
       (SELECT ca.id FROM corrective_action ca WHERE ca.finding_id = x.finding_id ORDER BY ca.id LIMIT 1) AS corrective_action_id
     FROM checklist_answer x WHERE x.assignment_id = $1`,
    [assignmentId],
  )
}

// The SQL of corrective actions: one action with its unit and where it came from, the paged list of
// a scope (the whole ministry's is ~10,000 rows at scale: one count and one page, both on indexes),
// a unit's history, extension requests, and the open ones the reminder job reads.
import { correctiveTimeliness, type CorrectiveStatus, type CorrectiveSummaryDto } from '../../../contract/corrective-actions.ts'
import { TIMELINESS, type Timeliness } from '../../../contract/timeliness.ts'
import { CUSTOM_PLAN, arrayLiteral, type Queryable } from '../../db/types.ts'
import { parentJoin, unitLabel } from '../units/unit-label.ts'
import { accountName } from '../accounts/account-name.ts'

export interface CorrectiveRow {
  id: number
  inspectionId: number | null
  assignmentId: number | null
  findingId: number | null
  unitId: number
  unitName: string
  unitPath: string
  requirementId: number | null
  title: string
  dueDate: string
  effectiveDueDate: string
  status: CorrectiveStatus
  completedOn: string | null
  closedOn: string | null
  inspectionNumber: string | null
  version: number
}

export interface CorrectiveDetailRow extends CorrectiveRow {
  findingText: string | null
  reportNote: string | null
  reportedAt: string | null
  reportedBy: string | null
  returnComment: string | null
  returnedAt: string | null
  verifyNote: string | null
  verifiedAt: string | null
  verifiedBy: string | null
}

interface Record_ {
  id: number; inspection_id: number | null; assignment_id: number | null; finding_id: number | null; unit_id: number; unit_name: string; unit_path: string
  requirement_id: number | null; title: string; due_date: string; effective_due_date: string; status: CorrectiveStatus; completed_on: string | null
  closed_on: string | null; inspection_number: string | null; version: number
}

const COLUMNS = `ca.id, ca.inspection_id, ca.assignment_id, ca.finding_id, ca.unit_id, ${unitLabel()} AS unit_name, u.path::text AS unit_path, ca.requirement_id, ca.title,
  ca.due_date, ca.effective_due_date, ca.status, ca.completed_on, ca.closed_on, i.number AS inspection_number, ca.version`
const FROM = `corrective_action ca JOIN unit u ON u.id = ca.unit_id ${parentJoin()} LEFT JOIN inspection i ON i.id = ca.inspection_id`

const toRow = (r: Record_): CorrectiveRow => ({
  id: r.id, inspectionId: r.inspection_id, assignmentId: r.assignment_id, findingId: r.finding_id, unitId: r.unit_id, unitName: r.unit_name, unitPath: r.unit_path,
  requirementId: r.requirement_id, title: r.title, dueDate: r.due_date, effectiveDueDate: r.effective_due_date, status: r.status, completedOn: r.completed_on,
  closedOn: r.closed_on, inspectionNumber: r.inspection_number, version: r.version,
})

export const toSummary = (r: CorrectiveRow, asOf: string): CorrectiveSummaryDto => ({
  id: r.id, inspectionId: r.inspectionId, assignmentId: r.assignmentId, findingId: r.findingId, unitId: r.unitId, unitName: r.unitName, requirementId: r.requirementId,
  title: r.title, dueDate: r.dueDate, effectiveDueDate: r.effectiveDueDate, status: r.status, timeliness: correctiveTimeliness(r, asOf), completedOn: r.completedOn,
  closedOn: r.closedOn, inspectionNumber: r.inspectionNumber, version: r.version,
})

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

export async function findCorrective(db: Queryable, id: number, forUpdate = false): Promise<CorrectiveDetailRow | null> {
  if (forUpdate) await db.query('SELECT 1 FROM corrective_action WHERE id = $1 FOR UPDATE', [id])
  const [r] = await db.query<Record_ & {
    finding_text: string | null; report_note: string | null; reported_at: Date | null; reported_by: string | null; return_comment: string | null; returned_at: Date | null
    verify_note: string | null; verified_at: Date | null; verified_by: string | null
  }>(
    `SELECT ${COLUMNS}, f.text AS finding_text, ca.report_note, ca.reported_at, ${accountName('ra')} AS reported_by, ca.return_comment, ca.returned_at, ca.verify_note,
       ca.verified_at, ${accountName('va')} AS verified_by
     FROM ${FROM} LEFT JOIN inspection_finding f ON f.id = ca.finding_id LEFT JOIN account ra ON ra.id = ca.reported_by LEFT JOIN account va ON va.id = ca.verified_by
     WHERE ca.id = $1`,
    [id],
  )
  if (!r) return null
  return {
    ...toRow(r), findingText: r.finding_text, reportNote: r.report_note, reportedAt: iso(r.reported_at), reportedBy: r.reported_by, returnComment: r.return_comment,
    returnedAt: iso(r.returned_at), verifyNote: r.verify_note, verifiedAt: iso(r.verified_at), verifiedBy: r.verified_by,
  }
}

export interface CorrectiveFilters {
  /** SQL over unit `u` saying the caller reaches it (inspections.access.ts reachesUnitSql), with its params. */
  reach: string
  params: unknown[]
  underPath?: string
  status?: string
  timeliness?: string
  inspectionId?: number
  unitPath?: string
  subtree?: boolean
  asOf: string
  limit: number
  offset: number
}

/** A page of the actions the caller reaches, soonest due first, with the count of every match. */
export async function listCorrective(db: Queryable, f: CorrectiveFilters): Promise<{ items: CorrectiveSummaryDto[]; total: number; byTimeliness: Record<Timeliness, number> }> {
  const params = [...f.params]
  const where = [f.reach]
  if (f.underPath) where.push(`u.path <@ $${params.push(f.underPath)}::ltree`)
  if (f.unitPath) where.push(f.subtree ? `u.path <@ $${params.push(f.unitPath)}::ltree` : `u.path = $${params.push(f.unitPath)}::ltree`)
  if (f.status) where.push(`ca.status = $${params.push(f.status)}`)
  if (f.inspectionId) where.push(`ca.inspection_id = $${params.push(f.inspectionId)}`)
  // Every other filter counted by timeliness class in one pass: the list's class counts, and its
  // total (the one class asked for, or all of them).
  const byClass = await db.query<{ t: Timeliness; n: number }>(
    `${CUSTOM_PLAN} SELECT corrective_timeliness(ca.status, ca.completed_on, ca.effective_due_date, $${params.length + 1}::date) AS t, count(*)::int AS n
     FROM corrective_action ca JOIN unit u ON u.id = ca.unit_id WHERE ${where.join(' AND ')} GROUP BY 1`,
    [...params, f.asOf],
  )
  const byTimeliness = Object.fromEntries(TIMELINESS.map((k) => [k, byClass.find((r) => r.t === k)?.n ?? 0])) as Record<Timeliness, number>
  if (f.timeliness) where.push(`corrective_timeliness(ca.status, ca.completed_on, ca.effective_due_date, $${params.push(f.asOf)}::date) = $${params.push(f.timeliness)}`)
  const w = where.join(' AND ')
  const total = f.timeliness ? byTimeliness[f.timeliness as Timeliness] : byClass.reduce((a, r) => a + r.n, 0)
  // Planned afresh each time: the best plan for the whole ministry and for one hospital differ.
  const rows = await db.query<Record_>(
    `${CUSTOM_PLAN} SELECT ${COLUMNS} FROM ${FROM} WHERE ${w}
     ORDER BY (ca.status = 'closed'), ca.effective_due_date, ca.id LIMIT $${params.push(f.limit)} OFFSET $${params.push(f.offset)}`,
    params,
  )
  return { items: rows.map((r) => toSummary(toRow(r), f.asOf)), total, byTimeliness }
}

export async function correctiveIdsOfInspection(db: Queryable, inspectionId: number) {
  return db.query<{ id: number; unit_id: number }>('SELECT id, unit_id FROM corrective_action WHERE inspection_id = $1 ORDER BY id', [inspectionId])
}

export async function insertCorrective(
  db: Queryable,
  c: { inspectionId: number | null; assignmentId: number | null; findingId: number | null; unitId: number; requirementId: number | null; title: string; dueDate: string; now: Date },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO corrective_action (inspection_id, assignment_id, finding_id, unit_id, requirement_id, title, due_date, effective_due_date, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$7,$8,$8) RETURNING id`,
    [c.inspectionId, c.assignmentId, c.findingId, c.unitId, c.requirementId, c.title, c.dueDate, c.now],
  )
  return id
}

export async function correctiveExtensions(db: Queryable, id: number) {
  return db.query<{
    id: number; previous_due_date: string; requested_due_date: string; reason: string; status: 'pending' | 'approved' | 'refused'; requested_by: string | null
    requested_at: Date; decided_by: string | null; decided_at: Date | null; decision_note: string | null
  }>(
    `SELECT x.id, x.previous_due_date, x.requested_due_date, x.reason, x.status, ${accountName('ra')} AS requested_by, x.requested_at, ${accountName('da')} AS decided_by, x.decided_at, x.decision_note
     FROM corrective_action_extension x LEFT JOIN account ra ON ra.id = x.requested_by LEFT JOIN account da ON da.id = x.decided_by
     WHERE x.corrective_action_id = $1 ORDER BY x.id`,
    [id],
  )
}

export async function findCorrectiveExtension(db: Queryable, id: number) {
  const [r] = await db.query<{ id: number; corrective_action_id: number; requested_due_date: string; status: string }>(
    'SELECT id, corrective_action_id, requested_due_date, status FROM corrective_action_extension WHERE id = $1 FOR UPDATE', [id],
  )
  return r ?? null
}

/** Overdue open actions per unit under `scopes` on `asOf` (the dashboard's column). */
export async function overdueByUnit(db: Queryable, scopes: string[], asOf: string) {
  return db.query<{ path: string; n: number }>(
    `SELECT u.path::text AS path, count(*)::int AS n FROM corrective_action ca JOIN unit u ON u.id = ca.unit_id
     WHERE ca.status <> 'closed' AND ca.effective_due_date < $2::date AND u.path <@ ANY($1::ltree[]) GROUP BY u.id`,
    [arrayLiteral(scopes), asOf],
  )
}

/** Open (not closed, not awaiting verification) actions due by `until`, for the reminder job. */
export async function remindable(db: Queryable, until: string, lastStage: string) {
  return db.query<{ id: number; unit_id: number; unit_name: string; title: string; effective_due_date: string; sent: string[] }>(
    `SELECT ca.id, ca.unit_id, u.name AS unit_name, ca.title, ca.effective_due_date,
       ARRAY(SELECT m.stage FROM corrective_action_reminder m WHERE m.corrective_action_id = ca.id AND m.due_date = ca.effective_due_date) AS sent
     FROM corrective_action ca JOIN unit u ON u.id = ca.unit_id
     WHERE ca.status IN ('open', 'returned') AND ca.effective_due_date <= $1::date
       AND NOT EXISTS (SELECT 1 FROM corrective_action_reminder m WHERE m.corrective_action_id = ca.id AND m.due_date = ca.effective_due_date AND m.stage = $2)
     ORDER BY ca.effective_due_date, ca.id`,
    [until, lastStage],
  )
}

/**
 * Claims reminder stages of actions in one statement; returns the actions whose stage this call
 * claimed (the others were sent already, by an earlier run or a run in another process).
 */
export async function claimReminders(db: Queryable, rs: { actionId: number; dueDate: string; stage: string; recipients: number; emails: number }[], now: Date): Promise<Set<number>> {
  if (!rs.length) return new Set()
  const rows = await db.query<{ corrective_action_id: number }>(
    `INSERT INTO corrective_action_reminder (corrective_action_id, due_date, stage, sent_at, recipients, emails)
     SELECT k.id, k.due_date, k.stage, $6, k.recipients, k.emails FROM unnest($1::int[], $2::date[], $3::text[], $4::int[], $5::int[]) AS k(id, due_date, stage, recipients, emails)
     ON CONFLICT DO NOTHING RETURNING corrective_action_id`,
    [rs.map((r) => r.actionId), rs.map((r) => r.dueDate), rs.map((r) => r.stage), rs.map((r) => r.recipients), rs.map((r) => r.emails), now],
  )
  return new Set(rows.map((r) => r.corrective_action_id))
}

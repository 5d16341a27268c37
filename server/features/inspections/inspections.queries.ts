// The SQL of inspections: the inspection row with its subject units and team, numbering, the list
// and calendar, and the records of the team's work (requests, self-reports, sessions, extensions, files).
import type { InspectionLevel, InspectionPhase, InspectionSummaryDto } from '../../../contract/inspections.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { accountName } from '../accounts/account-name.ts'

export interface InspectionRow {
  id: number
  number: string
  year: number
  ownerUnitId: number
  ownerPath: string
  planItemId: number | null
  title: string
  content: string
  directiveIds: number[]
  requirementIds: number[]
  kind: 'inspection' | 'supervision'
  mode: 'regular' | 'thematic'
  method: 'direct' | 'documents'
  level: InspectionLevel
  decisionNumber: string
  decisionDate: string
  periodFrom: string
  periodTo: string
  startDate: string
  durationDays: number
  originalDeadline: string
  deadline: string
  phase: InspectionPhase
  conductOn: string | null
  closingOn: string | null
  concludedOn: string | null
  version: number
  units: { id: number; path: string; name: string; code: string }[]
  team: { accountId: number; role: 'lead' | 'member' }[]
}

interface InspectionRecord {
  id: number; number: string; year: number; owner_unit_id: number; owner_path: string; plan_item_id: number | null; title: string; content: string
  directive_ids: number[]; requirement_ids: number[]; kind: InspectionRow['kind']; mode: InspectionRow['mode']; method: InspectionRow['method']; level: InspectionLevel
  decision_number: string; decision_date: string; period_from: string; period_to: string; start_date: string; duration_days: number; original_deadline: string
  deadline: string; phase: InspectionPhase; conduct_on: string | null; closing_on: string | null; concluded_on: string | null; version: number
}

const COLUMNS = `i.id, i.number, i.year, i.owner_unit_id, ou.path::text AS owner_path, i.plan_item_id, i.title, i.content, i.directive_ids, i.requirement_ids,
  i.kind, i.mode, i.method, i.level, i.decision_number, i.decision_date, i.period_from, i.period_to, i.start_date, i.duration_days, i.original_deadline,
  i.deadline, i.phase, i.conduct_on, i.closing_on, i.concluded_on, i.version`

export async function findInspection(db: Queryable, id: number, forUpdate = false): Promise<InspectionRow | null> {
  const [r] = await db.query<InspectionRecord>(`SELECT ${COLUMNS} FROM inspection i JOIN unit ou ON ou.id = i.owner_unit_id WHERE i.id = $1 ${forUpdate ? 'FOR UPDATE OF i' : ''}`, [id])
  if (!r) return null
  const units = await db.query<{ id: number; path: string; name: string; code: string }>(
    'SELECT u.id, u.path::text AS path, u.name, u.code FROM inspection_unit iu JOIN unit u ON u.id = iu.unit_id WHERE iu.inspection_id = $1 ORDER BY u.sort_key COLLATE "C", u.id',
    [id],
  )
  const team = await db.query<{ account_id: number; role: 'lead' | 'member' }>('SELECT account_id, role FROM inspection_member WHERE inspection_id = $1 ORDER BY role, account_id', [id])
  return {
    id: r.id, number: r.number, year: r.year, ownerUnitId: r.owner_unit_id, ownerPath: r.owner_path, planItemId: r.plan_item_id, title: r.title, content: r.content,
    directiveIds: r.directive_ids, requirementIds: r.requirement_ids, kind: r.kind, mode: r.mode, method: r.method, level: r.level, decisionNumber: r.decision_number,
    decisionDate: r.decision_date, periodFrom: r.period_from, periodTo: r.period_to, startDate: r.start_date, durationDays: r.duration_days,
    originalDeadline: r.original_deadline, deadline: r.deadline, phase: r.phase, conductOn: r.conduct_on, closingOn: r.closing_on, concludedOn: r.concluded_on,
    version: r.version, units, team: team.map((m) => ({ accountId: m.account_id, role: m.role })),
  }
}

/** The inspection a record belongs to, by the record's table: for routes that address a record by its own id. */
export async function inspectionIdOf(db: Queryable, table: 'inspection_request_item' | 'inspection_session' | 'inspection_finding' | 'inspection_file', id: number): Promise<number | null> {
  const sql = {
    inspection_request_item: 'SELECT r.inspection_id AS id FROM inspection_request_item x JOIN inspection_request r ON r.id = x.request_id WHERE x.id = $1',
    inspection_session: 'SELECT inspection_id AS id FROM inspection_session WHERE id = $1',
    inspection_finding: 'SELECT inspection_id AS id FROM inspection_finding WHERE id = $1',
    inspection_file: 'SELECT inspection_id AS id FROM inspection_file WHERE id = $1',
  }[table]
  const [r] = await db.query<{ id: number | null }>(sql, [id])
  return r?.id ?? null
}

/** Does the account hold the inspector role anywhere (team members must)? */
export async function accountsWithInspectorRole(db: Queryable, accountIds: number[]): Promise<Set<number>> {
  const rows = await db.query<{ id: number }>(
    `SELECT DISTINCT a.id FROM account a JOIN role_grant g ON g.account_id = a.id AND g.role = 'inspector' WHERE a.id = ANY($1::int[]) AND a.is_active`,
    [accountIds],
  )
  return new Set(rows.map((r) => r.id))
}

/** Every active account holding the inspector role (the team may come from anywhere in the ministry). */
export async function listInspectors(db: Queryable) {
  const rows = await db.query<{ id: number; username: string; full_name: string | null }>(
    `SELECT DISTINCT a.id, a.username, p.full_name FROM account a JOIN role_grant g ON g.account_id = a.id AND g.role = 'inspector' LEFT JOIN person p ON p.id = a.person_id
     WHERE a.is_active ORDER BY a.username`,
  )
  return { items: rows.map((r) => ({ accountId: r.id, username: r.username, fullName: r.full_name })) }
}

export async function teamDetails(db: Queryable, inspectionId: number) {
  return db.query<{ account_id: number; username: string; full_name: string | null; role: 'lead' | 'member' }>(
    `SELECT m.account_id, a.username, p.full_name, m.role FROM inspection_member m JOIN account a ON a.id = m.account_id LEFT JOIN person p ON p.id = a.person_id
     WHERE m.inspection_id = $1 ORDER BY m.role, a.username`,
    [inspectionId],
  )
}

export async function replaceTeam(db: Queryable, inspectionId: number, team: { accountId: number; role: 'lead' | 'member' }[]) {
  await db.query('DELETE FROM inspection_member WHERE inspection_id = $1', [inspectionId])
  await db.query(
    'INSERT INTO inspection_member (inspection_id, account_id, role) SELECT $1, a, r FROM unnest($2::int[], $3::text[]) AS t(a, r)',
    [inspectionId, team.map((m) => m.accountId), team.map((m) => m.role)],
  )
}

/** KT-2026-0001 (kiểm tra) or GS-2026-0001 (giám sát): the year's next, under the counter row's lock. */
export async function nextInspectionNumber(db: Queryable, kind: 'inspection' | 'supervision', year: number): Promise<string> {
  const prefix = kind === 'inspection' ? 'KT' : 'GS'
  const [{ n }] = await db.query<{ n: number }>(
    'INSERT INTO inspection_counter (prefix, year, n) VALUES ($1, $2, 1) ON CONFLICT (prefix, year) DO UPDATE SET n = inspection_counter.n + 1 RETURNING n',
    [prefix, year],
  )
  return `${prefix}-${year}-${String(n).padStart(4, '0')}`
}

/**
 * The issuer's next number for a document type, "12-TB/BCSĐ": Party numbering runs across the
 * committee's term, not per year. A number typed in by the clerk is taken as it is, not counted.
 */
export async function nextDocumentNumber(db: Queryable, docType: 'QĐ' | 'TB', issuer: string): Promise<string> {
  for (;;) {
    const [{ n }] = await db.query<{ n: number }>(
      'INSERT INTO document_counter (doc_type, issuer, n) VALUES ($1, $2, 1) ON CONFLICT (doc_type, issuer) DO UPDATE SET n = document_counter.n + 1 RETURNING n',
      [docType, issuer],
    )
    const number = `${n}-${docType}/${issuer}`
    // Skip a number already registered by hand.
    const table = docType === 'QĐ' ? 'SELECT 1 FROM inspection WHERE lower(decision_number) = lower($1)' : 'SELECT 1 FROM inspection_conclusion WHERE lower(number) = lower($1)'
    if (!(await db.query(table, [number])).length) return number
  }
}

/** Who sees which inspections in a list: the caller's scopes and, for inspectors, their account. */
export interface Visibility {
  /** Oversight (committee, board, auditor): whole inspections run by a unit under these. */
  oversight: string[]
  /** Any read role but inspector: inspections with a subject unit under these, and those units' records. */
  units: string[]
  /** An inspector's account: whole inspections they are on. */
  teamAccountId: number | null
}

/** SQL saying whether inspection `i` (joined with owner unit `ou`) is visible; params appended. */
export function visibleSql(v: Visibility, params: unknown[]) {
  const o = `$${params.push(arrayLiteral(v.oversight))}::ltree[]`
  const u = `$${params.push(arrayLiteral(v.units))}::ltree[]`
  const a = `$${params.push(v.teamAccountId ?? 0)}::int`
  const seesAll = `(ou.path <@ ANY(${o}) OR EXISTS (SELECT 1 FROM inspection_member m WHERE m.inspection_id = i.id AND m.account_id = ${a}))`
  const visible = `(${seesAll} OR EXISTS (SELECT 1 FROM inspection_unit iu JOIN unit su ON su.id = iu.unit_id WHERE iu.inspection_id = i.id AND su.path <@ ANY(${u})))`
  return { seesAll, visible, unitScopes: u }
}

export interface InspectionFilters {
  year?: number
  phase?: string
  underPath?: string
  kind?: string
  mode?: string
  method?: string
  overdue?: boolean
  from?: string
  to?: string
  q?: string
  ownerUnitId?: number
  outsidePlanOnly?: boolean
  unitId?: number
  limit: number
  offset: number
}

interface SummaryRecord {
  id: number; number: string; title: string; unit_ids: number[]; kind: InspectionRow['kind']; mode: InspectionRow['mode']; method: InspectionRow['method']; phase: InspectionPhase
  deadline: string; original_deadline: string; open_findings: number; year: number; owner_unit_id: number; plan_item_id: number | null; decision_number: string
  decision_date: string; start_date: string; concluded_on: string | null
}

const toSummary = (r: SummaryRecord, today: string): InspectionSummaryDto => ({
  id: r.id, number: r.number, title: r.title, unitIds: r.unit_ids, form: { kind: r.kind, mode: r.mode, method: r.method }, phase: r.phase, deadline: r.deadline,
  originalDeadline: r.original_deadline, openFindings: r.open_findings, year: r.year, ownerUnitId: r.owner_unit_id, planItemId: r.plan_item_id,
  decisionNumber: r.decision_number, decisionDate: r.decision_date, startDate: r.start_date, concludedOn: r.concluded_on,
  isOverdue: r.phase !== 'concluded' && today > r.deadline,
})

/**
 * The inspections the caller sees, newest decision first, with each one's open findings among the
 * records the caller sees (a unit counts only its own).
 */
export async function listInspections(db: Queryable, v: Visibility, f: InspectionFilters, today: string): Promise<{ items: InspectionSummaryDto[]; total: number }> {
  const params: unknown[] = []
  const { seesAll, visible, unitScopes } = visibleSql(v, params)
  const where = [visible]
  if (f.year) where.push(`i.year = $${params.push(f.year)}`)
  if (f.phase) where.push(`i.phase = $${params.push(f.phase)}`)
  if (f.kind) where.push(`i.kind = $${params.push(f.kind)}`)
  if (f.mode) where.push(`i.mode = $${params.push(f.mode)}`)
  if (f.method) where.push(`i.method = $${params.push(f.method)}`)
  if (f.ownerUnitId) where.push(`i.owner_unit_id = $${params.push(f.ownerUnitId)}`)
  if (f.outsidePlanOnly) where.push('i.plan_item_id IS NULL')
  if (f.overdue) where.push(`i.phase <> 'concluded' AND i.deadline < $${params.push(today)}::date`)
  if (f.from) where.push(`coalesce(i.concluded_on, greatest(i.deadline, $${params.push(today)}::date)) >= $${params.push(f.from)}::date`)
  if (f.to) where.push(`i.start_date <= $${params.push(f.to)}::date`)
  if (f.q) where.push(`lower(f_unaccent(i.number || ' ' || i.decision_number || ' ' || i.title)) LIKE '%' || lower(f_unaccent($${params.push(f.q)})) || '%'`)
  if (f.underPath) {
    where.push(`EXISTS (SELECT 1 FROM inspection_unit iu2 JOIN unit u2 ON u2.id = iu2.unit_id WHERE iu2.inspection_id = i.id AND u2.path <@ $${params.push(f.underPath)}::ltree)`)
  }
  if (f.unitId) where.push(`EXISTS (SELECT 1 FROM inspection_unit iu3 WHERE iu3.inspection_id = i.id AND iu3.unit_id = $${params.push(f.unitId)})`)
  const w = where.join(' AND ')
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM inspection i JOIN unit ou ON ou.id = i.owner_unit_id WHERE ${w}`, params)
  const rows = await db.query<SummaryRecord>(
    `SELECT i.id, i.number, i.title, i.kind, i.mode, i.method, i.phase, i.deadline, i.original_deadline, i.year, i.owner_unit_id, i.plan_item_id,
       i.decision_number, i.decision_date, i.start_date, i.concluded_on,
       ARRAY(SELECT iu.unit_id FROM inspection_unit iu WHERE iu.inspection_id = i.id ORDER BY iu.unit_id) AS unit_ids,
       (SELECT count(*)::int FROM inspection_finding fi JOIN unit fu ON fu.id = fi.unit_id
        WHERE fi.inspection_id = i.id AND fi.kind <> 'strength' AND fi.resolved_on IS NULL AND (${seesAll} OR fu.path <@ ANY(${unitScopes}))) AS open_findings
     FROM inspection i JOIN unit ou ON ou.id = i.owner_unit_id WHERE ${w}
     ORDER BY i.decision_date DESC, i.id DESC LIMIT $${params.push(f.limit)} OFFSET $${params.push(f.offset)}`,
    params,
  )
  return { items: rows.map((r) => toSummary(r, today)), total }
}

export async function extensionsOf(db: Queryable, inspectionId: number) {
  return db.query<{ id: number; previous_deadline: string; new_deadline: string; reason: string; decision_number: string; decision_date: string; by: string | null; created_at: Date }>(
    `SELECT x.id, x.previous_deadline, x.new_deadline, x.reason, x.decision_number, x.decision_date, ${accountName('a')} AS by, x.created_at
     FROM inspection_extension x LEFT JOIN account a ON a.id = x.created_by WHERE x.inspection_id = $1 ORDER BY x.id`,
    [inspectionId],
  )
}

export interface FileMeta { id: number; filename: string; mime: string; size: number; unitId: number | null; uploadedAt: string }
interface FileRecord { id: number; filename: string; mime: string; size: number; unit_id: number | null; uploaded_at: Date }
const toFile = (r: FileRecord): FileMeta => ({ id: r.id, filename: r.filename, mime: r.mime, size: r.size, unitId: r.unit_id, uploadedAt: new Date(r.uploaded_at).toISOString() })
const FILE_COLUMNS = 'id, filename, mime, size, unit_id, uploaded_at'

/** Files of one inspection, checklist round or corrective action (metadata only). */
export async function filesOf(db: Queryable, owner: { inspectionId?: number; assignmentId?: number; correctiveActionId?: number }): Promise<FileMeta[]> {
  const [col, id] = owner.inspectionId ? ['inspection_id', owner.inspectionId] : owner.assignmentId ? ['assignment_id', owner.assignmentId] : ['corrective_action_id', owner.correctiveActionId]
  return (await db.query<FileRecord>(`SELECT ${FILE_COLUMNS} FROM inspection_file WHERE ${col} = $1 ORDER BY id`, [id])).map(toFile)
}

export async function findFile(db: Queryable, id: number) {
  const [r] = await db.query<FileRecord & { inspection_id: number | null; assignment_id: number | null; corrective_action_id: number | null }>(
    `SELECT ${FILE_COLUMNS}, inspection_id, assignment_id, corrective_action_id FROM inspection_file WHERE id = $1`, [id],
  )
  return r ? { ...toFile(r), inspectionId: r.inspection_id, assignmentId: r.assignment_id, correctiveActionId: r.corrective_action_id } : null
}

export async function fileContent(db: Queryable, id: number): Promise<Buffer> {
  const [r] = await db.query<{ content: Uint8Array }>('SELECT content FROM inspection_file WHERE id = $1', [id])
  return Buffer.from(r.content)
}

export async function insertFile(
  db: Queryable,
  f: { inspectionId?: number; assignmentId?: number; correctiveActionId?: number; unitId: number | null; filename: string; mime: string; bytes: Buffer; sha256: string; by: number | null; now: Date },
): Promise<FileMeta> {
  const [r] = await db.query<FileRecord>(
    `INSERT INTO inspection_file (inspection_id, assignment_id, corrective_action_id, unit_id, filename, mime, size, sha256, content, uploaded_by, uploaded_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING ${FILE_COLUMNS}`,
    [f.inspectionId ?? null, f.assignmentId ?? null, f.correctiveActionId ?? null, f.unitId, f.filename, f.mime, f.bytes.length, f.sha256, f.bytes, f.by, f.now],
  )
  return toFile(r)
}

/** Bytes of files already held for a unit (inspections, checklists and corrective actions together). */
export async function unitFileBytes(db: Queryable, unitId: number): Promise<number> {
  const [{ used }] = await db.query<{ used: number }>('SELECT coalesce(sum(size), 0)::int8 AS used FROM inspection_file WHERE unit_id = $1', [unitId])
  return used
}

export async function requestsOf(db: Queryable, inspectionId: number) {
  const requests = await db.query<{ id: number; unit_id: number; note: string; sent_on: string; due_date: string }>(
    'SELECT id, unit_id, note, sent_on, due_date FROM inspection_request WHERE inspection_id = $1 ORDER BY id', [inspectionId],
  )
  const items = await db.query<{
    id: number; request_id: number; ordinal: number; text: string; status: 'pending' | 'answered' | 'received' | 'askedAgain'; answer_note: string; answer_file_ids: number[]
    answered_at: Date | null; review_comment: string | null; reviewed_at: Date | null; version: number
  }>(
    `SELECT x.id, x.request_id, x.ordinal, x.text, x.status, x.answer_note, x.answer_file_ids, x.answered_at, x.review_comment, x.reviewed_at, x.version
     FROM inspection_request_item x JOIN inspection_request r ON r.id = x.request_id WHERE r.inspection_id = $1 ORDER BY x.request_id, x.ordinal`,
    [inspectionId],
  )
  return { requests, items }
}

export async function findRequestItem(db: Queryable, id: number, forUpdate = false) {
  const [r] = await db.query<{ id: number; request_id: number; inspection_id: number; unit_id: number; status: string; version: number }>(
    `SELECT x.id, x.request_id, r.inspection_id, r.unit_id, x.status, x.version FROM inspection_request_item x JOIN inspection_request r ON r.id = x.request_id
     WHERE x.id = $1 ${forUpdate ? 'FOR UPDATE OF x' : ''}`,
    [id],
  )
  return r ?? null
}

export async function selfReportsOf(db: Queryable, inspectionId: number) {
  return db.query<{ unit_id: number; summary: string; file_ids: number[]; submitted_at: Date; submitted_by: string | null; version: number }>(
    `SELECT s.unit_id, s.summary, s.file_ids, s.submitted_at, ${accountName('a')} AS submitted_by, s.version FROM inspection_self_report s LEFT JOIN account a ON a.id = s.submitted_by
     WHERE s.inspection_id = $1 ORDER BY s.unit_id`,
    [inspectionId],
  )
}

export async function sessionsOf(db: Queryable, inspectionId: number) {
  return db.query<{ id: number; unit_id: number | null; held_on: string; place: string; participants: string[]; note: string; minutes_file_id: number | null; version: number }>(
    'SELECT id, unit_id, held_on, place, participants, note, minutes_file_id, version FROM inspection_session WHERE inspection_id = $1 ORDER BY held_on, id', [inspectionId],
  )
}

export async function findSession(db: Queryable, id: number, forUpdate = false) {
  const [r] = await db.query<{ id: number; inspection_id: number; unit_id: number | null; held_on: string; place: string; participants: string[]; note: string; minutes_file_id: number | null; version: number }>(
    `SELECT id, inspection_id, unit_id, held_on, place, participants, note, minutes_file_id, version FROM inspection_session WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id],
  )
  return r ?? null
}

/** Active unit ids among `ids` that lie under any of `scopes` (for ids given in a body). */
export async function unitsUnder(db: Queryable, ids: number[], scopes: string[]) {
  return db.query<{ id: number; path: string }>(
    'SELECT id, path::text AS path FROM unit WHERE id = ANY($1::int[]) AND is_active AND path <@ ANY($2::ltree[])', [ids, arrayLiteral(scopes)],
  )
}

/** Requirement ids with their directive, for checking them against an inspection's directives. */
export async function requirementDirectives(db: Queryable, ids: number[]) {
  const rows = await db.query<{ id: number; directive_id: number; label: string }>('SELECT id, directive_id, label FROM requirement WHERE id = ANY($1::int[])', [ids])
  return new Map(rows.map((r) => [r.id, { directiveId: r.directive_id, label: r.label }]))
}

/** Files by id, metadata only (a finding's evidence, a request item's answer). */
export async function filesByIds(db: Queryable, ids: number[]): Promise<Map<number, FileMeta>> {
  if (!ids.length) return new Map()
  const rows = await db.query<FileRecord>(`SELECT ${FILE_COLUMNS} FROM inspection_file WHERE id = ANY($1::int[])`, [[...new Set(ids)]])
  return new Map(rows.map((r) => [r.id, toFile(r)]))
}

/** Which of `ids` are files of this inspection, checklist round or corrective action (and, given, of this unit or the team's own). */
export async function filesOwnedBy(db: Queryable, ids: number[], owner: { inspectionId?: number; assignmentId?: number; correctiveActionId?: number }, unitId?: number) {
  const [col, id] = owner.inspectionId ? ['inspection_id', owner.inspectionId] : owner.assignmentId ? ['assignment_id', owner.assignmentId] : ['corrective_action_id', owner.correctiveActionId]
  const rows = await db.query<{ id: number }>(
    `SELECT id FROM inspection_file WHERE id = ANY($1::int[]) AND ${col} = $2 ${unitId === undefined ? '' : 'AND unit_id = $3'}`,
    unitId === undefined ? [ids, id] : [ids, id, unitId],
  )
  return new Set(rows.map((r) => r.id))
}

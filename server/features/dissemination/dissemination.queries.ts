// The only place that builds SQL for dissemination. Whether a directive may be seen is asked of
// directives.access.ts; the addressee and requirement tables are read here for the checks a
// session needs.
import type { AttendeeDto, CoverageRowDto, MyDirectiveDto, SessionDetailDto, SessionDto, SessionForm } from '../../../contract/dissemination.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { accountName } from '../accounts/account-name.ts'

export async function isAddressee(db: Queryable, directiveId: number, unitId: number): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM directive_addressee WHERE directive_id = $1 AND unit_id = $2', [directiveId, unitId])
  return rows.length > 0
}

/** Of `ids`, those that are requirements of the directive. */
export async function requirementsOf(db: Queryable, directiveId: number, ids: number[]): Promise<Set<number>> {
  const rows = await db.query<{ id: number }>('SELECT id FROM requirement WHERE directive_id = $1 AND id = ANY($2::int[])', [directiveId, ids])
  return new Set(rows.map((r) => r.id))
}

/** Of `ids`, each person with whether they belong under `unitPath` and are active. */
export async function peopleByIds(db: Queryable, ids: number[], unitPath: string) {
  const rows = await db.query<{ id: number; is_active: boolean; is_under: boolean }>(
    `SELECT p.id, p.is_active, u.path <@ $2::ltree AS is_under FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = ANY($1::int[])`,
    [ids, unitPath],
  )
  return new Map(rows.map((r) => [r.id, { isActive: r.is_active, isUnder: r.is_under }]))
}

export interface RosterCandidate {
  id: number
  fullName: string
  position: string
  email: string | null
  isActive: boolean
}

/** Everyone, active or not, in the unit and its sub-units: what a roster's names are matched against. */
export async function peopleUnder(db: Queryable, unitPath: string): Promise<RosterCandidate[]> {
  const rows = await db.query<{ id: number; full_name: string; position: string; email: string | null; is_active: boolean }>(
    `SELECT p.id, p.full_name, p.position, p.email, p.is_active FROM person p JOIN unit u ON u.id = p.unit_id WHERE u.path <@ $1::ltree`,
    [unitPath],
  )
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, position: r.position, email: r.email, isActive: r.is_active }))
}

// ---- sessions

export interface SessionRow extends SessionDto {
  unitPath: string
  directiveStatus: string
}

const SESSION_COLUMNS = `s.id, s.directive_id, s.unit_id, u.name AS unit_name, u.path::text AS unit_path, s.held_on, s.form, s.title, s.note,
  COALESCE((SELECT array_agg(sr.requirement_id ORDER BY sr.requirement_id) FROM session_requirement sr WHERE sr.session_id = s.id), '{}') AS requirement_ids,
  (SELECT count(*)::int FROM session_attendance a WHERE a.session_id = s.id) AS attendee_count,
  ${accountName('acc')} AS created_by, s.version, s.created_at, s.updated_at, d.status AS directive_status`
const SESSION_FROM = `dissemination_session s JOIN unit u ON u.id = s.unit_id JOIN directive d ON d.id = s.directive_id
  LEFT JOIN account acc ON acc.id = s.created_by`

const iso = (v: Date | string) => new Date(v).toISOString()

interface SessionRecord {
  id: number
  directive_id: number
  unit_id: number
  unit_name: string
  unit_path: string
  held_on: string
  form: SessionForm
  title: string
  note: string
  requirement_ids: number[]
  attendee_count: number
  created_by: string | null
  version: number
  created_at: Date
  updated_at: Date
  directive_status: string
}

const toSession = (r: SessionRecord): SessionRow => ({
  id: r.id, directiveId: r.directive_id, unitId: r.unit_id, unitName: r.unit_name, unitPath: r.unit_path, heldOn: r.held_on,
  form: r.form, title: r.title, note: r.note, requirementIds: r.requirement_ids, attendeeCount: r.attendee_count,
  createdBy: r.created_by, version: r.version, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at), directiveStatus: r.directive_status,
})

export const toSessionDto = ({ unitPath: _p, directiveStatus: _s, ...dto }: SessionRow): SessionDto => dto

/** With `forUpdate`, locks the session row first: concurrent edits of one session take turns. */
export async function findSession(db: Queryable, id: number, forUpdate = false): Promise<SessionRow | null> {
  if (forUpdate) await db.query('SELECT 1 FROM dissemination_session WHERE id = $1 FOR UPDATE', [id])
  const [r] = await db.query<SessionRecord>(`SELECT ${SESSION_COLUMNS} FROM ${SESSION_FROM} WHERE s.id = $1`, [id])
  return r ? toSession(r) : null
}

export async function sessionDetail(db: Queryable, session: SessionRow): Promise<SessionDetailDto> {
  const requirements = await db.query<{ id: number; label: string; text: string }>(
    `SELECT r.id, r.label, r.text FROM session_requirement sr JOIN requirement r ON r.id = sr.requirement_id
     WHERE sr.session_id = $1 ORDER BY r.id`,
    [session.id],
  )
  const attendees = await db.query<{ id: number; full_name: string; position: string; unit_id: number; unit_name: string; is_active: boolean }>(
    `SELECT p.id, p.full_name, p.position, p.unit_id, u.name AS unit_name, p.is_active
     FROM session_attendance a JOIN person p ON p.id = a.person_id JOIN unit u ON u.id = p.unit_id
     WHERE a.session_id = $1 ORDER BY p.sort_key COLLATE "C", p.id`,
    [session.id],
  )
  return {
    ...toSessionDto(session),
    requirements,
    attendees: attendees.map((r): AttendeeDto => ({ id: r.id, fullName: r.full_name, position: r.position, unitId: r.unit_id, unitName: r.unit_name, isActive: r.is_active })),
  }
}

/** A directive's sessions in units under `scopes`, newest first; titles searched without diacritics. */
export async function listSessions(
  db: Queryable,
  directiveId: number,
  scopes: string[],
  opts: { exactUnitId?: number; underPath?: string; q?: string; limit: number; offset: number },
) {
  if (!scopes.length) return { items: [], total: 0 }
  const params: unknown[] = [directiveId, arrayLiteral(scopes)]
  const where = ['s.directive_id = $1', 'u.path <@ ANY($2::ltree[])']
  if (opts.exactUnitId) where.push(`s.unit_id = $${params.push(opts.exactUnitId)}`)
  else if (opts.underPath) where.push(`u.path <@ $${params.push(opts.underPath)}::ltree`)
  if (opts.q) where.push(`s.title_search LIKE '%' || lower(f_unaccent($${params.push(opts.q)})) || '%'`)
  const w = where.join(' AND ')
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM dissemination_session s JOIN unit u ON u.id = s.unit_id WHERE ${w}`, params)
  const rows = await db.query<SessionRecord>(
    `SELECT ${SESSION_COLUMNS} FROM ${SESSION_FROM} WHERE ${w}
     ORDER BY s.held_on DESC, s.id DESC LIMIT $${params.push(opts.limit)} OFFSET $${params.push(opts.offset)}`,
    params,
  )
  return { items: rows.map(toSession), total }
}

export async function insertSession(
  db: Queryable,
  s: { directiveId: number; unitId: number; heldOn: string; form: string; title: string; note: string; createdBy: number | null; now: Date },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO dissemination_session (directive_id, unit_id, held_on, form, title, note, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [s.directiveId, s.unitId, s.heldOn, s.form, s.title, s.note, s.createdBy, s.now],
  )
  return id
}

export async function updateSessionRow(db: Queryable, id: number, s: { heldOn: string; form: string; title: string; note: string; now: Date }) {
  await db.query(
    `UPDATE dissemination_session SET held_on = $2, form = $3, title = $4, note = $5, version = version + 1, updated_at = $6 WHERE id = $1`,
    [id, s.heldOn, s.form, s.title, s.note, s.now],
  )
}

/** Attendance changes bump the version too: an editor holding the old list must reload. */
export async function touchSession(db: Queryable, id: number, now: Date) {
  await db.query('UPDATE dissemination_session SET version = version + 1, updated_at = $2 WHERE id = $1', [id, now])
}

export async function deleteSessionRow(db: Queryable, id: number) {
  await db.query('DELETE FROM dissemination_session WHERE id = $1', [id])
}

export async function setRequirements(db: Queryable, sessionId: number, requirementIds: number[]) {
  await db.query('DELETE FROM session_requirement WHERE session_id = $1', [sessionId])
  await db.query('INSERT INTO session_requirement (session_id, requirement_id) SELECT $1, unnest($2::int[])', [sessionId, requirementIds])
}

export async function attendeeIdsOf(db: Queryable, sessionId: number): Promise<number[]> {
  const rows = await db.query<{ person_id: number }>('SELECT person_id FROM session_attendance WHERE session_id = $1 ORDER BY person_id', [sessionId])
  return rows.map((r) => r.person_id)
}

/** Adds people not yet present; returns how many were added. */
export async function addAttendees(db: Queryable, sessionId: number, personIds: number[]): Promise<number> {
  if (!personIds.length) return 0
  const rows = await db.query(
    `INSERT INTO session_attendance (session_id, directive_id, person_id)
     SELECT s.id, s.directive_id, unnest($2::int[]) FROM dissemination_session s WHERE s.id = $1
     ON CONFLICT DO NOTHING RETURNING person_id`,
    [sessionId, personIds],
  )
  return rows.length
}

export async function removeAttendees(db: Queryable, sessionId: number, personIds: number[]) {
  if (personIds.length) await db.query('DELETE FROM session_attendance WHERE session_id = $1 AND person_id = ANY($2::int[])', [sessionId, personIds])
}

// ---- coverage

/**
 * Coverage of one directive for each of `unitIds`, in the order given (unknown ids dropped), in one
 * query. activePeople counts active people whose unit is exactly that unit; reached counts those of
 * them who attended any session of the directive (held by any unit) or confirmed receipt, each once.
 * One pass over the active people asked about, two index probes each: the cost follows the number
 * of people asked about, not the size of the directive (see the commit for timings at 500,000 people).
 */
export async function coverageByUnit(db: Queryable, directiveId: number, unitIds: readonly number[]): Promise<CoverageRowDto[]> {
  if (!unitIds.length) return []
  const rows = await db.query<{ unit_id: number; unit_name: string; active_people: number; reached: number }>(
    `WITH ids AS (SELECT id, ord FROM unnest($2::int[]) WITH ORDINALITY AS t(id, ord)),
     counts AS (
       SELECT p.unit_id, count(*)::int AS active_people,
         (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM session_attendance a WHERE a.directive_id = $1 AND a.person_id = p.id)
                              OR EXISTS (SELECT 1 FROM receipt_confirmation r WHERE r.directive_id = $1 AND r.person_id = p.id)))::int AS reached
       FROM person p WHERE p.is_active AND p.unit_id = ANY($2::int[]) GROUP BY p.unit_id)
     SELECT u.id AS unit_id, u.name AS unit_name, COALESCE(c.active_people, 0) AS active_people, COALESCE(c.reached, 0) AS reached
     FROM ids JOIN unit u ON u.id = ids.id LEFT JOIN counts c ON c.unit_id = u.id
     ORDER BY ids.ord`,
    [directiveId, [...unitIds]],
  )
  return rows.map((r) => ({
    unitId: r.unit_id, unitName: r.unit_name, activePeople: r.active_people, reached: r.reached,
    coverage: r.active_people ? r.reached / r.active_people : 0,
  }))
}

/** Addressee units of the directive under `paths` (tree order, Vietnamese name order among siblings). */
export async function addresseeUnitsUnder(db: Queryable, directiveId: number, paths: string[], exceptId?: number): Promise<number[]> {
  if (!paths.length) return []
  const rows = await db.query<{ id: number }>(
    `SELECT u.id FROM directive_addressee da JOIN unit u ON u.id = da.unit_id
     WHERE da.directive_id = $1 AND u.path <@ ANY($2::ltree[]) AND u.id IS DISTINCT FROM $3
     ORDER BY nlevel(u.path), u.sort_key COLLATE "C", u.id`,
    [directiveId, arrayLiteral(paths), exceptId ?? null],
  )
  return rows.map((r) => r.id)
}

// ---- receipt and the personal record

export interface PersonUnit {
  personId: number
  unitId: number
  unitPath: string
}

export async function personUnit(db: Queryable, personId: number): Promise<PersonUnit | null> {
  const [r] = await db.query<{ id: number; unit_id: number; path: string }>('SELECT p.id, p.unit_id, u.path::text AS path FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = $1', [personId])
  return r ? { personId: r.id, unitId: r.unit_id, unitPath: r.path } : null
}

/** Inserts the confirmation unless one exists; returns the stored one and whether it is new. */
export async function confirmReceiptRow(db: Queryable, directiveId: number, personId: number, accountId: number, now: Date) {
  const inserted = await db.query<{ confirmed_at: Date }>(
    `INSERT INTO receipt_confirmation (directive_id, person_id, confirmed_at, account_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING confirmed_at`,
    [directiveId, personId, now, accountId],
  )
  if (inserted.length) return { confirmedAt: iso(inserted[0].confirmed_at), isNew: true }
  const [r] = await db.query<{ confirmed_at: Date }>('SELECT confirmed_at FROM receipt_confirmation WHERE directive_id = $1 AND person_id = $2', [directiveId, personId])
  return { confirmedAt: iso(r.confirmed_at), isNew: false }
}

/**
 * The person's own record: directives addressed to their unit or above it, plus any they were
 * reached by before moving unit, with their confirmation and the sessions they attended.
 */
export async function myDirectives(db: Queryable, who: PersonUnit, opts: { q?: string; directiveId?: number; limit: number; offset: number }) {
  const params: unknown[] = [who.personId, who.unitPath]
  let where = `d.status <> 'draft' AND (
      EXISTS (SELECT 1 FROM directive_addressee da JOIN unit au ON au.id = da.unit_id WHERE da.directive_id = d.id AND au.path @> $2::ltree)
      OR EXISTS (SELECT 1 FROM receipt_confirmation x WHERE x.directive_id = d.id AND x.person_id = $1)
      OR EXISTS (SELECT 1 FROM session_attendance xa JOIN dissemination_session xs ON xs.id = xa.session_id WHERE xs.directive_id = d.id AND xa.person_id = $1))`
  if (opts.q) where += ` AND d.search LIKE '%' || lower(f_unaccent($${params.push(opts.q)})) || '%'`
  if (opts.directiveId) where += ` AND d.id = $${params.push(opts.directiveId)}`
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM directive d WHERE ${where}`, params)
  const rows = await db.query<{ id: number; number: string | null; subject: string; date: string | null; status: MyDirectiveDto['status']; confirmed_at: Date | null; sessions: MyDirectiveDto['attendedSessions'] }>(
    `SELECT d.id, d.number, d.subject, d.date, d.status, rc.confirmed_at,
       COALESCE((SELECT json_agg(json_build_object('id', s.id, 'heldOn', s.held_on, 'form', s.form, 'title', s.title, 'unitName', su.name) ORDER BY s.held_on, s.id)
                 FROM session_attendance a JOIN dissemination_session s ON s.id = a.session_id JOIN unit su ON su.id = s.unit_id
                 WHERE a.person_id = $1 AND s.directive_id = d.id), '[]'::json) AS sessions
     FROM directive d LEFT JOIN receipt_confirmation rc ON rc.directive_id = d.id AND rc.person_id = $1
     WHERE ${where}
     ORDER BY d.date DESC NULLS LAST, d.id DESC LIMIT $${params.push(opts.limit)} OFFSET $${params.push(opts.offset)}`,
    params,
  )
  const items = rows.map((r): MyDirectiveDto => ({
    id: r.id, number: r.number, subject: r.subject, date: r.date, status: r.status,
    confirmedAt: r.confirmed_at ? iso(r.confirmed_at) : null, attendedSessions: r.sessions,
  }))
  return { items, total }
}

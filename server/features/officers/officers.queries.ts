// Reads of the officer roster, courses, attendance and certificates, and their row mappers.
import {
  classifyTraining, refresherDueOn, type AttendanceDto, type CertificateDto, type CourseDto, type OfficerDto, type TrainingEntryDto, type TrainingStatus,
} from '../../../contract/officers.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'

const iso = (v: Date | string) => new Date(v).toISOString()

/** The refresher cycle's settings: months between trainings, days before the end an officer is "due". */
export interface TrainingRule {
  cycleMonths: number
  dueDays: number
}

/** The last day a person's qualifying training was completed (any course, before or after appointment). */
const LAST_TRAINED = `(SELECT max(a.completed_on) FROM training_attendance a WHERE a.person_id = o.person_id AND a.completed_on IS NOT NULL)`

const COLUMNS = `o.id, o.person_id, o.unit_id, u.name AS unit_name, u.path::text AS unit_path, pe.full_name, pe.position, o.role, o.decision_number,
  o.appointed_on, o.until_on, o.note, o.version, ${LAST_TRAINED} AS last_trained_on`
const FROM = `officer o JOIN unit u ON u.id = o.unit_id JOIN person pe ON pe.id = o.person_id`

interface OfficerRecord {
  id: number; person_id: number; unit_id: number; unit_name: string; unit_path: string; full_name: string; position: string; role: OfficerDto['role']
  decision_number: string; appointed_on: string; until_on: string | null; note: string; version: number; last_trained_on: string | null
}

export interface OfficerRow {
  id: number
  personId: number
  unitId: number
  unitName: string
  unitPath: string
  name: string
  position: string
  role: OfficerDto['role']
  decisionNumber: string
  appointedOn: string
  until: string | null
  note: string
  version: number
  lastTrainedOn: string | null
}

const toRow = (r: OfficerRecord): OfficerRow => ({
  id: r.id, personId: r.person_id, unitId: r.unit_id, unitName: r.unit_name, unitPath: r.unit_path, name: r.full_name, position: r.position, role: r.role,
  decisionNumber: r.decision_number, appointedOn: r.appointed_on, until: r.until_on, note: r.note, version: r.version, lastTrainedOn: r.last_trained_on,
})

export const isInOffice = (o: { appointedOn: string; until: string | null }, day: string) => o.appointedOn <= day && (!o.until || o.until >= day)

/** The answer for an officer on `day`: in office or not, and their training status by the one rule (contract/officers.ts). */
export function toOfficerDto(o: OfficerRow, day: string, rule: TrainingRule): OfficerDto {
  const { unitPath: _p, ...rest } = o
  return {
    ...rest, isInOffice: isInOffice(o, day), trainingStatus: classifyTraining(o.lastTrainedOn, day, rule.cycleMonths, rule.dueDays),
    refresherDueOn: o.lastTrainedOn ? refresherDueOn(o.lastTrainedOn, rule.cycleMonths) : null,
  }
}

export async function findOfficer(db: Queryable, id: number, forUpdate = false): Promise<OfficerRow | null> {
  if (forUpdate) await db.query('SELECT 1 FROM officer WHERE id = $1 FOR UPDATE', [id])
  const [r] = await db.query<OfficerRecord>(`SELECT ${COLUMNS} FROM ${FROM} WHERE o.id = $1`, [id])
  return r ? toRow(r) : null
}

export interface OfficerFilter {
  scopes: string[]
  underPath?: string
  exactUnitId?: number
  trainingStatus?: TrainingStatus | readonly TrainingStatus[]
  includeFormer?: boolean
  q?: string
  day: string
  rule: TrainingRule
}

/** Officers in scope (in office on `day` unless former ones are asked for), unit then name order. */
export async function listOfficers(db: Queryable, f: OfficerFilter, page?: { limit: number; offset: number }) {
  if (!f.scopes.length) return { items: [] as OfficerRow[], total: 0 }
  const params: unknown[] = [arrayLiteral(f.scopes)]
  const w = ['u.path <@ ANY($1::ltree[])']
  if (f.exactUnitId) w.push(`o.unit_id = $${params.push(f.exactUnitId)}`)
  else if (f.underPath) w.push(`u.path <@ $${params.push(f.underPath)}::ltree`)
  let dayParam = ''
  const day = () => (dayParam ||= `$${params.push(f.day)}::date`)
  if (!f.includeFormer) w.push(`o.appointed_on <= ${day()} AND (o.until_on IS NULL OR o.until_on >= ${day()})`)
  if (f.q) w.push(`pe.name_search LIKE '%' || lower(f_unaccent($${params.push(f.q)})) || '%'`)
  if (f.trainingStatus) {
    // The same rule as toOfficerDto, in SQL (training_status, migration 0011).
    const statuses = typeof f.trainingStatus === 'string' ? [f.trainingStatus] : f.trainingStatus
    w.push(`training_status(${LAST_TRAINED}, ${day()}, $${params.push(f.rule.cycleMonths)}::int, $${params.push(f.rule.dueDays)}::int) = ANY($${params.push(arrayLiteral(statuses))}::text[])`)
  }
  const where = w.join(' AND ')
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${FROM} WHERE ${where}`, params)
  const paging = page ? ` LIMIT $${params.push(page.limit)} OFFSET $${params.push(page.offset)}` : ''
  const rows = await db.query<OfficerRecord>(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where} ORDER BY u.sort_key COLLATE "C", o.unit_id, pe.sort_key COLLATE "C", o.id${paging}`, params)
  return { items: rows.map(toRow), total }
}

/** An appointment of this person in this unit that overlaps [from, until]. */
export async function overlappingAppointment(db: Queryable, unitId: number, personId: number, from: string, until: string | null, exceptId?: number) {
  const rows = await db.query(
    `SELECT 1 FROM officer WHERE unit_id = $1 AND person_id = $2 AND id <> $5
       AND appointed_on <= coalesce($4::date, 'infinity'::date) AND coalesce(until_on, 'infinity'::date) >= $3::date`,
    [unitId, personId, from, until, exceptId ?? 0],
  )
  return rows.length > 0
}

export async function insertOfficer(
  db: Queryable, o: { unitId: number; personId: number; role: string; decisionNumber: string; appointedOn: string; until: string | null; note: string; createdBy: number | null; now: Date },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO officer (unit_id, person_id, role, decision_number, appointed_on, until_on, note, created_by, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$9) RETURNING id`,
    [o.unitId, o.personId, o.role, o.decisionNumber, o.appointedOn, o.until, o.note, o.createdBy, o.now],
  )
  return id
}

export async function updateOfficerRow(db: Queryable, id: number, o: { role: string; decisionNumber: string; appointedOn: string; until: string | null; note: string; now: Date }) {
  await db.query(
    'UPDATE officer SET role = $2, decision_number = $3, appointed_on = $4, until_on = $5, note = $6, version = version + 1, updated_at = $7 WHERE id = $1',
    [id, o.role, o.decisionNumber, o.appointedOn, o.until, o.note, o.now],
  )
}

/** Officers in office on `day` whose refresher is due or overdue, with their accounts: whom the reminders go to. */
export async function officersToRemind(db: Queryable, day: string, rule: TrainingRule) {
  const rows = await db.query<OfficerRecord & { status: 'due' | 'overdue'; account_id: number | null; email: string | null }>(
    `SELECT * FROM (
       SELECT ${COLUMNS}, training_status(${LAST_TRAINED}, $1::date, $2::int, $3::int) AS status, acc.id AS account_id, pe.email
       FROM ${FROM} LEFT JOIN account acc ON acc.person_id = o.person_id AND acc.is_active
       WHERE o.appointed_on <= $1::date AND (o.until_on IS NULL OR o.until_on >= $1::date)) x
     WHERE status IN ('due', 'overdue') ORDER BY id`,
    [day, rule.cycleMonths, rule.dueDays],
  )
  return rows.map((r) => ({ ...toRow(r), status: r.status, accountId: r.account_id, email: r.email }))
}

/**
 * For each unit path, the unit's head, or for a department without one the nearest head above it,
 * with their e-mail, in account order.
 */
export async function nearestHeads(db: Queryable, unitPaths: string[]) {
  const byPath = new Map<string, { accountId: number; email: string | null }[]>(unitPaths.map((p) => [p, []]))
  if (!unitPaths.length) return byPath
  const rows = await db.query<{ path: string; account_id: number; depth: number; email: string | null }>(
    `SELECT DISTINCT k.path::text AS path, g.account_id, nlevel(gu.path) AS depth, pe.email
     FROM unnest($1::ltree[]) AS k(path) JOIN unit gu ON gu.path @> k.path JOIN role_grant g ON g.unit_id = gu.id AND g.role = 'unitHead'
     JOIN account a ON a.id = g.account_id AND a.is_active LEFT JOIN person pe ON pe.id = a.person_id
     ORDER BY 1, 2`,
    [arrayLiteral(unitPaths)],
  )
  const deepest = new Map<string, number>()
  for (const r of rows) deepest.set(r.path, Math.max(r.depth, deepest.get(r.path) ?? -1))
  for (const r of rows) if (r.depth === deepest.get(r.path)) byPath.get(r.path)?.push({ accountId: r.account_id, email: r.email })
  return byPath
}

/** The readiness reminders among `keys` that were sent already. */
export async function sentReminders(db: Queryable, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set()
  const rows = await db.query<{ key: string }>('SELECT key FROM readiness_reminder WHERE key = ANY($1::text[])', [keys])
  return new Set(rows.map((r) => r.key))
}

/** Claims readiness reminders in one statement; returns the keys this call claimed (not sent before, by any run). */
export async function claimReminders(db: Queryable, keys: string[], now: Date): Promise<Set<string>> {
  if (!keys.length) return new Set()
  const rows = await db.query<{ key: string }>('INSERT INTO readiness_reminder (key, sent_at) SELECT k, $2 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING RETURNING key', [keys, now])
  return new Set(rows.map((r) => r.key))
}

/** A person of the unit or one of its sub-units: whether they are under it and still active. */
export async function personUnder(db: Queryable, personId: number, unitPath: string) {
  const [r] = await db.query<{ is_active: boolean; is_under: boolean }>(
    'SELECT p.is_active, u.path <@ $2::ltree AS is_under FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = $1', [personId, unitPath],
  )
  return r ? { isActive: r.is_active, isUnder: r.is_under } : null
}

// ---- courses

const COURSE_COLUMNS = `c.id, c.owner_unit_id, u.name AS owner_unit_name, u.path::text AS owner_path, c.title, c.organizer, c.starts_on, c.ends_on, c.hours::float8 AS hours,
  c.form, c.note, c.version, (SELECT count(*)::int FROM training_attendance a WHERE a.course_id = c.id) AS attendee_count`
interface CourseRecord {
  id: number; owner_unit_id: number; owner_unit_name: string; owner_path: string; title: string; organizer: string; starts_on: string; ends_on: string
  hours: number; form: CourseDto['form']; note: string; version: number; attendee_count: number
}
export interface CourseRow extends CourseDto {
  ownerPath: string
}
const toCourse = (r: CourseRecord): CourseRow => ({
  id: r.id, ownerUnitId: r.owner_unit_id, ownerUnitName: r.owner_unit_name, ownerPath: r.owner_path, title: r.title, organizer: r.organizer,
  startsOn: r.starts_on, endsOn: r.ends_on, hours: Number(r.hours), form: r.form, note: r.note, attendeeCount: r.attendee_count, version: r.version,
})
export const toCourseDto = ({ ownerPath: _p, ...dto }: CourseRow): CourseDto => dto

export async function findCourse(db: Queryable, id: number, forUpdate = false): Promise<CourseRow | null> {
  if (forUpdate) await db.query('SELECT 1 FROM training_course WHERE id = $1 FOR UPDATE', [id])
  const [r] = await db.query<CourseRecord>(`SELECT ${COURSE_COLUMNS} FROM training_course c JOIN unit u ON u.id = c.owner_unit_id WHERE c.id = $1`, [id])
  return r ? toCourse(r) : null
}

/** Courses recorded by units in scope or above them (the ministry's own), newest first. */
export async function listCourses(db: Queryable, scopes: string[], opts: { underPath?: string; q?: string; limit: number; offset: number }) {
  if (!scopes.length) return { items: [] as CourseRow[], total: 0 }
  const params: unknown[] = [arrayLiteral(scopes)]
  const w = ['(u.path <@ ANY($1::ltree[]) OR u.path @> ANY($1::ltree[]))']
  if (opts.underPath) w.push(`u.path <@ $${params.push(opts.underPath)}::ltree`)
  if (opts.q) w.push(`c.title_search LIKE '%' || lower(f_unaccent($${params.push(opts.q)})) || '%'`)
  const where = w.join(' AND ')
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM training_course c JOIN unit u ON u.id = c.owner_unit_id WHERE ${where}`, params)
  const rows = await db.query<CourseRecord>(
    `SELECT ${COURSE_COLUMNS} FROM training_course c JOIN unit u ON u.id = c.owner_unit_id WHERE ${where}
     ORDER BY c.starts_on DESC, c.id DESC LIMIT $${params.push(opts.limit)} OFFSET $${params.push(opts.offset)}`,
    params,
  )
  return { items: rows.map(toCourse), total }
}

export async function insertCourse(
  db: Queryable, c: { ownerUnitId: number; title: string; organizer: string; startsOn: string; endsOn: string; hours: number; form: string; note: string; createdBy: number | null; now: Date },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO training_course (owner_unit_id, title, organizer, starts_on, ends_on, hours, form, note, created_by, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$10) RETURNING id`,
    [c.ownerUnitId, c.title, c.organizer, c.startsOn, c.endsOn, c.hours, c.form, c.note, c.createdBy, c.now],
  )
  return id
}

export async function updateCourseRow(db: Queryable, id: number, c: { title: string; organizer: string; startsOn: string; endsOn: string; hours: number; form: string; note: string; now: Date }) {
  await db.query(
    `UPDATE training_course SET title = $2, organizer = $3, starts_on = $4, ends_on = $5, hours = $6, form = $7, note = $8, version = version + 1, updated_at = $9 WHERE id = $1`,
    [id, c.title, c.organizer, c.startsOn, c.endsOn, c.hours, c.form, c.note, c.now],
  )
}

// ---- attendance and certificates

const ATT_COLUMNS = `a.id, a.course_id, a.person_id, pe.full_name, pe.unit_id, u.name AS unit_name, u.path::text AS unit_path, a.result, a.completed_on, a.certificate_number, a.version`
const ATT_FROM = `training_attendance a JOIN person pe ON pe.id = a.person_id JOIN unit u ON u.id = pe.unit_id`
interface AttendanceRecord {
  id: number; course_id: number; person_id: number; full_name: string; unit_id: number; unit_name: string; unit_path: string
  result: AttendanceDto['result']; completed_on: string | null; certificate_number: string; version: number
}
export interface AttendanceRow extends Omit<AttendanceDto, 'certificates'> {
  unitPath: string
}
const toAttendance = (r: AttendanceRecord): AttendanceRow => ({
  id: r.id, courseId: r.course_id, personId: r.person_id, name: r.full_name, unitId: r.unit_id, unitName: r.unit_name, unitPath: r.unit_path,
  result: r.result, completedOn: r.completed_on, certificateNumber: r.certificate_number, version: r.version,
})

export async function findAttendance(db: Queryable, id: number, forUpdate = false): Promise<AttendanceRow | null> {
  if (forUpdate) await db.query('SELECT 1 FROM training_attendance WHERE id = $1 FOR UPDATE', [id])
  const [r] = await db.query<AttendanceRecord>(`SELECT ${ATT_COLUMNS} FROM ${ATT_FROM} WHERE a.id = $1`, [id])
  return r ? toAttendance(r) : null
}

export async function attendeesOf(db: Queryable, courseId: number): Promise<AttendanceRow[]> {
  const rows = await db.query<AttendanceRecord>(`SELECT ${ATT_COLUMNS} FROM ${ATT_FROM} WHERE a.course_id = $1 ORDER BY pe.sort_key COLLATE "C", a.id`, [courseId])
  return rows.map(toAttendance)
}

export async function isAttendee(db: Queryable, courseId: number, personId: number) {
  return (await db.query('SELECT 1 FROM training_attendance WHERE course_id = $1 AND person_id = $2', [courseId, personId])).length > 0
}

export async function insertAttendance(
  db: Queryable, a: { courseId: number; personId: number; result: string; completedOn: string | null; certificateNumber: string; createdBy: number | null; now: Date },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO training_attendance (course_id, person_id, result, completed_on, certificate_number, created_by, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$7) RETURNING id`,
    [a.courseId, a.personId, a.result, a.completedOn, a.certificateNumber, a.createdBy, a.now],
  )
  return id
}

export async function updateAttendanceRow(db: Queryable, id: number, a: { result: string; completedOn: string | null; certificateNumber: string; now: Date }) {
  await db.query(
    'UPDATE training_attendance SET result = $2, completed_on = $3, certificate_number = $4, version = version + 1, updated_at = $5 WHERE id = $1',
    [id, a.result, a.completedOn, a.certificateNumber, a.now],
  )
}

export async function deleteAttendanceRow(db: Queryable, id: number) {
  await db.query('DELETE FROM training_attendance WHERE id = $1', [id])
}

export async function certificatesOf(db: Queryable, attendanceIds: number[]): Promise<Map<number, CertificateDto[]>> {
  const out = new Map<number, CertificateDto[]>()
  if (!attendanceIds.length) return out
  const rows = await db.query<{ id: number; attendance_id: number; filename: string; mime: string; size: number; uploaded_at: Date }>(
    'SELECT id, attendance_id, filename, mime, size, uploaded_at FROM training_certificate WHERE attendance_id = ANY($1::int[]) ORDER BY id', [arrayLiteral(attendanceIds)],
  )
  for (const r of rows) out.set(r.attendance_id, [...(out.get(r.attendance_id) ?? []), { id: r.id, filename: r.filename, mime: r.mime, size: r.size, uploadedAt: iso(r.uploaded_at) }])
  return out
}

export async function insertCertificate(db: Queryable, c: { attendanceId: number; filename: string; mime: string; bytes: Buffer; sha256: string; uploadedBy: number | null; now: Date }): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    'INSERT INTO training_certificate (attendance_id, filename, mime, size, sha256, content, uploaded_by, uploaded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id',
    [c.attendanceId, c.filename, c.mime, c.bytes.length, c.sha256, c.bytes, c.uploadedBy, c.now],
  )
  return id
}

export async function findCertificate(db: Queryable, id: number) {
  const [r] = await db.query<{ attendance_id: number; filename: string; mime: string; content: Uint8Array }>(
    'SELECT attendance_id, filename, mime, content FROM training_certificate WHERE id = $1', [id],
  )
  return r ? { attendanceId: r.attendance_id, filename: r.filename, mime: r.mime, content: Buffer.from(r.content) } : null
}

/** A person's courses, newest first, with their certificates. */
export async function trainingHistory(db: Queryable, personId: number): Promise<TrainingEntryDto[]> {
  const rows = await db.query<{
    id: number; course_id: number; title: string; organizer: string; starts_on: string; ends_on: string; hours: number; form: TrainingEntryDto['form']
    result: TrainingEntryDto['result']; completed_on: string | null; certificate_number: string
  }>(
    `SELECT a.id, a.course_id, c.title, c.organizer, c.starts_on, c.ends_on, c.hours::float8 AS hours, c.form, a.result, a.completed_on, a.certificate_number
     FROM training_attendance a JOIN training_course c ON c.id = a.course_id WHERE a.person_id = $1 ORDER BY c.starts_on DESC, a.id DESC`,
    [personId],
  )
  const certs = await certificatesOf(db, rows.map((r) => r.id))
  return rows.map((r) => ({
    attendanceId: r.id, courseId: r.course_id, title: r.title, organizer: r.organizer, startsOn: r.starts_on, endsOn: r.ends_on, hours: Number(r.hours), form: r.form,
    result: r.result, completedOn: r.completed_on, certificateNumber: r.certificate_number, certificates: certs.get(r.id) ?? [],
  }))
}

export async function lastTrainedOn(db: Queryable, personId: number): Promise<string | null> {
  const [r] = await db.query<{ d: string | null }>('SELECT max(completed_on) AS d FROM training_attendance WHERE person_id = $1 AND completed_on IS NOT NULL', [personId])
  return r.d
}

/** The person's appointments in office on `day`. */
export async function appointmentsOf(db: Queryable, personId: number, day: string) {
  return db.query<{ id: number }>(
    'SELECT id FROM officer WHERE person_id = $1 AND appointed_on <= $2::date AND (until_on IS NULL OR until_on >= $2::date)', [personId, day],
  )
}

// The SQL of incidents, their reports and response steps, and the units of the board's view.
import type { INCIDENT_KINDS, INCIDENT_STATUSES } from '../../../contract/incidents.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { accountName } from '../accounts/account-name.ts'

export interface IncidentRow {
  id: number
  unitId: number
  unitPath: string
  unitName: string
  kind: (typeof INCIDENT_KINDS)[number]
  channelId: number | null
  channelName: string | null
  channelAddress: string | null
  system: string
  summary: string
  detectedAt: Date
  status: (typeof INCIDENT_STATUSES)[number]
  closedAt: Date | null
  lessons: string | null
  /** The earliest report to anyone: what the report target is measured by. */
  firstReportedAt: Date | null
  /** The latest report or step recorded: nothing may be dated after the closing, or before the detection. */
  firstResponseAt: Date | null
  lastResponseAt: Date | null
  version: number
}

interface IncidentRecord {
  id: number; unit_id: number; unit_path: string; unit_name: string; kind: IncidentRow['kind']; channel_id: number | null; channel_name: string | null
  channel_address: string | null; system: string; summary: string; detected_at: Date; status: IncidentRow['status']; closed_at: Date | null; lessons: string | null
  first_reported_at: Date | null; first_response_at: Date | null; last_response_at: Date | null; version: number
}

const COLUMNS = `i.id, i.unit_id, u.path::text AS unit_path, u.name AS unit_name, i.kind, i.channel_id, ch.name AS channel_name, ch.address AS channel_address,
  i.system, i.summary, i.detected_at, i.status, i.closed_at, i.lessons,
  (SELECT min(r.reported_at) FROM security_incident_report r WHERE r.incident_id = i.id) AS first_reported_at,
  (SELECT min(x.at) FROM (SELECT reported_at AS at FROM security_incident_report WHERE incident_id = i.id
                          UNION ALL SELECT taken_at FROM security_incident_step WHERE incident_id = i.id) x) AS first_response_at,
  (SELECT max(x.at) FROM (SELECT reported_at AS at FROM security_incident_report WHERE incident_id = i.id
                          UNION ALL SELECT taken_at FROM security_incident_step WHERE incident_id = i.id) x) AS last_response_at,
  i.version`
const FROM = 'security_incident i JOIN unit u ON u.id = i.unit_id LEFT JOIN channel ch ON ch.id = i.channel_id'

const date = (v: Date | string | null) => (v === null ? null : new Date(v))
const toIncident = (r: IncidentRecord): IncidentRow => ({
  id: r.id, unitId: r.unit_id, unitPath: r.unit_path, unitName: r.unit_name, kind: r.kind, channelId: r.channel_id, channelName: r.channel_name,
  channelAddress: r.channel_address, system: r.system, summary: r.summary, detectedAt: new Date(r.detected_at), status: r.status, closedAt: date(r.closed_at),
  lessons: r.lessons, firstReportedAt: date(r.first_reported_at), firstResponseAt: date(r.first_response_at), lastResponseAt: date(r.last_response_at), version: r.version,
})

export async function findIncident(db: Queryable, id: number, forUpdate = false): Promise<IncidentRow | null> {
  if (forUpdate) await db.query('SELECT 1 FROM security_incident WHERE id = $1 FOR UPDATE', [id])
  const [r] = await db.query<IncidentRecord>(`SELECT ${COLUMNS} FROM ${FROM} WHERE i.id = $1`, [id])
  return r ? toIncident(r) : null
}

/** Incidents of units under `scopes` (and `underPath`), newest detection first. */
export async function listIncidentRows(
  db: Queryable, scopes: string[], f: { underPath?: string; status?: string; kind?: string; since?: string },
): Promise<IncidentRow[]> {
  if (!scopes.length) return []
  const params: unknown[] = [arrayLiteral(scopes)]
  const where = ['u.path <@ ANY($1::ltree[])']
  if (f.underPath) where.push(`u.path <@ $${params.push(f.underPath)}::ltree`)
  if (f.status) where.push(`i.status = $${params.push(f.status)}`)
  if (f.kind) where.push(`i.kind = $${params.push(f.kind)}`)
  if (f.since) where.push(`i.detected_at::date >= $${params.push(f.since)}::date`)
  const rows = await db.query<IncidentRecord>(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY i.detected_at DESC, i.id DESC`, params)
  return rows.map(toIncident)
}

export async function incidentReports(db: Queryable, incidentId: number) {
  const rows = await db.query<{ id: number; recipient: string; reported_at: Date; reference: string; note: string; recorded_by: string | null }>(
    `SELECT r.id, r.recipient, r.reported_at, r.reference, r.note, ${accountName('a')} AS recorded_by
     FROM security_incident_report r LEFT JOIN account a ON a.id = r.recorded_by WHERE r.incident_id = $1 ORDER BY r.reported_at, r.id`,
    [incidentId],
  )
  return rows.map((r) => ({ id: r.id, recipient: r.recipient, reportedAt: new Date(r.reported_at).toISOString(), reference: r.reference, note: r.note, recordedBy: r.recorded_by }))
}

export async function incidentSteps(db: Queryable, incidentId: number) {
  const rows = await db.query<{ id: number; taken_at: Date; action: string; note: string; recorded_by: string | null }>(
    `SELECT s.id, s.taken_at, s.action, s.note, ${accountName('a')} AS recorded_by
     FROM security_incident_step s LEFT JOIN account a ON a.id = s.recorded_by WHERE s.incident_id = $1 ORDER BY s.taken_at, s.id`,
    [incidentId],
  )
  return rows.map((r) => ({ id: r.id, takenAt: new Date(r.taken_at).toISOString(), action: r.action, note: r.note, recordedBy: r.recorded_by }))
}

export async function insertIncident(
  db: Queryable, i: { unitId: number; kind: string; channelId: number | null; system: string; summary: string; detectedAt: Date; createdBy: number | null; now: Date },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO security_incident (unit_id, kind, channel_id, system, summary, detected_at, created_by, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8) RETURNING id`,
    [i.unitId, i.kind, i.channelId, i.system, i.summary, i.detectedAt, i.createdBy, i.now],
  )
  return id
}

export async function updateIncidentRow(db: Queryable, id: number, i: { kind: string; channelId: number | null; system: string; summary: string; detectedAt: Date }, now: Date) {
  await db.query(
    'UPDATE security_incident SET kind = $2, channel_id = $3, system = $4, summary = $5, detected_at = $6, version = version + 1, updated_at = $7 WHERE id = $1',
    [id, i.kind, i.channelId, i.system, i.summary, i.detectedAt, now],
  )
}

export async function insertIncidentReport(db: Queryable, r: { incidentId: number; recipient: string; reportedAt: Date; reference: string; note: string; recordedBy: number | null; now: Date }) {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO security_incident_report (incident_id, recipient, reported_at, reference, note, recorded_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [r.incidentId, r.recipient, r.reportedAt, r.reference, r.note, r.recordedBy, r.now],
  )
  await touchIncident(db, r.incidentId, r.now)
  return id
}

export async function insertIncidentStep(db: Queryable, s: { incidentId: number; takenAt: Date; action: string; note: string; recordedBy: number | null; now: Date }) {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO security_incident_step (incident_id, taken_at, action, note, recorded_by, created_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
    [s.incidentId, s.takenAt, s.action, s.note, s.recordedBy, s.now],
  )
  await touchIncident(db, s.incidentId, s.now)
  return id
}

/** A report or step added moves the version: an editor holding the old incident must reload before closing it. */
const touchIncident = (db: Queryable, id: number, now: Date) => db.query('UPDATE security_incident SET version = version + 1, updated_at = $2 WHERE id = $1', [id, now])

export async function closeIncidentRow(db: Queryable, id: number, closedAt: Date, lessons: string, now: Date) {
  await db.query(`UPDATE security_incident SET status = 'closed', closed_at = $2, lessons = $3, version = version + 1, updated_at = $4 WHERE id = $1`, [id, closedAt, lessons, now])
}

export interface BoardUnit {
  id: number
  name: string
  code: string
  parentId: number | null
  path: string
  depth: number
  hasChildren: boolean
}

const UNIT_COLS = `u.id, u.name, u.code, u.parent_id, u.path::text AS path, nlevel(u.path) AS depth,
  EXISTS (SELECT 1 FROM unit k WHERE k.parent_id = u.id AND k.is_active) AS has_children`
type UnitRecord = { id: number; name: string; code: string; parent_id: number | null; path: string; depth: number; has_children: boolean }
const toBoardUnit = (r: UnitRecord): BoardUnit => ({ id: r.id, name: r.name, code: r.code, parentId: r.parent_id, path: r.path, depth: r.depth, hasChildren: r.has_children })

/** Units by path (the tops of a caller's scopes), in tree order. */
export async function unitsAt(db: Queryable, paths: string[]): Promise<BoardUnit[]> {
  if (!paths.length) return []
  const rows = await db.query<UnitRecord>(`SELECT ${UNIT_COLS} FROM unit u WHERE u.path = ANY($1::ltree[]) ORDER BY u.sort_key COLLATE "C", u.id`, [arrayLiteral(paths)])
  return rows.map(toBoardUnit)
}

/** A unit's active children, Vietnamese name order. */
export async function childUnits(db: Queryable, parentId: number): Promise<BoardUnit[]> {
  const rows = await db.query<UnitRecord>(`SELECT ${UNIT_COLS} FROM unit u WHERE u.parent_id = $1 AND u.is_active ORDER BY u.sort_key COLLATE "C", u.id`, [parentId])
  return rows.map(toBoardUnit)
}

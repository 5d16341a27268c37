// Reads of the key-positions register and their row mappers: positions with their current holder,
// holders over time, alerts, and who is told about a unit's positions.
import { classifyVetting, type AlertDto, type PositionDto, type Standing, type VettingStatus } from '../../../contract/positions.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'

const iso = (v: Date | string) => new Date(v).toISOString()

const COLUMNS = `kp.id, kp.unit_id, u.name AS unit_name, u.code AS unit_code, u.path::text AS unit_path, kp.title, kp.department, kp.classification,
  kp.requires_conclusion, kp.review_cycle_months, kp.note, kp.closed_on, kp.version,
  h.id AS holding_id, h.person_id, pe.full_name AS holder_name, h.from_on, h.is_acting, h.vetting_outcome, h.vetting_valid_until`
const FROM = `key_position kp JOIN unit u ON u.id = kp.unit_id
  LEFT JOIN position_holding h ON h.position_id = kp.id AND h.to_on IS NULL
  LEFT JOIN person pe ON pe.id = h.person_id`

interface PositionRecord {
  id: number
  unit_id: number
  unit_name: string
  unit_code: string
  unit_path: string
  title: string
  department: string
  classification: PositionDto['classification']
  requires_conclusion: boolean
  review_cycle_months: number | null
  note: string
  closed_on: string | null
  version: number
  holding_id: number | null
  person_id: number | null
  holder_name: string | null
  from_on: string | null
  is_acting: boolean | null
  vetting_outcome: Standing['outcome'] | null
  vetting_valid_until: string | null
}

/** A position as read, with what access checks and the services need beside its answer. */
export interface PositionRow extends Omit<PositionDto, 'vetting' | 'validUntil'> {
  unitPath: string
  unitCode: string
  holdingId: number | null
  standing: Standing | null
}

const toRow = (r: PositionRecord): PositionRow => ({
  id: r.id, unitId: r.unit_id, unitName: r.unit_name, unitCode: r.unit_code, unitPath: r.unit_path, title: r.title, department: r.department, classification: r.classification,
  requiresConclusion: r.requires_conclusion, reviewCycleMonths: r.review_cycle_months, note: r.note, closedOn: r.closed_on, version: r.version,
  holdingId: r.holding_id,
  holder: r.holding_id ? { personId: r.person_id!, name: r.holder_name!, since: r.from_on!, isActing: r.is_acting! } : null,
  standing: r.vetting_outcome ? { outcome: r.vetting_outcome, validUntil: r.vetting_valid_until } : null,
})

/** The answer for a position on `today`: its holder's vetting status by the one rule (contract/positions.ts). */
export function toPositionDto(p: PositionRow, today: string, expiringDays: number): PositionDto {
  const { unitPath: _p, unitCode: _c, holdingId: _h, standing, ...dto } = p
  const vetting: VettingStatus = classifyVetting(p.requiresConclusion, p.holder ? standing : null, today, expiringDays)
  const showsValidity = p.holder && standing && p.requiresConclusion && standing.outcome !== 'doesNotMeet'
  return { ...dto, vetting, validUntil: showsValidity ? standing.validUntil : null }
}

export async function findPosition(db: Queryable, id: number, forUpdate = false): Promise<PositionRow | null> {
  if (forUpdate) await db.query('SELECT 1 FROM key_position WHERE id = $1 FOR UPDATE', [id])
  const [r] = await db.query<PositionRecord>(`SELECT ${COLUMNS} FROM ${FROM} WHERE kp.id = $1`, [id])
  return r ? toRow(r) : null
}

export interface PositionFilter {
  /** Units under any of these paths (the caller's scope). */
  scopes: string[]
  underPath?: string
  exactUnitId?: number
  vetting?: VettingStatus
  q?: string
  includeClosed?: boolean
  today: string
  expiringDays: number
}

function where(f: PositionFilter, params: unknown[]) {
  const w = [`u.path <@ ANY($${params.push(arrayLiteral(f.scopes))}::ltree[])`]
  if (f.exactUnitId) w.push(`kp.unit_id = $${params.push(f.exactUnitId)}`)
  else if (f.underPath) w.push(`u.path <@ $${params.push(f.underPath)}::ltree`)
  if (!f.includeClosed) w.push('kp.closed_on IS NULL')
  if (f.q) w.push(`kp.title_search LIKE '%' || lower(f_unaccent($${params.push(f.q)})) || '%'`)
  if (f.vetting) {
    // The same rule as toPositionDto, in SQL (vetting_status, migration 0011).
    w.push(`vetting_status(kp.requires_conclusion, h.vetting_outcome, h.vetting_valid_until, $${params.push(f.today)}::date, $${params.push(f.expiringDays)}::int) = $${params.push(f.vetting)}`)
  }
  return w.join(' AND ')
}

/** Positions in scope (a unit's register or a subtree's), unit then department then title order. */
export async function listPositions(db: Queryable, f: PositionFilter, page?: { limit: number; offset: number }) {
  if (!f.scopes.length) return { items: [] as PositionRow[], total: 0 }
  const params: unknown[] = []
  const w = where(f, params)
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${FROM} WHERE ${w}`, params)
  const paging = page ? ` LIMIT $${params.push(page.limit)} OFFSET $${params.push(page.offset)}` : ''
  const rows = await db.query<PositionRecord>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${w} ORDER BY u.sort_key COLLATE "C", kp.unit_id, lower(kp.department), lower(kp.title), kp.id${paging}`,
    params,
  )
  return { items: rows.map(toRow), total }
}

/** An open position of this title in this department of the unit (the import and create find it by these). */
export async function findOpenPositionByTitle(db: Queryable, unitId: number, title: string, department: string): Promise<number | null> {
  const [r] = await db.query<{ id: number }>(
    'SELECT id FROM key_position WHERE unit_id = $1 AND lower(title) = lower($2) AND lower(department) = lower($3) AND closed_on IS NULL', [unitId, title, department],
  )
  return r?.id ?? null
}

export async function insertPosition(
  db: Queryable,
  p: { unitId: number; title: string; department: string; classification: string; requiresConclusion: boolean; reviewCycleMonths: number | null; note: string; createdBy: number | null; now: Date },
): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO key_position (unit_id, title, department, classification, requires_conclusion, review_cycle_months, note, created_by, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$9) RETURNING id`,
    [p.unitId, p.title, p.department, p.classification, p.requiresConclusion, p.reviewCycleMonths, p.note, p.createdBy, p.now],
  )
  return id
}

export async function updatePositionRow(
  db: Queryable, id: number,
  p: { title: string; department: string; classification: string; requiresConclusion: boolean; reviewCycleMonths: number | null; note: string; closedOn: string | null; now: Date },
) {
  await db.query(
    `UPDATE key_position SET title = $2, department = $3, classification = $4, requires_conclusion = $5, review_cycle_months = $6, note = $7, closed_on = $8,
       version = version + 1, updated_at = $9 WHERE id = $1`,
    [id, p.title, p.department, p.classification, p.requiresConclusion, p.reviewCycleMonths, p.note, p.closedOn, p.now],
  )
}

/** A holder change is an edit of the position: an editor holding the old page must reload. */
export async function touchPosition(db: Queryable, id: number, now: Date) {
  await db.query('UPDATE key_position SET version = version + 1, updated_at = $2 WHERE id = $1', [id, now])
}

// ---- holders

export async function insertHolding(db: Queryable, h: { positionId: number; personId: number; from: string; isActing: boolean; createdBy: number | null; now: Date }): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    'INSERT INTO position_holding (position_id, person_id, from_on, is_acting, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
    [h.positionId, h.personId, h.from, h.isActing, h.createdBy, h.now],
  )
  return id
}

export async function endHolding(db: Queryable, holdingId: number, lastDay: string) {
  await db.query('UPDATE position_holding SET to_on = $2 WHERE id = $1', [holdingId, lastDay])
}

export async function holdingsOf(db: Queryable, positionId: number) {
  const rows = await db.query<{ id: number; person_id: number; full_name: string; from_on: string; to_on: string | null; is_acting: boolean }>(
    `SELECT h.id, h.person_id, p.full_name, h.from_on, h.to_on, h.is_acting FROM position_holding h JOIN person p ON p.id = h.person_id
     WHERE h.position_id = $1 ORDER BY h.from_on DESC, h.id DESC`,
    [positionId],
  )
  return rows.map((r) => ({ id: r.id, personId: r.person_id, name: r.full_name, from: r.from_on, to: r.to_on, isActing: r.is_acting }))
}

/** A person of the unit or one of its sub-units: whether they are under it and still active. */
export async function personUnder(db: Queryable, personId: number, unitPath: string) {
  const [r] = await db.query<{ is_active: boolean; is_under: boolean }>(
    'SELECT p.is_active, u.path <@ $2::ltree AS is_under FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = $1', [personId, unitPath],
  )
  return r ? { isActive: r.is_active, isUnder: r.is_under } : null
}

/**
 * Which holdings a vetting read takes: these ids; or, for the hourly job over every holding, the
 * next `limit` in id order after `afterId` (at 50,000 units, 410,000 holdings read at once took the
 * job to +276 MB); or every one.
 */
export type HoldingSelection = number[] | { afterId: number; limit: number }

/** The condition on holding `h`, the LIMIT after its ORDER BY h.id, and their parameters. */
const selected = (which?: HoldingSelection): [string, string, unknown[]] =>
  Array.isArray(which) ? ['h.id = ANY($1::int[])', '', [arrayLiteral(which)]]
  : which ? ['h.id > $1', 'LIMIT $2', [which.afterId, which.limit]]
  : ['true', '', []]

/** The current holders of open positions that require a conclusion (or of the given holdings): whose standing to read. */
export async function holdingsToCheck(db: Queryable, which?: HoldingSelection) {
  const [where, limit, params] = selected(which)
  const rows = await db.query<{ id: number; person_id: number; vetting_outcome: Standing['outcome'] | null; vetting_valid_until: string | null }>(
    `SELECT h.id, h.person_id, h.vetting_outcome, h.vetting_valid_until FROM position_holding h JOIN key_position kp ON kp.id = h.position_id
     WHERE h.to_on IS NULL AND kp.closed_on IS NULL AND kp.requires_conclusion AND ${where}
     ORDER BY h.id ${limit}`,
    params,
  )
  return rows.map((r) => ({ id: r.id, personId: r.person_id, standing: r.vetting_outcome ? { outcome: r.vetting_outcome, validUntil: r.vetting_valid_until } : null }))
}

/** Stores holders' standings as the narrow call gave them (null: no approved conclusion). */
export async function saveStandings(db: Queryable, rows: { id: number; standing: Standing | null }[], now: Date) {
  if (!rows.length) return
  await db.query(
    `UPDATE position_holding h SET vetting_outcome = x.outcome, vetting_valid_until = x.valid_until, vetting_checked_at = $4
     FROM unnest($1::int[], $2::text[], $3::date[]) AS x(id, outcome, valid_until) WHERE h.id = x.id`,
    [arrayLiteral(rows.map((r) => r.id)), '{' + rows.map((r) => (r.standing ? `"${r.standing.outcome}"` : 'NULL')).join(',') + '}',
      '{' + rows.map((r) => (r.standing?.validUntil ? `"${r.standing.validUntil}"` : 'NULL')).join(',') + '}', now],
  )
}

// ---- alerts

export interface AlertCandidate {
  holdingId: number
  personId: number
  holderName: string
  toOn: string | null
  positionId: number
  positionTitle: string
  unitId: number
  unitName: string
  unitPath: string
  requiresConclusion: boolean
  closedOn: string | null
  standing: Standing | null
  validUntil: string | null
  alertId: number | null
  alertStatus: string | null
}

/**
 * Holdings whose alert may have to be raised or cleared: every current holding, and every holding
 * with an open alert (it may have ended). Or only the given holdings.
 */
export async function alertCandidates(db: Queryable, which?: HoldingSelection): Promise<AlertCandidate[]> {
  const [where, limit, params] = selected(which)
  const rows = await db.query<{
    holding_id: number; person_id: number; full_name: string; to_on: string | null; position_id: number; title: string; unit_id: number; unit_name: string; unit_path: string
    requires_conclusion: boolean; closed_on: string | null; vetting_outcome: Standing['outcome'] | null; vetting_valid_until: string | null; alert_id: number | null; alert_status: string | null
  }>(
    `SELECT h.id AS holding_id, h.person_id, pe.full_name, h.to_on, kp.id AS position_id, kp.title, kp.unit_id, u.name AS unit_name, u.path::text AS unit_path,
       kp.requires_conclusion, kp.closed_on, h.vetting_outcome, h.vetting_valid_until, a.id AS alert_id, a.status AS alert_status
     FROM position_holding h JOIN key_position kp ON kp.id = h.position_id JOIN unit u ON u.id = kp.unit_id JOIN person pe ON pe.id = h.person_id
     -- Looked up per holding (its open alert is unique; LIMIT keeps it a lookup): joined, a page of
     -- holdings was merged with every open alert from the first (a page of 5,000: 38 → 25 ms at 50,000 units).
     LEFT JOIN LATERAL (SELECT a.id, a.status FROM position_alert a WHERE a.holding_id = h.id AND a.cleared_at IS NULL LIMIT 1) a ON true
     WHERE ${Array.isArray(which) ? '' : '(h.to_on IS NULL OR a.id IS NOT NULL) AND'} ${where}
     ORDER BY h.id ${limit}`,
    params,
  )
  return rows.map((r) => ({
    holdingId: r.holding_id, personId: r.person_id, holderName: r.full_name, toOn: r.to_on, positionId: r.position_id, positionTitle: r.title,
    unitId: r.unit_id, unitName: r.unit_name, unitPath: r.unit_path, requiresConclusion: r.requires_conclusion, closedOn: r.closed_on,
    standing: r.vetting_outcome ? { outcome: r.vetting_outcome, validUntil: r.vetting_valid_until } : null, validUntil: r.vetting_valid_until,
    alertId: r.alert_id, alertStatus: r.alert_status,
  }))
}

export async function insertAlert(db: Queryable, a: { positionId: number; holdingId: number; unitId: number; status: string; now: Date }): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    'INSERT INTO position_alert (position_id, holding_id, unit_id, status, raised_at) VALUES ($1,$2,$3,$4,$5) RETURNING id',
    [a.positionId, a.holdingId, a.unitId, a.status, a.now],
  )
  return id
}

export async function setAlertStatus(db: Queryable, id: number, status: string) {
  await db.query('UPDATE position_alert SET status = $2 WHERE id = $1', [id, status])
}

export async function clearAlert(db: Queryable, id: number, reason: string, now: Date) {
  await db.query('UPDATE position_alert SET cleared_at = $2, cleared_reason = $3 WHERE id = $1 AND cleared_at IS NULL', [id, now, reason])
}

const ALERT_COLUMNS = `a.id, a.position_id, kp.title, a.unit_id, u.name AS unit_name, h.person_id, pe.full_name, a.status, a.raised_at, a.cleared_at, a.cleared_reason`
const ALERT_FROM = `position_alert a JOIN key_position kp ON kp.id = a.position_id JOIN unit u ON u.id = a.unit_id
  JOIN position_holding h ON h.id = a.holding_id JOIN person pe ON pe.id = h.person_id`
interface AlertRecord {
  id: number; position_id: number; title: string; unit_id: number; unit_name: string; person_id: number; full_name: string
  status: AlertDto['status']; raised_at: Date; cleared_at: Date | null; cleared_reason: AlertDto['clearedReason']
}
const toAlert = (r: AlertRecord): AlertDto => ({
  id: r.id, positionId: r.position_id, positionTitle: r.title, unitId: r.unit_id, unitName: r.unit_name, holder: { personId: r.person_id, name: r.full_name },
  status: r.status, raisedAt: iso(r.raised_at), clearedAt: r.cleared_at ? iso(r.cleared_at) : null, clearedReason: r.cleared_reason,
})

/** Alerts of units under the paths, newest first; open ones only unless asked. */
export async function listAlerts(db: Queryable, scopes: string[], opts: { underPath?: string; includeCleared: boolean; limit: number }): Promise<AlertDto[]> {
  if (!scopes.length) return []
  const params: unknown[] = [arrayLiteral(scopes)]
  const w = ['u.path <@ ANY($1::ltree[])']
  if (opts.underPath) w.push(`u.path <@ $${params.push(opts.underPath)}::ltree`)
  if (!opts.includeCleared) w.push('a.cleared_at IS NULL')
  const rows = await db.query<AlertRecord>(`SELECT ${ALERT_COLUMNS} FROM ${ALERT_FROM} WHERE ${w.join(' AND ')} ORDER BY a.raised_at DESC, a.id DESC LIMIT $${params.push(opts.limit)}`, params)
  return rows.map(toAlert)
}

export async function openAlertOf(db: Queryable, positionId: number): Promise<AlertDto | null> {
  const [r] = await db.query<AlertRecord>(`SELECT ${ALERT_COLUMNS} FROM ${ALERT_FROM} WHERE a.position_id = $1 AND a.cleared_at IS NULL ORDER BY a.id DESC LIMIT 1`, [positionId])
  return r ? toAlert(r) : null
}

// ---- who is told

export interface Recipient {
  accountId: number
  email: string | null
}

/**
 * Who is told about a unit's positions: the unit's head (or, for a department without one, the
 * nearest head above it) and the board officers whose scope covers the unit.
 */
export async function headsAndBoard(db: Queryable, unitPath: string): Promise<Recipient[]> {
  const rows = await db.query<{ account_id: number; role: string; depth: number; email: string | null }>(
    `SELECT DISTINCT g.account_id, g.role, nlevel(gu.path) AS depth, pe.email
     FROM role_grant g JOIN unit gu ON gu.id = g.unit_id JOIN account a ON a.id = g.account_id AND a.is_active LEFT JOIN person pe ON pe.id = a.person_id
     WHERE g.role IN ('unitHead', 'board') AND gu.path @> $1::ltree`,
    [unitPath],
  )
  const headDepth = Math.max(-1, ...rows.filter((r) => r.role === 'unitHead').map((r) => r.depth))
  const chosen = rows.filter((r) => r.role === 'board' || r.depth === headDepth)
  const byAccount = new Map(chosen.map((r) => [r.account_id, { accountId: r.account_id, email: r.email }]))
  return [...byAccount.values()]
}

// ---- import

/** Units of a subtree by code (lower case): where an imported row may put a position. */
export async function unitsByCode(db: Queryable, path: string): Promise<Map<string, { id: number; path: string; isActive: boolean }>> {
  const rows = await db.query<{ id: number; code: string; path: string; is_active: boolean }>('SELECT id, code, path::text AS path, is_active FROM unit WHERE path <@ $1::ltree', [path])
  return new Map(rows.map((r) => [r.code.toLowerCase(), { id: r.id, path: r.path, isActive: r.is_active }]))
}

/** The people of a subtree, to find an imported row's holder by name. */
export async function peopleOf(db: Queryable, path: string) {
  const rows = await db.query<{ id: number; full_name: string; is_active: boolean; path: string }>(
    'SELECT p.id, p.full_name, p.is_active, u.path::text AS path FROM person p JOIN unit u ON u.id = p.unit_id WHERE u.path <@ $1::ltree', [path],
  )
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, isActive: r.is_active, unitPath: r.path }))
}

// The SQL of confidential cases. Sealed columns come back as bytes; case-content.ts opens them.
import type { CASE_KINDS, CASE_OUTCOMES, CASE_STATUSES, SUBJECT_TYPES } from '../../../contract/cases.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'

export interface CaseRow {
  id: number
  number: string
  kind: (typeof CASE_KINDS)[number]
  status: (typeof CASE_STATUSES)[number]
  step: string
  boardUnitId: number
  /** ltree path of the board unit: break-glass and counts reach cases through it. */
  boardPath: string
  ownerAccountId: number
  owner: string
  requestingUnitId: number | null
  purpose: string
  subjectType: (typeof SUBJECT_TYPES)[number]
  openedOn: string
  deadline: string | null
  outcome: (typeof CASE_OUTCOMES)[number] | null
  validUntil: string | null
  approvedAt: string | null
  closedOn: string | null
  dataKeyId: number | null
  subjectEnc: Uint8Array | null
  notesEnc: Uint8Array | null
  version: number
}

interface CaseRecord {
  id: number; number: string; kind: CaseRow['kind']; status: CaseRow['status']; step: string; board_unit_id: number; board_path: string; owner_account_id: number; owner: string
  requesting_unit_id: number | null; purpose: string; subject_type: CaseRow['subjectType']; opened_on: string; deadline: string | null; outcome: CaseRow['outcome']
  valid_until: string | null; approved_at: Date | null; closed_on: string | null; data_key_id: number | null; subject_enc: Uint8Array | null; notes_enc: Uint8Array | null; version: number
}

const COLUMNS = `c.id, c.number, c.kind, c.status, c.step, c.board_unit_id, bu.path::text AS board_path, c.owner_account_id, oa.username AS owner, c.requesting_unit_id, c.purpose, c.subject_type,
  c.opened_on, c.deadline, c.outcome, c.valid_until, c.approved_at, c.closed_on, c.data_key_id, c.subject_enc, c.notes_enc, c.version`
const FROM = 'conf_case c JOIN account oa ON oa.id = c.owner_account_id JOIN unit bu ON bu.id = c.board_unit_id'

const toCase = (r: CaseRecord): CaseRow => ({
  id: r.id, number: r.number, kind: r.kind, status: r.status, step: r.step, boardUnitId: r.board_unit_id, boardPath: r.board_path, ownerAccountId: r.owner_account_id, owner: r.owner,
  requestingUnitId: r.requesting_unit_id, purpose: r.purpose, subjectType: r.subject_type, openedOn: r.opened_on, deadline: r.deadline, outcome: r.outcome,
  validUntil: r.valid_until, approvedAt: r.approved_at ? new Date(r.approved_at).toISOString() : null, closedOn: r.closed_on, dataKeyId: r.data_key_id,
  subjectEnc: r.subject_enc, notesEnc: r.notes_enc, version: r.version,
})

/**
 * "Is this account on the case's list?": the account itself, or a group it is a member of. The one
 * condition every listing and every read uses.
 */
const ON_LIST = `EXISTS (SELECT 1 FROM conf_case_access x WHERE x.case_id = c.id AND (x.account_id = $1
  OR x.group_id IN (SELECT m.group_id FROM case_group_member m WHERE m.account_id = $1)))`

export async function findCase(db: Queryable, id: number, forUpdate = false): Promise<CaseRow | null> {
  const [r] = await db.query<CaseRecord>(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1 ${forUpdate ? 'FOR UPDATE OF c' : ''}`, [id])
  return r ? toCase(r) : null
}

export async function findCaseIdByNumber(db: Queryable, number: string): Promise<number | null> {
  const [r] = await db.query<{ id: number }>('SELECT id FROM conf_case WHERE number = $1', [number])
  return r?.id ?? null
}

export async function isOnList(db: Queryable, caseId: number, accountId: number): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM conf_case c WHERE c.id = $2 AND ${ON_LIST}`, [accountId, caseId])
  return rows.length > 0
}

/** The columns a list shows: no sealed content, no joins (the list of a board officer runs to thousands). */
export type CaseSummaryRow = Pick<CaseRow, 'id' | 'number' | 'kind' | 'status' | 'step' | 'purpose' | 'openedOn' | 'deadline' | 'outcome' | 'validUntil' | 'closedOn' | 'approvedAt'>

/**
 * A page of the cases on whose list the account is, newest first, and how many there are in all.
 * The list is found from the account's own access rows and its groups' (both indexed), not by
 * testing every case.
 */
export async function listCasesFor(
  db: Queryable, accountId: number, f: { kind?: string; status?: string; expiringBefore?: string; limit: number; offset: number },
): Promise<{ rows: CaseSummaryRow[]; total: number }> {
  const params: unknown[] = [accountId]
  const where = [`c.id IN (SELECT x.case_id FROM conf_case_access x WHERE x.account_id = $1
    UNION SELECT x.case_id FROM conf_case_access x JOIN case_group_member m ON m.group_id = x.group_id WHERE m.account_id = $1)`]
  if (f.kind) where.push(`c.kind = $${params.push(f.kind)}`)
  if (f.status) where.push(`c.status = $${params.push(f.status)}`)
  if (f.expiringBefore) where.push(`c.valid_until IS NOT NULL AND c.valid_until <= $${params.push(f.expiringBefore)}::date AND c.status <> 'purged'`)
  const rows = await db.query<{
    id: number; number: string; kind: CaseRow['kind']; status: CaseRow['status']; step: string; purpose: string; opened_on: string; deadline: string | null
    outcome: CaseRow['outcome']; valid_until: string | null; closed_on: string | null; approved_at: Date | null; total: number
  }>(
    `SELECT c.id, c.number, c.kind, c.status, c.step, c.purpose, c.opened_on, c.deadline, c.outcome, c.valid_until, c.closed_on, c.approved_at, count(*) OVER ()::int AS total
     FROM conf_case c WHERE ${where.join(' AND ')} ORDER BY c.opened_on DESC, c.id DESC LIMIT $${params.push(f.limit)} OFFSET $${params.push(f.offset)}`,
    params,
  )
  // A page past the end has no row to carry the total: count it alone.
  const total = rows[0]?.total ?? (f.offset > 0 ? (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM conf_case c WHERE ${where.join(' AND ')}`, params.slice(0, -2)))[0].n : 0)
  return {
    rows: rows.map((r) => ({
      id: r.id, number: r.number, kind: r.kind, status: r.status, step: r.step, purpose: r.purpose, openedOn: r.opened_on, deadline: r.deadline, outcome: r.outcome,
      validUntil: r.valid_until, closedOn: r.closed_on, approvedAt: r.approved_at ? new Date(r.approved_at).toISOString() : null,
    })),
    total,
  }
}

/** Counts by kind and status for cases held by board units under `scopes`; `today` decides overdue. */
export async function countCases(db: Queryable, scopes: string[], today: string, expiringBefore: string) {
  const rows = await db.query<{ kind: CaseRow['kind']; status: CaseRow['status']; total: number; overdue: number }>(
    `SELECT c.kind, c.status, count(*)::int AS total,
       count(*) FILTER (WHERE c.status = 'open' AND c.deadline < $2::date)::int AS overdue
     FROM conf_case c JOIN unit u ON u.id = c.board_unit_id WHERE u.path <@ ANY($1::ltree[]) GROUP BY 1, 2 ORDER BY 1, 2`,
    [arrayLiteral(scopes), today],
  )
  const [{ n }] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM conf_case c JOIN unit u ON u.id = c.board_unit_id
     WHERE u.path <@ ANY($1::ltree[]) AND c.kind = 'standards_review' AND c.status <> 'purged' AND c.valid_until BETWEEN $2::date AND $3::date`,
    [arrayLiteral(scopes), today, expiringBefore],
  )
  return { items: rows, expiringWithin90: n }
}

export async function nextId(db: Queryable, table: string): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence($1, 'id'))::int AS id`, [table])
  return id
}

/** HS-2026-0007: the year's next number, taken under the counter row's lock. */
export async function nextCaseNumber(db: Queryable, year: number): Promise<string> {
  const [{ n }] = await db.query<{ n: number }>(
    `INSERT INTO conf_case_counter (year, n) VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET n = conf_case_counter.n + 1 RETURNING n`,
    [year],
  )
  return `HS-${year}-${String(n).padStart(4, '0')}`
}

export async function insertCase(db: Queryable, c: {
  id: number; number: string; kind: string; step: string; boardUnitId: number; ownerAccountId: number; requestingUnitId: number | null; purpose: string
  subjectType: string; openedOn: string; deadline: string | null; dataKeyId: number; subjectRef: Buffer | null; subjectEnc: Buffer; notesEnc: Buffer; now: Date
}) {
  await db.query(
    `INSERT INTO conf_case (id, number, kind, step, board_unit_id, owner_account_id, requesting_unit_id, purpose, subject_type, opened_on, deadline, data_key_id,
       subject_ref, subject_enc, notes_enc, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$16)`,
    [c.id, c.number, c.kind, c.step, c.boardUnitId, c.ownerAccountId, c.requestingUnitId, c.purpose, c.subjectType, c.openedOn, c.deadline, c.dataKeyId,
      c.subjectRef, c.subjectEnc, c.notesEnc, c.now],
  )
}

/** The board unit an opener works for: a unit of kind `board` in their scope, else their grant's own unit. */
export async function boardUnitIn(db: Queryable, scopes: string[]): Promise<number | null> {
  const [r] = await db.query<{ id: number }>(
    `SELECT u.id FROM unit u WHERE u.kind = 'board' AND u.is_active AND u.path <@ ANY($1::ltree[]) ORDER BY nlevel(u.path), u.id LIMIT 1`,
    [arrayLiteral(scopes)],
  )
  return r?.id ?? null
}

export async function addAccessRow(db: Queryable, caseId: number, who: { accountId?: number; groupId?: number }, addedBy: number | null, now: Date): Promise<number | null> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO conf_case_access (case_id, account_id, group_id, added_by, added_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
    [caseId, who.accountId ?? null, who.groupId ?? null, addedBy, now],
  )
  return rows[0]?.id ?? null
}

export async function accessEntries(db: Queryable, caseId: number) {
  return db.query<{ id: number; account_id: number | null; group_id: number | null; name: string; added_by: string | null; added_at: Date }>(
    `SELECT x.id, x.account_id, x.group_id, coalesce(a.username, g.name) AS name, ab.username AS added_by, x.added_at
     FROM conf_case_access x LEFT JOIN account a ON a.id = x.account_id LEFT JOIN case_group g ON g.id = x.group_id LEFT JOIN account ab ON ab.id = x.added_by
     WHERE x.case_id = $1 ORDER BY x.id`,
    [caseId],
  )
}

export async function steps(db: Queryable, caseId: number) {
  return db.query<{ id: number; step: string; done_on: string; body_enc: Uint8Array | null; by: string | null }>(
    'SELECT s.id, s.step, s.done_on, s.body_enc, a.username AS by FROM conf_case_step s LEFT JOIN account a ON a.id = s.created_by WHERE s.case_id = $1 ORDER BY s.id',
    [caseId],
  )
}

export async function requests(db: Queryable, caseId: number) {
  return db.query<{ id: number; sent_on: string; due_date: string; replied_on: string | null; request_enc: Uint8Array; reply_enc: Uint8Array | null; version: number }>(
    'SELECT id, sent_on, due_date, replied_on, request_enc, reply_enc, version FROM conf_case_request WHERE case_id = $1 ORDER BY id',
    [caseId],
  )
}

export async function findRequest(db: Queryable, id: number, forUpdate = false) {
  const [r] = await db.query<{ id: number; case_id: number; version: number; replied_on: string | null }>(
    `SELECT id, case_id, version, replied_on FROM conf_case_request WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id],
  )
  return r ?? null
}

export async function files(db: Queryable, caseId: number) {
  return db.query<{ id: number; content_enc: Uint8Array; size: number; uploaded_at: Date }>(
    'SELECT id, content_enc, size, uploaded_at FROM conf_case_file WHERE case_id = $1 ORDER BY id',
    [caseId],
  )
}

export async function findFile(db: Queryable, id: number) {
  const [r] = await db.query<{ id: number; case_id: number; content_enc: Uint8Array }>('SELECT id, case_id, content_enc FROM conf_case_file WHERE id = $1', [id])
  return r ?? null
}

export async function notices(db: Queryable, caseId: number) {
  return db.query<{ id: number; kind: 'notification' | 'decision' | 'appealDecision'; sent_at: Date; due_date: string | null; body_enc: Uint8Array }>(
    'SELECT id, kind, sent_at, due_date, body_enc FROM conf_case_notice WHERE case_id = $1 ORDER BY id',
    [caseId],
  )
}

export async function submissions(db: Queryable, caseId: number) {
  return db.query<{ id: number; notice_id: number; kind: string; submitted_at: Date; body_enc: Uint8Array }>(
    'SELECT id, notice_id, kind, submitted_at, body_enc FROM conf_case_submission WHERE case_id = $1 ORDER BY id',
    [caseId],
  )
}

/** Notices addressed (by blind index) to an account, with their case's number and key. */
export async function noticesAddressedTo(db: Queryable, ref: Buffer) {
  return db.query<{ id: number; case_id: number; number: string; data_key_id: number; kind: 'notification' | 'decision' | 'appealDecision'; sent_at: Date; due_date: string | null; body_enc: Uint8Array }>(
    `SELECT n.id, n.case_id, c.number, c.data_key_id, n.kind, n.sent_at, n.due_date, n.body_enc FROM conf_case_notice n JOIN conf_case c ON c.id = n.case_id
     WHERE n.addressee_ref = $1 AND c.status <> 'purged' ORDER BY n.id DESC`,
    [ref],
  )
}

export async function findNotice(db: Queryable, id: number) {
  const [r] = await db.query<{ id: number; case_id: number; kind: string; addressee_ref: Uint8Array | null; due_date: string | null }>(
    'SELECT id, case_id, kind, addressee_ref, due_date FROM conf_case_notice WHERE id = $1',
    [id],
  )
  return r ?? null
}

export async function breakGlassReasons(db: Queryable, caseId: number) {
  return db.query<{ id: number; account_id: number; at: Date; reason_enc: Uint8Array }>('SELECT id, account_id, at, reason_enc FROM conf_case_break_glass WHERE case_id = $1 ORDER BY id', [caseId])
}

/** Accounts to tell about a case: its owner and the heads of its board unit. */
export async function caseOwners(db: Queryable, caseId: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT c.owner_account_id AS id FROM conf_case c WHERE c.id = $1
     UNION SELECT g.account_id FROM conf_case c JOIN role_grant g ON g.unit_id = c.board_unit_id AND g.role = 'unitHead' WHERE c.id = $1`,
    [caseId],
  )
  return rows.map((r) => r.id)
}

export async function accountHasAdminRole(db: Queryable, accountId: number): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM role_grant WHERE account_id = $1 AND role = 'admin'`, [accountId])
  return rows.length > 0
}

/** An active account by id, with its person, for adding to a list. */
export async function findAccountBrief(db: Queryable, id: number) {
  const [r] = await db.query<{ id: number; username: string; person_id: number | null }>('SELECT id, username, person_id FROM account WHERE id = $1 AND is_active', [id])
  return r ?? null
}

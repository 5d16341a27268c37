import type { AddresseeDto, DirectiveDto, DirectiveProgressDto, DirectiveSummaryDto, RequirementDto, RequirementInput } from '../../../contract/directives.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { vnDay } from '../../lib/dates.ts'
import { rollupAnswers, rollupAnswersSql, topOfScopes } from '../dashboard/matrix.rollup.ts'
import { scopesCoverAll } from '../units/units.service.ts'

export interface DirectiveRow extends Omit<DirectiveDto, 'requirements' | 'addresseeCount'> {
  ownerPath: string
}

const COLUMNS = `d.id, d.owner_unit_id, ou.path::text AS owner_path, d.number, d.document_type, d.parent_body, d.issuer, d.place, d.date,
  d.subject, d.addressees, d.co_addressees, d.preamble, d.closing, d.distribution, d.signature, d.refs, d.source_text, d.status, d.superseded_by_id, d.issued_at, d.version`

interface DirectiveRecord {
  id: number
  owner_unit_id: number
  owner_path: string
  number: string | null
  document_type: string | null
  parent_body: string | null
  issuer: string | null
  place: string | null
  date: string | null
  subject: string
  addressees: string[]
  co_addressees: string[]
  preamble: string | null
  closing: string | null
  distribution: string[]
  signature: DirectiveRow['signature']
  refs: DirectiveRow['references']
  source_text: string | null
  status: DirectiveRow['status']
  superseded_by_id: number | null
  issued_at: Date | null
  version: number
}

const toRow = (r: DirectiveRecord): DirectiveRow => ({
  id: r.id, ownerUnitId: r.owner_unit_id, ownerPath: r.owner_path, number: r.number, documentType: r.document_type, parentBody: r.parent_body,
  issuer: r.issuer, place: r.place, date: r.date, subject: r.subject, addressees: r.addressees, coAddressees: r.co_addressees, preamble: r.preamble,
  closing: r.closing, distribution: r.distribution, signature: r.signature, references: r.refs, sourceText: r.source_text, status: r.status, supersededById: r.superseded_by_id,
  issuedAt: r.issued_at ? new Date(r.issued_at).toISOString() : null, version: r.version,
})

export async function findDirective(db: Queryable, id: number, forUpdate = false): Promise<DirectiveRow | null> {
  const [r] = await db.query<DirectiveRecord>(`SELECT ${COLUMNS} FROM directive d JOIN unit ou ON ou.id = d.owner_unit_id WHERE d.id = $1 ${forUpdate ? 'FOR UPDATE OF d' : ''}`, [id])
  return r ? toRow(r) : null
}

/**
 * The visibility rule in SQL ($1: the caller's manage scopes, $2: read scopes): managers see the
 * directives their scope owns, drafts included; everyone sees an issued directive addressed to a
 * unit in their scope or above it.
 */
const VISIBLE = `(ou.path <@ ANY($1::ltree[]) OR (d.status <> 'draft' AND EXISTS (
    SELECT 1 FROM directive_addressee a JOIN unit au ON au.id = a.unit_id
    WHERE a.directive_id = d.id AND (au.path <@ ANY($2::ltree[]) OR au.path @> ANY($2::ltree[])))))`

export async function isDirectiveVisible(db: Queryable, id: number, manageScopes: string[], readScopes: string[]) {
  const rows = await db.query(`SELECT 1 FROM directive d JOIN unit ou ON ou.id = d.owner_unit_id WHERE d.id = $3 AND ${VISIBLE}`, [
    arrayLiteral(manageScopes), arrayLiteral(readScopes), id,
  ])
  return rows.length > 0
}

/** An issued directive addressed to the unit at `unitPath` or a unit above it. */
export async function findDirectiveReaching(db: Queryable, id: number, unitPath: string): Promise<DirectiveRow | null> {
  const [r] = await db.query<DirectiveRecord>(
    `SELECT ${COLUMNS} FROM directive d JOIN unit ou ON ou.id = d.owner_unit_id
     WHERE d.id = $1 AND d.status <> 'draft' AND EXISTS (
       SELECT 1 FROM directive_addressee da JOIN unit u ON u.id = da.unit_id WHERE da.directive_id = d.id AND u.path @> $2::ltree)`,
    [id, unitPath],
  )
  return r ? toRow(r) : null
}

export async function listDirectives(
  db: Queryable, manageScopes: string[], readScopes: string[], opts: { q?: string; status?: string; limit: number; offset: number; asOf: string },
): Promise<{ items: DirectiveSummaryDto[]; total: number }> {
  const params: unknown[] = [arrayLiteral(manageScopes), arrayLiteral(readScopes)]
  const where = [VISIBLE]
  if (opts.status) where.push(`d.status = $${params.push(opts.status)}`)
  if (opts.q) where.push(`d.search LIKE '%' || lower(f_unaccent($${params.push(opts.q)})) || '%'`)
  const w = where.join(' AND ')
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM directive d JOIN unit ou ON ou.id = d.owner_unit_id WHERE ${w}`, params)
  const rows = await db.query<DirectiveSummaryDto>(
    `SELECT d.id, d.number, d.subject, d.date, d.status FROM directive d JOIN unit ou ON ou.id = d.owner_unit_id WHERE ${w}
     ORDER BY d.date DESC NULLS LAST, d.id DESC LIMIT $${params.push(opts.limit)} OFFSET $${params.push(opts.offset)}`,
    params,
  )
  const progress = await directiveProgress(db, rows.filter((r) => r.status !== 'draft').map((r) => r.id), [...manageScopes, ...readScopes], opts.asOf)
  return { items: rows.map((r) => ({ ...r, progress: progress.get(r.id) ?? null })), total }
}

type ProgressRow = { id: number; addressees: number; acknowledged: number; accepted: number; overdue: number; next_deadline: string | null }

const progressOf = (rows: ProgressRow[]) =>
  rows.map((r): [number, DirectiveProgressDto] => [r.id, { addressees: r.addressees, acknowledged: r.acknowledged, plansAccepted: r.accepted, overdueActions: r.overdue, nextDeadline: r.next_deadline }])

/**
 * For each directive, where its addressee units under `scopes` stand on `asOf`: the board sees all
 * of its units, a unit only itself. Read from the matrix rollups where they answer for `asOf` (the
 * board's home page and the directive list at 5,000 units: 150 ms of scanning every action against
 * ~20 ms), otherwise by scanning the directive's rows.
 */
export async function directiveProgress(db: Queryable, ids: number[], scopes: string[], asOf: string): Promise<Map<number, DirectiveProgressDto>> {
  if (!ids.length || !scopes.length) return new Map()
  const states = await db.query<{ directive_id: number; as_of: string; max_completed_on: string | null }>(
    'SELECT directive_id, as_of::text, max_completed_on::text FROM matrix_rollup_state WHERE directive_id = ANY($1::int[])', [ids],
  )
  const rolled = states.filter((s) => rollupAnswers({ asOf: s.as_of, maxCompletedOn: s.max_completed_on }, asOf))
  const fromRollup = new Set(rolled.map((s) => s.directive_id))
  const rest = ids.filter((id) => !fromRollup.has(id))
  // One after the other: a caller's transaction has one client.
  const fromRollups = await progressFromRollups(db, rolled.map((s) => s.directive_id), scopes, asOf)
  // A directive whose day rolled past `asOf` in between (a past day asked for) is scanned too.
  const scanned = await progressScanned(db, [...rest, ...rolled.map((s) => s.directive_id).filter((id) => !fromRollups.has(id))], scopes, asOf)
  return new Map([...fromRollups, ...scanned])
}

/**
 * Addressees, acknowledgements and overdue actions summed from the subtree rollups of the scopes'
 * top units (a scope inside another counted once), plus actions that fell due between the rollup
 * day and `asOf`; accepted plans and the next deadline from the directive's own rows.
 */
export async function progressFromRollups(db: Queryable, ids: number[], scopes: string[], asOf: string): Promise<Map<number, DirectiveProgressDto>> {
  if (!ids.length) return new Map()
  // The national board's scopes hold every unit: nothing to filter (at 50,000 units, looking each
  // unit up among the plans and addressees took 480 of the query's 486 ms).
  const inScope = (await scopesCoverAll(db, scopes)) ? () => '' : (column: string) => `AND ${column} IN (SELECT id FROM scoped)`
  // The rollup day is read in the same statement as the sums (one snapshot): the daily roll rewrites
  // both at once, and a day read before it with sums read after counted the deadlines between twice.
  // A directive whose rollups no longer answer `asOf` is left out (the caller scans it).
  const rows = await db.query<ProgressRow & { answers: boolean }>(
    `WITH scoped AS MATERIALIZED (SELECT id FROM unit WHERE path <@ ANY($3::ltree[])),
     roots AS MATERIALIZED (
       SELECT u.id FROM unit u WHERE ${topOfScopes('$3')}
     ),
     accepted AS MATERIALIZED (
       SELECT p.directive_id, count(*)::int AS n FROM unit_plan p
       WHERE p.directive_id = ANY($1::int[]) AND p.status = 'accepted' ${inScope('p.unit_id')} GROUP BY 1
     ),
     open AS MATERIALIZED (
       SELECT a.directive_id,
         min(a.ack_due_date) FILTER (WHERE a.acknowledged_at IS NULL AND a.ack_due_date >= $2::date) AS next_ack,
         min(a.plan_due_date) FILTER (WHERE (p.status IS NULL OR p.status IN ('draft', 'returned')) AND a.plan_due_date >= $2::date) AS next_plan
       FROM directive_addressee a LEFT JOIN unit_plan p ON p.directive_id = a.directive_id AND p.unit_id = a.unit_id
       WHERE a.directive_id = ANY($1::int[]) AND (a.ack_due_date >= $2::date OR a.plan_due_date >= $2::date) ${inScope('a.unit_id')}
       GROUP BY 1
     )
     SELECT d.id, d.answers,
       coalesce((SELECT sum(s.addressees) FROM matrix_subtree_unit s WHERE s.directive_id = d.id AND s.unit_id IN (SELECT id FROM roots)), 0)::int AS addressees,
       coalesce((SELECT sum(s.acknowledged) FROM matrix_subtree_unit s WHERE s.directive_id = d.id AND s.unit_id IN (SELECT id FROM roots)), 0)::int AS acknowledged,
       coalesce((SELECT n FROM accepted WHERE accepted.directive_id = d.id), 0) AS accepted,
       (coalesce((SELECT sum(c.a_overdue) FROM matrix_subtree_cell c WHERE c.directive_id = d.id AND c.unit_id IN (SELECT id FROM roots)), 0)
         + (SELECT count(*) FROM plan_action pa WHERE pa.directive_id = d.id AND pa.status <> 'done' AND pa.effective_due_date >= d.rolled
              AND pa.effective_due_date < $2::date ${inScope('pa.unit_id')}))::int AS overdue,
       least(o.next_ack, o.next_plan,
         (SELECT pa.effective_due_date FROM plan_action pa WHERE pa.directive_id = d.id AND pa.status <> 'done' AND pa.effective_due_date >= $2::date
            ${inScope('pa.unit_id')} ORDER BY pa.effective_due_date LIMIT 1))::text AS next_deadline
     FROM (SELECT u.id, coalesce(st.as_of, '-infinity'::date) AS rolled, ${rollupAnswersSql('st', '$2::date')} OR st.directive_id IS NULL AS answers
           FROM unnest($1::int[]) AS u(id) LEFT JOIN matrix_rollup_state st ON st.directive_id = u.id) d
     LEFT JOIN open o ON o.directive_id = d.id`,
    [ids, asOf, arrayLiteral(scopes)],
  )
  return new Map(progressOf(rows.filter((r) => r.answers)))
}

/** The same figures counted from every addressee and open action of the directives (no rollups). */
export async function progressScanned(db: Queryable, ids: number[], scopes: string[], asOf: string): Promise<Map<number, DirectiveProgressDto>> {
  if (!ids.length) return new Map()
  const rows = await db.query<ProgressRow>(
    `WITH a AS (
       SELECT a.directive_id, a.unit_id, a.acknowledged_at, a.ack_due_date, a.plan_due_date, p.status AS plan_status
       FROM directive_addressee a JOIN unit u ON u.id = a.unit_id
       LEFT JOIN unit_plan p ON p.directive_id = a.directive_id AND p.unit_id = a.unit_id
       WHERE a.directive_id = ANY($1::int[]) AND u.path <@ ANY($2::ltree[])
     ), x AS (
       SELECT pa.directive_id, pa.status, pa.effective_due_date FROM plan_action pa JOIN unit u ON u.id = pa.unit_id
       WHERE pa.directive_id = ANY($1::int[]) AND pa.status <> 'done' AND u.path <@ ANY($2::ltree[])
     ), ag AS (
       -- One pass over each set, grouped: scalar subqueries per figure rescanned them per directive
       -- (1.2 s for five directives at 5,000 units; this is one scan each).
       SELECT a.directive_id, count(*)::int AS addressees,
         count(*) FILTER (WHERE a.acknowledged_at IS NOT NULL)::int AS acknowledged,
         count(*) FILTER (WHERE a.plan_status = 'accepted')::int AS accepted,
         min(a.ack_due_date) FILTER (WHERE a.acknowledged_at IS NULL AND a.ack_due_date >= $3::date) AS next_ack,
         min(a.plan_due_date) FILTER (WHERE (a.plan_status IS NULL OR a.plan_status IN ('draft', 'returned')) AND a.plan_due_date >= $3::date) AS next_plan
       FROM a GROUP BY a.directive_id
     ), xg AS (
       SELECT x.directive_id, count(*) FILTER (WHERE x.effective_due_date < $3::date)::int AS overdue,
         min(x.effective_due_date) FILTER (WHERE x.effective_due_date >= $3::date) AS next_action
       FROM x GROUP BY x.directive_id
     )
     SELECT d.id, coalesce(ag.addressees, 0) AS addressees, coalesce(ag.acknowledged, 0) AS acknowledged, coalesce(ag.accepted, 0) AS accepted,
       coalesce(xg.overdue, 0) AS overdue, least(ag.next_ack, ag.next_plan, xg.next_action)::text AS next_deadline
     FROM unnest($1::int[]) AS d(id) LEFT JOIN ag ON ag.directive_id = d.id LEFT JOIN xg ON xg.directive_id = d.id`,
    [ids, arrayLiteral(scopes), asOf],
  )
  return new Map(progressOf(rows))
}

export async function listRequirements(db: Queryable, directiveId: number): Promise<RequirementDto[]> {
  const rows = await db.query<{ id: number; parent_id: number | null; label: string; text: string; deadline: string | null }>(
    'SELECT id, parent_id, label, text, deadline FROM requirement WHERE directive_id = $1 ORDER BY ordinal, id', [directiveId],
  )
  const byId = new Map<number, RequirementDto & { parentId: number | null }>()
  for (const r of rows) byId.set(r.id, { id: r.id, label: r.label, text: r.text, deadline: r.deadline, children: [], parentId: r.parent_id })
  const roots: RequirementDto[] = []
  for (const r of byId.values()) {
    const { parentId, ...dto } = r
    if (parentId && byId.has(parentId)) byId.get(parentId)!.children.push(dto)
    else roots.push(dto)
  }
  const strip = (r: RequirementDto): RequirementDto => ({ id: r.id, label: r.label, text: r.text, deadline: r.deadline, children: r.children.map(strip) })
  return roots.map(strip)
}

export async function topRequirements(db: Queryable, directiveId: number): Promise<{ id: number; label: string; text: string }[]> {
  return db.query('SELECT id, label, text FROM requirement WHERE directive_id = $1 AND parent_id IS NULL ORDER BY ordinal, id', [directiveId])
}

export async function countAddressees(db: Queryable, directiveId: number) {
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM directive_addressee WHERE directive_id = $1', [directiveId])
  return r.n
}

export async function findAddressee(db: Queryable, directiveId: number, unitId: number) {
  const [r] = await db.query<{ unit_id: number; path: string; ack_due_date: string; plan_due_date: string; acknowledged_at: Date | null; status: string }>(
    `SELECT a.unit_id, u.path::text AS path, a.ack_due_date, a.plan_due_date, a.acknowledged_at, d.status
     FROM directive_addressee a JOIN unit u ON u.id = a.unit_id JOIN directive d ON d.id = a.directive_id
     WHERE a.directive_id = $1 AND a.unit_id = $2`,
    [directiveId, unitId],
  )
  return r ? { unitId: r.unit_id, path: r.path, ackDueDate: r.ack_due_date, planDueDate: r.plan_due_date, acknowledgedAt: r.acknowledged_at, directiveStatus: r.status } : null
}

export async function listAddressees(db: Queryable, directiveId: number, scopes: string[], today: string): Promise<AddresseeDto[]> {
  const rows = await db.query<{ unit_id: number; name: string; code: string; ack_due_date: string; plan_due_date: string; acknowledged_at: Date | null; username: string | null }>(
    `SELECT a.unit_id, u.name, u.code, a.ack_due_date, a.plan_due_date, a.acknowledged_at, ac.username
     FROM directive_addressee a JOIN unit u ON u.id = a.unit_id LEFT JOIN account ac ON ac.id = a.acknowledged_by
     WHERE a.directive_id = $1 AND u.path <@ ANY($2::ltree[]) ORDER BY u.path`,
    [directiveId, arrayLiteral(scopes)],
  )
  return rows.map((r) => ({
    unitId: r.unit_id, unitName: r.name, unitCode: r.code, ackDueDate: r.ack_due_date, planDueDate: r.plan_due_date,
    acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null, acknowledgedBy: r.username,
    // Late: not acknowledged by the due date, or acknowledged after it.
    isAckOverdue: r.acknowledged_at ? vnDay(r.acknowledged_at) > r.ack_due_date : today > r.ack_due_date,
  }))
}

/** Inserts a requirement tree in document order. */
export async function insertRequirements(db: Queryable, directiveId: number, reqs: RequirementInput[], parentId: number | null = null) {
  let ordinal = 0
  for (const r of reqs) {
    const [{ id }] = await db.query<{ id: number }>('INSERT INTO requirement (directive_id, parent_id, ordinal, label, text, deadline) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id', [
      directiveId, parentId, ++ordinal, r.label, r.text, r.deadline ?? null,
    ])
    if (r.children?.length) await insertRequirements(db, directiveId, r.children, id)
  }
}

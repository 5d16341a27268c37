// What waits for the caller, section by section: each query lists the first HOME_SECTION_ITEMS in
// the order a person would work through them (soonest deadline first) and counts them all in the
// same pass (count(*) OVER ()), so a home page costs one round trip per section at any scale.
import { HOME_SECTION_ITEMS, type HomeSection, type WorkItemDto, type WorkSectionDto } from '../../../contract/home.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { rollupAnswersSql, topOfScopes } from '../dashboard/matrix.rollup.ts'
import { directiveProgress } from '../directives/directives.service.ts'
import { parentJoin, unitLabel } from '../units/unit-label.ts'
import { scopesCoverAll } from '../units/units.service.ts'

interface Row {
  directive_id: number | null
  number: string | null
  title: string
  unit_id: number | null
  unit_name: string | null
  due_date: string | null
  state: string | null
  total: number
}

const N = HOME_SECTION_ITEMS

const UNIT_LABEL = unitLabel()
const PARENT = parentJoin()

async function section(db: Queryable, key: HomeSection, sql: string, params: unknown[], link: (r: Row) => string): Promise<WorkSectionDto> {
  const rows = await db.query<Row>(sql, params)
  const items: WorkItemDto[] = rows.map((r) => ({
    directiveId: r.directive_id, directiveNumber: r.number, title: r.title, unitId: r.unit_id, unitName: r.unit_name, dueDate: r.due_date, state: r.state, link: link(r), progress: null,
  }))
  return { key, total: rows[0]?.total ?? 0, items }
}

const planLink = (r: Row) => `/directives/${r.directive_id}/units/${r.unit_id}/plan`

/** A unit's side: the units under `scopes` where the caller is head or officer. */
export async function unitSections(db: Queryable, scopes: string[], asOf: string): Promise<WorkSectionDto[]> {
  const s = arrayLiteral(scopes)
  return Promise.all([
    section(db, 'acknowledge',
      `SELECT d.id AS directive_id, d.number, d.subject AS title, u.id AS unit_id, ${UNIT_LABEL} AS unit_name, a.ack_due_date::text AS due_date, NULL AS state, count(*) OVER ()::int AS total
       FROM directive_addressee a JOIN directive d ON d.id = a.directive_id AND d.status = 'issued' JOIN unit u ON u.id = a.unit_id ${PARENT}
       WHERE a.acknowledged_at IS NULL AND u.path <@ ANY($1::ltree[]) ORDER BY a.ack_due_date, unit_name LIMIT ${N}`,
      [s], (r) => `/directives/${r.directive_id}`),
    section(db, 'plans',
      `SELECT d.id AS directive_id, d.number, d.subject AS title, u.id AS unit_id, ${UNIT_LABEL} AS unit_name, a.plan_due_date::text AS due_date, coalesce(p.status, 'none') AS state, count(*) OVER ()::int AS total
       FROM directive_addressee a JOIN directive d ON d.id = a.directive_id AND d.status = 'issued' JOIN unit u ON u.id = a.unit_id ${PARENT}
       LEFT JOIN unit_plan p ON p.directive_id = a.directive_id AND p.unit_id = a.unit_id
       WHERE (p.id IS NULL OR p.status IN ('draft', 'returned')) AND u.path <@ ANY($1::ltree[])
       ORDER BY (p.status = 'returned') IS NOT TRUE, a.plan_due_date, u.name LIMIT ${N}`,
      [s], planLink),
    section(db, 'overdueActions',
      `SELECT d.id AS directive_id, d.number, pa.title, u.id AS unit_id, ${UNIT_LABEL} AS unit_name, pa.effective_due_date::text AS due_date, pa.status AS state, count(*) OVER ()::int AS total
       FROM plan_action pa JOIN directive d ON d.id = pa.directive_id AND d.status = 'issued' JOIN unit u ON u.id = pa.unit_id ${PARENT}
       WHERE pa.status <> 'done' AND pa.effective_due_date < $2::date AND u.path <@ ANY($1::ltree[])
       ORDER BY pa.effective_due_date, u.name LIMIT ${N}`,
      [s, asOf], planLink),
    section(db, 'reports',
      `SELECT NULL::int AS directive_id, NULL AS number, p.title, u.id AS unit_id, ${UNIT_LABEL} AS unit_name, p.deadline::text AS due_date, coalesce(r.status, 'none') AS state, p.id AS period_id, count(*) OVER ()::int AS total
       FROM report_period_unit pu JOIN report_period p ON p.id = pu.period_id AND p.status = 'open' JOIN unit u ON u.id = pu.unit_id ${PARENT}
       LEFT JOIN unit_report r ON r.period_id = pu.period_id AND r.unit_id = pu.unit_id
       WHERE (r.id IS NULL OR r.status IN ('draft', 'returned')) AND u.path <@ ANY($1::ltree[])
       ORDER BY (r.status = 'returned') IS NOT TRUE, p.deadline, u.name LIMIT ${N}`,
      [s], (r) => `/reports/${(r as Row & { period_id: number }).period_id}/units/${r.unit_id}`),
    section(db, 'extensionsDecided',
      `SELECT d.id AS directive_id, d.number, coalesce(pa.title, q.label || ' ' || left(q.text, 80)) AS title, u.id AS unit_id, ${UNIT_LABEL} AS unit_name,
              x.requested_due_date::text AS due_date, x.status AS state, count(*) OVER ()::int AS total
       FROM deadline_extension x JOIN unit_plan p ON p.id = x.plan_id JOIN directive d ON d.id = p.directive_id JOIN unit u ON u.id = p.unit_id ${PARENT}
       LEFT JOIN plan_action pa ON pa.id = x.action_id LEFT JOIN requirement q ON q.id = x.requirement_id
       WHERE x.status IN ('approved', 'refused') AND x.decided_at >= $2::date - 14 AND u.path <@ ANY($1::ltree[])
       ORDER BY x.decided_at DESC LIMIT ${N}`,
      [s, asOf], planLink),
  ])
}

/** The board's side: directives owned under `scopes` and what their units sent for review. */
export async function boardSections(db: Queryable, scopes: string[], asOf: string): Promise<WorkSectionDto[]> {
  const s = arrayLiteral(scopes)
  const [directives, plans, reports, extensions, overdue] = await Promise.all([
    directivesFollowed(db, scopes, asOf),
    // Thousands of plans may wait at 5,000 units: the earliest sent (ties kept) are named, all counted.
    section(db, 'plansToReview',
      `WITH waiting AS MATERIALIZED (
         SELECT p.directive_id, p.unit_id, p.submitted_at, p.status FROM unit_plan p
         WHERE p.status = 'submitted' AND p.directive_id IN (SELECT d.id FROM directive d JOIN unit o ON o.id = d.owner_unit_id WHERE o.path <@ ANY($1::ltree[]))
       ), first AS (SELECT * FROM waiting ORDER BY submitted_at FETCH FIRST ${N} ROWS WITH TIES)
       SELECT d.id AS directive_id, d.number, d.subject AS title, u.id AS unit_id, ${UNIT_LABEL} AS unit_name, p.submitted_at::date::text AS due_date, p.status AS state,
         (SELECT count(*) FROM waiting)::int AS total
       FROM first p JOIN directive d ON d.id = p.directive_id JOIN unit u ON u.id = p.unit_id ${PARENT}
       ORDER BY p.submitted_at, u.name LIMIT ${N}`,
      [s], planLink),
    section(db, 'reportsToReview',
      `SELECT NULL::int AS directive_id, NULL AS number, p.title, u.id AS unit_id, ${UNIT_LABEL} AS unit_name, p.deadline::text AS due_date, r.status AS state, p.id AS period_id, count(*) OVER ()::int AS total
       FROM unit_report r JOIN report_period p ON p.id = r.period_id JOIN unit o ON o.id = p.owner_unit_id JOIN unit u ON u.id = r.unit_id ${PARENT}
       WHERE r.status = 'submitted' AND o.path <@ ANY($1::ltree[]) ORDER BY p.deadline, u.name LIMIT ${N}`,
      [s], (r) => `/reports/${(r as Row & { period_id: number }).period_id}/units/${r.unit_id}`),
    section(db, 'extensionsToDecide',
      `WITH waiting AS MATERIALIZED (
         SELECT x.action_id, x.requirement_id, x.requested_due_date, x.status, x.requested_at, p.directive_id, p.unit_id
         FROM deadline_extension x JOIN unit_plan p ON p.id = x.plan_id
         WHERE x.status = 'pending' AND p.directive_id IN (SELECT d.id FROM directive d JOIN unit o ON o.id = d.owner_unit_id WHERE o.path <@ ANY($1::ltree[]))
       ), first AS (SELECT * FROM waiting ORDER BY requested_at FETCH FIRST ${N} ROWS WITH TIES)
       SELECT d.id AS directive_id, d.number, coalesce(pa.title, q.label || ' ' || left(q.text, 80)) AS title, u.id AS unit_id, ${UNIT_LABEL} AS unit_name,
              x.requested_due_date::text AS due_date, x.status AS state, (SELECT count(*) FROM waiting)::int AS total
       FROM first x JOIN directive d ON d.id = x.directive_id JOIN unit u ON u.id = x.unit_id ${PARENT}
       LEFT JOIN plan_action pa ON pa.id = x.action_id LEFT JOIN requirement q ON q.id = x.requirement_id
       ORDER BY x.requested_at, u.name LIMIT ${N}`,
      [s], planLink),
    // The overdue worklist of the addressee units under the board's scope, as the overdue list has it.
    overdueSection(db, scopes, asOf),
  ])
  return [directives, plans, reports, extensions, overdue]
}

/**
 * Tens of thousands of overdue items at 5,000 units: the first N of each kind are read in due order
 * (actions from each directive's index of open actions) and only they are named; the total counts
 * overdue actions from the matrix rollups (their sum on the rollup day, plus what fell due since)
 * where those answer for the day. A board over the whole tree filters no unit at all.
 */
async function overdueSection(db: Queryable, scopes: string[], asOf: string): Promise<WorkSectionDto> {
  const all = await scopesCoverAll(db, scopes)
  const inScope = (column: string) => (all ? 'true' : `${column} IN (SELECT id FROM scoped)`)
  return section(db, 'overdue',
    `WITH scoped AS MATERIALIZED (SELECT id FROM unit WHERE path <@ ANY($1::ltree[])),
     roots AS MATERIALIZED (
       SELECT u.id FROM unit u WHERE ${topOfScopes('$1')}
     ),
     issued AS MATERIALIZED (
       SELECT d.id, s.as_of AS rolled, ${rollupAnswersSql('s', '$2::date')} AS answers
       FROM directive d LEFT JOIN matrix_rollup_state s ON s.directive_id = d.id WHERE d.status = 'issued'
     ),
     acks AS MATERIALIZED (
       SELECT a.directive_id, a.unit_id, a.ack_due_date AS due FROM issued d JOIN directive_addressee a ON a.directive_id = d.id
       WHERE a.acknowledged_at IS NULL AND a.ack_due_date < $2::date AND ${inScope('a.unit_id')}
     ),
     plans AS MATERIALIZED (
       SELECT a.directive_id, a.unit_id, a.plan_due_date AS due FROM issued d JOIN directive_addressee a ON a.directive_id = d.id
       WHERE a.plan_due_date < $2::date AND ${inScope('a.unit_id')}
         -- No plan yet, or one still being written: none sent (submitted or accepted).
         AND NOT EXISTS (SELECT 1 FROM unit_plan p WHERE p.directive_id = a.directive_id AND p.unit_id = a.unit_id AND p.status NOT IN ('draft', 'returned'))
     ),
     actions AS (
       SELECT (SELECT count(*) FROM plan_action pa WHERE pa.directive_id = d.id AND pa.status <> 'done' AND pa.effective_due_date < $2::date
                 AND pa.effective_due_date >= CASE WHEN d.answers THEN d.rolled ELSE '-infinity'::date END AND ${inScope('pa.unit_id')})
            + CASE WHEN d.answers THEN coalesce((SELECT sum(c.a_overdue) FROM matrix_subtree_cell c WHERE c.directive_id = d.id AND c.unit_id IN (SELECT id FROM roots)), 0) ELSE 0 END AS n
       FROM issued d
     ),
     first AS (
       SELECT * FROM (
         (SELECT 'acknowledgement' AS state, directive_id, unit_id, NULL::int AS action_id, due FROM acks ORDER BY due, unit_id LIMIT ${N})
         UNION ALL
         (SELECT 'plan', directive_id, unit_id, NULL, due FROM plans ORDER BY due, unit_id LIMIT ${N})
         UNION ALL
         (SELECT 'action', x.directive_id, x.unit_id, x.id, x.effective_due_date FROM issued d CROSS JOIN LATERAL (
            SELECT pa.directive_id, pa.unit_id, pa.id, pa.effective_due_date FROM plan_action pa
            WHERE pa.directive_id = d.id AND pa.status <> 'done' AND pa.effective_due_date < $2::date AND ${inScope('pa.unit_id')}
            ORDER BY pa.effective_due_date, pa.unit_id, pa.id LIMIT ${N}) x)
       ) o ORDER BY due, unit_id, action_id LIMIT ${N}
     )
     SELECT f.directive_id, d.number, coalesce(pa.title, d.subject) AS title, f.unit_id, ${UNIT_LABEL} AS unit_name, f.due::text AS due_date, f.state,
       ((SELECT count(*) FROM acks) + (SELECT count(*) FROM plans) + (SELECT coalesce(sum(n), 0) FROM actions))::int AS total
     FROM first f JOIN directive d ON d.id = f.directive_id JOIN unit u ON u.id = f.unit_id ${PARENT} LEFT JOIN plan_action pa ON pa.id = f.action_id
     ORDER BY f.due, unit_name`,
    [arrayLiteral(scopes), asOf], (r) => (r.state === 'acknowledgement' ? `/directives/${r.directive_id}` : planLink(r)))
}

/** The issued directives owned under the scope, newest first, each with where its units stand. */
async function directivesFollowed(db: Queryable, scopes: string[], asOf: string): Promise<WorkSectionDto> {
  const rows = await db.query<{ id: number; number: string | null; subject: string; total: number }>(
    `SELECT d.id, d.number, d.subject, count(*) OVER ()::int AS total
     FROM directive d JOIN unit o ON o.id = d.owner_unit_id
     WHERE d.status = 'issued' AND o.path <@ ANY($1::ltree[]) ORDER BY d.issued_at DESC, d.id DESC LIMIT ${N}`,
    [arrayLiteral(scopes)],
  )
  const progress = await directiveProgress(db, rows.map((r) => r.id), scopes, asOf)
  return {
    key: 'directives',
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      directiveId: r.id, directiveNumber: r.number, title: r.subject, unitId: null, unitName: null, dueDate: null, state: null, link: `/directives/${r.id}/dashboard`,
      progress: progress.get(r.id) ?? null,
    })),
  }
}

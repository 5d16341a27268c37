// What waits for the caller, section by section: each query lists the first HOME_SECTION_ITEMS in
// the order a person would work through them (soonest deadline first) and counts them all in the
// same pass (count(*) OVER ()), so a home page costs one round trip per section at any scale.
import { HOME_SECTION_ITEMS, type HomeSection, type WorkItemDto, type WorkSectionDto } from '../../../contract/home.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { directiveProgress } from '../directives/directives.service.ts'
import { parentJoin, unitLabel } from '../units/unit-label.ts'

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
    section(db, 'plansToReview',
      `SELECT d.id AS directive_id, d.number, d.subject AS title, u.id AS unit_id, ${UNIT_LABEL} AS unit_name, p.submitted_at::date::text AS due_date, p.status AS state, count(*) OVER ()::int AS total
       FROM unit_plan p JOIN directive d ON d.id = p.directive_id JOIN unit o ON o.id = d.owner_unit_id JOIN unit u ON u.id = p.unit_id ${PARENT}
       WHERE p.status = 'submitted' AND o.path <@ ANY($1::ltree[]) ORDER BY p.submitted_at, u.name LIMIT ${N}`,
      [s], planLink),
    section(db, 'reportsToReview',
      `SELECT NULL::int AS directive_id, NULL AS number, p.title, u.id AS unit_id, ${UNIT_LABEL} AS unit_name, p.deadline::text AS due_date, r.status AS state, p.id AS period_id, count(*) OVER ()::int AS total
       FROM unit_report r JOIN report_period p ON p.id = r.period_id JOIN unit o ON o.id = p.owner_unit_id JOIN unit u ON u.id = r.unit_id ${PARENT}
       WHERE r.status = 'submitted' AND o.path <@ ANY($1::ltree[]) ORDER BY p.deadline, u.name LIMIT ${N}`,
      [s], (r) => `/reports/${(r as Row & { period_id: number }).period_id}/units/${r.unit_id}`),
    section(db, 'extensionsToDecide',
      `SELECT d.id AS directive_id, d.number, coalesce(pa.title, q.label || ' ' || left(q.text, 80)) AS title, u.id AS unit_id, ${UNIT_LABEL} AS unit_name,
              x.requested_due_date::text AS due_date, x.status AS state, count(*) OVER ()::int AS total
       FROM deadline_extension x JOIN unit_plan p ON p.id = x.plan_id JOIN directive d ON d.id = p.directive_id JOIN unit o ON o.id = d.owner_unit_id JOIN unit u ON u.id = p.unit_id ${PARENT}
       LEFT JOIN plan_action pa ON pa.id = x.action_id LEFT JOIN requirement q ON q.id = x.requirement_id
       WHERE x.status = 'pending' AND o.path <@ ANY($1::ltree[]) ORDER BY x.requested_at, u.name LIMIT ${N}`,
      [s], planLink),
    // The overdue worklist of the addressee units under the board's scope, as the overdue list has it.
    // Tens of thousands of items at 5,000 units: the first N are found and counted on ids and dates
    // alone, and only they are named (labels built and sorted for 50,000 rows cost 400 ms).
    section(db, 'overdue',
      `WITH o AS (
         SELECT 'acknowledgement' AS state, a.directive_id, a.unit_id, NULL::int AS action_id, a.ack_due_date AS due
         FROM directive_addressee a JOIN directive d ON d.id = a.directive_id AND d.status = 'issued' JOIN unit u ON u.id = a.unit_id
         WHERE a.acknowledged_at IS NULL AND a.ack_due_date < $2::date AND u.path <@ ANY($1::ltree[])
         UNION ALL
         SELECT 'plan', a.directive_id, a.unit_id, NULL, a.plan_due_date
         FROM directive_addressee a JOIN directive d ON d.id = a.directive_id AND d.status = 'issued' JOIN unit u ON u.id = a.unit_id
         LEFT JOIN unit_plan p ON p.directive_id = a.directive_id AND p.unit_id = a.unit_id
         WHERE a.plan_due_date < $2::date AND (p.id IS NULL OR p.status IN ('draft', 'returned')) AND u.path <@ ANY($1::ltree[])
         UNION ALL
         SELECT 'action', pa.directive_id, pa.unit_id, pa.id, pa.effective_due_date
         FROM plan_action pa JOIN directive d ON d.id = pa.directive_id AND d.status = 'issued' JOIN unit u ON u.id = pa.unit_id
         WHERE pa.status <> 'done' AND pa.effective_due_date < $2::date AND u.path <@ ANY($1::ltree[])
       ), first AS (
         SELECT o.*, count(*) OVER ()::int AS total FROM o ORDER BY due, unit_id, action_id LIMIT ${N}
       )
       SELECT f.directive_id, d.number, coalesce(pa.title, d.subject) AS title, f.unit_id, ${UNIT_LABEL} AS unit_name, f.due::text AS due_date, f.state, f.total
       FROM first f JOIN directive d ON d.id = f.directive_id JOIN unit u ON u.id = f.unit_id ${PARENT} LEFT JOIN plan_action pa ON pa.id = f.action_id
       ORDER BY f.due, unit_name`,
      [s, asOf], (r) => (r.state === 'acknowledgement' ? `/directives/${r.directive_id}` : planLink(r))),
  ])
  return [directives, plans, reports, extensions, overdue]
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

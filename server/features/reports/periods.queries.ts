import type { PERIOD_KINDS, ReportStatus } from '../../../contract/reports.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { parentJoin, unitLabel } from '../units/unit-label.ts'

export interface PeriodRow {
  id: number
  ownerUnitId: number
  ownerPath: string
  scopeUnitId: number
  title: string
  kind: (typeof PERIOD_KINDS)[number]
  periodFrom: string | null
  periodTo: string | null
  deadline: string
  status: 'open' | 'closed'
  remindBefore: number[]
  remindAfter: number[]
  directiveIds: number[]
  version: number
}

interface PeriodRecord {
  id: number
  owner_unit_id: number
  owner_path: string
  scope_unit_id: number
  title: string
  kind: PeriodRow['kind']
  period_from: string | null
  period_to: string | null
  deadline: string
  status: PeriodRow['status']
  remind_before: number[]
  remind_after: number[]
  directive_ids: number[] | null
  version: number
}

const toPeriod = (r: PeriodRecord): PeriodRow => ({
  id: r.id, ownerUnitId: r.owner_unit_id, ownerPath: r.owner_path, scopeUnitId: r.scope_unit_id, title: r.title, kind: r.kind, periodFrom: r.period_from,
  periodTo: r.period_to, deadline: r.deadline, status: r.status, remindBefore: r.remind_before, remindAfter: r.remind_after,
  directiveIds: r.directive_ids ?? [], version: r.version,
})

const SELECT = `SELECT p.*, ou.path::text AS owner_path,
  ARRAY(SELECT directive_id FROM report_period_directive d WHERE d.period_id = p.id ORDER BY directive_id) AS directive_ids
  FROM report_period p JOIN unit ou ON ou.id = p.owner_unit_id`

export async function findPeriod(db: Queryable, id: number): Promise<PeriodRow | null> {
  const [r] = await db.query<PeriodRecord>(`${SELECT} WHERE p.id = $1`, [id])
  return r ? toPeriod(r) : null
}

/** Periods the user runs (owner in manage scope) or owes a report in (a period unit in read scope). */
export async function listPeriods(db: Queryable, manageScopes: string[], readScopes: string[]) {
  const rows = await db.query<PeriodRecord>(
    `${SELECT} WHERE ou.path <@ ANY($1::ltree[]) OR EXISTS (
       SELECT 1 FROM report_period_unit pu JOIN unit u ON u.id = pu.unit_id WHERE pu.period_id = p.id AND u.path <@ ANY($2::ltree[]))
     ORDER BY p.deadline DESC, p.id DESC`,
    [arrayLiteral(manageScopes), arrayLiteral(readScopes)],
  )
  return rows.map(toPeriod)
}

/** A unit's report status on `asOf`: late when the deadline passed with nothing submitted. */
export function reportStatus(stored: string | null, submittedVersions: number, deadline: string, asOf: string): ReportStatus {
  if (stored && stored !== 'draft') return stored as ReportStatus
  if (submittedVersions > 0) return stored as ReportStatus
  if (asOf > deadline) return 'late'
  return stored ? 'draft' : 'notDue'
}

export interface PeriodUnitRow {
  unitId: number
  unitName: string
  unitCode: string
  path: string
  reportId: number | null
  status: ReportStatus
  firstSubmittedAt: string | null
  submittedVersions: number
}

export async function periodUnits(db: Queryable, period: PeriodRow, scopes: string[] | null, asOf: string): Promise<PeriodUnitRow[]> {
  const rows = await db.query<{ id: number; name: string; code: string; path: string; report_id: number | null; status: string | null; first_submitted_at: Date | null; submitted_versions: number }>(
    `SELECT u.id, ${unitLabel()} AS name, u.code, u.path::text AS path, r.id AS report_id, r.status, r.first_submitted_at, coalesce(r.submitted_versions, 0) AS submitted_versions
     FROM report_period_unit pu JOIN unit u ON u.id = pu.unit_id ${parentJoin()} LEFT JOIN unit_report r ON r.period_id = pu.period_id AND r.unit_id = pu.unit_id
     WHERE pu.period_id = $1 ${scopes ? 'AND u.path <@ ANY($2::ltree[])' : ''} ORDER BY u.path`,
    scopes ? [period.id, arrayLiteral(scopes)] : [period.id],
  )
  return rows.map((r) => ({
    unitId: r.id, unitName: r.name, unitCode: r.code, path: r.path, reportId: r.report_id,
    status: reportStatus(r.status, r.submitted_versions, period.deadline, asOf),
    firstSubmittedAt: r.first_submitted_at ? new Date(r.first_submitted_at).toISOString() : null, submittedVersions: r.submitted_versions,
  }))
}

/** A unit that owes a report in the period, with its path and name. */
export async function periodUnit(db: Queryable, periodId: number, unitId: number): Promise<{ path: string; name: string } | null> {
  const [u] = await db.query<{ path: string; name: string }>(
    'SELECT u.path::text AS path, u.name FROM report_period_unit pu JOIN unit u ON u.id = pu.unit_id WHERE pu.period_id = $1 AND pu.unit_id = $2',
    [periodId, unitId],
  )
  return u ?? null
}

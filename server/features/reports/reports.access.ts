// Who may see a report period and a unit's report in it: the rules every reports route, the
// documents and the service ask. Anything else is "not found".
import type { Role } from '../../../contract/roles.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { notFound } from '../../http/errors.ts'
import { canReach, scopePaths } from '../../http/scope.ts'
import { findPeriod, periodUnit, periodUnits, type PeriodRow } from './periods.queries.ts'
import { PERIOD_MANAGE_ROLES, REPORT_READ_ROLES, REPORT_REVIEW_ROLES } from './reports.policy.ts'
import { findReport, type ReportRow } from './reports.queries.ts'

/** Does the user run this period (a manage role over the unit that owns it)? */
export const runsPeriod = (user: CurrentUser, period: PeriodRow) => canReach(user, PERIOD_MANAGE_ROLES, period.ownerPath)

/** A period the user may see: they run it, or a unit that owes a report in it is in their scope. */
export async function visiblePeriod(db: Queryable, user: CurrentUser, id: number): Promise<PeriodRow> {
  const p = await findPeriod(db, id)
  if (!p) throw notFound()
  if (runsPeriod(user, p)) return p
  const units = await periodUnits(db, p, scopePaths(user, REPORT_READ_ROLES), p.deadline)
  if (!units.length) throw notFound()
  return p
}

/** A period the user runs, for its own changes and the consolidated documents. */
export async function managedPeriod(db: Queryable, user: CurrentUser, id: number, roles: readonly Role[] = PERIOD_MANAGE_ROLES): Promise<PeriodRow> {
  const p = await findPeriod(db, id)
  if (!p || !canReach(user, roles, p.ownerPath)) throw notFound()
  return p
}

/**
 * The period and the unit if the unit owes a report in it and the user holds `roles` over the unit,
 * or reviews the period (when `roles` include the review roles).
 */
export async function reportScope(db: Queryable, user: CurrentUser, roles: readonly Role[], periodId: number, unitId: number) {
  const period = await findPeriod(db, periodId)
  if (!period) throw notFound()
  const unit = await periodUnit(db, periodId, unitId)
  const isReviewer = canReach(user, REPORT_REVIEW_ROLES, period.ownerPath) && roles.some((r) => REPORT_REVIEW_ROLES.includes(r))
  if (!unit || !(canReach(user, roles, unit.path) || isReviewer)) throw notFound()
  return { period, unitPath: unit.path, unitName: unit.name }
}

/** A unit's report the user may act on with `roles` (see reportScope), with its period. */
export async function reportInScope(db: Queryable, user: CurrentUser, roles: readonly Role[], reportId: number, opts: { forUpdate?: boolean } = {}) {
  const report = await findReport(db, reportId, opts.forUpdate)
  if (!report) throw notFound()
  return { report, ...(await reportScope(db, user, roles, report.periodId, report.unitId)) } as { report: ReportRow } & Awaited<ReturnType<typeof reportScope>>
}

import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { createPeriodInput, reportVersionInput, returnReportInput, saveDraftInput } from '../../../contract/reports.ts'
import type { AppDeps } from '../../app.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { notFound } from '../../http/errors.ts'
import { actorOf, requireUser } from '../../http/guard.ts'
import { idempotent } from '../../http/idempotency.ts'
import { canReach, scopePaths } from '../../http/scope.ts'
import { idParam, parse } from '../../http/validate.ts'
import { today as todayOf } from '../../lib/dates.ts'
import { checkReport } from './checks.ts'
import { unitFigures } from './figures.ts'
import { findPeriod, listPeriods, periodUnits, reportStatus, type PeriodRow } from './periods.queries.ts'
import { closePeriod, openPeriod } from './periods.service.ts'
import { PERIOD_MANAGE_ROLES, REPORT_EDIT_ROLES, REPORT_READ_ROLES, REPORT_REVIEW_ROLES, REPORT_SUBMIT_ROLES } from './reports.policy.ts'
import { blankSections, compareContent, findReport, findReportFor, listVersions } from './reports.queries.ts'
import { reportScope, reviewReport, saveDraft, submitReport } from './reports.service.ts'

const unitParams = idParam.extend({ unitId: z.coerce.number().int().positive().max(2_147_483_647) })
const versionParams = idParam.extend({ number: z.coerce.number().int().positive().max(10_000) })

/** A period the user may see: they run it, or a unit that owes a report in it is in their scope. */
export async function visiblePeriod(db: Queryable, user: CurrentUser, id: number): Promise<PeriodRow> {
  const p = await findPeriod(db, id)
  if (!p) throw notFound()
  if (canReach(user, PERIOD_MANAGE_ROLES, p.ownerPath)) return p
  const units = await periodUnits(db, p, scopePaths(user, REPORT_READ_ROLES), p.deadline)
  if (!units.length) throw notFound()
  return p
}

const periodDto = (p: PeriodRow) => {
  const { ownerPath: _o, ...rest } = p
  return rest
}

/** A unit's report as its editors and reviewers see it: the draft, live figures and checks, versions. */
async function reportDetail(db: Queryable, period: PeriodRow, unitId: number, unitName: string, asOf: string) {
  const report = await findReportFor(db, period.id, unitId)
  const draft = report?.draft ?? { sections: await blankSections(db, period.directiveIds), proposals: '', claimedFigures: [] }
  const versions = report ? await listVersions(db, report.id) : []
  const isEditable = !report || report.status === 'draft' || report.status === 'returned'
  const figures = isEditable || !versions.length ? await unitFigures(db, unitId, period.directiveIds, asOf) : (versions.at(-1)!.figures as any)
  return {
    id: report?.id ?? null, periodId: period.id, unitId, unitName, deadline: period.deadline,
    status: reportStatus(report?.status ?? null, report?.submittedVersions ?? 0, period.deadline, asOf),
    version: report?.version ?? 1, draft, draftUpdatedBy: report?.draftUpdatedBy ?? null, draftUpdatedAt: report?.draftUpdatedAt ?? null,
    figures, checks: checkReport(draft.sections, figures, draft.claimedFigures),
    versions: versions.map(({ content: _c, figures: _f, ...v }) => v),
  }
}

export function reportRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const readers = requireUser(db, clock, REPORT_READ_ROLES)
  const managers = requireUser(db, clock, PERIOD_MANAGE_ROLES)
  const today = () => todayOf(clock)

  app.get('/api/v1/report-periods', { preHandler: readers }, async (req) => {
    const items = await listPeriods(db, scopePaths(req.user!, PERIOD_MANAGE_ROLES), scopePaths(req.user!, REPORT_READ_ROLES))
    return { items: items.map(periodDto) }
  })

  app.post('/api/v1/report-periods', { preHandler: managers }, async (req, reply) => {
    const input = parse(createPeriodInput, req.body)
    return idempotent(db, req, reply, async () => {
      const id = await openPeriod(db, req.user!, actorOf(req, clock()), input)
      return { status: 201, body: periodDto((await findPeriod(db, id))!) }
    })
  })

  app.get('/api/v1/report-periods/:id', { preHandler: readers }, async (req) => {
    const { id } = parse(idParam, req.params)
    const p = await visiblePeriod(db, req.user!, id)
    const scopes = canReach(req.user!, PERIOD_MANAGE_ROLES, p.ownerPath) ? null : scopePaths(req.user!, REPORT_READ_ROLES)
    return { ...periodDto(p), units: (await periodUnits(db, p, scopes, today())).map(({ path: _p, ...u }) => u) }
  })

  app.post('/api/v1/report-periods/:id/close', { preHandler: managers }, async (req) => {
    const { id } = parse(idParam, req.params)
    await closePeriod(db, req.user!, actorOf(req, clock()), id, parse(reportVersionInput, req.body).version)
    return periodDto((await findPeriod(db, id))!)
  })

  app.get('/api/v1/report-periods/:id/units/:unitId/report', { preHandler: readers }, async (req) => {
    const { id, unitId } = parse(unitParams, req.params)
    const { period, unitName } = await reportScope(db, req.user!, REPORT_READ_ROLES, id, unitId)
    return reportDetail(db, period, unitId, unitName, today())
  })

  app.put('/api/v1/report-periods/:id/units/:unitId/report/draft', { preHandler: requireUser(db, clock, REPORT_EDIT_ROLES) }, async (req) => {
    const { id, unitId } = parse(unitParams, req.params)
    const input = parse(saveDraftInput, req.body)
    await saveDraft(db, req.user!, actorOf(req, clock()), id, unitId, input)
    const { period, unitName } = await reportScope(db, req.user!, REPORT_EDIT_ROLES, id, unitId)
    return reportDetail(db, period, unitId, unitName, today())
  })

  const afterChange = async (req: any, reportId: number) => {
    const r = (await findReport(db, reportId))!
    const { period, unitName } = await reportScope(db, req.user, REPORT_READ_ROLES, r.periodId, r.unitId)
    return reportDetail(db, period, r.unitId, unitName, today())
  }

  app.post('/api/v1/reports/:id/submit', { preHandler: requireUser(db, clock, REPORT_SUBMIT_ROLES) }, async (req) => {
    const { id } = parse(idParam, req.params)
    const result = await submitReport(db, req.user!, actorOf(req, clock()), id, parse(reportVersionInput, req.body).version)
    return { ...(await afterChange(req, id)), submitted: result }
  })

  app.post('/api/v1/reports/:id/return', { preHandler: requireUser(db, clock, REPORT_REVIEW_ROLES) }, async (req) => {
    const { id } = parse(idParam, req.params)
    await reviewReport(db, req.user!, actorOf(req, clock()), id, parse(returnReportInput, req.body), 'returned')
    return afterChange(req, id)
  })

  app.post('/api/v1/reports/:id/accept', { preHandler: requireUser(db, clock, REPORT_REVIEW_ROLES) }, async (req) => {
    const { id } = parse(idParam, req.params)
    await reviewReport(db, req.user!, actorOf(req, clock()), id, parse(reportVersionInput, req.body), 'accepted')
    return afterChange(req, id)
  })

  /** A submitted version as frozen, and what changed since the one before it. */
  app.get('/api/v1/reports/:id/versions/:number', { preHandler: readers }, async (req) => {
    const { id, number } = parse(versionParams, req.params)
    const r = await findReport(db, id)
    if (!r) throw notFound()
    await reportScope(db, req.user!, REPORT_READ_ROLES, r.periodId, r.unitId)
    const [v] = await listVersions(db, id, number)
    if (!v) throw notFound()
    const [prev] = number > 1 ? await listVersions(db, id, number - 1) : []
    return { ...v, changes: prev ? compareContent(prev.content, v.content) : null }
  })
}

import type { ReportDetail, SubmitAnswer } from '../../../contract/reports.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { recordAudit, type Actor } from '../audit/audit.service.ts'
import { vnDay } from '../../lib/dates.ts'
import { checkReport } from './checks.ts'
import { unitFigures } from './figures.ts'
import { reportStatus, type PeriodRow } from './periods.queries.ts'
import { managedPeriod, reportInScope, reportScope } from './reports.access.ts'
import { REPORT_EDIT_ROLES, REPORT_READ_ROLES, REPORT_REVIEW_ROLES, REPORT_SUBMIT_ROLES } from './reports.policy.ts'
import { blankSections, findReportFor, listVersions, type DraftContent, type ReportRow } from './reports.queries.ts'

/** A unit's report as its editors and reviewers see it: the draft, live figures and checks, versions. */
export async function reportDetail(db: Queryable, period: PeriodRow, unitId: number, unitName: string, asOf: string): Promise<ReportDetail> {
  const report = await findReportFor(db, period.id, unitId)
  const draft = report?.draft ?? { sections: await blankSections(db, period.directiveIds), proposals: '', claimedFigures: [] }
  const versions = report ? await listVersions(db, report.id) : []
  const isEditable = !report || report.status === 'draft' || report.status === 'returned'
  const figures = isEditable || !versions.length ? await unitFigures(db, unitId, period.directiveIds, asOf) : versions.at(-1)!.figures
  return {
    id: report?.id ?? null, periodId: period.id, unitId, unitName, deadline: period.deadline,
    status: reportStatus(report?.status ?? null, report?.submittedVersions ?? 0, period.deadline, asOf),
    version: report?.version ?? 1, draft, draftUpdatedBy: report?.draftUpdatedBy ?? null, draftUpdatedAt: report?.draftUpdatedAt ?? null,
    figures, checks: checkReport(draft.sections, figures, draft.claimedFigures),
    versions: versions.map(({ content: _c, figures: _f, ...v }) => v),
  }
}

/** The report as it now stands, read in the writing transaction: what a change answers. */
async function savedReport(tx: Queryable, user: CurrentUser, report: Pick<ReportRow, 'periodId' | 'unitId'>, now: Date) {
  const { period, unitName } = await reportScope(tx, user, REPORT_READ_ROLES, report.periodId, report.unitId)
  return reportDetail(tx, period, report.unitId, unitName, vnDay(now))
}

async function ensureReport(tx: Queryable, period: PeriodRow, unitId: number): Promise<ReportRow> {
  const found = await findReportFor(tx, period.id, unitId, true)
  if (found) return found
  const draft: DraftContent = { sections: await blankSections(tx, period.directiveIds), proposals: '', claimedFigures: [] }
  await tx.query('INSERT INTO unit_report (period_id, unit_id, draft) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [period.id, unitId, JSON.stringify(draft)])
  return (await findReportFor(tx, period.id, unitId, true))!
}

const conflict = (r: ReportRow) =>
  new AppError('CONFLICT', undefined, { current: { version: r.version, draft: r.draft, updatedBy: r.draftUpdatedBy, updatedAt: r.draftUpdatedAt } })

/**
 * Saves the draft (also what autosave calls). A save based on an older version is refused with the
 * other person's text in the answer, never silently overwriting it.
 */
export async function saveDraft(
  db: Db, user: CurrentUser, actor: Actor, periodId: number, unitId: number,
  input: { version: number; sections: { requirementId: number; done: string; results: string; shortcomings: string; causes: string; proposals: string }[]; proposals: string; claimedFigures: DraftContent['claimedFigures'] },
): Promise<ReportDetail> {
  return db.transaction(async (tx) => {
    const { period } = await reportScope(tx, user, REPORT_EDIT_ROLES, periodId, unitId)
    if (period.status !== 'open') throw new AppError('INVALID_STATE')
    const report = await ensureReport(tx, period, unitId)
    if (report.version !== input.version) throw conflict(report)
    if (report.status === 'submitted' || report.status === 'accepted') throw new AppError('INVALID_STATE')
    const sections = report.draft.sections.map((s) => ({ ...s }))
    for (const [i, given] of input.sections.entries()) {
      const s = sections.find((x) => x.requirementId === given.requirementId)
      if (!s) throw invalid({ [`sections.${i}.requirementId`]: 'notInPlan' })
      Object.assign(s, { done: given.done, results: given.results, shortcomings: given.shortcomings, causes: given.causes, proposals: given.proposals })
    }
    for (const [i, c] of input.claimedFigures.entries()) if (!period.directiveIds.includes(c.directiveId)) throw invalid({ [`claimedFigures.${i}.directiveId`]: 'notFound' })
    const next: DraftContent = { sections, proposals: input.proposals, claimedFigures: input.claimedFigures }
    await tx.query('UPDATE unit_report SET draft = $2, draft_updated_by = $3, draft_updated_at = $4, version = version + 1 WHERE id = $1', [report.id, JSON.stringify(next), actor.id, actor.now])
    const changed = sections.filter((s, i) => JSON.stringify(s) !== JSON.stringify(report.draft.sections[i])).map((s) => s.requirementId)
    await recordAudit(tx, actor, {
      action: 'saveDraft', entity: 'unitReport', entityId: report.id, unitId,
      before: { sections: report.draft.sections.filter((s) => changed.includes(s.requirementId)), proposals: report.draft.proposals },
      after: { sections: sections.filter((s) => changed.includes(s.requirementId)), proposals: next.proposals },
    })
    return savedReport(tx, user, report, actor.now)
  })
}

/**
 * The unit head submits: figures and requirement texts are frozen into a new version, with the
 * checks as they stood. Errors block; a retried submit (same version) answers like the first.
 */
export async function submitReport(db: Db, user: CurrentUser, actor: Actor, reportId: number, version: number): Promise<SubmitAnswer> {
  return db.transaction(async (tx) => {
    const { report, period } = await reportInScope(tx, user, REPORT_SUBMIT_ROLES, reportId, { forUpdate: true })
    if (report.status === 'submitted' && report.version === version + 1) {
      return { ...(await savedReport(tx, user, report, actor.now)), submitted: { number: report.submittedVersions, isNew: false, checks: [] } }
    }
    if (report.version !== version) throw conflict(report)
    if (report.status !== 'draft' && report.status !== 'returned') throw new AppError('INVALID_STATE')
    if (period.status !== 'open') throw new AppError('INVALID_STATE')
    const figures = await unitFigures(tx, report.unitId, period.directiveIds, vnDay(actor.now))
    const checks = checkReport(report.draft.sections, figures, report.draft.claimedFigures)
    const errors = checks.filter((c) => c.severity === 'error')
    if (errors.length) throw new AppError('VALIDATION', { sections: 'required' }, { checks })
    const number = report.submittedVersions + 1
    await tx.query(
      `INSERT INTO unit_report_version (report_id, number, content, figures, checks, submitted_by, submitted_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [report.id, number, JSON.stringify(report.draft), JSON.stringify(figures), JSON.stringify(checks), actor.id, actor.now],
    )
    await tx.query(
      `UPDATE unit_report SET status = 'submitted', submitted_versions = $2, first_submitted_at = coalesce(first_submitted_at, $3), version = version + 1 WHERE id = $1`,
      [report.id, number, actor.now],
    )
    await recordAudit(tx, actor, { action: 'submit', entity: 'unitReport', entityId: report.id, unitId: report.unitId, before: { status: report.status }, after: { status: 'submitted', number, warnings: checks.length } })
    return { ...(await savedReport(tx, user, report, actor.now)), submitted: { number, isNew: true, checks } }
  })
}

export async function reviewReport(
  db: Db, user: CurrentUser, actor: Actor, reportId: number, input: { version: number; comment?: string; sectionComments?: Record<string, string> }, decision: 'returned' | 'accepted',
): Promise<ReportDetail> {
  return db.transaction(async (tx) => {
    const { report } = await reportInScope(tx, user, REPORT_REVIEW_ROLES, reportId, { forUpdate: true })
    await managedPeriod(tx, user, report.periodId, REPORT_REVIEW_ROLES)
    if (report.version !== input.version) throw conflict(report)
    if (report.status !== 'submitted') throw new AppError('INVALID_STATE')
    const comments = decision === 'returned' ? { general: input.comment, sections: input.sectionComments ?? {} } : {}
    await tx.query('UPDATE unit_report_version SET review_status = $3, review_comments = $4, reviewed_by = $5, reviewed_at = $6 WHERE report_id = $1 AND number = $2', [
      report.id, report.submittedVersions, decision, JSON.stringify(comments), actor.id, actor.now,
    ])
    await tx.query('UPDATE unit_report SET status = $2, version = version + 1 WHERE id = $1', [report.id, decision])
    await recordAudit(tx, actor, { action: decision === 'returned' ? 'return' : 'accept', entity: 'unitReport', entityId: report.id, unitId: report.unitId, before: { status: 'submitted' }, after: { status: decision, ...comments } })
    return savedReport(tx, user, report, actor.now)
  })
}

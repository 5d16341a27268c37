import { SECTION_FIELDS, type DirectiveFigures, type DraftContent, type ReportCheck, type ReportSection, type ReviewComments, type VersionChange } from '../../../contract/reports.ts'
import { arrayLiteral, type Queryable } from '../../db/types.ts'
import { accountName } from '../accounts/account-name.ts'

export type { DraftContent }

export interface ReportRow {
  id: number
  periodId: number
  unitId: number
  unitPath: string
  status: 'draft' | 'submitted' | 'returned' | 'accepted'
  draft: DraftContent
  draftUpdatedBy: string | null
  draftUpdatedAt: string | null
  submittedVersions: number
  version: number
}

interface ReportRecord {
  id: number
  period_id: number
  unit_id: number
  unit_path: string
  status: ReportRow['status']
  draft: Partial<DraftContent> | string
  updated_by_name: string | null
  draft_updated_at: Date | null
  submitted_versions: number
  version: number
}

const toReport = (r: ReportRecord): ReportRow => ({
  id: r.id, periodId: r.period_id, unitId: r.unit_id, unitPath: r.unit_path, status: r.status,
  draft: { sections: [], proposals: '', claimedFigures: [], ...(typeof r.draft === 'string' ? JSON.parse(r.draft) : r.draft) },
  draftUpdatedBy: r.updated_by_name, draftUpdatedAt: r.draft_updated_at ? new Date(r.draft_updated_at).toISOString() : null,
  submittedVersions: r.submitted_versions, version: r.version,
})

const SELECT = `SELECT r.*, u.path::text AS unit_path, ${accountName('a')} AS updated_by_name FROM unit_report r JOIN unit u ON u.id = r.unit_id LEFT JOIN account a ON a.id = r.draft_updated_by`

export async function findReport(db: Queryable, id: number, forUpdate = false): Promise<ReportRow | null> {
  const [r] = await db.query<ReportRecord>(`${SELECT} WHERE r.id = $1 ${forUpdate ? 'FOR UPDATE OF r' : ''}`, [id])
  return r ? toReport(r) : null
}

export async function findReportFor(db: Queryable, periodId: number, unitId: number, forUpdate = false): Promise<ReportRow | null> {
  const [r] = await db.query<ReportRecord>(`${SELECT} WHERE r.period_id = $1 AND r.unit_id = $2 ${forUpdate ? 'FOR UPDATE OF r' : ''}`, [periodId, unitId])
  return r ? toReport(r) : null
}

/** Empty sections for every top-level requirement of the covered directives, texts as they are now. */
export async function blankSections(db: Queryable, directiveIds: number[]): Promise<ReportSection[]> {
  if (!directiveIds.length) return []
  const rows = await db.query<{ id: number; directive_id: number; label: string; text: string }>(
    `SELECT r.id, r.directive_id, r.label, r.text FROM requirement r JOIN directive d ON d.id = r.directive_id
     WHERE r.directive_id = ANY($1::int[]) AND r.parent_id IS NULL ORDER BY d.date, d.id, r.ordinal`,
    [arrayLiteral(directiveIds)],
  )
  return rows.map((r) => ({ directiveId: r.directive_id, requirementId: r.id, label: r.label, requirementText: r.text, done: '', results: '', shortcomings: '', causes: '', proposals: '' }))
}

export interface VersionRow {
  number: number
  content: DraftContent
  figures: DirectiveFigures[]
  checks: ReportCheck[]
  submittedBy: string | null
  submittedAt: string
  reviewStatus: 'pending' | 'returned' | 'accepted'
  reviewComments: ReviewComments
  reviewedBy: string | null
  reviewedAt: string | null
}

/** The latest submitted version of each report (its text and frozen figures), one query for any number. */
export async function latestVersions(db: Queryable, reportIds: number[]): Promise<Map<number, { content: DraftContent; figures: DirectiveFigures[]; submittedAt: string }>> {
  if (!reportIds.length) return new Map()
  const rows = await db.query<{ report_id: number; content: DraftContent; figures: DirectiveFigures[]; submitted_at: Date }>(
    `SELECT DISTINCT ON (report_id) report_id, content, figures, submitted_at FROM unit_report_version
     WHERE report_id = ANY($1::int[]) ORDER BY report_id, number DESC`,
    [arrayLiteral(reportIds)],
  )
  return new Map(rows.map((r) => [r.report_id, { content: r.content, figures: r.figures, submittedAt: new Date(r.submitted_at).toISOString() }]))
}

export async function listVersions(db: Queryable, reportId: number, number?: number): Promise<VersionRow[]> {
  const rows = await db.query<{
    number: number; content: DraftContent; figures: DirectiveFigures[]; checks: ReportCheck[] | null; submitted_by_name: string | null; submitted_at: Date
    review_status: VersionRow['reviewStatus']; review_comments: ReviewComments | null; reviewed_by_name: string | null; reviewed_at: Date | null
  }>(
    `SELECT v.*, ${accountName('s')} AS submitted_by_name, ${accountName('rv')} AS reviewed_by_name FROM unit_report_version v
     LEFT JOIN account s ON s.id = v.submitted_by LEFT JOIN account rv ON rv.id = v.reviewed_by
     WHERE v.report_id = $1 ${number ? 'AND v.number = $2' : ''} ORDER BY v.number`,
    number ? [reportId, number] : [reportId],
  )
  return rows.map((v) => ({
    number: v.number, content: v.content, figures: v.figures, checks: v.checks ?? [], submittedBy: v.submitted_by_name, submittedAt: new Date(v.submitted_at).toISOString(),
    reviewStatus: v.review_status, reviewComments: v.review_comments ?? {}, reviewedBy: v.reviewed_by_name, reviewedAt: v.reviewed_at ? new Date(v.reviewed_at).toISOString() : null,
  }))
}

/** What changed between two submitted versions, section by section and field by field. */
export function compareContent(before: DraftContent, after: DraftContent): VersionChange[] {
  const changes: VersionChange[] = []
  for (const s of after.sections) {
    const old = before.sections.find((x: ReportSection) => x.requirementId === s.requirementId)
    for (const f of SECTION_FIELDS) if ((old?.[f] ?? '') !== s[f]) changes.push({ requirementId: s.requirementId, label: s.label, field: f, before: old?.[f] ?? '', after: s[f] })
  }
  if (before.proposals !== after.proposals) changes.push({ requirementId: null, label: '', field: 'proposals', before: before.proposals, after: after.proposals })
  return changes
}

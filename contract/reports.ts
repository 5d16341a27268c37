import { z } from 'zod'
import { listOf, visibleText } from './common.ts'
import type { Role } from './roles.ts'

/** Open and close report periods; generate the consolidated report. */
export const PERIOD_MANAGE_ROLES: readonly Role[] = ['board', 'committee']
export const REPORT_EDIT_ROLES: readonly Role[] = ['unitOfficer', 'unitHead']
export const REPORT_SUBMIT_ROLES: readonly Role[] = ['unitHead']
export const REPORT_REVIEW_ROLES: readonly Role[] = ['board', 'committee']
export const REPORT_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor']

export const PERIOD_KINDS = ['quarter', 'halfYear', 'year', 'adhoc'] as const
export const PERIOD_KIND_LABELS = {
  quarter: { vi: 'Quý', en: 'Quarter' },
  halfYear: { vi: '6 tháng', en: 'Half-year' },
  year: { vi: 'Năm', en: 'Year' },
  adhoc: { vi: 'Đột xuất', en: 'Ad hoc' },
} as const

export const REPORT_STATUSES = ['notDue', 'draft', 'submitted', 'returned', 'accepted', 'late'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]
export const REPORT_STATUS_LABELS: Record<ReportStatus, { vi: string; en: string }> = {
  notDue: { vi: 'Chưa đến hạn', en: 'Not due' },
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  accepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
  late: { vi: 'Quá hạn, chưa gửi', en: 'Late' },
}

const isoDate = z.iso.date()
const days = z.array(z.number().int().min(0).max(60)).max(10)

export const createPeriodInput = z.strictObject({
  title: visibleText(3, 500),
  kind: z.enum(PERIOD_KINDS),
  scopeUnitId: z.number().int().positive(),
  periodFrom: isoDate.nullable().optional(),
  periodTo: isoDate.nullable().optional(),
  deadline: isoDate,
  directiveIds: z.array(z.number().int().positive()).max(50).default([]),
  remindBefore: days.default([7, 1]),
  remindAfter: days.default([1, 3, 7]),
})

export const sectionText = z.string().max(20_000).default('')

export const reportSectionInput = z.strictObject({
  requirementId: z.number().int().positive(),
  done: sectionText,
  results: sectionText,
  shortcomings: sectionText,
  causes: sectionText,
  proposals: sectionText,
})

/** What a unit says it did when its own count differs from BVCT's (e.g. sessions not recorded). */
export const claimedFiguresInput = z.strictObject({
  directiveId: z.number().int().positive(),
  sessions: z.number().int().min(0).max(10_000).nullable().optional(),
  coveragePercent: z.number().min(0).max(1000).nullable().optional(),
  actionsDone: z.number().int().min(0).max(100_000).nullable().optional(),
})

export const saveDraftInput = z.strictObject({
  version: z.number().int().positive(),
  sections: z.array(reportSectionInput).max(500),
  claimedFigures: z.array(claimedFiguresInput).max(50).default([]),
  proposals: z.string().max(20_000).default(''),
})

export const reportVersionInput = z.strictObject({ version: z.number().int().positive() })
export const returnReportInput = z.strictObject({
  version: z.number().int().positive(),
  comment: z.string().trim().min(3).max(5000),
  /** Per section, keyed by requirementId. */
  sectionComments: z.record(z.string().regex(/^\d+$/), z.string().trim().max(5000)).default({}),
})

export const directiveFiguresDto = z.object({
  directiveId: z.number().int(),
  number: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  sessions: z.number().int(),
  activePeople: z.number().int(),
  reached: z.number().int(),
  coverage: z.number().nullable(),
  actionsTotal: z.number().int(),
  actionsDone: z.number().int(),
  actionsOverdue: z.number().int(),
  actionsDoneWithoutEvidence: z.number().int(),
  /** Inspections of the unit concerning the directive, concluded by the day (absent in versions submitted before BVCT counted them). */
  inspectionsHeld: z.number().int().optional(),
  /** The unit's corrective actions from those inspections or on the directive's requirements, verified and closed by the day. */
  correctiveActionsClosed: z.number().int().optional(),
  /** The source of the two figures above: the inspections counted, by register and decision number. */
  inspectionSources: z.array(z.object({ id: z.number().int(), number: z.string(), decisionNumber: z.string(), concludedOn: z.string() })).optional(),
})
export type DirectiveFigures = z.infer<typeof directiveFiguresDto>

export const reportSectionDto = z.object({
  directiveId: z.number().int(),
  requirementId: z.number().int(),
  label: z.string(),
  /** The requirement's text when the report was drafted: a later edit of the directive never rewrites it. */
  requirementText: z.string(),
  done: z.string(),
  results: z.string(),
  shortcomings: z.string(),
  causes: z.string(),
  proposals: z.string(),
})
export type ReportSection = z.infer<typeof reportSectionDto>

export const REPORT_CHECK_CODES = ['NO_NARRATIVE', 'DONE_WITHOUT_EVIDENCE', 'COVERAGE_OVER_100', 'NOT_ACKNOWLEDGED', 'FIGURES_DIFFER'] as const
export const reportCheckDto = z.object({
  code: z.enum(REPORT_CHECK_CODES),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  messageEn: z.string(),
  directiveId: z.number().int().optional(),
  requirementId: z.number().int().optional(),
})
export type ReportCheck = z.infer<typeof reportCheckDto>

export const reportPeriodDto = z.object({
  id: z.number().int(),
  /** The board's or committee's unit that runs the period: reviewers hold a role over it. */
  ownerUnitId: z.number().int(),
  scopeUnitId: z.number().int(),
  title: z.string(),
  kind: z.enum(PERIOD_KINDS),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  deadline: z.string(),
  status: z.enum(['open', 'closed']),
  remindBefore: z.array(z.number().int()),
  remindAfter: z.array(z.number().int()),
  directiveIds: z.array(z.number().int()),
  version: z.number().int(),
})
export type ReportPeriod = z.infer<typeof reportPeriodDto>
export const periodListDto = listOf(reportPeriodDto)

export const periodUnitDto = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  unitCode: z.string(),
  reportId: z.number().int().nullable(),
  status: z.enum(REPORT_STATUSES),
  firstSubmittedAt: z.string().nullable(),
  submittedVersions: z.number().int(),
})
export type PeriodUnit = z.infer<typeof periodUnitDto>

/** A period with the units that owe a report, limited to the caller's scope unless they run the period. */
export const periodDetailDto = reportPeriodDto.extend({ units: z.array(periodUnitDto) })
export type PeriodDetail = z.infer<typeof periodDetailDto>

export const draftContentDto = z.object({
  sections: z.array(reportSectionDto),
  proposals: z.string(),
  claimedFigures: z.array(z.object({
    directiveId: z.number().int(),
    sessions: z.number().int().nullable().optional(),
    coveragePercent: z.number().nullable().optional(),
    actionsDone: z.number().int().nullable().optional(),
  })),
})
export type DraftContent = z.infer<typeof draftContentDto>

export const reviewCommentsDto = z.object({
  general: z.string().optional(),
  /** Keyed by requirementId. */
  sections: z.record(z.string(), z.string()).optional(),
})
export type ReviewComments = z.infer<typeof reviewCommentsDto>

export const REVIEW_STATUSES = ['pending', 'returned', 'accepted'] as const
export const reportVersionSummaryDto = z.object({
  number: z.number().int(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string(),
  reviewStatus: z.enum(REVIEW_STATUSES),
  reviewComments: reviewCommentsDto,
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** The checks as they stood when this version was submitted (warnings travel with it). */
  checks: z.array(reportCheckDto),
})
export type ReportVersionSummary = z.infer<typeof reportVersionSummaryDto>

export const reportDetailDto = z.object({
  /** null until the first save creates the report. */
  id: z.number().int().nullable(),
  periodId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  deadline: z.string(),
  status: z.enum(REPORT_STATUSES),
  version: z.number().int(),
  draft: draftContentDto,
  draftUpdatedBy: z.string().nullable(),
  draftUpdatedAt: z.string().nullable(),
  /** Live while the draft is editable; the last submitted version's frozen figures otherwise. */
  figures: z.array(directiveFiguresDto),
  checks: z.array(reportCheckDto),
  versions: z.array(reportVersionSummaryDto),
})
export type ReportDetail = z.infer<typeof reportDetailDto>

export const submitAnswerDto = reportDetailDto.extend({
  submitted: z.object({ number: z.number().int(), isNew: z.boolean(), checks: z.array(reportCheckDto) }),
})
export type SubmitAnswer = z.infer<typeof submitAnswerDto>

export const SECTION_FIELDS = ['done', 'results', 'shortcomings', 'causes', 'proposals'] as const
export type SectionField = (typeof SECTION_FIELDS)[number]

export const versionChangeDto = z.object({
  requirementId: z.number().int().nullable(),
  label: z.string(),
  field: z.enum([...SECTION_FIELDS]),
  before: z.string(),
  after: z.string(),
})
export type VersionChange = z.infer<typeof versionChangeDto>

export const reportVersionDetailDto = reportVersionSummaryDto.extend({
  content: draftContentDto,
  figures: z.array(directiveFiguresDto),
  /** Against the version before it; null for the first. */
  changes: z.array(versionChangeDto).nullable(),
})
export type ReportVersionDetail = z.infer<typeof reportVersionDetailDto>

export const versionParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  number: z.coerce.number().int().positive().max(10_000),
})

/** Where the consolidated documents are cut: a subtree (`under`) and a day (default today). */
export const consolidatedQuery = z.strictObject({
  under: z.coerce.number().int().positive().optional(),
  asOf: z.iso.date().optional(),
  /** live: every figure as BVCT records it on asOf (the dashboard's figures that day); submitted: frozen when each unit sent its report. */
  basis: z.enum(['live', 'submitted']).default('live'),
})

import { z } from 'zod'

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
  title: z.string().trim().min(3).max(500),
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

export interface DirectiveFigures {
  directiveId: number
  number: string | null
  acknowledgedAt: string | null
  sessions: number
  activePeople: number
  reached: number
  coverage: number | null
  actionsTotal: number
  actionsDone: number
  actionsOverdue: number
  actionsDoneWithoutEvidence: number
}

export interface ReportSection {
  directiveId: number
  requirementId: number
  label: string
  /** The requirement's text when the report was drafted: a later edit of the directive never rewrites it. */
  requirementText: string
  done: string
  results: string
  shortcomings: string
  causes: string
  proposals: string
}

export interface ReportCheck {
  code: 'NO_NARRATIVE' | 'DONE_WITHOUT_EVIDENCE' | 'COVERAGE_OVER_100' | 'NOT_ACKNOWLEDGED' | 'FIGURES_DIFFER'
  severity: 'error' | 'warning'
  message: string
  messageEn: string
  directiveId?: number
  requirementId?: number
}

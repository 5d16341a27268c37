// Inspection and supervision (Regulation 296-QĐ/TW; the model procedure 331-QĐ/TW): the board's
// annual plan, inspections with their decision, team, subject units, period reviewed and time limit,
// the team's work with the units (document requests, self-inspection reports, working sessions),
// findings per unit and requirement, and the conclusion notice. Corrective actions are in
// corrective-actions.ts, self-inspection checklists in checklists.ts.
import { z } from 'zod'
import { flag, id, isoDay, queryId, versionInput, visibleText } from './common.ts'
import type { Role } from './roles.ts'
import { TIMELINESS } from './timeliness.ts'

// ---- who may do what (each record then checks its own reach: scope, team, subject unit)

/** Everyone who reads inspections: oversight roles by scope, units their own, inspectors the teams they are on. */
export const INSPECTION_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor']
/** Roles that see whole inspections run by a unit in their scope (not only their own unit's records). */
export const INSPECTION_OVERSIGHT_ROLES: readonly Role[] = ['committee', 'board', 'auditor']
/** Draft the annual plan, open inspections, form teams, move phases, extend time limits. */
export const INSPECTION_MANAGE_ROLES: readonly Role[] = ['board']
/** The committee approves the annual plan (or returns it). */
export const INSPECTION_PLAN_APPROVE_ROLES: readonly Role[] = ['committee']
/** The team's work: document requests, working sessions, findings, the draft conclusion (the board, or an inspector on the team). */
export const INSPECTION_TEAM_ROLES: readonly Role[] = ['board', 'inspector']
/** A subject unit's officers answer requests and submit the self-inspection report. */
export const INSPECTION_UNIT_ROLES: readonly Role[] = ['unitHead', 'unitOfficer']
/** The competent level issues the conclusion notice (the committee, or the board recording it). */
export const CONCLUSION_ISSUE_ROLES: readonly Role[] = ['committee', 'board']

// ---- vocabularies

export const INSPECTION_KINDS = ['inspection', 'supervision'] as const
export const INSPECTION_MODES = ['regular', 'thematic'] as const
export const INSPECTION_METHODS = ['direct', 'documents'] as const
/** Whose time limit applies: 331-QĐ/TW gives 60 / 45 / 20 days by level. */
export const INSPECTION_LEVELS = ['central', 'provincial', 'aboveGrassroots'] as const
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number]
export const INSPECTION_PHASES = ['preparation', 'conduct', 'closing', 'concluded'] as const
export type InspectionPhase = (typeof INSPECTION_PHASES)[number]
export const INSPECTION_PLAN_STATUSES = ['draft', 'submitted', 'approved'] as const
/** Plan versus actual: an item is planned, started (its inspection runs), concluded or dropped. */
export const PLAN_ITEM_STATES = ['planned', 'started', 'concluded', 'dropped'] as const
export const FINDING_KINDS = ['strength', 'shortcoming', 'violation'] as const
export type FindingKind = (typeof FINDING_KINDS)[number]
export const REQUEST_ITEM_STATUSES = ['pending', 'answered', 'received', 'askedAgain'] as const
export const TEAM_ROLES = ['lead', 'member'] as const

/** The rules 331-QĐ/TW sets, configurable (server/config.ts); these are its values. */
export interface InspectionRules {
  /** Days an inspection may last, by level. */
  durationDays: Record<InspectionLevel, number>
  /** How many extensions an inspection may have. */
  maxExtensions: number
  /** All extensions together add at most this share of the duration (1/3). */
  extensionMaxFraction: number
  /** The period reviewed reaches back at most this many years. */
  maxPeriodYears: number
  /** A team has at least this many members… */
  minTeam: number
  /** …except regular supervision, which one member may carry out. */
  minTeamRegularSupervision: number
}
export const DEFAULT_INSPECTION_RULES: InspectionRules = {
  durationDays: { central: 60, provincial: 45, aboveGrassroots: 20 },
  maxExtensions: 1,
  extensionMaxFraction: 1 / 3,
  maxPeriodYears: 5,
  minTeam: 3,
  minTeamRegularSupervision: 1,
}

/** The issuer symbol of numbers the system gives ("-TB/BCSĐ"): the Party Affairs Committee. */
export const DEFAULT_ISSUER_SYMBOL = 'BCSĐ'

export const INSPECTION_LABELS = {
  kind: { inspection: { vi: 'Kiểm tra', en: 'Inspection' }, supervision: { vi: 'Giám sát', en: 'Supervision' } },
  mode: { regular: { vi: 'Thường xuyên', en: 'Regular' }, thematic: { vi: 'Chuyên đề', en: 'Thematic' } },
  method: { direct: { vi: 'Trực tiếp', en: 'Direct' }, documents: { vi: 'Qua hồ sơ, tài liệu', en: 'By documents' } },
  level: { central: { vi: 'Cấp Trung ương', en: 'Central level' }, provincial: { vi: 'Cấp tỉnh', en: 'Provincial level' }, aboveGrassroots: { vi: 'Cấp trên trực tiếp cơ sở', en: 'Directly above grassroots' } },
  phase: {
    preparation: { vi: 'Chuẩn bị', en: 'Preparation' }, conduct: { vi: 'Tiến hành', en: 'Conduct' },
    closing: { vi: 'Kết thúc', en: 'Closing' }, concluded: { vi: 'Đã kết luận', en: 'Concluded' },
  },
  planStatus: { draft: { vi: 'Đang soạn', en: 'Draft' }, submitted: { vi: 'Đã trình', en: 'Submitted' }, approved: { vi: 'Đã phê duyệt', en: 'Approved' } },
  itemState: {
    planned: { vi: 'Chưa triển khai', en: 'Planned' }, started: { vi: 'Đang tiến hành', en: 'Started' },
    concluded: { vi: 'Đã kết luận', en: 'Concluded' }, dropped: { vi: 'Không thực hiện', en: 'Dropped' },
  },
  findingKind: { strength: { vi: 'Ưu điểm', en: 'Strength' }, shortcoming: { vi: 'Hạn chế, khuyết điểm', en: 'Shortcoming' }, violation: { vi: 'Vi phạm', en: 'Violation' } },
  requestItem: {
    pending: { vi: 'Chưa cung cấp', en: 'Pending' }, answered: { vi: 'Đơn vị đã cung cấp', en: 'Answered' },
    received: { vi: 'Đã nhận', en: 'Received' }, askedAgain: { vi: 'Yêu cầu bổ sung', en: 'Asked again' },
  },
} as const

// ---- inputs

const text = (max: number) => z.string().trim().max(max)
/** A Party document's number and symbol as registered: "12-QĐ/BCSĐ", "5-TB/BCSĐ". */
export const documentNumber = z.string().trim().regex(/^\d+-[\p{L}]+\/[\p{L}\d-]+$/u, 'Số, ký hiệu dạng "12-QĐ/BCSĐ"')
const year = z.number().int().min(2000).max(2100)

export const createInspectionPlanInput = z.strictObject({
  year,
  title: visibleText(3, 500),
  /** The inspecting body's unit; the caller's board unit by default. */
  ownerUnitId: id.optional(),
})

const planItemFields = {
  title: visibleText(3, 500),
  content: text(20_000),
  directiveIds: z.array(id).max(50),
  requirementIds: z.array(id).max(300),
  kind: z.enum(INSPECTION_KINDS),
  mode: z.enum(INSPECTION_MODES),
  method: z.enum(INSPECTION_METHODS),
  plannedQuarter: z.number().int().min(1).max(4).nullable(),
  plannedMonth: z.number().int().min(1).max(12).nullable(),
  /** Who leads it: an account holding the inspector role. */
  leadAccountId: id.nullable(),
  unitIds: z.array(id).min(1).max(500),
}
export const planItemInput = z.strictObject({
  ...planItemFields,
  content: planItemFields.content.default(''),
  directiveIds: planItemFields.directiveIds.default([]),
  requirementIds: planItemFields.requirementIds.default([]),
  plannedQuarter: planItemFields.plannedQuarter.optional(),
  plannedMonth: planItemFields.plannedMonth.optional(),
  leadAccountId: planItemFields.leadAccountId.optional(),
})
export type PlanItemInput = z.output<typeof planItemInput>
export const updatePlanItemInput = z.strictObject({
  version: z.number().int().positive(),
  ...Object.fromEntries(Object.entries(planItemFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof planItemFields]: z.ZodOptional<(typeof planItemFields)[K]> },
})
export type UpdatePlanItemInput = z.output<typeof updatePlanItemInput>
export const dropPlanItemInput = z.strictObject({ version: z.number().int().positive(), reason: text(2000).min(3) })
export const returnInspectionPlanInput = z.strictObject({ version: z.number().int().positive(), comment: text(5000).min(3) })
export const inspectionPlanListQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() })

export const teamMemberInput = z.strictObject({ accountId: id, role: z.enum(TEAM_ROLES) })

/**
 * An inspection from a plan item (what is not given is taken from the item) or ad hoc. The
 * deadline is never given: it follows from the start date and the level's time limit.
 */
export const createInspectionInput = z.strictObject({
  planItemId: id.optional(),
  ownerUnitId: id.optional(),
  title: visibleText(3, 500).optional(),
  content: text(20_000).optional(),
  directiveIds: z.array(id).max(50).optional(),
  requirementIds: z.array(id).max(300).optional(),
  kind: z.enum(INSPECTION_KINDS).optional(),
  mode: z.enum(INSPECTION_MODES).optional(),
  method: z.enum(INSPECTION_METHODS).optional(),
  level: z.enum(INSPECTION_LEVELS).default('central'),
  /** As registered; without it the next "n-QĐ/BCSĐ" is given. */
  decisionNumber: documentNumber.optional(),
  decisionDate: isoDay,
  unitIds: z.array(id).min(1).max(200).optional(),
  team: z.array(teamMemberInput).min(1).max(30),
  periodFrom: isoDay,
  periodTo: isoDay,
  /** The day the decision is announced and the work starts: the time limit counts from it. */
  startDate: isoDay,
})
export type CreateInspectionInput = z.output<typeof createInspectionInput>

export const updateInspectionInput = z.strictObject({
  version: z.number().int().positive(),
  title: visibleText(3, 500).optional(),
  content: text(20_000).optional(),
  directiveIds: z.array(id).max(50).optional(),
  requirementIds: z.array(id).max(300).optional(),
  team: z.array(teamMemberInput).min(1).max(30).optional(),
  periodFrom: isoDay.optional(),
  periodTo: isoDay.optional(),
  /** Only in preparation and before any extension: moves the deadline with it. */
  startDate: isoDay.optional(),
})
export type UpdateInspectionInput = z.output<typeof updateInspectionInput>

/** The next phase and the day it began (concluded comes with the conclusion notice). */
export const advancePhaseInput = z.strictObject({ version: z.number().int().positive(), phase: z.enum(['conduct', 'closing']), on: isoDay })

export const extendInspectionInput = z.strictObject({
  version: z.number().int().positive(),
  newDeadline: isoDay,
  reason: text(2000).min(3),
  decisionNumber: documentNumber,
  decisionDate: isoDay,
})

export const inspectionListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  phase: z.enum(INSPECTION_PHASES).optional(),
  /** Inspections with a subject unit in this unit's subtree. */
  under: queryId.optional(),
  kind: z.enum(INSPECTION_KINDS).optional(),
  mode: z.enum(INSPECTION_MODES).optional(),
  method: z.enum(INSPECTION_METHODS).optional(),
  /** Not concluded and past the deadline in force. */
  overdue: flag.optional(),
  /** The calendar: inspections whose span (start to deadline or conclusion) meets [from, to]. */
  from: isoDay.optional(),
  to: isoDay.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export const documentRequestInput = z.strictObject({
  unitId: id,
  dueDate: isoDay,
  note: text(5000).default(''),
  items: z.array(visibleText(2, 2000)).min(1).max(100),
})
export const answerRequestItemInput = z
  .strictObject({ version: z.number().int().positive(), note: text(5000).default(''), fileIds: z.array(id).max(20).default([]) })
  .refine((v) => v.note.length > 0 || v.fileIds.length > 0, { path: ['fileIds'], params: { key: 'required' } })
export const reviewRequestItemInput = z
  .strictObject({ version: z.number().int().positive(), decision: z.enum(['received', 'askAgain']), comment: text(2000).default('') })
  .refine((v) => v.decision === 'received' || v.comment.length >= 3, { path: ['comment'], params: { key: 'required' } })

export const selfReportInput = z.strictObject({ version: z.number().int().positive(), summary: text(50_000).min(3), fileIds: z.array(id).max(50).default([]) })

export const sessionInput = z.strictObject({
  /** The subject unit the team met; none for the team's own meeting. */
  unitId: id.nullable().optional(),
  heldOn: isoDay,
  place: text(300).default(''),
  participants: z.array(visibleText(2, 300)).max(100).default([]),
  note: text(20_000).default(''),
  minutesFileId: id.nullable().optional(),
})
export const updateSessionInput = z.strictObject({
  version: z.number().int().positive(),
  heldOn: isoDay.optional(),
  place: text(300).optional(),
  participants: z.array(visibleText(2, 300)).max(100).optional(),
  note: text(20_000).optional(),
  minutesFileId: id.nullable().optional(),
})

/**
 * A finding is about the unit's work. One about a person's conduct names no one: it links to the
 * confidential case (caseId) and says only that one exists.
 */
export const findingInput = z.strictObject({
  unitId: id,
  requirementId: id.nullable().optional(),
  kind: z.enum(FINDING_KINDS),
  text: text(20_000).min(3),
  evidenceFileIds: z.array(id).max(50).default([]),
  caseId: id.nullable().optional(),
})
export const updateFindingInput = z.strictObject({
  version: z.number().int().positive(),
  unitId: id.optional(),
  requirementId: id.nullable().optional(),
  kind: z.enum(FINDING_KINDS).optional(),
  text: text(20_000).min(3).optional(),
  evidenceFileIds: z.array(id).max(50).optional(),
  caseId: id.nullable().optional(),
})

const line = (max: number) => text(max)
export const conclusionHeaderInput = z.strictObject({
  parentBody: line(200),
  issuer: line(200).min(2),
  /** The issuer's symbol in the number: "BCSĐ" in "12-TB/BCSĐ". */
  symbol: z.string().trim().regex(/^[\p{L}\d-]{1,30}$/u),
  place: line(100).min(2),
})
export const mustCorrectInput = z.strictObject({
  unitId: id,
  findingId: id.nullable().optional(),
  requirementId: id.nullable().optional(),
  title: visibleText(3, 2000),
  dueDate: isoDay,
})
export const conclusionSignatureInput = z.strictObject({ authority: line(200), title: line(200), name: line(200) })
/** The draft notice: what the team writes; the rest (decision, team, units) comes from the inspection. */
export const conclusionInput = z.strictObject({
  version: z.number().int().positive(),
  header: conclusionHeaderInput,
  overview: text(50_000),
  strengths: z.array(text(10_000).min(1)).max(100),
  shortcomings: z.array(text(10_000).min(1)).max(100),
  causes: text(20_000),
  mustCorrect: z.array(mustCorrectInput).max(500),
  recommendations: text(20_000).default(''),
  distribution: z.array(line(300).min(1)).max(50),
  signature: conclusionSignatureInput,
})
export type ConclusionInput = z.output<typeof conclusionInput>
export const issueConclusionInput = z.strictObject({
  version: z.number().int().positive(),
  issuedOn: isoDay,
  /** As registered by the clerk; without it the next "n-TB/<symbol>" is given. */
  number: documentNumber.optional(),
})

export const unitHistoryQuery = z.strictObject({ subtree: flag.optional() })

// ---- answers

export const inspectionFormDto = z.object({ kind: z.enum(INSPECTION_KINDS), mode: z.enum(INSPECTION_MODES), method: z.enum(INSPECTION_METHODS) })

export const inspectionPlanSummaryDto = z.object({
  id: z.number().int(),
  year: z.number().int(),
  status: z.enum(INSPECTION_PLAN_STATUSES),
  title: z.string(),
  ownerUnitId: z.number().int(),
  items: z.number().int(),
  version: z.number().int(),
})
export const inspectionPlanListDto = z.object({ items: z.array(inspectionPlanSummaryDto) })

export const planItemDto = z.object({
  id: z.number().int(),
  ordinal: z.number().int(),
  title: z.string(),
  content: z.string(),
  directiveIds: z.array(z.number().int()),
  requirementIds: z.array(z.number().int()),
  form: inspectionFormDto,
  plannedQuarter: z.number().int().nullable(),
  plannedMonth: z.number().int().nullable(),
  leadAccountId: z.number().int().nullable(),
  leadName: z.string().nullable(),
  unitIds: z.array(z.number().int()),
  /** Plan versus actual. */
  state: z.enum(PLAN_ITEM_STATES),
  inspectionId: z.number().int().nullable(),
  inspectionNumber: z.string().nullable(),
  droppedOn: z.string().nullable(),
  dropReason: z.string().nullable(),
  version: z.number().int(),
})
export type PlanItemDto = z.infer<typeof planItemDto>

export const inspectionSummaryDto = z.object({
  id: z.number().int(),
  number: z.string(),
  title: z.string(),
  unitIds: z.array(z.number().int()),
  form: inspectionFormDto,
  phase: z.enum(INSPECTION_PHASES),
  /** The deadline in force (originalDeadline: the one first set). */
  deadline: z.string(),
  originalDeadline: z.string(),
  /** Shortcomings and violations not yet remedied, among the records the caller sees. */
  openFindings: z.number().int(),
  year: z.number().int(),
  ownerUnitId: z.number().int(),
  planItemId: z.number().int().nullable(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  startDate: z.string(),
  concludedOn: z.string().nullable(),
  isOverdue: z.boolean(),
})
export type InspectionSummaryDto = z.infer<typeof inspectionSummaryDto>
export const inspectionPageDto = z.object({ items: z.array(inspectionSummaryDto), total: z.number().int() })

export const inspectionPlanDto = inspectionPlanSummaryDto.extend({
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
  planItems: z.array(planItemDto),
  /** Inspections of the same inspecting body and year not in the plan. */
  outsidePlan: z.array(inspectionSummaryDto),
  /** Items per state, and the inspections added outside the plan. */
  counts: z.object({ planned: z.number().int(), started: z.number().int(), concluded: z.number().int(), dropped: z.number().int(), outsidePlan: z.number().int() }),
  access: z.object({ canEdit: z.boolean(), canApprove: z.boolean() }),
})
export type InspectionPlanDto = z.infer<typeof inspectionPlanDto>

/** The plan against what happened, without its items: the view the inspections page shows for each plan of the year. */
export const planFiguresDto = z.object({
  id: z.number().int(),
  /** The items the caller sees. */
  items: z.number().int(),
  counts: inspectionPlanDto.shape.counts,
  returnComment: z.string().nullable(),
  dropped: z.array(z.object({ id: z.number().int(), title: z.string(), dropReason: z.string().nullable() })),
  /** The first inspections outside the plan (counts.outsidePlan has them all). */
  outsidePlan: z.array(z.object({ id: z.number().int(), title: z.string() })),
})
export type PlanFiguresDto = z.infer<typeof planFiguresDto>

export const inspectionFileDto = z.object({
  id: z.number().int(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  unitId: z.number().int().nullable(),
  uploadedAt: z.string(),
})
export type InspectionFileDto = z.infer<typeof inspectionFileDto>

/** Accounts holding the inspector role: whom the board may put on a team or name as an item's lead. */
export const inspectorListDto = z.object({ items: z.array(z.object({ accountId: z.number().int(), username: z.string(), fullName: z.string().nullable() })) })
export type InspectorDto = z.infer<typeof inspectorListDto>['items'][number]

export const teamMemberDto = z.object({ accountId: z.number().int(), username: z.string(), fullName: z.string().nullable(), role: z.enum(TEAM_ROLES) })

export const inspectionExtensionDto = z.object({
  id: z.number().int(),
  previousDeadline: z.string(),
  newDeadline: z.string(),
  reason: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  by: z.string().nullable(),
  at: z.string(),
})

export const requestItemDto = z.object({
  id: z.number().int(),
  ordinal: z.number().int(),
  text: z.string(),
  status: z.enum(REQUEST_ITEM_STATUSES),
  answerNote: z.string(),
  answerFiles: z.array(inspectionFileDto),
  answeredAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
})
export const documentRequestDto = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  note: z.string(),
  sentOn: z.string(),
  dueDate: z.string(),
  /** Answered (or received) on time / late, pending within or past the due date. */
  timeliness: z.enum(TIMELINESS),
  items: z.array(requestItemDto),
})
export type DocumentRequestDto = z.infer<typeof documentRequestDto>

export const selfReportDto = z.object({
  unitId: z.number().int(),
  summary: z.string(),
  files: z.array(inspectionFileDto),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
  version: z.number().int(),
})

export const workingSessionDto = z.object({
  id: z.number().int(),
  unitId: z.number().int().nullable(),
  heldOn: z.string(),
  place: z.string(),
  participants: z.array(z.string()),
  note: z.string(),
  minutes: inspectionFileDto.nullable(),
  version: z.number().int(),
})

export const findingDto = z.object({
  id: z.number().int(),
  inspectionId: z.number().int().nullable(),
  assignmentId: z.number().int().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  requirementId: z.number().int().nullable(),
  requirementLabel: z.string().nullable(),
  kind: z.enum(FINDING_KINDS),
  text: z.string(),
  evidence: z.array(inspectionFileDto),
  /** A confidential case is linked: all a finding says of it. */
  hasConfidentialCase: z.boolean(),
  /** The case itself, only for those on its need-to-know list; null for everyone else. */
  caseId: z.number().int().nullable(),
  /** Shortcomings and violations: open until every corrective action made of them is closed. */
  isOpen: z.boolean(),
  resolvedOn: z.string().nullable(),
  correctiveActionIds: z.array(z.number().int()),
  version: z.number().int(),
})
export type FindingDto = z.infer<typeof findingDto>

export const conclusionDto = z.object({
  status: z.enum(['draft', 'issued']),
  /** false: a draft suggested from the findings, not saved yet. */
  isSaved: z.boolean(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  header: z.object({ parentBody: z.string(), issuer: z.string(), symbol: z.string(), place: z.string() }),
  overview: z.string(),
  strengths: z.array(z.string()),
  shortcomings: z.array(z.string()),
  causes: z.string(),
  mustCorrect: z.array(z.object({ unitId: z.number().int(), findingId: z.number().int().nullable(), requirementId: z.number().int().nullable(), title: z.string(), dueDate: z.string() })),
  recommendations: z.string(),
  distribution: z.array(z.string()),
  signature: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
  /** The corrective actions made of the must-correct items when the notice was issued. */
  correctiveActionIds: z.array(z.number().int()),
  version: z.number().int(),
})
export type ConclusionDto = z.infer<typeof conclusionDto>

export const inspectionDto = inspectionSummaryDto.extend({
  content: z.string(),
  directiveIds: z.array(z.number().int()),
  requirementIds: z.array(z.number().int()),
  level: z.enum(INSPECTION_LEVELS),
  periodFrom: z.string(),
  periodTo: z.string(),
  durationDays: z.number().int(),
  /** Whether the deadline was met (done) or is being kept, today. */
  timeliness: z.enum(TIMELINESS),
  extensions: z.array(inspectionExtensionDto),
  /** What the rules still allow: extensions left and the latest deadline one may set. */
  extensionAllowance: z.object({ remaining: z.number().int(), latestDeadline: z.string() }),
  phases: z.object({ preparation: z.string(), conduct: z.string().nullable(), closing: z.string().nullable(), concluded: z.string().nullable() }),
  units: z.array(z.object({ id: z.number().int(), name: z.string(), code: z.string() })),
  team: z.array(teamMemberDto),
  requests: z.array(documentRequestDto),
  selfReports: z.array(selfReportDto),
  sessions: z.array(workingSessionDto),
  findings: z.array(findingDto),
  /** null until the team starts a draft (or suggests one: see isSaved) or for a unit before it is issued. */
  conclusion: conclusionDto.nullable(),
  correctiveActionIds: z.array(z.number().int()),
  files: z.array(inspectionFileDto),
  access: z.object({
    /** Sees every unit's records (oversight over the inspecting body, or on the team). */
    seesAll: z.boolean(),
    canManage: z.boolean(),
    isOnTeam: z.boolean(),
    /** Subject units the caller answers for. */
    answersFor: z.array(z.number().int()),
  }),
  version: z.number().int(),
})
export type InspectionDto = z.infer<typeof inspectionDto>

export const planVersionInput = versionInput

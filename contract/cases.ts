// Confidential cases: political-standards reviews (Regulation 58-QĐ/TW) and violation cases with due
// process. Need-to-know: a case is visible only to the accounts and groups on its list; everyone
// else gets 404. Content is sealed at rest and every read of it is audited.
import { z } from 'zod'
import { id, isoDay, visibleText } from './common.ts'
import type { Role } from './roles.ts'
import { TIMELINESS } from './timeliness.ts'

/** Who opens cases: the board. */
export const CASE_OPEN_ROLES: readonly Role[] = ['board']
/** Counts by status for the board's scope (never names). */
export const CASE_SUMMARY_ROLES: readonly Role[] = ['board', 'committee']
/** A committee member not on the list may open a case by giving a reason (break-glass). */
export const BREAK_GLASS_ROLES: readonly Role[] = ['committee']
/** The committee approves a standards review's conclusion (from the list). */
export const CASE_APPROVE_ROLES: readonly Role[] = ['committee']
/** See the named groups; administrators ask for membership changes, the board's head decides. */
export const CASE_GROUP_ROLES: readonly Role[] = ['board', 'unitHead', 'admin']

export const CASE_KINDS = ['standards_review', 'violation'] as const
export type CaseKind = (typeof CASE_KINDS)[number]
export const CASE_STATUSES = ['open', 'closed', 'purged'] as const

/** Why a standards review is made (Regulation 58 and its guidance). */
export const REVIEW_PURPOSES = ['appointment', 'planning', 'election', 'partyAdmission', 'overseasTravel', 'keyPosition', 'other'] as const
/** Where a violation case comes from. */
export const VIOLATION_SOURCES = ['finding', 'report', 'notice'] as const
export const SUBJECT_TYPES = ['person', 'organization'] as const

/** Regulation 58's steps, in order; `approved` is the committee's. */
export const REVIEW_STEPS = ['requestReceived', 'screening', 'verificationDecision', 'verification', 'conclusion', 'approved'] as const
/** Due process for a violation, in order; `appeal` happens only when the subject appeals. */
export const VIOLATION_STEPS = ['opened', 'subjectNotified', 'explanationReceived', 'verification', 'decision', 'appeal', 'closed'] as const
export const CASE_STEPS = [...new Set([...REVIEW_STEPS, ...VIOLATION_STEPS])] as [string, ...string[]]

export const REVIEW_OUTCOMES = ['meets', 'doesNotMeet', 'meetsWithConditions'] as const
export const VIOLATION_OUTCOMES = ['discipline', 'noDiscipline', 'overturned'] as const
export const CASE_OUTCOMES = [...REVIEW_OUTCOMES, ...VIOLATION_OUTCOMES] as const

/** Discipline forms by subject (Regulation 69-QĐ/TW, Art. 7); `none` when no discipline is decided. */
export const DISCIPLINE_FORMS = {
  organization: ['reprimand', 'warning', 'dissolution', 'none'],
  person: ['reprimand', 'warning', 'removalFromPost', 'expulsion', 'none'],
} as const
export const ALL_DISCIPLINE_FORMS = ['reprimand', 'warning', 'dissolution', 'removalFromPost', 'expulsion', 'none'] as const

export const CASE_LABELS = {
  kind: { standards_review: { vi: 'Thẩm định tiêu chuẩn chính trị', en: 'Political-standards review' }, violation: { vi: 'Xử lý vi phạm', en: 'Violation case' } },
  status: { open: { vi: 'Đang giải quyết', en: 'Open' }, closed: { vi: 'Đã kết thúc', en: 'Closed' }, purged: { vi: 'Đã hết hạn lưu nội dung', en: 'Content purged' } },
  purpose: {
    appointment: { vi: 'Bổ nhiệm', en: 'Appointment' },
    planning: { vi: 'Quy hoạch', en: 'Planning' },
    election: { vi: 'Giới thiệu ứng cử', en: 'Election' },
    partyAdmission: { vi: 'Kết nạp Đảng', en: 'Party admission' },
    overseasTravel: { vi: 'Đi nước ngoài', en: 'Overseas travel' },
    keyPosition: { vi: 'Bố trí vào vị trí trọng yếu, cơ mật', en: 'Key or confidential position' },
    other: { vi: 'Khác', en: 'Other' },
    finding: { vi: 'Từ kết luận kiểm tra', en: 'From an inspection finding' },
    report: { vi: 'Từ báo cáo', en: 'From a report' },
    notice: { vi: 'Từ tin báo, phản ánh', en: 'From a notice' },
  },
  step: {
    requestReceived: { vi: 'Tiếp nhận yêu cầu', en: 'Request received' },
    screening: { vi: 'Rà soát hồ sơ', en: 'Screening' },
    verificationDecision: { vi: 'Quyết định thẩm tra, xác minh', en: 'Decision to verify' },
    verification: { vi: 'Thẩm định, thẩm tra, xác minh', en: 'Appraisal and verification' },
    conclusion: { vi: 'Kết luận', en: 'Conclusion' },
    approved: { vi: 'Cấp ủy phê duyệt', en: 'Approved' },
    opened: { vi: 'Mở hồ sơ', en: 'Opened' },
    subjectNotified: { vi: 'Thông báo cho đối tượng', en: 'Subject notified' },
    explanationReceived: { vi: 'Nhận giải trình, kiểm điểm', en: 'Explanation received' },
    decision: { vi: 'Quyết định xử lý', en: 'Decision' },
    appeal: { vi: 'Khiếu nại, giải quyết khiếu nại', en: 'Appeal' },
    closed: { vi: 'Kết thúc', en: 'Closed' },
  },
  outcome: {
    meets: { vi: 'Đủ tiêu chuẩn chính trị', en: 'Meets the standards' },
    doesNotMeet: { vi: 'Không đủ tiêu chuẩn chính trị', en: 'Does not meet the standards' },
    meetsWithConditions: { vi: 'Đủ tiêu chuẩn, có điều kiện', en: 'Meets them, with conditions' },
    discipline: { vi: 'Có quyết định kỷ luật', en: 'Disciplined' },
    noDiscipline: { vi: 'Không kỷ luật', en: 'No discipline' },
    overturned: { vi: 'Quyết định bị hủy, đã phục hồi', en: 'Overturned and rehabilitated' },
  },
  form: {
    reprimand: { vi: 'Khiển trách', en: 'Reprimand' },
    warning: { vi: 'Cảnh cáo', en: 'Warning' },
    dissolution: { vi: 'Giải tán', en: 'Dissolution' },
    removalFromPost: { vi: 'Cách chức', en: 'Removal from post' },
    expulsion: { vi: 'Khai trừ', en: 'Expulsion' },
    none: { vi: 'Không kỷ luật', en: 'No discipline' },
  },
} as const

const text = (max: number) => z.string().trim().max(max)

// ---- inputs

export const createCaseInput = z
  .strictObject({
    kind: z.enum(CASE_KINDS),
    /** The subject as written (someone outside BVCT, or a party organization): sealed. */
    subjectName: visibleText(2, 300).optional(),
    /** A person in BVCT: their name is taken from the register and sealed with the case. */
    subjectPersonId: id.optional(),
    subjectType: z.enum(SUBJECT_TYPES).default('person'),
    purpose: z.enum([...REVIEW_PURPOSES, ...VIOLATION_SOURCES]).optional(),
    requestingUnitId: id.optional(),
    deadline: isoDay.optional(),
    /** Sealed notes. */
    note: text(20_000).default(''),
  })
  .refine((v) => !!v.subjectName || !!v.subjectPersonId, { path: ['subjectName'], params: { key: 'required' } })
export type CreateCaseInput = z.input<typeof createCaseInput>

export const updateCaseInput = z.strictObject({
  version: z.number().int().positive(),
  deadline: isoDay.nullable().optional(),
  note: text(20_000).optional(),
  requestingUnitId: id.nullable().optional(),
})

const stepBase = { doneOn: isoDay, note: text(20_000).default('') }
/** One step taken; what some steps carry is checked by their own shape. */
export const caseStepInput = z.discriminatedUnion('step', [
  z.strictObject({ step: z.enum(['screening', 'verification', 'explanationReceived', 'closed']), ...stepBase }),
  z.strictObject({ step: z.literal('verificationDecision'), ...stepBase, teamAccountIds: z.array(id).min(3).max(20) }),
  z.strictObject({ step: z.literal('conclusion'), ...stepBase, outcome: z.enum(REVIEW_OUTCOMES), validUntil: isoDay }),
  z.strictObject({ step: z.literal('subjectNotified'), ...stepBase, dueDate: isoDay }),
  z.strictObject({ step: z.literal('decision'), ...stepBase, form: z.enum(ALL_DISCIPLINE_FORMS), basis: text(5000).min(3), issuingBody: text(300).min(2) }),
  z.strictObject({ step: z.literal('appeal'), ...stepBase, result: z.enum(['upheld', 'overturned']) }),
])
export type CaseStepInput = z.input<typeof caseStepInput>

export const caseRequestInput = z.strictObject({
  agency: text(300).min(2),
  asked: text(5000).min(3),
  sentOn: isoDay,
  dueDate: isoDay,
})
export const caseReplyInput = z.strictObject({ version: z.number().int().positive(), repliedOn: isoDay, reply: text(20_000).min(1) })

export const breakGlassInput = z.strictObject({ reason: text(2000).min(20) })
export const caseAccessInput = z.strictObject({ accountId: id.optional(), groupId: id.optional() }).refine((v) => !!v.accountId !== !!v.groupId, { path: ['accountId'], params: { key: 'required' } })
export const accessEntryParams = z.strictObject({ id: z.coerce.number().int().positive(), entryId: z.coerce.number().int().positive() })

/** A case number a committee member was given (on paper, in a meeting), for break-glass. */
export const caseLookupQuery = z.strictObject({ number: z.string().trim().regex(/^HS-\d{4}-\d{4,}$/) })
/** `onList`: the caller is on the case's list already, so it opens normally, without break-glass. */
export const caseLookupDto = z.object({ id: z.number().int(), number: z.string(), kind: z.enum(CASE_KINDS), onList: z.boolean() })

export const caseListQuery = z.strictObject({
  kind: z.enum(CASE_KINDS).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  /** Standards reviews whose conclusion expires within this many days (default: any). */
  expiringWithin: z.coerce.number().int().min(0).max(3650).optional(),
  /** A page of the list: at most `limit` cases (default 100) after the first `offset`. */
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
})

export const caseGroupInput = z.strictObject({ name: visibleText(3, 200) })
export const groupMemberInput = z.strictObject({ accountId: id })
export const groupMemberParams = z.strictObject({ id: z.coerce.number().int().positive(), accountId: z.coerce.number().int().positive() })
export const submissionInput = z.strictObject({ kind: z.enum(['explanation', 'complaint', 'appeal']), body: text(20_000).min(3) })

// ---- answers

export const caseSummaryDto = z.object({
  id: z.number().int(),
  number: z.string(),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  step: z.string(),
  purpose: z.string(),
  openedOn: z.string(),
  deadline: z.string().nullable(),
  /** The deadline's class today: done on time / late, in progress, overdue; null without a deadline. */
  timeliness: z.enum(TIMELINESS).nullable(),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  validUntil: z.string().nullable(),
})
export type CaseSummaryDto = z.infer<typeof caseSummaryDto>
/** `total`: how many cases the list holds in all, for paging. */
export const caseListDto = z.object({ items: z.array(caseSummaryDto), total: z.number().int() })

export const caseStepDto = z.object({ id: z.number().int(), step: z.string(), doneOn: z.string(), note: z.string(), by: z.string().nullable(), details: z.record(z.string(), z.unknown()) })
export const caseRequestDto = z.object({
  id: z.number().int(),
  agency: z.string(),
  asked: z.string(),
  sentOn: z.string(),
  dueDate: z.string(),
  repliedOn: z.string().nullable(),
  reply: z.string().nullable(),
  timeliness: z.enum(TIMELINESS),
  version: z.number().int(),
})
export type CaseRequestDto = z.infer<typeof caseRequestDto>
export const caseFileDto = z.object({ id: z.number().int(), name: z.string(), mime: z.string(), size: z.number().int(), uploadedAt: z.string() })
export const caseSubmissionDto = z.object({ id: z.number().int(), kind: z.string(), submittedAt: z.string(), body: z.string() })
export const caseNoticeDto = z.object({
  id: z.number().int(),
  kind: z.enum(['notification', 'decision', 'appealDecision']),
  sentAt: z.string(),
  dueDate: z.string().nullable(),
  body: z.string(),
  submissions: z.array(caseSubmissionDto),
})
export type CaseNoticeDto = z.infer<typeof caseNoticeDto>

export const caseDto = caseSummaryDto.extend({
  subjectType: z.enum(SUBJECT_TYPES),
  subject: z.object({ name: z.string(), personId: z.number().int().nullable() }),
  note: z.string(),
  requestingUnitId: z.number().int().nullable(),
  boardUnitId: z.number().int(),
  owner: z.string(),
  closedOn: z.string().nullable(),
  approvedAt: z.string().nullable(),
  steps: z.array(caseStepDto),
  /** What may be recorded next, in order. */
  nextSteps: z.array(z.string()),
  requests: z.array(caseRequestDto),
  files: z.array(caseFileDto),
  notices: z.array(caseNoticeDto),
  /** How the caller came to read it, and what they may do with its list. */
  access: z.object({ viaBreakGlass: z.boolean(), canManageAccess: z.boolean(), isOwner: z.boolean() }),
  version: z.number().int(),
})
export type CaseDto = z.infer<typeof caseDto>

/** Counts for the board's scope: never a name, never a number that could point at one. */
export const caseSummaryCountsDto = z.object({
  items: z.array(z.object({ kind: z.enum(CASE_KINDS), status: z.enum(CASE_STATUSES), total: z.number().int(), overdue: z.number().int() })),
  expiringWithin90: z.number().int(),
})

export const caseAccessDto = z.object({
  entries: z.array(z.object({
    id: z.number().int(),
    accountId: z.number().int().nullable(),
    groupId: z.number().int().nullable(),
    name: z.string(),
    addedBy: z.string().nullable(),
    addedAt: z.string(),
  })),
  /** Who opened what, when and from where: the case's own slice of the audit log. */
  history: z.array(z.object({ at: z.string(), actor: z.string().nullable(), ip: z.string().nullable(), action: z.string(), part: z.string().nullable(), reason: z.string().nullable() })),
})
export type CaseAccessDto = z.infer<typeof caseAccessDto>

export const caseGroupDto = z.object({
  id: z.number().int(),
  name: z.string(),
  members: z.array(z.object({ accountId: z.number().int(), username: z.string() })),
  pendingRequests: z.array(z.object({ id: z.number().int(), accountId: z.number().int(), username: z.string(), change: z.enum(['add', 'remove']), requestedBy: z.string() })),
})
export const caseGroupListDto = z.object({ items: z.array(caseGroupDto) })

/** What the subject of a violation case sees: the notices addressed to them, nothing else. */
export const myCaseNoticeDto = z.object({
  id: z.number().int(),
  caseNumber: z.string(),
  kind: z.enum(['notification', 'decision', 'appealDecision']),
  sentAt: z.string(),
  dueDate: z.string().nullable(),
  body: z.string(),
  submissions: z.array(caseSubmissionDto),
})
export const myCaseNoticeListDto = z.object({ items: z.array(myCaseNoticeDto) })

// Self-inspection checklists (requirement 8 of 1946-CV/BCSĐ: review compliance with laws and the
// unit's own rules). The board defines templates and assigns them to units with a due date; the unit
// answers each item yes / no / not applicable with a note and optional evidence; on submission each
// "no" becomes a finding of that unit with a corrective action, without retyping.
import { z } from 'zod'
import { id, isoDay, queryId, visibleText } from './common.ts'
import { inspectionFileDto } from './inspections.ts'
import type { Role } from './roles.ts'
import { TIMELINESS } from './timeliness.ts'

export const CHECKLIST_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor']
/** Define templates and assign them. */
export const CHECKLIST_MANAGE_ROLES: readonly Role[] = ['board']
/** Answer the unit's checklist. */
export const CHECKLIST_ANSWER_ROLES: readonly Role[] = ['unitHead', 'unitOfficer']
/** Submit it (the unit's head answers for it, as for plans and reports). */
export const CHECKLIST_SUBMIT_ROLES: readonly Role[] = ['unitHead']

export const CHECKLIST_AREAS = ['documents', 'stateSecrets', 'unitRules', 'directive', 'other'] as const
export const CHECKLIST_ANSWERS = ['yes', 'no', 'na'] as const
export const ASSIGNMENT_STATUSES = ['assigned', 'submitted'] as const

export const CHECKLIST_LABELS = {
  area: {
    documents: { vi: 'Quản lý văn bản, tài liệu', en: 'Document handling' },
    stateSecrets: { vi: 'Bảo vệ bí mật nhà nước', en: 'State secrets' },
    unitRules: { vi: 'Quy chế, quy định của đơn vị', en: "The unit's own rules" },
    directive: { vi: 'Yêu cầu của văn bản chỉ đạo', en: "A directive's requirements" },
    other: { vi: 'Nội dung khác', en: 'Other' },
  },
  answer: { yes: { vi: 'Có', en: 'Yes' }, no: { vi: 'Không', en: 'No' }, na: { vi: 'Không áp dụng', en: 'Not applicable' } },
  status: { assigned: { vi: 'Chưa nộp', en: 'Assigned' }, submitted: { vi: 'Đã nộp', en: 'Submitted' } },
} as const

const text = (max: number) => z.string().trim().max(max)

export const checklistTemplateInput = z.strictObject({
  title: visibleText(3, 500),
  description: text(5000).default(''),
  /** The board's unit that keeps it; the caller's by default. */
  ownerUnitId: id.optional(),
  items: z.array(z.strictObject({ area: z.enum(CHECKLIST_AREAS), text: visibleText(3, 2000), requirementId: id.nullable().optional() })).min(1).max(200),
})
export type ChecklistTemplateInput = z.output<typeof checklistTemplateInput>

export const assignChecklistInput = z.strictObject({
  unitIds: z.array(id).min(1).max(5000),
  dueDate: isoDay,
  /** The round's name; the template's title by default. */
  title: visibleText(3, 500).optional(),
  /** A "no" becomes a corrective action due this many days after submission. */
  correctWithinDays: z.number().int().min(1).max(365).default(30),
})

export const checklistAnswersInput = z.strictObject({
  version: z.number().int().positive(),
  answers: z.array(z.strictObject({
    itemId: id,
    answer: z.enum(CHECKLIST_ANSWERS),
    note: text(5000).default(''),
    evidenceFileIds: z.array(id).max(20).default([]),
  })).max(200),
})
export const submitChecklistInput = z.strictObject({ version: z.number().int().positive() })

export const assignmentListQuery = z.strictObject({
  under: queryId.optional(),
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
  templateId: queryId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export const checklistItemDto = z.object({ id: z.number().int(), ordinal: z.number().int(), area: z.enum(CHECKLIST_AREAS), text: z.string(), requirementId: z.number().int().nullable() })

export const checklistTemplateDto = z.object({
  id: z.number().int(),
  ownerUnitId: z.number().int(),
  title: z.string(),
  description: z.string(),
  items: z.array(checklistItemDto),
  assignments: z.number().int(),
  version: z.number().int(),
})
export type ChecklistTemplateDto = z.infer<typeof checklistTemplateDto>
export const checklistTemplateListDto = z.object({
  items: z.array(z.object({ id: z.number().int(), ownerUnitId: z.number().int(), title: z.string(), items: z.number().int(), assignments: z.number().int() })),
})

export const assignmentSummaryDto = z.object({
  id: z.number().int(),
  templateId: z.number().int(),
  title: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  dueDate: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  submittedAt: z.string().nullable(),
  /** Submitted on time or late; not submitted within or past the due date. */
  timeliness: z.enum(TIMELINESS),
  answered: z.number().int(),
  total: z.number().int(),
  noCount: z.number().int(),
  version: z.number().int(),
})
export type AssignmentSummaryDto = z.infer<typeof assignmentSummaryDto>
export const assignmentPageDto = z.object({ items: z.array(assignmentSummaryDto), total: z.number().int() })
export const assignedDto = z.object({ items: z.array(assignmentSummaryDto) })

export const assignmentDto = assignmentSummaryDto.extend({
  correctWithinDays: z.number().int(),
  items: z.array(checklistItemDto.extend({
    answer: z.enum(CHECKLIST_ANSWERS).nullable(),
    note: z.string(),
    evidence: z.array(inspectionFileDto),
    /** What a "no" became on submission. */
    findingId: z.number().int().nullable(),
    correctiveActionId: z.number().int().nullable(),
  })),
  files: z.array(inspectionFileDto),
  access: z.object({ canAnswer: z.boolean(), canSubmit: z.boolean() }),
})
export type AssignmentDto = z.infer<typeof assignmentDto>

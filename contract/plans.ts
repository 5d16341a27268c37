import { z } from 'zod'
import { isoDay, visibleText } from './common.ts'
import type { Role } from './roles.ts'
import { CELL_STATUSES, TIMELINESS } from './timeliness.ts'

/** Draft the plan, record progress and evidence, ask for more time. */
export const PLAN_EDIT_ROLES: readonly Role[] = ['unitOfficer', 'unitHead']
/** Approve and submit the unit's plan. */
export const PLAN_SUBMIT_ROLES: readonly Role[] = ['unitHead']
/** Return or accept a submitted plan; decide on deadline extensions. */
export const PLAN_REVIEW_ROLES: readonly Role[] = ['board', 'committee']
export const PLAN_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor']

export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]
export const ACTION_STATUSES = ['notStarted', 'inProgress', 'done', 'blocked'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]

export const PLAN_STATUS_LABELS: Record<PlanStatus, { vi: string; en: string }> = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã trình', en: 'Submitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  accepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
}

export const ACTION_STATUS_LABELS: Record<ActionStatus, { vi: string; en: string }> = {
  notStarted: { vi: 'Chưa bắt đầu', en: 'Not started' },
  inProgress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  blocked: { vi: 'Vướng mắc', en: 'Blocked' },
}

const isoDate = isoDay

export const createActionInput = z.strictObject({
  requirementId: z.number().int().positive(),
  title: visibleText(3, 2000),
  ownerPersonId: z.number().int().positive().nullable().optional(),
  dueDate: isoDate,
  status: z.enum(ACTION_STATUSES).default('notStarted'),
  completedOn: isoDate.nullable().optional(),
  note: z.string().max(5000).default(''),
})

export const updateActionInput = z.strictObject({
  version: z.number().int().positive(),
  title: visibleText(3, 2000).optional(),
  ownerPersonId: z.number().int().positive().nullable().optional(),
  dueDate: isoDate.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  completedOn: isoDate.nullable().optional(),
  note: z.string().max(5000).optional(),
})

export const planVersionInput = z.strictObject({ version: z.number().int().positive() })
export const returnPlanInput = z.strictObject({ version: z.number().int().positive(), comment: z.string().trim().min(3).max(5000) })

export const extensionRequestInput = z
  .strictObject({
    actionId: z.number().int().positive().optional(),
    requirementId: z.number().int().positive().optional(),
    requestedDueDate: isoDate,
    reason: z.string().trim().min(3).max(2000),
  })
  .refine((v) => !!v.actionId !== !!v.requirementId, { path: ['actionId'], params: { key: 'required' } })

export const extensionDecisionInput = z.strictObject({ note: z.string().trim().max(2000).default('') })

export const asOfQuery = z.strictObject({ asOf: isoDay.optional() })

export const evidenceDto = z.object({
  id: z.number().int(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
})
export type EvidenceDto = z.infer<typeof evidenceDto>

export const EXTENSION_STATUSES = ['pending', 'approved', 'refused'] as const
export const extensionDto = z.object({
  id: z.number().int(),
  actionId: z.number().int().nullable(),
  requirementId: z.number().int().nullable(),
  requestedDueDate: z.string(),
  reason: z.string(),
  status: z.enum(EXTENSION_STATUSES),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
})
export type ExtensionDto = z.infer<typeof extensionDto>

export const actionDto = z.object({
  id: z.number().int(),
  requirementId: z.number().int(),
  title: z.string(),
  ownerPersonId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  /** The deadline first agreed. */
  dueDate: z.string(),
  /** The deadline in force: the original, or the last approved extension. */
  effectiveDueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  completedOn: z.string().nullable(),
  note: z.string(),
  /** Its class on the day asked about (today by default). */
  timeliness: z.enum(TIMELINESS),
  evidence: z.array(evidenceDto),
  /**
   * The due date the unit set is after its requirement's own deadline (the letter's date): a
   * warning to show on the action, never a refusal. Absent or false when the requirement has none.
   */
  afterRequirementDeadline: z.boolean().optional(),
  version: z.number().int(),
})
export type ActionDto = z.infer<typeof actionDto>

/** A saved action, with the plan it belongs to (the first action creates the plan) and that plan's version. */
export const savedActionDto = actionDto.extend({ planId: z.number().int(), planVersion: z.number().int() })
export type SavedActionDto = z.infer<typeof savedActionDto>

export const planDto = z.object({
  /** null until the first action creates the plan. */
  id: z.number().int().nullable(),
  directiveId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  status: z.enum(PLAN_STATUSES),
  planDueDate: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  requirements: z.array(z.object({ id: z.number().int(), label: z.string(), text: z.string(), deadline: z.string().nullable().optional(), status: z.enum(CELL_STATUSES), actions: z.array(actionDto) })),
  extensions: z.array(extensionDto),
  version: z.number().int(),
})
export type PlanDto = z.infer<typeof planDto>

/** A new extension request and the plan it is now part of. */
export const extensionRequestedDto = z.object({ id: z.number().int(), plan: planDto })

/** An action's due date after its requirement's own deadline: warned about on the plan, never refused. */
export function isAfterRequirementDeadline(dueDate: string, requirementDeadline: string | null | undefined): boolean {
  return !!requirementDeadline && dueDate > requirementDeadline
}

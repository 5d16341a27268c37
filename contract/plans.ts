import { z } from 'zod'
import type { Timeliness } from './timeliness.ts'

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

const isoDate = z.iso.date()

export const createActionInput = z.strictObject({
  requirementId: z.number().int().positive(),
  title: z.string().trim().min(3).max(2000),
  ownerPersonId: z.number().int().positive().nullable().optional(),
  dueDate: isoDate,
  status: z.enum(ACTION_STATUSES).default('notStarted'),
  completedOn: isoDate.nullable().optional(),
  note: z.string().max(5000).default(''),
})

export const updateActionInput = z.strictObject({
  version: z.number().int().positive(),
  title: z.string().trim().min(3).max(2000).optional(),
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

export interface EvidenceDto {
  id: number
  filename: string
  mime: string
  size: number
  uploadedAt: string
}

export interface ExtensionDto {
  id: number
  actionId: number | null
  requirementId: number | null
  requestedDueDate: string
  reason: string
  status: 'pending' | 'approved' | 'refused'
  requestedBy: string | null
  requestedAt: string
  decidedBy: string | null
  decidedAt: string | null
  decisionNote: string | null
}

export interface ActionDto {
  id: number
  requirementId: number
  title: string
  ownerPersonId: number | null
  ownerName: string | null
  dueDate: string
  effectiveDueDate: string
  status: ActionStatus
  completedOn: string | null
  note: string
  timeliness: Timeliness
  evidence: EvidenceDto[]
  version: number
}

export interface PlanDto {
  id: number | null
  directiveId: number
  unitId: number
  unitName: string
  status: PlanStatus
  planDueDate: string
  submittedAt: string | null
  reviewedAt: string | null
  reviewComment: string | null
  requirements: { id: number; label: string; text: string; status: import('./timeliness.ts').CellStatus; actions: ActionDto[] }[]
  extensions: ExtensionDto[]
  version: number
}

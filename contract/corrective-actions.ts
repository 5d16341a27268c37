// Corrective actions (chấn chỉnh, khắc phục): each "must correct" item of a conclusion notice, and
// each "no" of a unit's self-inspection checklist, to closure. The unit reports it done with
// evidence; the board verifies and closes it or returns it. Nothing is closed unverified.
import { z } from 'zod'
import { flag, isoDay, queryId } from './common.ts'
import { findingDto, inspectionFileDto, inspectionSummaryDto } from './inspections.ts'
import type { Role } from './roles.ts'
import { TIMELINESS, classifyAction, type Timeliness } from './timeliness.ts'

export const CORRECTIVE_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor']
/** The owner unit reports the work done, attaches evidence, asks for more time. */
export const CORRECTIVE_REPORT_ROLES: readonly Role[] = ['unitHead', 'unitOfficer']
/** The board verifies (closes or returns) and decides on extensions. */
export const CORRECTIVE_VERIFY_ROLES: readonly Role[] = ['board']

export const CORRECTIVE_STATUSES = ['open', 'reported', 'returned', 'closed'] as const
export type CorrectiveStatus = (typeof CORRECTIVE_STATUSES)[number]
export const CORRECTIVE_STATUS_LABELS: Record<CorrectiveStatus, { vi: string; en: string }> = {
  open: { vi: 'Đang khắc phục', en: 'Open' },
  reported: { vi: 'Đơn vị báo đã khắc phục, chờ xác minh', en: 'Reported done, awaiting verification' },
  returned: { vi: 'Chưa đạt, yêu cầu tiếp tục khắc phục', en: 'Returned' },
  closed: { vi: 'Đã xác minh, kết thúc', en: 'Verified and closed' },
}

/**
 * A corrective action's class on `asOf`: the plans' rule (contract/timeliness.ts) with "closed" as
 * done, counted from the day the unit says the work was done. SQL: corrective_timeliness (0010).
 */
export function correctiveTimeliness(a: { status: CorrectiveStatus; completedOn: string | null; effectiveDueDate: string }, asOf: string): Timeliness {
  return classifyAction({ status: a.status === 'closed' ? 'done' : 'inProgress', completedOn: a.completedOn, effectiveDueDate: a.effectiveDueDate }, asOf)
}

const text = (max: number) => z.string().trim().max(max)

export const correctiveListQuery = z.strictObject({
  /** Actions owed by units in this unit's subtree. */
  under: queryId.optional(),
  status: z.enum(CORRECTIVE_STATUSES).optional(),
  timeliness: z.enum(TIMELINESS).optional(),
  inspectionId: queryId.optional(),
  /** Timeliness on this day (today by default). */
  asOf: isoDay.optional(),
  /** Open past the due date in force (the same as timeliness=overdue). */
  overdue: flag.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export const reportDoneInput = z.strictObject({ version: z.number().int().positive(), completedOn: isoDay, note: text(5000).min(3) })
export const verifyCorrectiveInput = z.strictObject({ version: z.number().int().positive(), note: text(5000).default('') })
export const returnCorrectiveInput = z.strictObject({ version: z.number().int().positive(), comment: text(5000).min(3) })
export const correctiveExtensionInput = z.strictObject({ requestedDueDate: isoDay, reason: text(2000).min(3) })
export const correctiveExtensionDecisionInput = z.strictObject({ note: text(2000).default('') })

export const correctiveSummaryDto = z.object({
  id: z.number().int(),
  inspectionId: z.number().int().nullable(),
  /** The checklist round it came from, for a "no" of a self-inspection checklist. */
  assignmentId: z.number().int().nullable(),
  findingId: z.number().int().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  requirementId: z.number().int().nullable(),
  title: z.string(),
  /** The due date first set. */
  dueDate: z.string(),
  /** The due date in force: the first, or the last approved extension's. */
  effectiveDueDate: z.string(),
  status: z.enum(CORRECTIVE_STATUSES),
  timeliness: z.enum(TIMELINESS),
  completedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  inspectionNumber: z.string().nullable(),
  version: z.number().int(),
})
export type CorrectiveSummaryDto = z.infer<typeof correctiveSummaryDto>
export const correctivePageDto = z.object({
  items: z.array(correctiveSummaryDto),
  total: z.number().int(),
  /** Every other filter's actions by timeliness class (the class filter itself left out): the list's counts in one answer. */
  byTimeliness: z.object(Object.fromEntries(TIMELINESS.map((k) => [k, z.number().int()])) as Record<Timeliness, z.ZodNumber>),
})

export const correctiveExtensionDto = z.object({
  id: z.number().int(),
  previousDueDate: z.string(),
  requestedDueDate: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'refused']),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
})

export const correctiveDto = correctiveSummaryDto.extend({
  findingText: z.string().nullable(),
  reportNote: z.string().nullable(),
  reportedAt: z.string().nullable(),
  reportedBy: z.string().nullable(),
  returnComment: z.string().nullable(),
  returnedAt: z.string().nullable(),
  verifyNote: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  evidence: z.array(inspectionFileDto),
  extensions: z.array(correctiveExtensionDto),
  access: z.object({ canReport: z.boolean(), canVerify: z.boolean() }),
})
export type CorrectiveDto = z.infer<typeof correctiveDto>

/** A unit's history: its inspections, the findings about it and the corrective actions it owes. */
export const unitInspectionHistoryDto = z.object({
  unitId: z.number().int(),
  inspections: z.array(inspectionSummaryDto),
  findings: z.array(findingDto),
  correctiveActions: z.array(correctiveSummaryDto),
})

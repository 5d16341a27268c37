// Cybersecurity incidents on a unit's official channels or systems (requirement 4): what happened,
// to whom it was reported and when, the response step by step, and the closure with lessons
// learned. Time to report and time to close are measured against configured targets and shown in
// the four timeliness classes of contract/timeliness.ts. Also the board's view per unit subtree.
import { z } from 'zod'
import { id, isoDay, label, queryId } from './common.ts'
import { CHANNEL_READ_ROLES } from './channels.ts'
import type { Role } from './roles.ts'
import { refusingSecrets, secretFreeText } from './safeguards.ts'
import { TIMELINESS, classifyAction, type Timeliness } from './timeliness.ts'

/** Who sees incidents: the same as the channels register. */
export const INCIDENT_READ_ROLES: readonly Role[] = CHANNEL_READ_ROLES
/** The unit records its incidents, reports them, takes the response steps and closes them. */
export const INCIDENT_EDIT_ROLES: readonly Role[] = ['unitOfficer', 'unitHead']
/** The board's view: channels and incidents per unit subtree; a unit sees its own. */
export const CYBERSECURITY_ROLES: readonly Role[] = CHANNEL_READ_ROLES

export const INCIDENT_KINDS = ['account_takeover', 'impersonation', 'false_information', 'defacement', 'data_leak', 'malware'] as const
export type IncidentKind = (typeof INCIDENT_KINDS)[number]
export const INCIDENT_STATUSES = ['open', 'closed'] as const

/** Recipients BVCT knows by key; BVCT_INCIDENT_RECIPIENTS picks among them or adds `key=Label`. */
export const KNOWN_RECIPIENTS: Record<string, { vi: string; en: string }> = {
  board: { vi: 'Ban Bảo vệ chính trị nội bộ', en: 'The Internal Political Protection Board' },
  ministry_it: { vi: 'Đơn vị chuyên trách công nghệ thông tin của Bộ', en: "The Ministry's IT unit" },
  police: { vi: 'Cơ quan Công an', en: 'The police' },
}

export const INCIDENT_LABELS = {
  kind: {
    account_takeover: { vi: 'Bị chiếm quyền quản trị tài khoản, kênh', en: 'Account takeover' },
    impersonation: { vi: 'Giả mạo đơn vị', en: 'Impersonation of the unit' },
    false_information: { vi: 'Thông tin sai sự thật, xuyên tạc về đơn vị', en: 'False or distorted information about the unit' },
    defacement: { vi: 'Bị thay đổi giao diện, nội dung trái phép', en: 'Defacement' },
    data_leak: { vi: 'Lộ, lọt dữ liệu', en: 'Data leak' },
    malware: { vi: 'Nhiễm mã độc', en: 'Malware' },
  },
  status: { open: { vi: 'Đang xử lý', en: 'Open' }, closed: { vi: 'Đã kết thúc', en: 'Closed' } },
} as const

/** An instant with its zone ("2026-03-20T08:00:00+07:00"). */
const at = z.iso.datetime({ offset: true })

// ---- inputs

export const createIncidentInput = refusingSecrets({
  unitId: id,
  kind: z.enum(INCIDENT_KINDS),
  /** A registered channel of the unit, or (and/or) a named system. */
  channelId: id.nullable().optional(),
  system: secretFreeText(300).default(''),
  /** What happened, in a few lines: about the unit's channel, never about a person's views. */
  summary: secretFreeText(5000, 3),
  detectedAt: at,
}).refine((v) => !!v.channelId || !!v.system, { path: ['channelId'], params: { key: 'required' } })
export type CreateIncidentInput = z.output<typeof createIncidentInput>

/** While open: only the fields sent change. */
export const updateIncidentInput = refusingSecrets({
  version: z.number().int().positive(),
  kind: z.enum(INCIDENT_KINDS).optional(),
  channelId: id.nullable().optional(),
  system: secretFreeText(300).optional(),
  summary: secretFreeText(5000, 3).optional(),
  detectedAt: at.optional(),
})
export type UpdateIncidentInput = z.output<typeof updateIncidentInput>

export const incidentReportInput = refusingSecrets({
  /** A key of GET /api/v1/incidents/recipients. */
  recipient: z.string().trim().min(1).max(60),
  reportedAt: at,
  /** The letter's number, the call, the portal's ticket. */
  reference: secretFreeText(300).default(''),
  note: secretFreeText(2000).default(''),
})
export const incidentStepInput = refusingSecrets({ takenAt: at, action: secretFreeText(2000, 3), note: secretFreeText(5000).default('') })
export const closeIncidentInput = refusingSecrets({ version: z.number().int().positive(), closedAt: at, lessons: secretFreeText(10_000, 10) })

export const incidentListQuery = z.strictObject({ under: queryId.optional(), status: z.enum(INCIDENT_STATUSES).optional() })
export const incidentRegisterQuery = incidentListQuery.extend({
  kind: z.enum(INCIDENT_KINDS).optional(),
  timeliness: z.enum(TIMELINESS).optional(),
  /** Detected on or after this day. */
  since: isoDay.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})
export const cybersecurityQuery = z.strictObject({ under: queryId.optional(), since: isoDay.optional() })

// ---- timeliness

/** The targets in force (BVCT_INCIDENT_REPORT_HOURS, BVCT_INCIDENT_CLOSE_DAYS). */
export interface IncidentTargets {
  reportHours: number
  closeDays: number
}

/**
 * Reporting against its target, on instant `now`: reported within `reportHours` of detection is on
 * time (the due instant itself included); not reported yet is in progress until then, overdue after.
 */
export function reportTimeliness(detectedAt: Date, firstReportedAt: Date | null, reportHours: number, now: Date): Timeliness {
  const due = detectedAt.getTime() + reportHours * 3_600_000
  if (firstReportedAt && firstReportedAt.getTime() <= now.getTime()) return firstReportedAt.getTime() <= due ? 'done_on_time' : 'done_late'
  return now.getTime() > due ? 'overdue' : 'in_progress_on_time'
}

/**
 * Closing against its target, in Vietnamese days as every deadline in BVCT: due `closeDays` after
 * the day of detection, the due day itself on time (contract/timeliness.ts classifyAction).
 */
export const closeTimeliness = (closeDueOn: string, closedOn: string | null, today: string): Timeliness =>
  classifyAction({ status: closedOn ? 'done' : 'inProgress', effectiveDueDate: closeDueOn, completedOn: closedOn }, today)

/**
 * The incident's one class in a list: closed is on time only if both reporting and closing were;
 * open is overdue as soon as either target passed unmet.
 */
export function incidentTimeliness(report: Timeliness, close: Timeliness, isClosed: boolean): Timeliness {
  if (isClosed) return report === 'done_on_time' && close === 'done_on_time' ? 'done_on_time' : 'done_late'
  return report === 'overdue' || close === 'overdue' ? 'overdue' : 'in_progress_on_time'
}

// ---- answers

/** The public list item (issue 14's contract): exactly these fields. */
export const incidentListItemDto = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  kind: z.enum(INCIDENT_KINDS),
  detectedAt: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  /** Reporting and closing together (incidentTimeliness). */
  timeliness: z.enum(TIMELINESS),
})
export const incidentListDto = z.object({ items: z.array(incidentListItemDto) })

export const incidentSummaryDto = incidentListItemDto.extend({
  unitName: z.string(),
  channelId: z.number().int().nullable(),
  channelName: z.string().nullable(),
  channelAddress: z.string().nullable(),
  system: z.string(),
  /** Detection + the report target. */
  reportDueAt: z.string(),
  firstReportedAt: z.string().nullable(),
  /** Detection to the first report, one decimal; null while not reported. */
  hoursToReport: z.number().nullable(),
  reportTimeliness: z.enum(TIMELINESS),
  /** The day of detection + the close target, in days. */
  closeDueOn: z.string(),
  closedAt: z.string().nullable(),
  /** Vietnamese days from the day of detection to the day of closing; null while open. */
  daysToClose: z.number().int().nullable(),
  closeTimeliness: z.enum(TIMELINESS),
})
export type IncidentSummaryDto = z.infer<typeof incidentSummaryDto>
export const incidentRegisterDto = z.object({ items: z.array(incidentSummaryDto), total: z.number().int() })

export const incidentDto = incidentSummaryDto.extend({
  summary: z.string(),
  reports: z.array(z.object({ id: z.number().int(), recipient: z.string(), recipientLabel: label, reportedAt: z.string(), reference: z.string(), note: z.string(), recordedBy: z.string().nullable() })),
  /** In the order they were taken. */
  steps: z.array(z.object({ id: z.number().int(), takenAt: z.string(), action: z.string(), note: z.string(), recordedBy: z.string().nullable() })),
  lessons: z.string().nullable(),
  version: z.number().int(),
})
export type IncidentDto = z.infer<typeof incidentDto>

export const incidentTargetsDto = z.object({ reportHours: z.number(), closeDays: z.number().int() })
export const incidentRecipientsDto = z.object({ items: z.array(z.object({ key: z.string(), label })), targets: incidentTargetsDto })

const channelCounts = z.object({
  /** Active channels. */
  total: z.number().int(),
  reviewOverdue: z.number().int(),
  reviewDueSoon: z.number().int(),
  neverReviewed: z.number().int(),
  /** Some administrator signs in without a second factor, or no administrator is recorded. */
  twoFactorMissing: z.number().int(),
})
export type ChannelCounts = z.infer<typeof channelCounts>
const incidentCounts = z.object({
  open: z.number().int(),
  /** Open past the report or the close target. */
  openOverdue: z.number().int(),
  closed: z.number().int(),
  /** Closed, but reported or closed late. */
  closedLate: z.number().int(),
  medianHoursToReport: z.number().nullable(),
  medianDaysToClose: z.number().nullable(),
})
export type IncidentCounts = z.infer<typeof incidentCounts>

export const cybersecurityRowDto = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  unitCode: z.string(),
  parentId: z.number().int().nullable(),
  depth: z.number().int(),
  hasChildren: z.boolean(),
  /** true: the unit and everything under it; false: the unit's own channels and incidents only. */
  isAggregate: z.boolean(),
  channels: channelCounts,
  incidents: incidentCounts,
})
export type CybersecurityRowDto = z.infer<typeof cybersecurityRowDto>

/**
 * With `under`: that unit's own row, then one row per child unit over its subtree. Without: one
 * row per top unit of the caller's scope. Totals cover every row's units once.
 */
export const cybersecurityDto = z.object({
  asOf: z.string(),
  targets: incidentTargetsDto,
  rows: z.array(cybersecurityRowDto),
  totals: z.object({ channels: channelCounts, incidents: incidentCounts }),
})
export type CybersecurityDto = z.infer<typeof cybersecurityDto>

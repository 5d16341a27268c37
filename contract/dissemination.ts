// Dissemination (quán triệt, học tập, phổ biến): sessions, attendance, roster import, coverage and
// each person's own confirmation of receipt. Shared by the server routes and the web forms.
import { z } from 'zod'
import { id, pageOf, queryId, visibleText } from './common.ts'
import type { Role } from './roles.ts'

/** Who records sessions and imports rosters: the unit's officer and head, and the board, each within scope. */
export const SESSION_WRITE_ROLES: readonly Role[] = ['unitOfficer', 'unitHead', 'board']
/** Who reads sessions and coverage: the writers, plus the committee, auditors and inspection teams. */
export const SESSION_READ_ROLES: readonly Role[] = [...SESSION_WRITE_ROLES, 'committee', 'auditor', 'inspector']

export const SESSION_FORMS = ['meeting', 'conference', 'online', 'document', 'other'] as const
export type SessionForm = (typeof SESSION_FORMS)[number]

export const SESSION_FORM_LABELS: Record<SessionForm, { vi: string; en: string }> = {
  meeting: { vi: 'Sinh hoạt, họp cơ quan / chi bộ', en: 'Meeting (unit or party cell)' },
  conference: { vi: 'Hội nghị quán triệt', en: 'Dissemination conference' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  document: { vi: 'Gửi văn bản tự nghiên cứu', en: 'Document for self-study' },
  other: { vi: 'Hình thức khác', en: 'Other' },
}

/** Most attendees one session or one roster may carry: the largest hospitals have a few thousand staff. */
export const MAX_ATTENDEES = 20_000
export const MAX_ROSTER_BYTES = 10 * 1024 * 1024

const sessionFields = {
  heldOn: z.iso.date(),
  form: z.enum(SESSION_FORMS),
  title: visibleText(2, 300),
  /** The requirements of the directive this session covered; at least one. */
  requirementIds: z.array(id).min(1).max(200),
  /** People of the unit or its sub-units; more can be added later by roster import. */
  attendeeIds: z.array(id).max(MAX_ATTENDEES),
  note: z.string().trim().max(4000),
}

export const createSessionInput = z.strictObject({
  unitId: id,
  ...sessionFields,
  attendeeIds: sessionFields.attendeeIds.default([]),
  note: sessionFields.note.default(''),
})
export type CreateSessionInput = z.infer<typeof createSessionInput>

/** Every field but `version` optional; `attendeeIds` replaces the whole list. */
export const updateSessionInput = z.strictObject({
  version: z.number().int().positive(),
  heldOn: sessionFields.heldOn.optional(),
  form: sessionFields.form.optional(),
  title: sessionFields.title.optional(),
  requirementIds: sessionFields.requirementIds.optional(),
  attendeeIds: sessionFields.attendeeIds.optional(),
  note: sessionFields.note.optional(),
})
export type UpdateSessionInput = z.infer<typeof updateSessionInput>

/** DELETE carries the version in the body or, for clients that send no body with DELETE, in `?version=`. */
export const deleteSessionBody = z.strictObject({ version: z.number().int().positive().optional() })
export const deleteSessionQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() })

export const sessionListQuery = z.strictObject({
  unitId: queryId.optional(),
  includeSubunits: z.enum(['0', '1']).optional(),
  /** Searches titles without diacritics. */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export const coverageQuery = z.strictObject({
  /** Without it: every addressee unit of the directive in the caller's scope. */
  unitId: queryId.optional(),
  includeSubunits: z.enum(['0', '1']).optional(),
})

export const myDirectivesQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})

export const attendeeDto = z.object({
  id: z.number().int(),
  fullName: z.string(),
  position: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  isActive: z.boolean(),
})
export type AttendeeDto = z.infer<typeof attendeeDto>

export const sessionDto = z.object({
  id: z.number().int(),
  directiveId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  heldOn: z.string(),
  form: z.enum(SESSION_FORMS),
  title: z.string(),
  note: z.string(),
  requirementIds: z.array(z.number().int()),
  attendeeCount: z.number().int(),
  createdBy: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type SessionDto = z.infer<typeof sessionDto>

export const sessionDetailDto = sessionDto.extend({
  requirements: z.array(z.object({ id: z.number().int(), label: z.string(), text: z.string() })),
  /** Vietnamese name order. */
  attendees: z.array(attendeeDto),
})
export type SessionDetailDto = z.infer<typeof sessionDetailDto>

export const sessionListDto = pageOf(sessionDto)
export type SessionListDto = z.infer<typeof sessionListDto>

export const coverageRowDto = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  /** Active people whose unit is exactly this unit. */
  activePeople: z.number().int(),
  /** Of those, how many attended any session of the directive or confirmed receipt. */
  reached: z.number().int(),
  /** reached / activePeople, 0..1; 0 when the unit has no active people. */
  coverage: z.number(),
})
export type CoverageRowDto = z.infer<typeof coverageRowDto>

export const coverageDto = z.object({ directiveId: z.number().int(), items: z.array(coverageRowDto) })
export type CoverageDto = z.infer<typeof coverageDto>

export const ROSTER_ROW_REASONS = ['notFound', 'ambiguous', 'inactive', 'duplicate', 'emptyName'] as const
export type RosterRowReason = (typeof ROSTER_ROW_REASONS)[number]

export const importResultDto = z.object({
  sessionId: z.number().int(),
  /** Data rows read from the roster (blank rows skipped). */
  rows: z.number().int(),
  added: z.number().int(),
  alreadyPresent: z.number().int(),
  attendeeCount: z.number().int(),
  version: z.number().int(),
})
export type ImportResultDto = z.infer<typeof importResultDto>

export const receiptDto = z.object({ directiveId: z.number().int(), personId: z.number().int(), confirmedAt: z.string() })
export type ReceiptDto = z.infer<typeof receiptDto>

export const myDirectiveDto = z.object({
  id: z.number().int(),
  number: z.string().nullable(),
  subject: z.string(),
  date: z.string().nullable(),
  status: z.enum(['issued', 'closed', 'superseded']),
  confirmedAt: z.string().nullable(),
  attendedSessions: z.array(z.object({ id: z.number().int(), heldOn: z.string(), form: z.enum(SESSION_FORMS), title: z.string(), unitName: z.string() })),
})
export type MyDirectiveDto = z.infer<typeof myDirectiveDto>
export const myDirectivePageDto = pageOf(myDirectiveDto)

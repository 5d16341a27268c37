// Dissemination (quán triệt, học tập, phổ biến): sessions, attendance, roster import, coverage and
// each person's own confirmation of receipt. Shared by the server routes and the web forms.
import { z } from 'zod'
import type { Lang } from './errors.ts'

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

const id = z.number().int().positive().max(2_147_483_647)
const queryId = z.coerce.number().int().positive().max(2_147_483_647)
const sessionFields = {
  heldOn: z.iso.date(),
  form: z.enum(SESSION_FORMS),
  title: z.string().trim().min(2).max(300),
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

export const IDEMPOTENCY_HEADER = 'idempotency-key'
export const idempotencyKey = z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/)

export interface AttendeeDto {
  id: number
  fullName: string
  position: string
  unitId: number
  unitName: string
  isActive: boolean
}

export interface SessionDto {
  id: number
  directiveId: number
  unitId: number
  unitName: string
  heldOn: string
  form: SessionForm
  title: string
  note: string
  requirementIds: number[]
  attendeeCount: number
  createdBy: string | null
  version: number
  createdAt: string
  updatedAt: string
}

export interface SessionDetailDto extends SessionDto {
  requirements: { id: number; label: string; text: string }[]
  /** Vietnamese name order. */
  attendees: AttendeeDto[]
}

export interface SessionListDto {
  items: SessionDto[]
  total: number
}

export interface CoverageRowDto {
  unitId: number
  unitName: string
  /** Active people whose unit is exactly this unit. */
  activePeople: number
  /** Of those, how many attended any session of the directive or confirmed receipt. */
  reached: number
  /** reached / activePeople, 0..1; 0 when the unit has no active people. */
  coverage: number
}

export interface CoverageDto {
  directiveId: number
  items: CoverageRowDto[]
}

export const ROSTER_ROW_REASONS = ['notFound', 'ambiguous', 'inactive', 'duplicate', 'emptyName'] as const
export type RosterRowReason = (typeof ROSTER_ROW_REASONS)[number]

export interface RosterRowErrorDto {
  /** The row number as the spreadsheet shows it (header included). */
  row: number
  value: string
  reason: RosterRowReason
  message: string
}

export interface ImportResultDto {
  sessionId: number
  /** Data rows read from the roster (blank rows skipped). */
  rows: number
  added: number
  alreadyPresent: number
  attendeeCount: number
  version: number
}

export interface ReceiptDto {
  directiveId: number
  personId: number
  confirmedAt: string
}

export interface MyDirectiveDto {
  id: number
  number: string | null
  subject: string
  date: string | null
  status: string
  confirmedAt: string | null
  attendedSessions: { id: number; heldOn: string; form: SessionForm; title: string; unitName: string }[]
}

/** Field messages this feature adds to the shared ones in errors.ts. {n} is replaced by a value. */
export const DISSEMINATION_FIELD_MESSAGES = {
  notAddressee: { vi: 'Đơn vị không có trong danh sách nơi nhận của văn bản', en: 'The unit is not an addressee of the directive' },
  notInDirective: { vi: 'Yêu cầu không thuộc văn bản này', en: 'The requirement is not part of this directive' },
  notInUnit: { vi: 'Không phải cán bộ của đơn vị hoặc đơn vị cấp dưới', en: 'Not a person of the unit or its sub-units' },
  personInactive: { vi: 'Người này không còn công tác tại đơn vị', en: 'This person is no longer active' },
  future: { vi: 'Ngày tổ chức không được sau ngày hôm nay', en: 'The date cannot be in the future' },
  beforeDirective: { vi: 'Ngày tổ chức trước ngày của văn bản ({n})', en: 'The date is before the directive’s date ({n})' },
  fileRequired: { vi: 'Cần gửi kèm tệp danh sách (.xlsx hoặc .csv)', en: 'Attach a roster file (.xlsx or .csv)' },
  fileType: { vi: 'Chỉ nhận tệp .xlsx hoặc .csv (tệp .xls cần lưu lại thành .xlsx)', en: 'Only .xlsx or .csv files (save an .xls file as .xlsx)' },
  fileUnreadable: { vi: 'Không đọc được tệp', en: 'The file cannot be read' },
  fileTooLarge: { vi: 'Tệp quá lớn (tối đa {n} MB)', en: 'The file is too large (at most {n} MB)' },
  noNameColumn: { vi: 'Không tìm thấy cột "Họ và tên" ở dòng tiêu đề', en: 'No "Full name" column in the header row' },
  emptyRoster: { vi: 'Danh sách không có dòng dữ liệu nào', en: 'The roster has no data rows' },
  tooManyRows: { vi: 'Danh sách quá dài (tối đa {n} dòng)', en: 'The roster is too long (at most {n} rows)' },
  rowNotFound: { vi: 'Không tìm thấy người có họ tên này trong đơn vị: "{n}"', en: 'No person with this name in the unit: "{n}"' },
  rowAmbiguous: { vi: 'Nhiều người trùng họ tên "{n}"; thêm cột Chức vụ hoặc Email để phân biệt', en: 'Several people are named "{n}"; add a Position or Email column to tell them apart' },
  rowInactive: { vi: 'Người này không còn công tác tại đơn vị: "{n}"', en: 'This person is no longer active: "{n}"' },
  rowDuplicate: { vi: 'Trùng người với dòng {n}', en: 'Same person as row {n}' },
  rowEmptyName: { vi: 'Dòng thiếu họ và tên', en: 'The row has no full name' },
  noPerson: { vi: 'Tài khoản chưa gắn với cán bộ nào', en: 'This account is not linked to a person' },
} as const

export type DisseminationFieldKey = keyof typeof DISSEMINATION_FIELD_MESSAGES

export function disseminationMessage(key: DisseminationFieldKey, lang: Lang, n?: string | number): string {
  return DISSEMINATION_FIELD_MESSAGES[key][lang].replace('{n}', String(n ?? ''))
}

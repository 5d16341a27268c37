// The officers who do internal political protection work (đội ngũ cán bộ làm công tác BVCTNB): each
// unit's roster, the courses they attend and their results and certificates, and the refresher
// cycle that makes an officer due, then overdue, for training.
import { z } from 'zod'
import { id, isoDay, queryId, visibleText } from './common.ts'
import type { Role } from './roles.ts'
import type { UnitKind } from './units.ts'

export const OFFICER_READ_ROLES: readonly Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor']
/** Who keeps a unit's roster and records training: its officer and head, and the board. */
export const OFFICER_WRITE_ROLES: readonly Role[] = ['unitOfficer', 'unitHead', 'board']

/**
 * The units that should have an officer of their own. A department or ward (`subunit`) works under
 * its unit's officer; the ministry node and the Party Affairs Committee work through the board.
 */
export const OFFICER_UNIT_KINDS: readonly UnitKind[] = ['board', 'department', 'hospital', 'institute', 'university', 'company', 'center']

export const OFFICER_ROLES = ['fullTime', 'partTime'] as const
export type OfficerRole = (typeof OFFICER_ROLES)[number]
export const OFFICER_ROLE_LABELS: Record<OfficerRole, { vi: string; en: string }> = {
  fullTime: { vi: 'Chuyên trách', en: 'Full-time' },
  partTime: { vi: 'Kiêm nhiệm', en: 'Part-time' },
}

export const TRAINING_STATUSES = ['current', 'due', 'overdue', 'none'] as const
export type TrainingStatus = (typeof TRAINING_STATUSES)[number]
export const TRAINING_STATUS_LABELS: Record<TrainingStatus, { vi: string; en: string }> = {
  current: { vi: 'Đã bồi dưỡng, còn trong chu kỳ', en: 'Trained, within the cycle' },
  due: { vi: 'Sắp đến hạn bồi dưỡng lại', en: 'Refresher due soon' },
  overdue: { vi: 'Quá hạn bồi dưỡng lại', en: 'Refresher overdue' },
  none: { vi: 'Chưa qua bồi dưỡng', en: 'Never trained' },
}

export const COURSE_FORMS = ['inPerson', 'online', 'blended'] as const
export const COURSE_FORM_LABELS: Record<(typeof COURSE_FORMS)[number], { vi: string; en: string }> = {
  inPerson: { vi: 'Tập trung', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  blended: { vi: 'Kết hợp', en: 'Blended' },
}

/** `completed` and `passed` count for the refresher cycle, from the day the course was completed. */
export const ATTENDANCE_RESULTS = ['enrolled', 'completed', 'passed', 'failed', 'absent'] as const
export type AttendanceResult = (typeof ATTENDANCE_RESULTS)[number]
export const QUALIFYING_RESULTS: readonly AttendanceResult[] = ['completed', 'passed']
export const ATTENDANCE_RESULT_LABELS: Record<AttendanceResult, { vi: string; en: string }> = {
  enrolled: { vi: 'Đã đăng ký', en: 'Enrolled' },
  completed: { vi: 'Hoàn thành', en: 'Completed' },
  passed: { vi: 'Đạt', en: 'Passed' },
  failed: { vi: 'Không đạt', en: 'Failed' },
  absent: { vi: 'Vắng', en: 'Absent' },
}

/** yyyy-mm-dd plus `months`, the last day of the month when it has fewer days (as PostgreSQL adds an interval). */
export function addMonthsToDay(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number)
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay))).toISOString().slice(0, 10)
}

/** The day a refresher falls due: the last qualifying training plus the cycle. */
export const refresherDueOn = (lastTrainedOn: string, cycleMonths: number) => addMonthsToDay(lastTrainedOn, cycleMonths)

/**
 * An officer's training status on `asOf` from their last qualifying training: within the cycle,
 * due within `dueDays` of the cycle's end, past it, or never trained. The same rule in SQL is
 * training_status() (migration 0011), pinned equal by server/features/officers/training.sql.test.ts.
 */
export function classifyTraining(lastTrainedOn: string | null, asOf: string, cycleMonths: number, dueDays: number): TrainingStatus {
  if (!lastTrainedOn) return 'none'
  const dueOn = refresherDueOn(lastTrainedOn, cycleMonths)
  if (dueOn < asOf) return 'overdue'
  const firstDueDay = new Date(Date.parse(dueOn + 'T00:00:00Z') - dueDays * 86_400_000).toISOString().slice(0, 10)
  return firstDueDay <= asOf ? 'due' : 'current'
}

// ---- inputs

const text = (max: number) => z.string().trim().max(max)

export const createOfficerInput = z.strictObject({
  unitId: id,
  /** A person of the unit or one of its sub-units. */
  personId: id,
  role: z.enum(OFFICER_ROLES),
  /** The appointing decision's number (e.g. 123/QĐ-BV). */
  decisionNumber: visibleText(1, 100),
  appointedOn: isoDay,
  until: isoDay.nullable().default(null),
  note: text(4000).default(''),
})
export type CreateOfficerInput = z.infer<typeof createOfficerInput>

export const updateOfficerInput = z.strictObject({
  version: z.number().int().positive(),
  role: z.enum(OFFICER_ROLES).optional(),
  decisionNumber: visibleText(1, 100).optional(),
  appointedOn: isoDay.optional(),
  /** Set to end the appointment. */
  until: isoDay.nullable().optional(),
  note: text(4000).optional(),
})
export type UpdateOfficerInput = z.infer<typeof updateOfficerInput>

export const officerListQuery = z.strictObject({
  under: queryId.optional(),
  unitId: queryId.optional(),
  trainingStatus: z.enum(TRAINING_STATUSES).optional(),
  /** '1': officers whose appointment has ended too. */
  includeFormer: z.enum(['0', '1']).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  offset: z.coerce.number().int().min(0).default(0),
})
export const officerScopeQuery = z.strictObject({ under: queryId.optional() })

const courseFields = {
  title: visibleText(3, 500),
  organizer: visibleText(2, 300),
  startsOn: isoDay,
  endsOn: isoDay,
  hours: z.number().positive().max(10_000),
  form: z.enum(COURSE_FORMS),
  note: text(4000),
}

export const createCourseInput = z.strictObject({
  /** The unit that records the course: the board for the ministry's own, a unit for one its officers went to. */
  ownerUnitId: id,
  ...courseFields,
  note: courseFields.note.default(''),
})
export type CreateCourseInput = z.infer<typeof createCourseInput>

export const updateCourseInput = z.strictObject({
  version: z.number().int().positive(),
  title: courseFields.title.optional(),
  organizer: courseFields.organizer.optional(),
  startsOn: courseFields.startsOn.optional(),
  endsOn: courseFields.endsOn.optional(),
  hours: courseFields.hours.optional(),
  form: courseFields.form.optional(),
  note: courseFields.note.optional(),
})
export type UpdateCourseInput = z.infer<typeof updateCourseInput>

export const courseListQuery = z.strictObject({
  under: queryId.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
})

export const addAttendeeInput = z.strictObject({
  personId: id,
  result: z.enum(ATTENDANCE_RESULTS).default('enrolled'),
  /** For completed or passed: the day it counts from (default: the course's last day). */
  completedOn: isoDay.nullable().optional(),
  certificateNumber: text(100).default(''),
})
export type AddAttendeeInput = z.infer<typeof addAttendeeInput>

export const updateAttendanceInput = z.strictObject({
  version: z.number().int().positive(),
  result: z.enum(ATTENDANCE_RESULTS).optional(),
  completedOn: isoDay.nullable().optional(),
  certificateNumber: text(100).optional(),
})
export type UpdateAttendanceInput = z.infer<typeof updateAttendanceInput>

export const deleteAttendanceInput = z.strictObject({ version: z.number().int().positive() })

// ---- answers

export const officerDto = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  name: z.string(),
  position: z.string(),
  role: z.enum(OFFICER_ROLES),
  decisionNumber: z.string(),
  appointedOn: z.string(),
  until: z.string().nullable(),
  note: z.string(),
  /** In office today: appointed, and not past `until`. */
  isInOffice: z.boolean(),
  trainingStatus: z.enum(TRAINING_STATUSES),
  lastTrainedOn: z.string().nullable(),
  /** When the next refresher is due (null: never trained). */
  refresherDueOn: z.string().nullable(),
  version: z.number().int(),
})
export type OfficerDto = z.infer<typeof officerDto>
export const officerListDto = z.object({ items: z.array(officerDto), total: z.number().int() })

export const certificateDto = z.object({ id: z.number().int(), filename: z.string(), mime: z.string(), size: z.number().int(), uploadedAt: z.string() })
export type CertificateDto = z.infer<typeof certificateDto>

/** One course in a person's training history. */
export const trainingEntryDto = z.object({
  attendanceId: z.number().int(),
  courseId: z.number().int(),
  title: z.string(),
  organizer: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  hours: z.number(),
  form: z.enum(COURSE_FORMS),
  result: z.enum(ATTENDANCE_RESULTS),
  completedOn: z.string().nullable(),
  certificateNumber: z.string(),
  certificates: z.array(certificateDto),
})
export type TrainingEntryDto = z.infer<typeof trainingEntryDto>

/** A person's own training record: their status as an officer (if they are one) and every course. */
export const trainingRecordDto = z.object({
  personId: z.number().int(),
  trainingStatus: z.enum(TRAINING_STATUSES),
  lastTrainedOn: z.string().nullable(),
  refresherDueOn: z.string().nullable(),
  history: z.array(trainingEntryDto),
})
export type TrainingRecordDto = z.infer<typeof trainingRecordDto>

export const officerDetailDto = officerDto.extend({ history: z.array(trainingEntryDto) })
export type OfficerDetailDto = z.infer<typeof officerDetailDto>

export const courseDto = z.object({
  id: z.number().int(),
  ownerUnitId: z.number().int(),
  ownerUnitName: z.string(),
  title: z.string(),
  organizer: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  hours: z.number(),
  form: z.enum(COURSE_FORMS),
  note: z.string(),
  attendeeCount: z.number().int(),
  version: z.number().int(),
})
export type CourseDto = z.infer<typeof courseDto>
export const courseListDto = z.object({ items: z.array(courseDto), total: z.number().int() })

export const attendanceDto = z.object({
  id: z.number().int(),
  courseId: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  result: z.enum(ATTENDANCE_RESULTS),
  completedOn: z.string().nullable(),
  certificateNumber: z.string(),
  certificates: z.array(certificateDto),
  version: z.number().int(),
})
export type AttendanceDto = z.infer<typeof attendanceDto>

/** The attendees the caller may see: those of units in their scope (a ministry course gathers every unit's officers). */
export const courseDetailDto = courseDto.extend({ attendees: z.array(attendanceDto) })
export type CourseDetailDto = z.infer<typeof courseDetailDto>

const gapUnitDto = z.object({ unitId: z.number().int(), code: z.string(), name: z.string(), parentName: z.string().nullable() })
/**
 * The board's view of a subtree: units that should have an officer and have none in office, units
 * whose officers have no current training, and officers due or overdue for a refresher.
 */
export const officerGapsDto = z.object({
  asOf: z.string(),
  unitsWithoutOfficer: z.array(gapUnitDto),
  unitsWithoutCurrentTraining: z.array(gapUnitDto),
  officersDue: z.array(officerDto),
})
export type OfficerGapsDto = z.infer<typeof officerGapsDto>

// Courses, who attended them with what result, and certificates as files. A completed or passed
// course restarts its attendee's refresher cycle from the day it was completed.
import { createHash } from 'node:crypto'
import { QUALIFYING_RESULTS, type AddAttendeeInput, type AttendanceDto, type AttendanceResult, type CertificateDto, type CourseDetailDto, type CourseDto, type CreateCourseInput, type UpdateAttendanceInput, type UpdateCourseInput } from '../../../contract/officers.ts'
import type { Db, Queryable } from '../../db/types.ts'
import type { Actor, CurrentUser } from '../../http/current-user.ts'
import { AppError, invalid, type FieldError } from '../../http/errors.ts'
import { once, type Answer } from '../../http/idempotency.ts'
import { vnDay } from '../../lib/dates.ts'
import { STORED_FILE_TYPES_TEXT, storedFileType } from '../../lib/file-types.ts'
import { recordAudit } from '../audit/audit.service.ts'
import { unitForField } from '../units/units.access.ts'
import { canSeeAttendance, keptAttendance, keptCourse, readableCertificate, visibleCourse } from './officers.access.ts'
import { OFFICER_WRITE_ROLES } from './officers.policy.ts'
import {
  attendeesOf, certificatesOf, deleteAttendanceRow, findAttendance, findCourse, insertAttendance, insertCertificate, insertCourse, isAttendee, personUnder,
  toCourseDto, updateAttendanceRow, updateCourseRow, type AttendanceRow, type CourseRow,
} from './officers.queries.ts'

export const CERTIFICATE_MAX_BYTES = 10 * 1024 * 1024

const courseSnapshot = (c: CourseRow) => ({ ownerUnitId: c.ownerUnitId, title: c.title, organizer: c.organizer, startsOn: c.startsOn, endsOn: c.endsOn, hours: c.hours, form: c.form, note: c.note })

function checkCourseDates(issues: Record<string, FieldError>, startsOn: string, endsOn: string) {
  if (endsOn < startsOn) issues.endsOn = { key: 'notBefore', n: startsOn }
}

export async function createCourse(db: Db, user: CurrentUser, actor: Actor, input: CreateCourseInput, idempotencyKey?: string): Promise<Answer<CourseDto>> {
  return db.transaction((tx) =>
    once(tx, actor.id, idempotencyKey, 201, async () => {
      const unit = await unitForField(tx, user, OFFICER_WRITE_ROLES, input.ownerUnitId, 'ownerUnitId')
      const issues: Record<string, FieldError> = {}
      checkCourseDates(issues, input.startsOn, input.endsOn)
      if (Object.keys(issues).length) throw invalid(issues)
      const id = await insertCourse(tx, { ...input, createdBy: actor.id, now: actor.now })
      const saved = (await findCourse(tx, id))!
      await recordAudit(tx, actor, { action: 'create', entity: 'trainingCourse', entityId: id, unitId: unit.id, after: courseSnapshot(saved) })
      return toCourseDto(saved)
    }),
  )
}

export async function updateCourse(db: Db, user: CurrentUser, actor: Actor, id: number, input: UpdateCourseInput): Promise<CourseDto> {
  return db.transaction(async (tx) => {
    const c = await keptCourse(tx, user, id)
    if (c.version !== input.version) throw new AppError('CONFLICT', undefined, { current: toCourseDto(c) })
    const next = {
      title: input.title ?? c.title, organizer: input.organizer ?? c.organizer, startsOn: input.startsOn ?? c.startsOn, endsOn: input.endsOn ?? c.endsOn,
      hours: input.hours ?? c.hours, form: input.form ?? c.form, note: input.note ?? c.note,
    }
    const issues: Record<string, FieldError> = {}
    checkCourseDates(issues, next.startsOn, next.endsOn)
    if (Object.keys(issues).length) throw invalid(issues)
    await updateCourseRow(tx, id, { ...next, now: actor.now })
    const saved = (await findCourse(tx, id))!
    await recordAudit(tx, actor, { action: 'update', entity: 'trainingCourse', entityId: id, unitId: c.ownerUnitId, before: courseSnapshot(c), after: courseSnapshot(saved) })
    return toCourseDto(saved)
  })
}

async function attendanceDtos(db: Queryable, rows: AttendanceRow[]): Promise<AttendanceDto[]> {
  const certs = await certificatesOf(db, rows.map((r) => r.id))
  return rows.map(({ unitPath: _p, ...a }) => ({ ...a, certificates: certs.get(a.id) ?? [] }))
}

/** A course with the attendees the caller may see: all for its keeper, those of units in scope for others. */
export async function courseDetail(db: Queryable, user: CurrentUser, id: number): Promise<CourseDetailDto> {
  const c = await visibleCourse(db, user, id)
  const seen = (await attendeesOf(db, id)).filter((a) => canSeeAttendance(user, a, c))
  return { ...toCourseDto(c), attendees: await attendanceDtos(db, seen) }
}

/** The completion day of a result: a qualifying result needs one (default the course's last day), others have none. */
function completion(result: AttendanceResult, completedOn: string | null | undefined, course: CourseRow, today: string, issues: Record<string, FieldError>): string | null {
  if (!QUALIFYING_RESULTS.includes(result)) return null
  const day = completedOn ?? course.endsOn
  if (day > today) issues.completedOn = 'afterToday'
  else if (day < course.startsOn) issues.completedOn = { key: 'notBefore', n: course.startsOn }
  return day
}

/** Enrols a person (of the units under the course's keeper) with a result; the keeper only. */
export async function addAttendee(db: Db, user: CurrentUser, actor: Actor, courseId: number, input: AddAttendeeInput): Promise<AttendanceDto> {
  return db.transaction(async (tx) => {
    const c = await keptCourse(tx, user, courseId)
    const issues: Record<string, FieldError> = {}
    const p = await personUnder(tx, input.personId, c.ownerPath)
    if (!p || !p.isUnder) issues.personId = 'notInUnit'
    else if (await isAttendee(tx, courseId, input.personId)) issues.personId = 'alreadyAttendee'
    const completedOn = completion(input.result, input.completedOn, c, vnDay(actor.now), issues)
    if (Object.keys(issues).length) throw invalid(issues)
    const id = await insertAttendance(tx, { courseId, personId: input.personId, result: input.result, completedOn, certificateNumber: input.certificateNumber, createdBy: actor.id, now: actor.now })
    await recordAudit(tx, actor, { action: 'addAttendee', entity: 'trainingCourse', entityId: courseId, unitId: c.ownerUnitId, after: { attendanceId: id, personId: input.personId, result: input.result, completedOn } })
    return (await attendanceDtos(tx, [(await findAttendance(tx, id))!]))[0]
  })
}

export async function updateAttendance(db: Db, user: CurrentUser, actor: Actor, id: number, input: UpdateAttendanceInput): Promise<AttendanceDto> {
  return db.transaction(async (tx) => {
    const { attendance: a, course } = await keptAttendance(tx, user, id, { forUpdate: true })
    if (a.version !== input.version) throw new AppError('CONFLICT', undefined, { current: (await attendanceDtos(tx, [a]))[0] })
    const issues: Record<string, FieldError> = {}
    const result = input.result ?? a.result
    const completedOn = completion(result, input.completedOn !== undefined ? input.completedOn : a.completedOn, course, vnDay(actor.now), issues)
    if (Object.keys(issues).length) throw invalid(issues)
    await updateAttendanceRow(tx, id, { result, completedOn, certificateNumber: input.certificateNumber ?? a.certificateNumber, now: actor.now })
    await recordAudit(tx, actor, {
      action: 'recordResult', entity: 'trainingCourse', entityId: course.id, unitId: course.ownerUnitId,
      before: { attendanceId: id, result: a.result, completedOn: a.completedOn }, after: { attendanceId: id, result, completedOn },
    })
    return (await attendanceDtos(tx, [(await findAttendance(tx, id))!]))[0]
  })
}

export async function removeAttendee(db: Db, user: CurrentUser, actor: Actor, id: number, version: number): Promise<void> {
  return db.transaction(async (tx) => {
    const { attendance: a, course } = await keptAttendance(tx, user, id, { forUpdate: true })
    // Enrolment is the course keeper's to undo; a unit records results, it does not take people off a course.
    await keptCourse(tx, user, course.id)
    if (a.version !== version) throw new AppError('CONFLICT', undefined, { current: (await attendanceDtos(tx, [a]))[0] })
    await deleteAttendanceRow(tx, id)
    await recordAudit(tx, actor, { action: 'removeAttendee', entity: 'trainingCourse', entityId: course.id, unitId: course.ownerUnitId, before: { attendanceId: id, personId: a.personId, result: a.result, completedOn: a.completedOn } })
  })
}

/** Attaches a certificate (a document or image, judged by content) to an attendance. */
export async function addCertificate(db: Db, user: CurrentUser, actor: Actor, attendanceId: number, file: { filename: string; bytes: Buffer }): Promise<CertificateDto> {
  const mime = storedFileType(file.bytes, file.filename)
  if (!mime) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { file: 'format' }, undefined, STORED_FILE_TYPES_TEXT)
  return db.transaction(async (tx) => {
    const { course } = await keptAttendance(tx, user, attendanceId)
    const sha256 = createHash('sha256').update(file.bytes).digest('hex')
    const id = await insertCertificate(tx, { attendanceId, filename: file.filename, mime, bytes: file.bytes, sha256, uploadedBy: actor.id, now: actor.now })
    await recordAudit(tx, actor, { action: 'addCertificate', entity: 'trainingCourse', entityId: course.id, unitId: course.ownerUnitId, after: { attendanceId, certificateId: id, filename: file.filename, size: file.bytes.length, sha256 } })
    return { id, filename: file.filename, mime, size: file.bytes.length, uploadedAt: actor.now.toISOString() }
  })
}

export const readCertificate = (db: Queryable, user: CurrentUser, id: number) => readableCertificate(db, user, id)

// "May this caller see / change officer N, course N, attendance N, certificate N": one function per
// resource, asked by every route that touches it. Out of reach is the same as nonexistent.
import type { Role } from '../../../contract/roles.ts'
import type { Queryable } from '../../db/types.ts'
import type { CurrentUser } from '../../http/current-user.ts'
import { notFound } from '../../http/errors.ts'
import { canReach } from '../../http/scope.ts'
import { canKeepOfficersOf, canReadOfficersOf, canSeeCourse } from './officers.policy.ts'
import { findAttendance, findCertificate, findCourse, findOfficer, type AttendanceRow, type CourseRow, type OfficerRow } from './officers.queries.ts'

/** An officer whose unit the user holds `roles` over; 404 otherwise. */
export async function officerInScope(db: Queryable, user: CurrentUser, roles: readonly Role[], id: number, opts: { forUpdate?: boolean } = {}): Promise<OfficerRow> {
  const o = await findOfficer(db, id, opts.forUpdate)
  if (!o || !canReach(user, roles, o.unitPath)) throw notFound()
  return o
}

/** A course the user may see (recorded by a unit in scope, or above it); 404 otherwise. */
export async function visibleCourse(db: Queryable, user: CurrentUser, id: number): Promise<CourseRow> {
  const c = await findCourse(db, id)
  if (!c || !canSeeCourse(user, c.ownerPath)) throw notFound()
  return c
}

/** A course the user keeps (a write role over the unit that records it), locked; 404 otherwise. */
export async function keptCourse(db: Queryable, user: CurrentUser, id: number): Promise<CourseRow> {
  const c = await findCourse(db, id, true)
  if (!c || !canKeepOfficersOf(user, c.ownerPath)) throw notFound()
  return c
}

/** Who sees one person's attendance: the course's keeper, readers over the person's unit, and the person. */
export const canSeeAttendance = (user: CurrentUser, a: Pick<AttendanceRow, 'unitPath' | 'personId'>, course: Pick<CourseRow, 'ownerPath'>) =>
  canKeepOfficersOf(user, course.ownerPath) || canReadOfficersOf(user, a.unitPath) || user.personId === a.personId

/** An attendance the user may record results and certificates of: the course's keeper or a keeper over the person's unit; 404 otherwise. */
export async function keptAttendance(db: Queryable, user: CurrentUser, id: number, opts: { forUpdate?: boolean } = {}): Promise<{ attendance: AttendanceRow; course: CourseRow }> {
  const a = await findAttendance(db, id, opts.forUpdate)
  const course = a && (await findCourse(db, a.courseId))
  if (!a || !course || !(canKeepOfficersOf(user, course.ownerPath) || canKeepOfficersOf(user, a.unitPath))) throw notFound()
  return { attendance: a, course }
}

/** A certificate file the user may download (whoever sees its attendance); 404 otherwise. */
export async function readableCertificate(db: Queryable, user: CurrentUser, id: number) {
  const cert = await findCertificate(db, id)
  const a = cert && (await findAttendance(db, cert.attendanceId))
  const course = a && (await findCourse(db, a.courseId))
  if (!cert || !a || !course || !canSeeAttendance(user, a, course)) throw notFound()
  return cert
}

// The authorization matrix's rows for officers, courses, attendance and certificates
// (server/authz.test.ts runs them): every route × role × a record in unit A and one in unit B.
import { beforeAll } from 'vitest'
import { OFFICER_READ_ROLES, OFFICER_WRITE_ROLES } from '../../../contract/officers.ts'
import { seedPerson } from '../../db/seed/builders.ts'
import type { MatrixContext, RouteCase } from '../../../test/authz.ts'

export function officerRoutes(m: MatrixContext): RouteCase[] {
  const db = () => m.t.db
  const person = async (unitId: number) => (await seedPerson(db(), { unitId })).id
  const officer = async (unitId: number, personId?: number) =>
    (await db().query<{ id: number }>(`INSERT INTO officer (unit_id, person_id, role, decision_number, appointed_on) VALUES ($1, $2, 'partTime', '1/QĐ', '2026-01-01') RETURNING id`, [unitId, personId ?? (await person(unitId))]))[0].id
  const course = async (unitId: number, title = 'Khóa ma trận') =>
    (await db().query<{ id: number }>(`INSERT INTO training_course (owner_unit_id, title, organizer, starts_on, ends_on, hours, form) VALUES ($1, $2, 'Ban', '2026-03-01', '2026-03-02', 8, 'online') RETURNING id`, [unitId, title]))[0].id
  const attendance = async (unitId: number, personId?: number) =>
    (await db().query<{ id: number }>(`INSERT INTO training_attendance (course_id, person_id, result, completed_on) VALUES ($1, $2, 'passed', '2026-03-02') RETURNING id`, [await course(unitId), personId ?? (await person(unitId))]))[0].id
  const certificate = async (attendanceId: number) =>
    (await db().query<{ id: number }>(`INSERT INTO training_certificate (attendance_id, filename, mime, size, sha256, content) VALUES ($1, 'cc.pdf', 'application/pdf', 1, 'x', '\\x25') RETURNING id`, [attendanceId]))[0].id
  const pairOf = (make: (unitId: number) => Promise<number>) => async () => ({ a: await make(m.f.unitA.id), b: await make(m.f.unitB.id) })

  // Unit B's officer and course, for the lists to hide.
  beforeAll(async () => {
    await officer(m.f.unitB.id, await seedPerson(db(), { unitId: m.f.unitB.id, fullName: 'Cán Bộ Ẩn Ma Trận' }).then((p) => p.id))
    await course(m.f.unitB.id, 'Khóa ẩn ma trận B')
  })

  const byId = (method: string, base: string, suffix: string, roles: readonly (typeof OFFICER_READ_ROLES)[number][], make: () => Promise<{ a: number; b: number }>, body?: () => unknown): RouteCase => ({
    method, url: `${base}/:id${suffix}`, roles,
    records: async () => {
      const { a, b } = await make()
      return { inUrl: `${base}/${a}${suffix}`, outUrl: `${base}/${b}${suffix}`, body: body && (() => body()) }
    },
  })
  const scoped = (url: string): RouteCase => ({
    method: 'GET', url, roles: OFFICER_READ_ROLES,
    records: async () => ({ inUrl: `${url}?under=${m.f.unitA.id}`, outUrl: `${url}?under=${m.f.unitB.id}` }),
  })

  return [
    { method: 'GET', url: '/api/v1/officers', roles: OFFICER_READ_ROLES, listHides: () => 'Cán Bộ Ẩn Ma Trận' },
    {
      method: 'POST', url: '/api/v1/officers', roles: OFFICER_WRITE_ROLES, outField: 'unitId',
      records: async () => {
        const [a, b] = [await person(m.f.unitA.id), await person(m.f.unitB.id)]
        return { inUrl: '/api/v1/officers', outUrl: '/api/v1/officers', body: (side) => ({ unitId: side === 'in' ? m.f.unitA.id : m.f.unitB.id, personId: side === 'in' ? a : b, role: 'fullTime', decisionNumber: '2/QĐ', appointedOn: '2026-03-01' }) }
      },
    },
    scoped('/api/v1/officers/gaps'),
    scoped('/api/v1/officers.xlsx'),
    byId('GET', '/api/v1/officers', '', OFFICER_READ_ROLES, pairOf((u) => officer(u))),
    byId('PATCH', '/api/v1/officers', '', OFFICER_WRITE_ROLES, pairOf((u) => officer(u)), () => ({ version: 1, note: 'Ghi chú' })),
    { method: 'GET', url: '/api/v1/training-courses', roles: OFFICER_READ_ROLES, listHides: () => 'Khóa ẩn ma trận B' },
    {
      method: 'POST', url: '/api/v1/training-courses', roles: OFFICER_WRITE_ROLES, outField: 'ownerUnitId',
      records: async () => ({
        inUrl: '/api/v1/training-courses', outUrl: '/api/v1/training-courses',
        body: (side) => ({ ownerUnitId: side === 'in' ? m.f.unitA.id : m.f.unitB.id, title: 'Lớp bồi dưỡng', organizer: 'Ban', startsOn: '2026-03-01', endsOn: '2026-03-02', hours: 8, form: 'online' }),
      }),
    },
    byId('GET', '/api/v1/training-courses', '', OFFICER_READ_ROLES, pairOf((u) => course(u))),
    byId('PATCH', '/api/v1/training-courses', '', OFFICER_WRITE_ROLES, pairOf((u) => course(u)), () => ({ version: 1, note: 'Ghi chú' })),
    {
      method: 'POST', url: '/api/v1/training-courses/:id/attendees', roles: OFFICER_WRITE_ROLES,
      records: async () => {
        const [ca, cb, pa, pb] = [await course(m.f.unitA.id), await course(m.f.unitB.id), await person(m.f.unitA.id), await person(m.f.unitB.id)]
        return { inUrl: `/api/v1/training-courses/${ca}/attendees`, outUrl: `/api/v1/training-courses/${cb}/attendees`, body: (side) => ({ personId: side === 'in' ? pa : pb, result: 'enrolled' }) }
      },
    },
    byId('PATCH', '/api/v1/training-attendance', '', OFFICER_WRITE_ROLES, pairOf((u) => attendance(u)), () => ({ version: 1, certificateNumber: 'CC-1' })),
    byId('DELETE', '/api/v1/training-attendance', '', OFFICER_WRITE_ROLES, pairOf((u) => attendance(u)), () => ({ version: 1 })),
    // In reach with no file attached: 415; out of reach: 404 before any upload is read.
    byId('POST', '/api/v1/training-attendance', '/certificates', OFFICER_WRITE_ROLES, pairOf((u) => attendance(u))),
    {
      // The caller's own certificate is theirs to open whatever their role; someone else's in unit B is not.
      method: 'GET', url: '/api/v1/training-certificates/:id', roles: 'any',
      // The record in unit B is made first: the root's readers open it too (the matrix's second test).
      records: async () => ({
        inUrl: '',
        outUrl: `/api/v1/training-certificates/${await certificate(await attendance(m.f.unitB.id))}`,
        forRole: async (role) => {
          const own = (await db().query<{ person_id: number }>('SELECT person_id FROM account WHERE username = $1', [`${role}.a`]))[0].person_id
          return `/api/v1/training-certificates/${await certificate(await attendance(m.f.unitA.id, own))}`
        },
      }),
    },
  ]
}

// The authorization matrix's rows for incidents and the board's cybersecurity view (server/authz.test.ts
// runs them): reach is a role held over the incident's unit; unit B's are out of scope for `<role>.a`.
import { beforeAll } from 'vitest'
import type { Role } from '../../../contract/roles.ts'
import type { MatrixContext, RouteCase } from '../../../test/authz.ts'
import { CYBERSECURITY_ROLES, INCIDENT_EDIT_ROLES, INCIDENT_READ_ROLES } from '../../../contract/incidents.ts'
import { seedIncident } from '../../db/seed/builders.ts'

export function incidentRoutes(m: MatrixContext): RouteCase[] {
  // Unit B's incident, which the lists of `<role>.a` must not show.
  beforeAll(async () => {
    await seedIncident(m.t.db, { unitId: m.f.unitB.id, detectedAt: '2026-03-18T02:00:00Z' })
  })
  const pair = async () => ({
    a: (await seedIncident(m.t.db, { unitId: m.f.unitA.id, detectedAt: '2026-03-19T02:00:00Z' })).id,
    b: (await seedIncident(m.t.db, { unitId: m.f.unitB.id, detectedAt: '2026-03-19T02:00:00Z' })).id,
  })
  const onPair = (method: string, suffix: string, body: () => unknown): RouteCase => ({
    method, url: `/api/v1/incidents/:id${suffix}`, roles: method === 'GET' ? INCIDENT_READ_ROLES : INCIDENT_EDIT_ROLES,
    records: async () => {
      const { a, b } = await pair()
      return { inUrl: `/api/v1/incidents/${a}${suffix}`, outUrl: `/api/v1/incidents/${b}${suffix}`, body }
    },
  })
  const listed = (url: string, roles: readonly Role[]): RouteCase => ({
    method: 'GET', url, roles, listHides: () => `"unitId":${m.f.unitB.id},`,
    records: async () => ({ inUrl: `${url}?under=${m.f.unitA.id}`, outUrl: `${url}?under=${m.f.unitB.id}` }),
  })
  return [
    listed('/api/v1/incidents', INCIDENT_READ_ROLES),
    listed('/api/v1/incidents/register', INCIDENT_READ_ROLES),
    { method: 'GET', url: '/api/v1/incidents/recipients', roles: INCIDENT_READ_ROLES },
    {
      method: 'POST', url: '/api/v1/incidents', roles: INCIDENT_EDIT_ROLES, outField: 'unitId',
      records: async () => ({
        inUrl: '/api/v1/incidents', outUrl: '/api/v1/incidents',
        body: (side) => ({ unitId: side === 'in' ? m.f.unitA.id : m.f.unitB.id, kind: 'malware', system: 'Máy chủ thư điện tử', summary: 'Phát hiện mã độc trên máy chủ', detectedAt: '2026-03-20T08:00:00+07:00' }),
      }),
    },
    onPair('GET', '', () => undefined),
    onPair('PATCH', '', () => ({ version: 1, summary: 'Mô tả bổ sung về sự cố' })),
    onPair('POST', '/reports', () => ({ recipient: 'board', reportedAt: '2026-03-19T12:00:00+07:00' })),
    onPair('POST', '/steps', () => ({ takenAt: '2026-03-19T12:00:00+07:00', action: 'Cô lập máy chủ' })),
    onPair('POST', '/close', () => ({ version: 1, closedAt: '2026-03-20T09:00:00+07:00', lessons: 'Cập nhật phần mềm diệt mã độc hằng tuần' })),
    {
      method: 'GET', url: '/api/v1/cybersecurity', roles: CYBERSECURITY_ROLES,
      records: async () => ({ inUrl: `/api/v1/cybersecurity?under=${m.f.unitA.id}`, outUrl: `/api/v1/cybersecurity?under=${m.f.unitB.id}` }),
    },
  ]
}

// The authorization matrix's rows for key positions, vetting alerts and the readiness roll-up
// (server/authz.test.ts runs them): every route × role × a record in unit A and one in unit B.
import { beforeAll } from 'vitest'
import { POSITION_READ_ROLES, POSITION_WRITE_ROLES, READINESS_ROLES } from '../../../contract/positions.ts'
import { seedPerson } from '../../db/seed/builders.ts'
import type { MatrixContext, RouteCase } from '../../../test/authz.ts'

export function positionRoutes(m: MatrixContext): RouteCase[] {
  let seq = 0
  const position = async (unitId: number, title = `Vị trí ma trận ${seq++}`) =>
    (await m.t.db.query<{ id: number }>(`INSERT INTO key_position (unit_id, title, classification) VALUES ($1, $2, 'finance') RETURNING id`, [unitId, title]))[0].id
  const pair = async () => ({ a: await position(m.f.unitA.id), b: await position(m.f.unitB.id) })
  const held = async (positionId: number, unitId: number) => {
    const p = await seedPerson(m.t.db, { unitId })
    const [h] = await m.t.db.query<{ id: number }>(`INSERT INTO position_holding (position_id, person_id, from_on) VALUES ($1, $2, '2026-03-01') RETURNING id`, [positionId, p.id])
    return h.id
  }

  // An open alert in unit B, for the alert list to hide.
  beforeAll(async () => {
    const id = await position(m.f.unitB.id, 'Vị trí cảnh báo ma trận B')
    const holding = await held(id, m.f.unitB.id)
    await m.t.db.query(`INSERT INTO position_alert (position_id, holding_id, unit_id, status, raised_at) VALUES ($1, $2, $3, 'none', now())`, [id, holding, m.f.unitB.id])
    await position(m.f.unitB.id, 'Vị trí ẩn ma trận B')
  })

  const byId = (method: string, suffix: string, roles: typeof POSITION_READ_ROLES, body?: (side: 'in' | 'out', ids: { a: number; b: number }) => Promise<unknown> | unknown, prepare?: (ids: { a: number; b: number }) => Promise<void>): RouteCase => ({
    method, url: `/api/v1/positions/:id${suffix}`, roles,
    records: async () => {
      const ids = await pair()
      await prepare?.(ids)
      const bodies = { in: await body?.('in', ids), out: await body?.('out', ids) }
      return { inUrl: `/api/v1/positions/${ids.a}${suffix}`, outUrl: `/api/v1/positions/${ids.b}${suffix}`, body: (side) => bodies[side] }
    },
  })

  return [
    { method: 'GET', url: '/api/v1/positions', roles: POSITION_READ_ROLES, listHides: () => 'Vị trí ẩn ma trận B' },
    {
      method: 'POST', url: '/api/v1/positions', roles: POSITION_WRITE_ROLES, outField: 'unitId',
      records: async () => ({ inUrl: '/api/v1/positions', outUrl: '/api/v1/positions', body: (side) => ({ unitId: side === 'in' ? m.f.unitA.id : m.f.unitB.id, title: `Vị trí mới ${seq++}`, classification: 'personnel' }) }),
    },
    {
      method: 'GET', url: '/api/v1/positions.xlsx', roles: POSITION_READ_ROLES,
      records: async () => ({ inUrl: `/api/v1/positions.xlsx?under=${m.f.unitA.id}`, outUrl: `/api/v1/positions.xlsx?under=${m.f.unitB.id}` }),
    },
    byId('GET', '', POSITION_READ_ROLES),
    byId('PATCH', '', POSITION_WRITE_ROLES, () => ({ version: 1, note: 'Ghi chú ma trận' })),
    byId('POST', '/holder', POSITION_WRITE_ROLES, async (side) => ({ version: 1, personId: (await seedPerson(m.t.db, { unitId: side === 'in' ? m.f.unitA.id : m.f.unitB.id })).id, from: '2026-03-20' })),
    byId('POST', '/vacate', POSITION_WRITE_ROLES, () => ({ version: 1, on: '2026-03-20' }), async (ids) => {
      await held(ids.a, m.f.unitA.id)
      await held(ids.b, m.f.unitB.id)
    }),
    {
      // In scope with no file attached: 400 naming `file`; out of scope: 404 before any upload is read.
      method: 'POST', url: '/api/v1/units/:id/positions/import', roles: POSITION_WRITE_ROLES,
      records: async () => ({ inUrl: `/api/v1/units/${m.f.unitA.id}/positions/import`, outUrl: `/api/v1/units/${m.f.unitB.id}/positions/import` }),
    },
    {
      method: 'GET', url: '/api/v1/units/:id/readiness', roles: READINESS_ROLES,
      records: async () => ({ inUrl: `/api/v1/units/${m.f.unitA.id}/readiness`, outUrl: `/api/v1/units/${m.f.unitB.id}/readiness` }),
    },
    { method: 'GET', url: '/api/v1/position-alerts', roles: POSITION_READ_ROLES, listHides: () => 'Vị trí cảnh báo ma trận B' },
  ]
}

// The authorization matrix's rows for directive materials, the materials sessions used, and a
// person's own page (server/authz.test.ts runs them).
import { SESSION_READ_ROLES, SESSION_WRITE_ROLES } from '../../../contract/dissemination.ts'
import { MATERIAL_MANAGE_ROLES } from '../../../contract/materials.ts'
import { seedDirective } from '../../db/seed/builders.ts'
import type { MatrixContext, RouteCase } from '../../../test/authz.ts'

export function materialRoutes(m: MatrixContext): RouteCase[] {
  const db = () => m.t.db
  /** A directive the root issued to `unitId` only, or one unit A owns (`owner`). */
  const directive = async (unitId: number, owner = m.f.root.id) => (await seedDirective(db(), { ownerUnitId: owner, unitIds: [unitId], requirements: 1 })).id
  const material = async (directiveId: number, file = false) =>
    (await db().query<{ id: number }>(
      `INSERT INTO directive_material (directive_id, kind, title, body, filename, mime, size, sha256, content)
       VALUES ($1, 'guidance', 'Tài liệu ma trận', $2, $3, $4, $5, $6, $7) RETURNING id`,
      [directiveId, file ? '' : 'Nội dung', file ? 'tl.pdf' : null, file ? 'application/pdf' : null, file ? 1 : null, file ? 'x' : null, file ? Buffer.from('%') : null],
    ))[0].id
  const session = async (unitId: number) => {
    const d = await seedDirective(db(), { ownerUnitId: m.f.root.id, unitIds: [unitId], requirements: 1 })
    return (await db().query<{ id: number }>(`INSERT INTO dissemination_session (directive_id, unit_id, held_on, form, title) VALUES ($1, $2, '2026-03-18', 'meeting', 'Phiên ma trận') RETURNING id`, [d.id, unitId]))[0].id
  }
  /** For the board: a directive unit A owns (board.a keeps its materials) and one the root owns, sent to B. */
  const keptPair = async () => ({ a: await directive(m.f.subA.id, m.f.unitA.id), b: await directive(m.f.unitB.id) })

  return [
    {
      method: 'GET', url: '/api/v1/directives/:id/materials', roles: 'any',
      records: async () => ({ inUrl: `/api/v1/directives/${await directive(m.f.unitA.id)}/materials`, outUrl: `/api/v1/directives/${await directive(m.f.unitB.id)}/materials` }),
    },
    {
      method: 'POST', url: '/api/v1/directives/:id/materials', roles: MATERIAL_MANAGE_ROLES,
      records: async () => {
        const { a, b } = await keptPair()
        return { inUrl: `/api/v1/directives/${a}/materials`, outUrl: `/api/v1/directives/${b}/materials`, body: () => ({ kind: 'qa', title: 'Hỏi đáp', body: 'Câu hỏi và trả lời' }) }
      },
    },
    {
      // In reach with no file attached: 415; out of reach: 404 before any upload is read.
      method: 'POST', url: '/api/v1/directives/:id/materials/file', roles: MATERIAL_MANAGE_ROLES,
      records: async () => {
        const { a, b } = await keptPair()
        return { inUrl: `/api/v1/directives/${a}/materials/file`, outUrl: `/api/v1/directives/${b}/materials/file` }
      },
    },
    ...(['PATCH', 'DELETE'] as const).map((method): RouteCase => ({
      method, url: '/api/v1/materials/:id', roles: MATERIAL_MANAGE_ROLES,
      records: async () => {
        const { a, b } = await keptPair()
        return { inUrl: `/api/v1/materials/${await material(a)}`, outUrl: `/api/v1/materials/${await material(b)}`, body: () => (method === 'PATCH' ? { version: 1, title: 'Tài liệu sửa' } : { version: 1 }) }
      },
    })),
    {
      method: 'GET', url: '/api/v1/materials/:id/file', roles: 'any',
      records: async () => ({ inUrl: `/api/v1/materials/${await material(await directive(m.f.unitA.id), true)}/file`, outUrl: `/api/v1/materials/${await material(await directive(m.f.unitB.id), true)}/file` }),
    },
    {
      method: 'GET', url: '/api/v1/sessions/:id/materials', roles: SESSION_READ_ROLES,
      records: async () => ({ inUrl: `/api/v1/sessions/${await session(m.f.unitA.id)}/materials`, outUrl: `/api/v1/sessions/${await session(m.f.unitB.id)}/materials` }),
    },
    {
      method: 'PUT', url: '/api/v1/sessions/:id/materials', roles: SESSION_WRITE_ROLES,
      records: async () => ({ inUrl: `/api/v1/sessions/${await session(m.f.unitA.id)}/materials`, outUrl: `/api/v1/sessions/${await session(m.f.unitB.id)}/materials`, body: () => ({ version: 1, materialIds: [] }) }),
    },
    { method: 'GET', url: '/api/v1/me/page', roles: 'any' },
    {
      // Reach is the caller's person's unit: every `.a` account has a person in unit A; root accounts
      // have none and get 409 INVALID_STATE, as for the confirmation.
      method: 'GET', url: '/api/v1/me/directives/:id', roles: 'any',
      records: async () => ({ inUrl: `/api/v1/me/directives/${await directive(m.f.unitA.id)}`, outUrl: `/api/v1/me/directives/${await directive(m.f.unitB.id)}` }),
    },
  ]
}

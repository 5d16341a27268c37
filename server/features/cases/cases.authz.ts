// The authorization matrix's rows for confidential cases (server/authz.test.ts runs them): reach
// is the case's need-to-know list, not a unit scope.
import { beforeAll } from 'vitest'
import type { Role } from '../../../contract/roles.ts'
import { perRole, type MatrixContext, type RouteCase } from '../../../test/authz.ts'

export function caseRoutes(m: MatrixContext): RouteCase[] {
  const { session } = m
  let hiddenCaseNumber = ''
  let staffAccountId = 0
  beforeAll(async () => {
    hiddenCaseNumber = (await m.t.call(await session('board'), 'POST', '/api/v1/cases', { kind: 'violation', subjectName: 'Tổ chức đảng X', subjectType: 'organization', purpose: 'notice' })).json().number
    staffAccountId = (await m.t.db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'staff'`))[0].id
  })

  const HIDDEN: Partial<Record<Role, number>> = { admin: 404 }
  const idOf = async (username: string) => (await m.t.db.query<{ id: number }>('SELECT id FROM account WHERE username = $1', [username]))[0].id
  /** A case opened by `board` (root); with `onList`, that account is on its list too. */
  const caseFor = async (onList?: string, o: { kind?: 'standards_review' | 'violation'; subjectPersonId?: number } = {}) => {
    const res = await m.t.call(await session('board'), 'POST', '/api/v1/cases', { kind: o.kind ?? 'standards_review', subjectName: 'Người được thẩm định', subjectPersonId: o.subjectPersonId, purpose: o.kind === 'violation' ? 'report' : 'planning' })
    const id = res.json().id as number
    if (onList) await m.t.db.query('INSERT INTO conf_case_access (case_id, account_id) VALUES ($1, $2)', [id, await idOf(onList)])
    return id
  }
  const casePair = async (role: string) => ({ a: await caseFor(`${role}.a`), b: await caseFor() })

  const byList = (method: string, suffix: string, body?: (side: 'in' | 'out') => unknown): RouteCase => ({
    method, url: `/api/v1/cases/:id${suffix}`, roles: 'any', expectFor: HIDDEN, needToKnow: true,
    records: perRole(async (role) => {
      const { a, b } = await casePair(role)
      return { inUrl: `/api/v1/cases/${a}${suffix}`, outUrl: `/api/v1/cases/${b}${suffix}`, body }
    }),
  })
  /** A case `${role}.a` owns (the owner manages its list); the other is board's. */
  const byOwner = (method: string, suffix: (id: number, owner: string) => Promise<string>, body?: (side: 'in' | 'out') => unknown): RouteCase => ({
    method, url: `/api/v1/cases/:id/access${method === 'DELETE' ? '/:entryId' : ''}`, roles: 'any', expectFor: HIDDEN, needToKnow: true,
    records: perRole(async (role) => {
      const { a, b } = await casePair(role)
      await m.t.db.query('UPDATE conf_case SET owner_account_id = $2 WHERE id = $1', [a, await idOf(`${role}.a`)])
      return { inUrl: `/api/v1/cases/${a}/access${await suffix(a, `${role}.a`)}`, outUrl: `/api/v1/cases/${b}/access${await suffix(b, 'board')}`, body }
    }),
  })
  const entryOf = async (caseId: number) => {
    const [{ id }] = await m.t.db.query<{ id: number }>('INSERT INTO conf_case_access (case_id, account_id) VALUES ($1, (SELECT id FROM account WHERE username = $2)) RETURNING id', [caseId, 'staff'])
    return `/${id}`
  }
  const groupOn = async (unitId: number) => (await m.t.db.query<{ id: number }>(`INSERT INTO case_group (name, board_unit_id) VALUES ('Nhóm ma trận', $1) RETURNING id`, [unitId]))[0].id
  const requestOn = async (groupId: number) => (await m.t.db.query<{ id: number }>(
    `INSERT INTO case_group_request (group_id, account_id, change, requested_by, requested_at) SELECT $1, a.id, 'add', a.id, now() FROM account a WHERE a.username = 'staff' RETURNING id`, [groupId]))[0].id
  return [
    { method: 'POST', url: '/api/v1/cases', roles: ['board'], body: { kind: 'standards_review', subjectName: 'Người được thẩm định', purpose: 'appointment' } },
    { method: 'GET', url: '/api/v1/cases', roles: 'any', listHides: () => hiddenCaseNumber },
    { method: 'GET', url: '/api/v1/cases/summary', roles: ['board', 'committee'] },
    {
      method: 'GET', url: '/api/v1/cases/lookup', roles: ['committee'],
      records: async () => {
        const number = async (unitId: number) => {
          const id = await caseFor()
          await m.t.db.query('UPDATE conf_case SET board_unit_id = $2 WHERE id = $1', [id, unitId])
          return (await m.t.db.query<{ number: string }>('SELECT number FROM conf_case WHERE id = $1', [id]))[0].number
        }
        return { inUrl: `/api/v1/cases/lookup?number=${await number(m.f.unitA.id)}`, outUrl: `/api/v1/cases/lookup?number=${await number(m.f.unitB.id)}` }
      },
    },
    byList('GET', ''),
    byList('PATCH', '', () => ({ version: 1, note: 'Ghi chú' })),
    byList('POST', '/steps', () => ({ step: 'screening', doneOn: '2026-03-20' })),
    byList('POST', '/requests', () => ({ agency: 'Cơ quan X', asked: 'Xác minh', sentOn: '2026-03-20', dueDate: '2026-03-30' })),
    // On the list with no file attached: 415; off it: 404 before any upload is read.
    byList('POST', '/files'),
    {
      method: 'POST', url: '/api/v1/cases/:id/approve', roles: ['committee'], needToKnow: true,
      records: perRole(async (role) => {
        const { a, b } = await casePair(role)
        await m.t.db.query(`UPDATE conf_case SET step = 'conclusion', outcome = 'meets', valid_until = '2026-12-31' WHERE id = ANY($1::int[])`, [[a, b]])
        return { inUrl: `/api/v1/cases/${a}/approve`, outUrl: `/api/v1/cases/${b}/approve`, body: () => ({ version: 1 }) }
      }),
    },
    {
      // Break-glass reaches the cases of the board units under the committee member's scope.
      method: 'POST', url: '/api/v1/cases/:id/break-glass', roles: ['committee'],
      records: async () => {
        const a = await caseFor()
        const b = await caseFor()
        await m.t.db.query('UPDATE conf_case SET board_unit_id = $2 WHERE id = $1', [a, m.f.unitA.id])
        await m.t.db.query('UPDATE conf_case SET board_unit_id = $2 WHERE id = $1', [b, m.f.unitB.id])
        return { inUrl: `/api/v1/cases/${a}/break-glass`, outUrl: `/api/v1/cases/${b}/break-glass`, body: () => ({ reason: 'Cần xem để quyết định nhân sự trong ngày' }) }
      },
    },
    {
      method: 'POST', url: '/api/v1/case-requests/:id/reply', roles: 'any', expectFor: HIDDEN, needToKnow: true,
      records: perRole(async (role) => {
        const { a, b } = await casePair(role)
        const board = await session('board')
        const req = async (id: number) => (await m.t.call(board, 'POST', `/api/v1/cases/${id}/requests`, { agency: 'Cơ quan X', asked: 'Xác minh', sentOn: '2026-03-20', dueDate: '2026-03-30' })).json().requests[0].id
        return { inUrl: `/api/v1/case-requests/${await req(a)}/reply`, outUrl: `/api/v1/case-requests/${await req(b)}/reply`, body: () => ({ version: 1, repliedOn: '2026-03-20', reply: 'Đã trả lời' }) }
      }),
    },
    {
      method: 'GET', url: '/api/v1/case-files/:id', roles: 'any', expectFor: HIDDEN, needToKnow: true,
      records: perRole(async (role) => {
        const { a, b } = await casePair(role)
        const board = await session('board')
        const upload = async (id: number) => {
          const fd = new FormData()
          fd.append('file', new Blob([Buffer.from('Biên bản')], { type: 'text/plain' }), 'bb.txt')
          const r = new Response(fd)
          const res = await m.t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/files`, headers: { cookie: board.cookie, 'x-csrf-token': board.csrf, 'content-type': r.headers.get('content-type')! }, payload: Buffer.from(await r.arrayBuffer()) })
          return res.json().id as number
        }
        return { inUrl: `/api/v1/case-files/${await upload(a)}`, outUrl: `/api/v1/case-files/${await upload(b)}` }
      }),
    },
    byOwner('GET', async () => ''),
    byOwner('POST', async () => '', () => ({ accountId: staffAccountId })),
    byOwner('DELETE', (id) => entryOf(id)),
    { method: 'GET', url: '/api/v1/case-groups', roles: ['board', 'unitHead', 'admin'] },
    // Only the head of a board unit creates groups; unit A is a hospital.
    { method: 'POST', url: '/api/v1/case-groups', roles: ['unitHead'], body: { name: 'Nhóm thẩm định' }, expectFor: { unitHead: 403 } },
    ...(['POST', 'DELETE'] as const).map((method): RouteCase => ({
      method, url: `/api/v1/case-groups/:id/members${method === 'DELETE' ? '/:accountId' : ''}`, roles: ['unitHead', 'admin'], needToKnow: true,
      records: async () => {
        const a = await groupOn(m.f.unitA.id)
        const b = await groupOn(m.f.unitB.id)
        const tail = method === 'DELETE' ? `/${staffAccountId}` : ''
        return { inUrl: `/api/v1/case-groups/${a}/members${tail}`, outUrl: `/api/v1/case-groups/${b}/members${tail}`, body: () => (method === 'POST' ? { accountId: staffAccountId } : undefined) }
      },
    })),
    ...(['approve', 'refuse'] as const).map((verb): RouteCase => ({
      method: 'POST', url: `/api/v1/case-group-requests/:id/${verb}`, roles: ['unitHead'], needToKnow: true,
      records: async () => ({ inUrl: `/api/v1/case-group-requests/${await requestOn(await groupOn(m.f.unitA.id))}/${verb}`, outUrl: `/api/v1/case-group-requests/${await requestOn(await groupOn(m.f.unitB.id))}/${verb}` }),
    })),
    { method: 'GET', url: '/api/v1/me/case-notices', roles: 'any' },
    {
      // A notice addressed to the caller (the subject of a violation case) is theirs to answer; anyone else's is not.
      method: 'POST', url: '/api/v1/case-notices/:id/submissions', roles: 'any', needToKnow: true,
      records: perRole(async (role) => {
        const board = await session('board')
        const personOf = async (username: string) => (await m.t.db.query<{ person_id: number }>('SELECT person_id FROM account WHERE username = $1', [username]))[0].person_id
        const notice = async (personId: number) => {
          const id = await caseFor(undefined, { kind: 'violation', subjectPersonId: personId })
          const res = await m.t.call(board, 'POST', `/api/v1/cases/${id}/steps`, { step: 'subjectNotified', doneOn: '2026-03-20', dueDate: '2026-03-30', note: 'Đề nghị giải trình' })
          return res.json().notices[0].id as number
        }
        return {
          inUrl: `/api/v1/case-notices/${await notice(await personOf(`${role}.a`))}/submissions`, outUrl: `/api/v1/case-notices/${await notice(m.f.personB.id)}/submissions`,
          body: () => ({ kind: 'explanation', body: 'Tôi xin giải trình' }),
        }
      }),
    },
  ]
}

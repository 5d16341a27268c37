// The authorization matrix: every API route × every role × a record in the caller's scope and one
// outside it. A route added without a row here fails the coverage test at the bottom.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../contract/roles.ts'
import { seedAccount, seedPerson, seedUnit } from './db/seed/builders.ts'
import { ALL_ROLES, PASSWORD, createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../test/app.ts'

let t: TestApp
let f: Fixture
const sessions = new Map<string, Session>()
const session = async (username: string) => {
  if (!sessions.has(username)) sessions.set(username, await t.login(username))
  return sessions.get(username)!
}

/** What a case needs: a record inside unit A (the caller's scope) and one inside unit B. */
interface Records {
  inUrl: string
  outUrl: string
  body?: (side: 'in' | 'out') => unknown
}

interface RouteCase {
  method: string
  url: string
  roles: readonly Role[] | 'any'
  /** Routes about the caller's own session have no record to scope. */
  records?: () => Promise<Records>
  body?: unknown
  /** How an out-of-scope record is refused: 404, or 400 naming this field (ids given in a body). */
  outField?: string
  /** For lists: a string the out-of-scope record would show up as. */
  listHides?: () => string
}

const ADMIN: Role[] = ['admin']
const PEOPLE_READ: Role[] = ['committee', 'board', 'unitHead', 'unitOfficer', 'inspector', 'auditor', 'admin']
const PEOPLE_WRITE: Role[] = ['admin', 'unitOfficer']
const AUDIT: Role[] = ['auditor', 'board']

const newUnitPair = async () => ({ a: await seedUnit(t.db, { parent: f.unitA, kind: 'subunit' }), b: await seedUnit(t.db, { parent: f.unitB, kind: 'subunit' }) })
const newPersonPair = async () => ({ a: await seedPerson(t.db, { unitId: f.unitA.id }), b: await seedPerson(t.db, { unitId: f.unitB.id }) })
let accountSeq = 0
const newAccountPair = async () => {
  const n = accountSeq++
  const pa = await seedPerson(t.db, { unitId: f.unitA.id })
  const pb = await seedPerson(t.db, { unitId: f.unitB.id })
  const a = await seedAccount(t.db, { username: `mx.a${n}`, password: PASSWORD, personId: pa.id, roles: [{ role: 'staff', unitId: f.unitA.id }] })
  const b = await seedAccount(t.db, { username: `mx.b${n}`, password: PASSWORD, personId: pb.id, roles: [{ role: 'staff', unitId: f.unitB.id }] })
  return { a, b }
}
const grantOf = async (accountId: number) => (await t.db.query<{ id: number }>('SELECT id FROM role_grant WHERE account_id = $1', [accountId]))[0].id

const ROUTES: RouteCase[] = [
  { method: 'GET', url: '/api/v1/me', roles: 'any' },
  { method: 'POST', url: '/api/v1/auth/logout', roles: 'any' },
  { method: 'POST', url: '/api/v1/auth/password', roles: 'any', body: { currentPassword: 'wrong', newPassword: 'Whatever-pass-1' } },
  { method: 'POST', url: '/api/v1/auth/totp/setup', roles: 'any' },
  { method: 'POST', url: '/api/v1/auth/totp/confirm', roles: 'any', body: { code: '000000' } },
  { method: 'POST', url: '/api/v1/auth/totp/disable', roles: 'any', body: { password: 'wrong' } },
  { method: 'GET', url: '/api/v1/units', roles: 'any', listHides: () => `"code":"${f.unitB.code}"` },
  {
    method: 'GET', url: '/api/v1/units/:id', roles: 'any',
    records: async () => ({ inUrl: `/api/v1/units/${f.subA.id}`, outUrl: `/api/v1/units/${f.unitB.id}` }),
  },
  {
    method: 'POST', url: '/api/v1/units', roles: ADMIN, outField: 'parentId',
    records: async () => ({
      inUrl: '/api/v1/units', outUrl: '/api/v1/units',
      body: (side) => ({ parentId: side === 'in' ? f.unitA.id : f.unitB.id, name: 'Khoa ma trận', code: `MX${accountSeq++}`, kind: 'subunit' }),
    }),
  },
  ...(['PATCH:', 'POST:/move', 'POST:/deactivate', 'POST:/activate'] as const).map((spec): RouteCase => {
    const [method, suffix] = spec.split(':')
    return {
      method, url: `/api/v1/units/:id${suffix}`, roles: ADMIN,
      records: async () => {
        const { a, b } = await newUnitPair()
        return {
          inUrl: `/api/v1/units/${a.id}${suffix}`, outUrl: `/api/v1/units/${b.id}${suffix}`,
          body: () => (suffix === '/move' ? { version: 1, parentId: f.subA.id } : suffix === '' ? { version: 1, name: 'Tên mới' } : { version: 1 }),
        }
      },
    }
  }),
  { method: 'GET', url: '/api/v1/people', roles: PEOPLE_READ, listHides: () => f.personB.fullName },
  {
    method: 'GET', url: '/api/v1/people/:id', roles: PEOPLE_READ,
    records: async () => ({ inUrl: `/api/v1/people/${f.personA.id}`, outUrl: `/api/v1/people/${f.personB.id}` }),
  },
  {
    method: 'POST', url: '/api/v1/people', roles: PEOPLE_WRITE, outField: 'unitId',
    records: async () => ({
      inUrl: '/api/v1/people', outUrl: '/api/v1/people',
      body: (side) => ({ fullName: 'Mai Văn Ma Trận', unitId: side === 'in' ? f.subA.id : f.unitB.id, category: 'worker' }),
    }),
  },
  {
    method: 'PATCH', url: '/api/v1/people/:id', roles: PEOPLE_WRITE,
    records: async () => {
      const { a, b } = await newPersonPair()
      return { inUrl: `/api/v1/people/${a.id}`, outUrl: `/api/v1/people/${b.id}`, body: () => ({ version: 1, position: 'Bác sĩ' }) }
    },
  },
  { method: 'GET', url: '/api/v1/accounts', roles: ADMIN, listHides: () => '"username":"mx.b' },
  {
    method: 'GET', url: '/api/v1/accounts/:id', roles: ADMIN,
    records: async () => {
      const { a, b } = await newAccountPair()
      return { inUrl: `/api/v1/accounts/${a.id}`, outUrl: `/api/v1/accounts/${b.id}` }
    },
  },
  {
    method: 'POST', url: '/api/v1/accounts', roles: ADMIN, outField: 'roles.0.unitId',
    records: async () => ({
      inUrl: '/api/v1/accounts', outUrl: '/api/v1/accounts',
      body: (side) => ({ username: `mx.new${accountSeq++}`, password: 'Matrix-pass-1', roles: [{ role: 'staff', unitId: side === 'in' ? f.unitA.id : f.unitB.id }] }),
    }),
  },
  {
    method: 'PATCH', url: '/api/v1/accounts/:id', roles: ADMIN,
    records: async () => {
      const { a, b } = await newAccountPair()
      return { inUrl: `/api/v1/accounts/${a.id}`, outUrl: `/api/v1/accounts/${b.id}`, body: () => ({ version: 1, isActive: false }) }
    },
  },
  {
    method: 'POST', url: '/api/v1/accounts/:id/roles', roles: ADMIN,
    records: async () => {
      const { a, b } = await newAccountPair()
      return { inUrl: `/api/v1/accounts/${a.id}/roles`, outUrl: `/api/v1/accounts/${b.id}/roles`, body: () => ({ role: 'inspector', unitId: f.subA.id }) }
    },
  },
  {
    method: 'DELETE', url: '/api/v1/accounts/:id/roles/:grantId', roles: ADMIN,
    records: async () => {
      const { a, b } = await newAccountPair()
      return { inUrl: `/api/v1/accounts/${a.id}/roles/${await grantOf(a.id)}`, outUrl: `/api/v1/accounts/${b.id}/roles/${await grantOf(b.id)}` }
    },
  },
  { method: 'GET', url: '/api/v1/audit', roles: AUDIT, listHides: () => `"unitId":${f.unitB.id},` },
  // dissemination routes
  // end dissemination routes
]

const PUBLIC = new Set(['GET /api/v1/health', 'POST /api/v1/auth/login'])

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  // Something in unit B for the audit list to hide.
  await t.call(await t.login('admin'), 'PATCH', `/api/v1/units/${f.unitB.id}`, { version: 1, name: 'Bệnh viện Beta' })
})
afterAll(() => t.close())

const isAllowed = (c: RouteCase, role: Role) => c.roles === 'any' || c.roles.includes(role)
const label = (c: RouteCase) => `${c.method} ${c.url}`

describe('authorization matrix', () => {
  it.each(ROUTES.map((c) => [label(c), c] as const))('%s requires sign-in', async (_l, c) => {
    const url = c.url.replace(':id', '1').replace(':grantId', '1')
    const res = await t.call(null, c.method, url, c.method === 'GET' ? undefined : (c.body ?? {}))
    expect(res.statusCode).toBe(401)
  })

  for (const c of ROUTES) {
    describe(label(c), () => {
      it.each(ALL_ROLES)('as %s scoped to unit A', async (role) => {
        // logout ends the session it is called with: give it a fresh one.
        const s = c.url.endsWith('/logout') ? await t.login(`${role}.a`) : await session(`${role}.a`)
        const rec = c.records ? await c.records() : null
        const inRes = await t.call(s, c.method, rec?.inUrl ?? c.url, rec?.body?.('in') ?? c.body)
        if (!isAllowed(c, role)) {
          expect(inRes.statusCode, inRes.body).toBe(403)
          return
        }
        expect([401, 403, 404, 500], `${inRes.statusCode} ${inRes.body}`).not.toContain(inRes.statusCode)
        if (c.listHides) expect(inRes.body).not.toContain(c.listHides())
        if (!rec) return
        const outRes = await t.call(s, c.method, rec.outUrl, rec.body?.('out'))
        if (c.outField) {
          expect(outRes.statusCode, outRes.body).toBe(400)
          expect(outRes.json().error.fields).toHaveProperty([c.outField])
        } else {
          expect(outRes.statusCode, outRes.body).toBe(404)
        }
      })

      if (c.records) {
        it(`is allowed on unit B's record for the same roles held on the root`, async () => {
          const role = c.roles === 'any' ? 'auditor' : c.roles[0]
          const rec = await c.records!()
          const res = await t.call(await session(role), c.method, rec.outUrl, rec.body?.('out'))
          expect([401, 403, 404, 500], `${res.statusCode} ${res.body}`).not.toContain(res.statusCode)
        })
      }
    })
  }

  it('covers every API route the app registers', () => {
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((r) => !PUBLIC.has(r) && !r.includes('/directives/parse-'))
    const covered = new Set(ROUTES.map(label))
    expect(registered.filter((r) => !covered.has(r))).toEqual([])
  })
})

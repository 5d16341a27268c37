import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD, createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let admin: Session

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  admin = await t.login('admin')
})
afterAll(() => t.close())

describe('accounts and roles', () => {
  it('should create an account for a person with roles on unit scopes; the user then sees only that scope', async () => {
    const res = await t.call(admin, 'POST', '/api/v1/accounts', {
      username: 'nva.alpha', personId: f.personA.id, password: 'Initial-pass-1', roles: [{ role: 'unitOfficer', unitId: f.subA.id }],
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ username: 'nva.alpha', personName: 'Nguyễn Văn An', roles: [{ role: 'unitOfficer', unitId: f.subA.id, unitName: 'Khoa Nội' }] })
    const s = await t.login('nva.alpha', 'Initial-pass-1')
    const me = (await t.call(s, 'GET', '/api/v1/me')).json()
    expect(me).toMatchObject({ username: 'nva.alpha', person: { id: f.personA.id, fullName: 'Nguyễn Văn An' }, roles: [{ role: 'unitOfficer', unitId: f.subA.id }], mustChangePassword: true })
    const units = (await t.call(s, 'GET', '/api/v1/units')).json().items
    expect(units.map((u: any) => u.code)).toEqual(['HA-K1'])
  })

  it('should grant and revoke roles, changing what the user can see at once', async () => {
    const acc = (await t.call(admin, 'GET', '/api/v1/accounts?q=nva')).json().items[0]
    const granted = await t.call(admin, 'POST', `/api/v1/accounts/${acc.id}/roles`, { role: 'auditor', unitId: f.unitB.id })
    expect(granted.json().roles).toHaveLength(2)
    const s = await t.login('nva.alpha', 'Initial-pass-1')
    expect((await t.call(s, 'GET', '/api/v1/units')).json().items.map((u: any) => u.code).sort()).toEqual(['HA-K1', 'HB'])
    const grantId = granted.json().roles.find((r: any) => r.role === 'auditor').id
    const revoked = await t.call(admin, 'DELETE', `/api/v1/accounts/${acc.id}/roles/${grantId}`)
    expect(revoked.json().roles).toHaveLength(1)
    expect((await t.call(s, 'GET', '/api/v1/units')).json().items.map((u: any) => u.code)).toEqual(['HA-K1'])
  })

  it('should reject bad input naming each field, and change nothing', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM account'))[0].n
    const res = await t.call(admin, 'POST', '/api/v1/accounts', { username: 'Bad Name!', password: 'short', roles: [{ role: 'king', unitId: 'x' }], extra: 1 })
    expect(res.statusCode).toBe(400)
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['extra', 'password', 'roles.0.role', 'roles.0.unitId', 'username'])
    const dup = await t.call(admin, 'POST', '/api/v1/accounts', { username: 'admin', password: 'Another-pass-1', roles: [{ role: 'staff', unitId: f.unitA.id }] })
    expect(dup.statusCode).toBe(400)
    expect(dup.json().error.fields.username).toBe('Giá trị đã được sử dụng')
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM account'))[0].n).toBe(before)
  })

  it('should deactivate an account and end its sessions; reset a password', async () => {
    const acc = (await t.call(admin, 'GET', '/api/v1/accounts?q=staff.a')).json().items[0]
    const s = await t.login('staff.a')
    const off = await t.call(admin, 'PATCH', `/api/v1/accounts/${acc.id}`, { version: acc.version, isActive: false })
    expect(off.json().isActive).toBe(false)
    expect((await t.call(s, 'GET', '/api/v1/me')).statusCode).toBe(401)
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: 'staff.a', password: PASSWORD })).statusCode).toBe(401)
    const on = await t.call(admin, 'PATCH', `/api/v1/accounts/${acc.id}`, { version: acc.version + 1, isActive: true, resetPassword: 'Reset-pass-77' })
    expect(on.statusCode).toBe(200)
    await t.login('staff.a', 'Reset-pass-77')
  })

  it('should not revoke the last scope of an account that has no person', async () => {
    const res = await t.call(admin, 'POST', '/api/v1/accounts', { username: 'service.x', password: 'Service-pass-1', roles: [{ role: 'auditor', unitId: f.unitB.id }] })
    const acc = res.json()
    const r = await t.call(admin, 'DELETE', `/api/v1/accounts/${acc.id}/roles/${acc.roles[0].id}`)
    expect(r.statusCode).toBe(400)
    expect(r.json().error.fields).toHaveProperty('grantId')
    expect((await t.call(admin, 'GET', `/api/v1/accounts/${acc.id}`)).json().roles).toHaveLength(1)
  })

  it('should keep a unit-scoped admin inside its unit', async () => {
    const adminA = await t.login('admin.a')
    const list = (await t.call(adminA, 'GET', '/api/v1/accounts')).json().items
    expect(list.every((a: any) => [f.unitA.id, f.subA.id].includes(a.unitId))).toBe(true)
    const outside = await t.call(adminA, 'POST', '/api/v1/accounts', { username: 'sneaky', password: 'Sneaky-pass-1', roles: [{ role: 'board', unitId: f.root.id }] })
    expect(outside.statusCode).toBe(400)
    expect(outside.json().error.fields['roles.0.unitId']).toBeDefined()
    const rootAdmin = (await t.call(admin, 'GET', '/api/v1/accounts?q=committee')).json().items.find((a: any) => a.username === 'committee')
    expect((await t.call(adminA, 'GET', `/api/v1/accounts/${rootAdmin.id}`)).statusCode).toBe(404)
  })
})

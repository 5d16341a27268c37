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
    // A password an administrator set is changed before anything else.
    expect((await t.call(s, 'GET', '/api/v1/units')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED')
    expect((await t.call(s, 'POST', '/api/v1/auth/password', { currentPassword: 'Initial-pass-1', newPassword: 'Changed-pass-42' })).statusCode).toBe(200)
    const units = (await t.call(s, 'GET', '/api/v1/units')).json().items
    expect(units.map((u: any) => u.code)).toEqual(['HA-K1'])
  })

  it('should grant and revoke roles, changing what the user can see at once', async () => {
    const acc = (await t.call(admin, 'GET', '/api/v1/accounts?q=nva')).json().items[0]
    const granted = await t.call(admin, 'POST', `/api/v1/accounts/${acc.id}/roles`, { role: 'inspector', unitId: f.unitB.id })
    expect(granted.json().roles).toHaveLength(2)
    const s = await t.login('nva.alpha', 'Changed-pass-42')
    expect((await t.call(s, 'GET', '/api/v1/units')).json().items.map((u: any) => u.code).sort()).toEqual(['HA-K1', 'HB'])
    const grantId = granted.json().roles.find((r: any) => r.role === 'inspector').id
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
    const res = await t.call(admin, 'POST', '/api/v1/accounts', { username: 'service.x', password: 'Service-pass-1', roles: [{ role: 'inspector', unitId: f.unitB.id }] })
    const acc = res.json()
    const r = await t.call(admin, 'DELETE', `/api/v1/accounts/${acc.id}/roles/${acc.roles[0].id}`)
    expect(r.statusCode).toBe(400)
    expect(r.json().error.fields).toHaveProperty('grantId')
    expect((await t.call(admin, 'GET', `/api/v1/accounts/${acc.id}`)).json().roles).toHaveLength(1)
  })

  it('should let nobody grant a role to themself', async () => {
    const self = (await t.call(admin, 'GET', '/api/v1/me')).json().id
    const res = await t.call(admin, 'POST', `/api/v1/accounts/${self}/roles`, { role: 'inspector', unitId: f.root.id })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields.role).toBe('Không ai được tự cấp vai trò cho chính mình')
    expect((await t.db.query(`SELECT 1 FROM role_grant WHERE account_id = $1 AND role = 'inspector'`, [self])).length).toBe(0)
  })

  it('should make committee, board and auditor roles a request a second person, a committee member, approves', async () => {
    const target = (await t.call(admin, 'POST', '/api/v1/accounts', { username: 'future.board', password: 'Future-pass-12', roles: [{ role: 'staff', unitId: f.unitA.id }] })).json()
    const asked = await t.call(admin, 'POST', `/api/v1/accounts/${target.id}/roles`, { role: 'board', unitId: f.root.id })
    expect(asked.statusCode).toBe(200)
    expect(asked.json().roles.map((r: any) => r.role)).toEqual(['staff'])
    expect(asked.json().pendingRoles).toEqual([expect.objectContaining({ role: 'board', unitId: f.root.id, requestedBy: 'admin' })])
    const requestId = asked.json().pendingRoles[0].requestId
    // Nothing yet: the future board member reads nothing beyond their unit.
    const s = await t.login('future.board', 'Future-pass-12')
    await t.call(s, 'POST', '/api/v1/auth/password', { currentPassword: 'Future-pass-12', newPassword: 'Chosen-pass-555' })
    expect((await t.call(s, 'GET', '/api/v1/audit')).statusCode).toBe(403)
    // The requester cannot approve (not a committee member); the account itself neither.
    expect((await t.call(admin, 'POST', `/api/v1/role-requests/${requestId}/approve`)).statusCode).toBe(403)
    const committee = await t.login('committee')
    expect((await t.call(committee, 'GET', '/api/v1/role-requests')).json().items.map((r: any) => r.id)).toContain(requestId)
    const approved = await t.call(committee, 'POST', `/api/v1/role-requests/${requestId}/approve`)
    expect(approved.statusCode).toBe(200)
    expect(approved.json().items.map((r: any) => r.id)).not.toContain(requestId)
    expect((await t.call(s, 'GET', '/api/v1/audit')).statusCode).toBe(200)
    expect((await t.call(committee, 'POST', `/api/v1/role-requests/${requestId}/approve`)).statusCode).toBe(409)
    // The audit log shows both people: who asked, who approved.
    const audit = await t.db.query<{ action: string; actor_username: string }>(`SELECT action, actor_username FROM audit_log WHERE entity = 'account' AND entity_id = $1 AND action IN ('requestRole', 'approveRole') ORDER BY id`, [String(target.id)])
    expect(audit).toEqual([{ action: 'requestRole', actor_username: 'admin' }, { action: 'approveRole', actor_username: 'committee' }])
  })

  it('should not let a committee member approve a request they made, or one for themself', async () => {
    const committeeId = (await t.db.query<{ id: number }>(`SELECT id FROM account WHERE username = 'committee'`))[0].id
    const [{ id }] = await t.db.query<{ id: number }>(`INSERT INTO role_request (account_id, role, unit_id, requested_by, requested_at) VALUES ($1, 'auditor', $2, (SELECT id FROM account WHERE username = 'admin'), now()) RETURNING id`, [committeeId, f.root.id])
    const res = await t.call(await t.login('committee'), 'POST', `/api/v1/role-requests/${id}/approve`)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toHaveProperty('id')
  })

  it('should keep a unit-scoped admin inside its unit', async () => {
    const adminA = await t.login('admin.a')
    const list = (await t.call(adminA, 'GET', '/api/v1/accounts')).json().items
    expect(list.every((a: any) => [f.unitA.id, f.subA.id].includes(a.unitId))).toBe(true)
    const outside = await t.call(adminA, 'POST', '/api/v1/accounts', { username: 'sneaky', password: 'Other-words-13', roles: [{ role: 'board', unitId: f.root.id }] })
    expect(outside.statusCode).toBe(400)
    expect(outside.json().error.fields['roles.0.unitId']).toBeDefined()
    const rootAdmin = (await t.call(admin, 'GET', '/api/v1/accounts?q=committee')).json().items.find((a: any) => a.username === 'committee')
    expect((await t.call(adminA, 'GET', `/api/v1/accounts/${rootAdmin.id}`)).statusCode).toBe(404)
  })
})

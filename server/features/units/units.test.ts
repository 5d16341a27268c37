import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let admin: Session

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  admin = await t.login('admin')
})
afterAll(() => t.close())

const unitsOf = async (s: Session, q = '') => (await t.call(s, 'GET', '/api/v1/units' + q)).json().items as any[]

describe('unit tree', () => {
  it('should list units with the contract fields, only within the caller scope', async () => {
    const all = await unitsOf(admin)
    expect(all.map((u) => u.code)).toEqual(expect.arrayContaining(['ROOT', 'HA', 'HA-K1', 'HB']))
    expect(all[0]).toMatchObject({ id: f.root.id, parentId: null, name: 'Bộ Y tế', kind: 'ministry', code: 'ROOT' })
    const officerA = await t.login('unitOfficer.a')
    expect((await unitsOf(officerA)).map((u) => u.code).sort()).toEqual(['HA', 'HA-K1'])
  })

  it('should load the tree one level at a time: the top of the scope, then children on demand with their counts', async () => {
    const level = async (s: Session, q = '') => (await t.call(s, 'GET', '/api/v1/units/children' + q)).json().items as any[]
    const top = await level(admin)
    expect(top.map((u) => [u.code, u.childCount])).toEqual([['ROOT', 2]])
    expect(top[0]).toMatchObject({ id: f.root.id, parentId: null, depth: 1, isActive: true })
    const below = await level(admin, `?parentId=${f.root.id}`)
    expect(below.map((u) => [u.code, u.childCount])).toEqual([['HA', 1], ['HB', 0]])
    expect((await level(admin, `?parentId=${f.subA.id}`))).toEqual([])
    // A unit officer of A starts at A; B is out of reach (not found, like its page).
    const officerA = await t.login('unitOfficer.a')
    expect((await level(officerA)).map((u) => u.code)).toEqual(['HA'])
    expect((await t.call(officerA, 'GET', `/api/v1/units/children?parentId=${f.unitB.id}`)).statusCode).toBe(404)
    // Inactive units are left out (and not counted) unless asked for.
    const extra = await t.call(admin, 'POST', '/api/v1/units', { parentId: f.unitB.id, name: 'Khoa tạm', code: 'HB-TMP', kind: 'subunit' })
    await t.call(admin, 'POST', `/api/v1/units/${extra.json().id}/deactivate`, { version: 1 })
    expect((await level(admin, `?parentId=${f.root.id}`)).find((u) => u.code === 'HB').childCount).toBe(0)
    expect((await level(admin, `?parentId=${f.root.id}&includeInactive=1`)).find((u) => u.code === 'HB').childCount).toBe(1)
    expect((await level(admin, `?parentId=${f.unitB.id}&includeInactive=1`)).map((u) => [u.code, u.isActive])).toEqual([['HB-TMP', false]])
  })

  it('should keep the whole list until a unit changes, the same answer for requests that come together', async () => {
    const url = '/api/v1/units?includeInactive=1'
    const together = await Promise.all([0, 1, 2].map(() => t.call(admin, 'GET', url)))
    expect(together.map((r) => r.statusCode)).toEqual([200, 200, 200])
    expect(new Set(together.map((r) => r.body)).size).toBe(1)
    expect(together[0].headers['content-type']).toBe('application/json; charset=utf-8')
    const before = together[0].json().items as any[]
    expect(before.find((u) => u.id === f.unitB.id).name).toBe('Bệnh viện Beta')
    // Any write to a unit (here straight in the database) is in the next answer.
    await t.db.query(`UPDATE unit SET name = 'Bệnh viện Beta mới' WHERE id = $1`, [f.unitB.id])
    const after = (await t.call(admin, 'GET', url)).json().items as any[]
    expect(after.find((u) => u.id === f.unitB.id).name).toBe('Bệnh viện Beta mới')
    expect(after.map((u) => u.id)).toEqual(before.map((u) => u.id))
    await t.db.query(`UPDATE unit SET name = 'Bệnh viện Beta' WHERE id = $1`, [f.unitB.id])
    // Each scope has its own list: a unit officer of A is never given the ministry's.
    expect((await unitsOf(await t.login('unitOfficer.a'), '?includeInactive=1')).map((u) => u.code).sort()).toEqual(['HA', 'HA-K1'])
  })

  it('should find units by name without diacritics', async () => {
    const found = await unitsOf(admin, '?q=' + encodeURIComponent('benh vien beta'))
    expect(found.map((u) => u.code)).toEqual(['HB'])
  })

  it('should create, rename and change the kind of a unit, with optimistic concurrency', async () => {
    const res = await t.call(admin, 'POST', '/api/v1/units', { parentId: f.unitB.id, name: 'Khoa Nhi', code: 'HB-NHI', kind: 'subunit' })
    expect(res.statusCode).toBe(201)
    const created = res.json()
    expect(created).toMatchObject({ parentId: f.unitB.id, name: 'Khoa Nhi', code: 'HB-NHI', kind: 'subunit', version: 1 })
    const renamed = await t.call(admin, 'PATCH', `/api/v1/units/${created.id}`, { version: 1, name: 'Khoa Nhi tổng hợp' })
    expect(renamed.json()).toMatchObject({ name: 'Khoa Nhi tổng hợp', version: 2 })
    const stale = await t.call(admin, 'PATCH', `/api/v1/units/${created.id}`, { version: 1, name: 'Lost update' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', current: { name: 'Khoa Nhi tổng hợp', version: 2 } })
    const dup = await t.call(admin, 'POST', '/api/v1/units', { parentId: f.unitB.id, name: 'Trùng mã', code: 'hb-nhi', kind: 'subunit' })
    expect(dup.statusCode).toBe(400)
    expect(dup.json().error.fields).toHaveProperty('code')
  })

  it('should move a whole subtree, and refuse a move that would make a cycle', async () => {
    const mid = (await t.call(admin, 'POST', '/api/v1/units', { parentId: f.unitA.id, name: 'Trung tâm Đào tạo', code: 'HA-TT', kind: 'center' })).json()
    const leaf = (await t.call(admin, 'POST', '/api/v1/units', { parentId: mid.id, name: 'Phòng Giáo vụ', code: 'HA-TT-GV', kind: 'subunit' })).json()
    const cycle = await t.call(admin, 'POST', `/api/v1/units/${mid.id}/move`, { version: 1, parentId: leaf.id })
    expect(cycle.statusCode).toBe(400)
    expect(cycle.json().error.fields.parentId).toBe('Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó')
    const self = await t.call(admin, 'POST', `/api/v1/units/${mid.id}/move`, { version: 1, parentId: mid.id }, { 'accept-language': 'en' })
    expect(self.json().error.fields.parentId).toBe('A unit cannot move under itself or one of its sub-units')
    const moved = await t.call(admin, 'POST', `/api/v1/units/${mid.id}/move`, { version: 1, parentId: f.unitB.id })
    expect(moved.statusCode).toBe(200)
    const [row] = await t.db.query<{ path: string }>('SELECT path::text AS path FROM unit WHERE id = $1', [leaf.id])
    expect(row.path).toBe(`${f.unitB.path}.${mid.id}.${leaf.id}`)
    // "Everything under B" is one ltree query and now includes the moved leaf.
    const under = await t.db.query<{ id: number }>('SELECT id FROM unit WHERE path <@ $1::ltree', [f.unitB.path])
    expect(under.map((r) => r.id)).toEqual(expect.arrayContaining([mid.id, leaf.id]))
  })

  it('should deactivate a unit with its subtree and hide it unless asked', async () => {
    const top = (await t.call(admin, 'POST', '/api/v1/units', { parentId: f.root.id, name: 'Viện Tạm', code: 'VT', kind: 'institute' })).json()
    const child = (await t.call(admin, 'POST', '/api/v1/units', { parentId: top.id, name: 'Phòng Tạm', code: 'VT-P', kind: 'subunit' })).json()
    expect((await t.call(admin, 'POST', `/api/v1/units/${top.id}/deactivate`, { version: 1 })).statusCode).toBe(200)
    expect((await unitsOf(admin)).some((u) => u.id === child.id)).toBe(false)
    const withInactive = await unitsOf(admin, '?includeInactive=1')
    expect(withInactive.find((u) => u.id === child.id)).toMatchObject({ isActive: false })
    const under = await t.call(admin, 'POST', '/api/v1/units', { parentId: top.id, name: 'Mới', code: 'VT-M', kind: 'subunit' })
    expect(under.statusCode).toBe(400)
    expect(under.json().error.fields).toHaveProperty('parentId')
    expect((await t.call(admin, 'POST', `/api/v1/units/${top.id}/activate`, { version: 2 })).json().isActive).toBe(true)
  })

  it('should refuse tree changes from non-admins and hide out-of-scope units as 404', async () => {
    const board = await t.login('board')
    expect((await t.call(board, 'POST', '/api/v1/units', { parentId: f.root.id, name: 'X', code: 'XX', kind: 'center' })).statusCode).toBe(403)
    const adminA = await t.login('admin.a')
    expect((await t.call(adminA, 'GET', `/api/v1/units/${f.unitB.id}`)).statusCode).toBe(404)
    expect((await t.call(adminA, 'PATCH', `/api/v1/units/${f.unitB.id}`, { version: 1, name: 'Hijack' })).statusCode).toBe(404)
    const outside = await t.call(adminA, 'POST', '/api/v1/units', { parentId: f.unitB.id, name: 'Khoa X', code: 'HB-X', kind: 'subunit' })
    expect(outside.statusCode).toBe(400)
    expect(outside.json().error.fields.parentId).toBeDefined()
    const [b] = await t.db.query<{ name: string }>('SELECT name FROM unit WHERE id = $1', [f.unitB.id])
    expect(b.name).toBe('Bệnh viện Beta')
  })

  it('should record every change in the audit log with before and after', async () => {
    const rows = await t.db.query<any>(`SELECT action, before, after, actor_username FROM audit_log WHERE entity = 'unit' ORDER BY id`)
    const rename = rows.find((r) => r.action === 'update' && r.after.name === 'Khoa Nhi tổng hợp')
    expect(rename).toMatchObject({ actor_username: 'admin', before: { name: 'Khoa Nhi' }, after: { name: 'Khoa Nhi tổng hợp' } })
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'update', 'move', 'deactivate', 'activate']))
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedPerson } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let admin: Session

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  admin = await t.login('admin')
  for (const name of ['Phạm Minh Đức', 'Hoàng Văn Dũng', 'Bùi Thị An', 'Lê Đức Anh', 'Đỗ Thị Ánh']) await seedPerson(t.db, { unitId: f.unitB.id, fullName: name })
})
afterAll(() => t.close())

describe('people', () => {
  it('should list a unit in Vietnamese name order (given name first)', async () => {
    const res = await t.call(admin, 'GET', `/api/v1/people?unitId=${f.unitB.id}`)
    expect(res.json().items.map((p: any) => p.fullName)).toEqual(['Bùi Thị An', 'Lê Đức Anh', 'Đỗ Thị Ánh', 'Trần Thị Bình', 'Hoàng Văn Dũng', 'Phạm Minh Đức'])
    expect(res.json().total).toBe(6)
  })

  it('should search without diacritics', async () => {
    const res = await t.call(admin, 'GET', '/api/v1/people?q=' + encodeURIComponent('duc anh'))
    expect(res.json().items.map((p: any) => p.fullName)).toEqual(['Lê Đức Anh'])
  })

  it('should stop counting a search past 1,000 matches and say so, counting exactly near a far page', async () => {
    await t.db.query(
      `INSERT INTO person (unit_id, full_name, position, category, is_party_member, sort_key)
       SELECT $1, 'Nguyễn Văn Mẫu ' || g, 'Nhân viên', 'publicEmployee', false, 'mau ' || lpad(g::text, 5, '0') FROM generate_series(1, 1005) g`,
      [f.unitA.id],
    )
    const first = (await t.call(admin, 'GET', '/api/v1/people?q=van%20mau&limit=20')).json()
    expect(first).toMatchObject({ total: 1000, isTotalCapped: true })
    expect(first.items).toHaveLength(20)
    const far = (await t.call(admin, 'GET', '/api/v1/people?q=van%20mau&limit=20&offset=990')).json()
    expect(far).toMatchObject({ total: 1005, isTotalCapped: false })
    expect(far.items).toHaveLength(15)
    // Both pages in name order over every match: the first page's from all 1,005, the far page's from the counted ones.
    expect(first.items[0].fullName).toBe('Nguyễn Văn Mẫu 1')
    expect(far.items.map((p: any) => p.fullName).slice(0, 2)).toEqual(['Nguyễn Văn Mẫu 991', 'Nguyễn Văn Mẫu 992'])
    // Past the last match: no rows, still the count.
    expect((await t.call(admin, 'GET', '/api/v1/people?q=van%20mau&limit=20&offset=1020')).json()).toMatchObject({ items: [], total: 1005, isTotalCapped: false })
    await t.db.query(`DELETE FROM person WHERE full_name LIKE 'Nguyễn Văn Mẫu %'`)
    expect((await t.call(admin, 'GET', `/api/v1/people?unitId=${f.unitB.id}`)).json()).toMatchObject({ total: 6, isTotalCapped: false })
  })

  it('should create and update a person, detecting concurrent edits', async () => {
    const created = await t.call(admin, 'POST', '/api/v1/people', { fullName: 'Vũ Thị Hạnh', unitId: f.unitA.id, position: 'Điều dưỡng', category: 'publicEmployee', isPartyMember: true })
    expect(created.statusCode).toBe(201)
    const p = created.json()
    expect(p).toMatchObject({ fullName: 'Vũ Thị Hạnh', unitName: 'Bệnh viện Alpha', isPartyMember: true, isActive: true, version: 1 })
    const moved = await t.call(admin, 'PATCH', `/api/v1/people/${p.id}`, { version: 1, unitId: f.subA.id, position: 'Điều dưỡng trưởng' })
    expect(moved.json()).toMatchObject({ unitId: f.subA.id, position: 'Điều dưỡng trưởng', version: 2 })
    const stale = await t.call(admin, 'PATCH', `/api/v1/people/${p.id}`, { version: 1, isActive: false })
    expect(stale.statusCode).toBe(409)
  })

  it('should let a unit officer keep its own roster but not another unit', async () => {
    const officer = await t.login('unitOfficer.a')
    const ok = await t.call(officer, 'POST', '/api/v1/people', { fullName: 'Ngô Văn Toàn', unitId: f.subA.id, category: 'worker' })
    expect(ok.statusCode).toBe(201)
    const no = await t.call(officer, 'POST', '/api/v1/people', { fullName: 'Ngô Văn Toàn', unitId: f.unitB.id, category: 'worker' })
    expect(no.statusCode).toBe(400)
    expect(no.json().error.fields.unitId).toBeDefined()
    expect((await t.call(officer, 'GET', `/api/v1/people/${f.personB.id}`)).statusCode).toBe(404)
    expect((await t.call(officer, 'PATCH', `/api/v1/people/${f.personB.id}`, { version: 1, fullName: 'Xuân Hòa' })).statusCode).toBe(404)
    expect((await t.call(officer, 'GET', `/api/v1/people?unitId=${f.unitB.id}`)).statusCode).toBe(404)
  })

  it('should include sub-units on request', async () => {
    const flat = (await t.call(admin, 'GET', `/api/v1/people?unitId=${f.unitA.id}`)).json().items
    const deep = (await t.call(admin, 'GET', `/api/v1/people?unitId=${f.unitA.id}&includeSubunits=1`)).json().items
    expect(deep.length).toBeGreaterThan(flat.length)
    expect(deep.some((p: any) => p.unitId === f.subA.id)).toBe(true)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccount, seedDirective, seedPerson, seedUnit, type SeededDirective, type SeededUnit } from '../../db/seed/builders.ts'
import { PASSWORD, createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import { coverageByUnit } from './dissemination.queries.ts'

let t: TestApp
let f: Fixture
let d: SeededDirective
let board: Session
// A hospital X with a department Y (both addressees) and an empty center Z, all new: counts known exactly.
let x: SeededUnit, y: SeededUnit, z: SeededUnit
const px: { id: number; fullName: string }[] = []
const py: { id: number; fullName: string }[] = []

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  x = await seedUnit(t.db, { parent: f.root, code: 'HX', name: 'Bệnh viện Xanh', kind: 'hospital' })
  y = await seedUnit(t.db, { parent: x, code: 'HX-K', name: 'Khoa Khám bệnh', kind: 'subunit' })
  z = await seedUnit(t.db, { parent: x, code: 'HX-Z', name: 'Trung tâm Z', kind: 'center' })
  for (const name of ['An', 'Bình', 'Cúc', 'Dung', 'Giang', 'Hải']) px.push(await seedPerson(t.db, { unitId: x.id, fullName: `Phạm Thị ${name}` }))
  for (const name of ['Khánh', 'Lan', 'Minh']) py.push(await seedPerson(t.db, { unitId: y.id, fullName: `Võ Văn ${name}` }))
  await t.db.query('UPDATE person SET is_active = false WHERE id = $1', [px[4].id]) // Giang left before anything happened
  d = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [x.id, y.id, z.id, f.unitA.id, f.subA.id, f.unitB.id] })
  board = await t.login('board')
})
afterAll(() => t.close())

const session = async (unitId: number, attendeeIds: number[], title: string) => {
  const res = await t.call(board, 'POST', `/api/v1/directives/${d.id}/sessions`, {
    unitId, heldOn: '2026-03-10', form: 'meeting', title, requirementIds: d.requirementIds, attendeeIds,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}
const confirm = async (person: { id: number }, username: string, unitId: number) => {
  await seedAccount(t.db, { username, password: PASSWORD, personId: person.id, roles: [{ role: 'staff', unitId }] })
  const s = await t.login(username)
  return { s, res: await t.call(s, 'POST', `/api/v1/directives/${d.id}/receipt`) }
}

describe('coverage', () => {
  it('should count each active person once, whether they attended, attended twice or confirmed receipt', async () => {
    // X: An and Bình at the first session; Bình again with Cúc and Dung at the second; Y's Khánh sat in on X's first.
    await session(x.id, [px[0].id, px[1].id, py[0].id], 'Phiên 1')
    await session(x.id, [px[1].id, px[2].id, px[3].id], 'Phiên 2')
    // Dung leaves after attending: out of both numerator and denominator.
    await t.db.query('UPDATE person SET is_active = false WHERE id = $1', [px[3].id])
    // Y: Lan confirms receipt herself; Khánh (already reached by attending) confirms too and is counted once.
    expect((await confirm(py[1], 'lan.y', y.id)).res.statusCode).toBe(200)
    expect((await confirm(py[0], 'khanh.y', y.id)).res.statusCode).toBe(200)

    const res = await t.call(board, 'GET', `/api/v1/directives/${d.id}/coverage?unitId=${x.id}&includeSubunits=1`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      directiveId: d.id,
      items: [
        // Active: An, Bình, Cúc, Hải (Giang and Dung inactive); reached: An, Bình, Cúc.
        { unitId: x.id, unitName: 'Bệnh viện Xanh', activePeople: 4, reached: 3, coverage: 0.75 },
        { unitId: y.id, unitName: 'Khoa Khám bệnh', activePeople: 3, reached: 2, coverage: 2 / 3 },
        { unitId: z.id, unitName: 'Trung tâm Z', activePeople: 0, reached: 0, coverage: 0 },
      ],
    })
    const only = (await t.call(board, 'GET', `/api/v1/directives/${d.id}/coverage?unitId=${x.id}`)).json()
    expect(only.items.map((r: any) => r.unitId)).toEqual([x.id])
  })

  it('should list every addressee in scope when no unit is given, and only those in scope', async () => {
    const all = (await t.call(board, 'GET', `/api/v1/directives/${d.id}/coverage`)).json().items.map((r: any) => r.unitId)
    expect(all.sort()).toEqual([x.id, y.id, z.id, f.unitA.id, f.subA.id, f.unitB.id].sort())
    const officerA = await t.login('unitOfficer.a')
    const mine = (await t.call(officerA, 'GET', `/api/v1/directives/${d.id}/coverage`)).json().items.map((r: any) => r.unitId)
    expect(mine).toEqual([f.unitA.id, f.subA.id])
  })

  it('should export coverageByUnit: one row per known unit, in the order asked', async () => {
    const rows = await coverageByUnit(t.db, d.id, [z.id, 999_999, x.id])
    expect(rows.map((r) => [r.unitId, r.reached, r.activePeople])).toEqual([[z.id, 0, 0], [x.id, 3, 4]])
    expect(await coverageByUnit(t.db, d.id, [])).toEqual([])
    // Another directive's sessions and receipts do not count for this one.
    const other = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [x.id] })
    expect((await coverageByUnit(t.db, other.id, [x.id]))[0]).toMatchObject({ reached: 0, activePeople: 4, coverage: 0 })
  })
})

describe('receipt and the personal record', () => {
  it('should confirm receipt once, however often it is sent', async () => {
    const { s, res } = await confirm(px[5], 'hai.x', x.id)
    expect(res.json()).toEqual({ directiveId: d.id, personId: px[5].id, confirmedAt: '2026-03-20T08:00:00.000Z' })
    t.clock.advance(3_600_000)
    const again = await t.call(s, 'POST', `/api/v1/directives/${d.id}/receipt`)
    expect(again.json().confirmedAt).toBe('2026-03-20T08:00:00.000Z')
    const n = async (sql: string) => (await t.db.query<{ n: number }>(sql, [d.id, px[5].id]))[0].n
    expect(await n('SELECT count(*)::int AS n FROM receipt_confirmation WHERE directive_id = $1 AND person_id = $2')).toBe(1)
    expect(await n(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'confirmReceipt' AND entity_id = $1::text AND after->>'personId' = $2::text`)).toBe(1)
    expect((await coverageByUnit(t.db, d.id, [x.id]))[0]).toMatchObject({ reached: 4, coverage: 1 })
  })

  it('should refuse a directive not addressed to the person’s unit or above it, as not found', async () => {
    const elsewhere = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitB.id] })
    const staffA = await t.login('staff.a')
    expect((await t.call(staffA, 'POST', `/api/v1/directives/${elsewhere.id}/receipt`)).statusCode).toBe(404)
    // Addressed to hospital A: a person of its department may confirm (addressee above them).
    const toA = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id] })
    const dept = await seedPerson(t.db, { unitId: f.subA.id, fullName: 'Lý Thị Mai' })
    const { res } = await confirm({ id: dept.id }, 'mai.suba', f.subA.id)
    expect(res.statusCode).toBe(200)
    const s = await t.login('mai.suba')
    expect((await t.call(s, 'POST', `/api/v1/directives/${toA.id}/receipt`)).statusCode).toBe(200)
    // An account with no person behind it has nobody to confirm for.
    expect((await t.call(board, 'POST', `/api/v1/directives/${d.id}/receipt`)).json().error.code).toBe('INVALID_STATE')
  })

  it('should show a person the directives addressed to them, their confirmation and the sessions they attended', async () => {
    const s = await t.login('khanh.y')
    const res = await t.call(s, 'GET', '/api/v1/me/directives')
    expect(res.statusCode).toBe(200)
    const mine = res.json().items.find((i: any) => i.id === d.id)
    expect(mine).toMatchObject({ subject: 'Tăng cường công tác bảo vệ chính trị nội bộ', status: 'issued', confirmedAt: expect.any(String) })
    expect(mine.attendedSessions).toEqual([{ id: expect.any(Number), heldOn: '2026-03-10', form: 'meeting', title: 'Phiên 1', unitName: 'Bệnh viện Xanh' }])
    const other = res.json().items.filter((i: any) => i.id !== d.id)
    expect(other.every((i: any) => i.confirmedAt === null && i.attendedSessions.length === 0)).toBe(true)
    expect((await t.call(s, 'GET', '/api/v1/me/directives?q=' + encodeURIComponent('tang cuong'))).json().total).toBeGreaterThan(0)
    expect((await t.call(s, 'GET', '/api/v1/me/directives?q=khong-co-van-ban-nay')).json()).toEqual({ items: [], total: 0 })
    // Unit B's directives are not theirs.
    const elsewhere = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitB.id], subject: 'Chỉ gửi Bệnh viện Beta' })
    expect((await t.call(s, 'GET', '/api/v1/me/directives')).body).not.toContain('Chỉ gửi Bệnh viện Beta')
    expect(elsewhere.id).toBeGreaterThan(d.id)
  })
})

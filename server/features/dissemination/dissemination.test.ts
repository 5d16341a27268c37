import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccount, seedDirective, seedPerson, seedUnit, type SeededDirective } from '../../db/seed/builders.ts'
import { PASSWORD, createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let d: SeededDirective
let officerA: Session
let subPerson: { id: number; fullName: string }

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  d = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.subA.id, f.unitB.id] })
  officerA = await t.login('unitOfficer.a')
  subPerson = await seedPerson(t.db, { unitId: f.subA.id, fullName: 'Đặng Thu Hà' })
})
afterAll(() => t.close())

const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params))[0].n
const sessionCount = () => count('SELECT count(*)::int AS n FROM dissemination_session')
const newSession = (s: Session, o: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  t.call(s, 'POST', `/api/v1/directives/${d.id}/sessions`, {
    unitId: f.unitA.id, heldOn: '2026-03-18', form: 'conference', title: 'Hội nghị quán triệt Công văn 1946', requirementIds: [d.requirementIds[0]], attendeeIds: [f.personA.id], ...o,
  }, headers)

describe('dissemination sessions', () => {
  it('should record a session, list it, read it, edit it and delete it, auditing each step', async () => {
    const created = await newSession(officerA, { requirementIds: [d.requirementIds[0], d.requirementIds[1]], attendeeIds: [subPerson.id, f.personA.id], note: 'Toàn thể viên chức' })
    expect(created.statusCode, created.body).toBe(201)
    const s = created.json()
    expect(s).toMatchObject({
      directiveId: d.id, unitId: f.unitA.id, unitName: 'Bệnh viện Alpha', heldOn: '2026-03-18', form: 'conference', note: 'Toàn thể viên chức',
      requirementIds: [d.requirementIds[0], d.requirementIds[1]], attendeeCount: 2, createdBy: 'Lê Văn unitOfficer', version: 1,
    })
    // Vietnamese name order: An before Hà (given names), whatever the order sent.
    expect(s.attendees.map((a: any) => a.fullName)).toEqual(['Nguyễn Văn An', 'Đặng Thu Hà'])
    expect(s.requirements.map((r: any) => r.label)).toEqual(['1.', '2.'])

    const list = (await t.call(officerA, 'GET', `/api/v1/directives/${d.id}/sessions?unitId=${f.unitA.id}&q=${encodeURIComponent('hoi nghi quan triet')}`)).json()
    expect(list.items.map((x: any) => x.id)).toContain(s.id)
    expect((await t.call(officerA, 'GET', `/api/v1/directives/${d.id}/sessions?q=khong-co`)).json()).toEqual({ items: [], total: 0 })

    const edited = await t.call(officerA, 'PATCH', `/api/v1/sessions/${s.id}`, { version: 1, title: 'Học tập chuyên đề', form: 'meeting', attendeeIds: [f.personA.id] })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json()).toMatchObject({ title: 'Học tập chuyên đề', form: 'meeting', version: 2, attendeeCount: 1, heldOn: '2026-03-18' })

    expect((await t.call(officerA, 'DELETE', `/api/v1/sessions/${s.id}?version=2`)).statusCode).toBe(204)
    expect((await t.call(officerA, 'GET', `/api/v1/sessions/${s.id}`)).statusCode).toBe(404)
    expect(await count('SELECT count(*)::int AS n FROM session_attendance WHERE session_id = $1', [s.id])).toBe(0)

    const audit = await t.db.query<any>(`SELECT action, before, after, actor_username FROM audit_log WHERE entity = 'dissemination_session' AND entity_id = $1 ORDER BY id`, [String(s.id)])
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete'])
    expect(audit[1]).toMatchObject({ actor_username: 'unitOfficer.a', before: { title: 'Hội nghị quán triệt Công văn 1946', attendeeIds: [f.personA.id, subPerson.id].sort((a, b) => a - b) }, after: { title: 'Học tập chuyên đề', attendeeIds: [f.personA.id] } })
    expect(audit[2]).toMatchObject({ before: { title: 'Học tập chuyên đề' }, after: null })
  })

  it('should name each malformed field and create nothing', async () => {
    const before = await sessionCount()
    const res = await t.call(officerA, 'POST', `/api/v1/directives/${d.id}/sessions`, { unitId: 'A', heldOn: '18/03/2026', form: 'party', title: '', requirementIds: [], extra: 1 })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION',
      fields: {
        unitId: 'Sai kiểu dữ liệu (cần number)', heldOn: 'Ngày không hợp lệ (cần yyyy-mm-dd)', form: expect.stringContaining('meeting'),
        title: 'Quá ngắn (tối thiểu 2)', requirementIds: 'Quá ngắn (tối thiểu 1)', extra: 'Trường không được phép',
      },
    })
    expect(await sessionCount()).toBe(before)
  })

  it('should name each id that does not fit: foreign requirement, outsider, former staff, future date', async () => {
    const other = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id] })
    const leaver = await seedPerson(t.db, { unitId: f.unitA.id, isActive: false })
    const before = await sessionCount()
    const res = await newSession(officerA, {
      heldOn: '2026-03-21', requirementIds: [d.requirementIds[0], other.requirementIds[0]], attendeeIds: [f.personA.id, f.personB.id, leaver.id, 99_999],
    }, { 'accept-language': 'en' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toEqual({
      heldOn: 'The date cannot be in the future',
      'requirementIds.1': 'The requirement is not part of this directive',
      'attendeeIds.1': 'Not a person of the unit or its sub-units',
      'attendeeIds.2': 'This person is no longer active',
      'attendeeIds.3': 'Not a person of the unit or its sub-units',
    })
    const early = await newSession(officerA, { heldOn: '2024-03-01' })
    expect(early.json().error.fields.heldOn).toBe('Ngày tổ chức trước ngày của văn bản (2024-03-15)')
    expect(await sessionCount()).toBe(before)
  })

  it('should accept only a unit that is an addressee, in the caller scope and active', async () => {
    const pharmacy = (await seedUnit(t.db, { parent: f.unitA, code: 'HA-DUOC', name: 'Khoa Dược', kind: 'subunit' })).id
    expect((await newSession(officerA, { unitId: pharmacy, attendeeIds: [] })).json().error.fields).toEqual({ unitId: 'Đơn vị không có trong danh sách nơi nhận của văn bản' })
    expect((await newSession(officerA, { unitId: f.unitB.id, attendeeIds: [] })).json().error.fields).toEqual({ unitId: 'Không tồn tại hoặc ngoài phạm vi của bạn' })
  })

  it('should detect a concurrent edit with 409 and hand back the current record', async () => {
    const s = (await newSession(officerA)).json()
    expect((await t.call(officerA, 'PATCH', `/api/v1/sessions/${s.id}`, { version: 1, title: 'Bản của người thứ nhất' })).statusCode).toBe(200)
    const stale = await t.call(officerA, 'PATCH', `/api/v1/sessions/${s.id}`, { version: 1, title: 'Bản của người thứ hai' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', current: { id: s.id, title: 'Bản của người thứ nhất', version: 2, attendees: [{ id: f.personA.id }] } })
    expect((await t.call(officerA, 'DELETE', `/api/v1/sessions/${s.id}`, { version: 1 })).statusCode).toBe(409)
    expect((await t.call(officerA, 'DELETE', `/api/v1/sessions/${s.id}`)).json().error.fields).toEqual({ version: 'Bắt buộc nhập' })
    expect((await t.call(officerA, 'GET', `/api/v1/sessions/${s.id}`)).json().title).toBe('Bản của người thứ nhất')
  })

  it('should create one session for a retried submission with the same Idempotency-Key', async () => {
    const before = await sessionCount()
    const first = await newSession(officerA, { title: 'Gửi lại do mất mạng' }, { 'idempotency-key': 'retry-1' })
    const again = await newSession(officerA, { title: 'Gửi lại do mất mạng' }, { 'idempotency-key': 'retry-1' })
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replay']).toBe('true')
    expect(again.json()).toEqual(first.json())
    expect(await sessionCount()).toBe(before + 1)
    // The key is the caller's: another account's identical key is another request.
    const head = await t.login('unitHead.a')
    const other = await newSession(head, { title: 'Gửi lại do mất mạng' }, { 'idempotency-key': 'retry-1' })
    expect(other.json().id).not.toBe(first.json().id)
    expect(await sessionCount()).toBe(before + 2)
    const bad = await newSession(officerA, {}, { 'idempotency-key': 'có dấu' })
    expect(bad.json().error.fields).toEqual({ 'headers.idempotency-key': 'Sai định dạng' })
  })
})

describe('dissemination scope', () => {
  let sessionB: number
  beforeAll(async () => {
    const officerB = await seedAccount(t.db, { username: 'officer.b', password: PASSWORD, roles: [{ role: 'unitOfficer', unitId: f.unitB.id }] })
    expect(officerB.id).toBeGreaterThan(0)
    const res = await newSession(await t.login('officer.b'), { unitId: f.unitB.id, title: 'Phiên của Bệnh viện Beta', attendeeIds: [f.personB.id] })
    expect(res.statusCode, res.body).toBe(201)
    sessionB = res.json().id
  })

  it('should hide unit B sessions from unit A as if they did not exist', async () => {
    expect((await t.call(officerA, 'GET', `/api/v1/sessions/${sessionB}`)).statusCode).toBe(404)
    expect((await t.call(officerA, 'PATCH', `/api/v1/sessions/${sessionB}`, { version: 1, title: 'Sửa trộm' })).statusCode).toBe(404)
    expect((await t.call(officerA, 'DELETE', `/api/v1/sessions/${sessionB}?version=1`)).statusCode).toBe(404)
    expect((await t.call(officerA, 'GET', `/api/v1/directives/${d.id}/sessions?unitId=${f.unitB.id}`)).statusCode).toBe(404)
    expect((await t.call(officerA, 'GET', `/api/v1/directives/${d.id}/coverage?unitId=${f.unitB.id}`)).statusCode).toBe(404)
    const all = await t.call(officerA, 'GET', `/api/v1/directives/${d.id}/sessions`)
    expect(all.body).not.toContain('Bệnh viện Beta')
    const board = await t.login('board')
    expect((await t.call(board, 'GET', `/api/v1/directives/${d.id}/sessions`)).body).toContain('Phiên của Bệnh viện Beta')
  })

  it('should let readers read but not write, and staff do neither', async () => {
    const auditor = await t.login('auditor.a')
    const mine = (await newSession(officerA)).json()
    expect((await t.call(auditor, 'GET', `/api/v1/sessions/${mine.id}`)).statusCode).toBe(200)
    expect((await t.call(auditor, 'PATCH', `/api/v1/sessions/${mine.id}`, { version: 1, title: 'Không được' })).statusCode).toBe(403)
    const staff = await t.login('staff.a')
    expect((await t.call(staff, 'GET', `/api/v1/directives/${d.id}/sessions`)).statusCode).toBe(403)
  })

  it('should answer 404 for a draft directive and 409 for sessions on a closed one', async () => {
    const draft = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id], status: 'draft' })
    expect((await t.call(officerA, 'GET', `/api/v1/directives/${draft.id}/sessions`)).statusCode).toBe(404)
    expect((await t.call(officerA, 'POST', `/api/v1/directives/${draft.id}/receipt`)).statusCode).toBe(404)
    const closed = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id], status: 'closed' })
    const res = await t.call(officerA, 'POST', `/api/v1/directives/${closed.id}/sessions`, {
      unitId: f.unitA.id, heldOn: '2026-03-18', form: 'meeting', title: 'Muộn', requirementIds: [closed.requirementIds[0]],
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('INVALID_STATE')
  })
})

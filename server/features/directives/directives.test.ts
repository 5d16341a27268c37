import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let board: Session

const draft = {
  number: '1946-CV/BCSD', documentType: 'CV', issuer: 'BAN CÁN SỰ ĐẢNG BỘ Y TẾ', place: 'Hà Nội', date: '2024-03-15',
  subject: 'Tăng cường công tác bảo vệ chính trị nội bộ', addressees: ['Các đơn vị thuộc và trực thuộc Bộ Y tế'],
  distribution: ['Như trên', 'Lưu: VP BCSD'], references: [{ number: '58-QĐ/TW', date: '2022-02-08', issuer: 'Bộ Chính trị' }],
  requirements: [
    { label: '1.', text: 'Tiếp tục quán triệt, nâng cao nhận thức' },
    { label: '2.', text: 'Tăng cường giáo dục chính trị tư tưởng', children: [{ label: 'a)', text: 'Tới từng cán bộ' }, { label: 'b)', text: 'Tới từng đảng viên' }] },
  ],
}

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  board = await t.login('board')
})
afterAll(() => t.close())

async function createAndIssue(body: object = { unitIds: [f.unitA.id, f.subA.id, f.unitB.id] }) {
  const d = (await t.call(board, 'POST', '/api/v1/directives', draft)).json()
  const issued = await t.call(board, 'POST', `/api/v1/directives/${d.id}/issue`, { version: d.version, acknowledgeWithinDays: 5, planWithinDays: 20, ...body })
  expect(issued.statusCode, issued.body).toBe(200)
  return issued.json()
}

describe('directive lifecycle', () => {
  it('registers a draft with nested requirements, visible only to managers until issued', async () => {
    const res = await t.call(board, 'POST', '/api/v1/directives', draft)
    expect(res.statusCode).toBe(201)
    const d = res.json()
    expect(d).toMatchObject({ number: '1946-CV/BCSD', status: 'draft', date: '2024-03-15', version: 1, references: draft.references })
    expect(d.requirements.map((r: any) => r.label)).toEqual(['1.', '2.'])
    expect(d.requirements[1].children.map((c: any) => c.text)).toEqual(['Tới từng cán bộ', 'Tới từng đảng viên'])
    const officer = await t.login('unitOfficer.a')
    expect((await t.call(officer, 'GET', `/api/v1/directives/${d.id}`)).statusCode).toBe(404)
    expect((await t.call(officer, 'GET', '/api/v1/directives')).json().items.some((x: any) => x.id === d.id)).toBe(false)
  })

  it('does not create a second draft when the same submission is retried', async () => {
    const headers = { 'idempotency-key': 'draft-retry-1' }
    const first = await t.call(board, 'POST', '/api/v1/directives', { ...draft, subject: 'Văn bản thử gửi lại' }, headers)
    const second = await t.call(board, 'POST', '/api/v1/directives', { ...draft, subject: 'Văn bản thử gửi lại' }, headers)
    expect(second.statusCode).toBe(201)
    expect(second.json().id).toBe(first.json().id)
    const rows = await t.db.query(`SELECT id FROM directive WHERE subject = 'Văn bản thử gửi lại'`)
    expect(rows).toHaveLength(1)
  })

  it('issues to picked units with deadlines; units see it and acknowledge once', async () => {
    const d = await createAndIssue()
    expect(d).toMatchObject({ status: 'issued', addresseeCount: 3 })
    const officer = await t.login('unitOfficer.a')
    const list = (await t.call(officer, 'GET', '/api/v1/directives?q=' + encodeURIComponent('bao ve chinh tri'))).json()
    expect(list.items.map((x: any) => x.id)).toContain(d.id)
    // Where the units stand, counted over the officer's own scope: unit A and its sub-unit, not unit B.
    expect(list.items[0]).toEqual({
      id: expect.any(Number), number: '1946-CV/BCSD', subject: draft.subject, date: '2024-03-15', status: 'issued',
      progress: { addressees: 2, acknowledged: 0, plansAccepted: 0, overdueActions: 0, nextDeadline: expect.stringMatching(/^2026-0[34]-\d\d$/) },
    })
    const boardList = (await t.call(board, 'GET', '/api/v1/directives?q=' + encodeURIComponent('bao ve chinh tri'))).json()
    expect(boardList.items.find((x: { id: number }) => x.id === d.id).progress.addressees).toBe(3)
    const ack = await t.call(officer, 'POST', `/api/v1/directives/${d.id}/acknowledge`, { unitId: f.unitA.id })
    expect(ack.json()).toEqual({ acknowledgedAt: t.clock().toISOString(), isNew: true })
    t.clock.advance(3_600_000)
    const again = await t.call(officer, 'POST', `/api/v1/directives/${d.id}/acknowledge`, { unitId: f.unitA.id })
    expect(again.json()).toMatchObject({ isNew: false, acknowledgedAt: ack.json().acknowledgedAt })
    // Unit A's officer cannot acknowledge for unit B.
    const other = await t.call(officer, 'POST', `/api/v1/directives/${d.id}/acknowledge`, { unitId: f.unitB.id })
    expect(other.statusCode).toBe(400)
    expect(other.json().error.fields).toHaveProperty('unitId')
    const addressees = (await t.call(officer, 'GET', `/api/v1/directives/${d.id}/addressees`)).json().items
    expect(addressees.map((a: any) => a.unitId).sort()).toEqual([f.unitA.id, f.subA.id].sort())
    expect(addressees.find((a: any) => a.unitId === f.unitA.id)).toMatchObject({ acknowledgedBy: 'unitOfficer.a', ackDueDate: '2026-03-25', planDueDate: '2026-04-09', isAckOverdue: false })
  })

  it('shows late acknowledgements as overdue', async () => {
    const d = await createAndIssue()
    t.clock.advance(6 * 86_400_000)
    board = await t.login('board')
    const list = (await t.call(board, 'GET', `/api/v1/directives/${d.id}/addressees`)).json().items
    expect(list.every((a: any) => a.isAckOverdue)).toBe(true)
    await t.call(await t.login('unitHead.a'), 'POST', `/api/v1/directives/${d.id}/acknowledge`, { unitId: f.unitA.id })
    const after = (await t.call(board, 'GET', `/api/v1/directives/${d.id}/addressees`)).json().items
    expect(after.find((a: any) => a.unitId === f.unitA.id)).toMatchObject({ isAckOverdue: true, acknowledgedBy: 'unitHead.a' })
    t.clock.set(new Date('2026-03-20T08:00:00Z'))
    board = await t.login('board')
  })

  it('resolves "all units of the Ministry" to the units of those kinds in scope', async () => {
    const d = await createAndIssue({ unitIds: [], unitKinds: ['hospital'] })
    expect(d.addresseeCount).toBe(2)
    const units = (await t.db.query<{ unit_id: number }>('SELECT unit_id FROM directive_addressee WHERE directive_id = $1 ORDER BY unit_id', [d.id])).map((r) => r.unit_id)
    expect(units).toEqual([f.unitA.id, f.unitB.id].sort((a, b) => a - b))
  })

  it('refuses bad issue input naming fields, and a second issue', async () => {
    const d = (await t.call(board, 'POST', '/api/v1/directives', draft)).json()
    const bad = await t.call(board, 'POST', `/api/v1/directives/${d.id}/issue`, { version: 1, unitIds: [999999], acknowledgeWithinDays: 0, planWithinDays: 10 })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields)).toEqual(['acknowledgeWithinDays'])
    const outside = await t.call(board, 'POST', `/api/v1/directives/${d.id}/issue`, { version: 1, unitIds: [999999], acknowledgeWithinDays: 3, planWithinDays: 10 })
    expect(outside.json().error.fields).toHaveProperty(['unitIds.0'])
    expect((await t.db.query('SELECT 1 FROM directive_addressee WHERE directive_id = $1', [d.id]))).toHaveLength(0)
    const ok = await t.call(board, 'POST', `/api/v1/directives/${d.id}/issue`, { version: 1, unitIds: [f.unitA.id], acknowledgeWithinDays: 3, planWithinDays: 10 })
    expect(ok.statusCode).toBe(200)
    const twice = await t.call(board, 'POST', `/api/v1/directives/${d.id}/issue`, { version: 2, unitIds: [f.unitA.id], acknowledgeWithinDays: 3, planWithinDays: 10 })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error.code).toBe('INVALID_STATE')
    const edit = await t.call(board, 'PATCH', `/api/v1/directives/${d.id}`, { version: 2, requirements: [{ label: '1.', text: 'Khác' }] })
    expect(edit.json().error.fields.requirements).toBe('Không thể sửa các yêu cầu sau khi văn bản đã ban hành')
  })

  it('edits a draft with version checks, then closes or supersedes an issued directive', async () => {
    const d = (await t.call(board, 'POST', '/api/v1/directives', draft)).json()
    const edited = await t.call(board, 'PATCH', `/api/v1/directives/${d.id}`, { version: 1, subject: 'Về tăng cường công tác', requirements: [{ label: '1.', text: 'Một yêu cầu' }] })
    expect(edited.json()).toMatchObject({ subject: 'Về tăng cường công tác', version: 2, requirements: [{ label: '1.', text: 'Một yêu cầu', children: [] }] })
    expect((await t.call(board, 'PATCH', `/api/v1/directives/${d.id}`, { version: 1, subject: 'Mất' })).statusCode).toBe(409)
    const other = await createAndIssue()
    await t.call(board, 'POST', `/api/v1/directives/${d.id}/issue`, { version: 2, unitIds: [f.unitA.id], acknowledgeWithinDays: 3, planWithinDays: 10 })
    const sup = await t.call(board, 'POST', `/api/v1/directives/${d.id}/close`, { version: 3, supersededById: other.id })
    expect(sup.json()).toMatchObject({ status: 'superseded', supersededById: other.id })
    const closed = await t.call(board, 'POST', `/api/v1/directives/${other.id}/close`, { version: other.version })
    expect(closed.json().status).toBe('closed')
    const audit = await t.db.query<any>(`SELECT action FROM audit_log WHERE entity = 'directive' AND entity_id = $1 ORDER BY id`, [String(d.id)])
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'issue', 'supersede'])
  })
})

// A directive's materials over HTTP: the board keeps them (text or files, checked, versioned,
// audited); the people of a unit the directive was issued to open them, nobody else; a session
// links the materials it used; and a staff member's own page shows the directives sent to their
// unit (one-click receipt that counts in coverage), those materials, and nothing of anyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccount, seedDirective, seedPerson, type SeededDirective } from '../../db/seed/builders.ts'
import { PASSWORD, createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let board: Session
let officer: Session
let staff: Session
let dA: SeededDirective
let dB: SeededDirective
const ids: Record<string, number> = {}

async function uploadFile(s: Session, directiveId: number, fields: Record<string, string>, bytes: Uint8Array | null, filename = 'huong-dan.pdf') {
  const fd = new FormData()
  for (const [k, v] of Object.entries(fields)) fd.append(k, v)
  if (bytes) fd.append('file', new Blob([new Uint8Array(bytes)]), filename)
  const r = new Response(fd)
  return t.app.inject({
    method: 'POST', url: `/api/v1/directives/${directiveId}/materials/file`, payload: Buffer.from(await r.arrayBuffer()),
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': r.headers.get('content-type')! },
  })
}
const materialCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM directive_material'))[0].n
const PDF = new TextEncoder().encode('%PDF-1.4\nHuong dan thuc hien Cong van 1946\n%%EOF\n')

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  dA = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id], number: '1946-CV/BCSĐ', subject: 'Tăng cường công tác bảo vệ chính trị nội bộ' })
  dB = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitB.id], number: '77-CV/BCSĐ', subject: 'Văn bản chỉ gửi Bệnh viện Beta' })
  ;[board, officer, staff] = [await t.login('board'), await t.login('unitOfficer.a'), await t.login('staff.a')]
})
afterAll(() => t.close())

describe('a directive’s materials', () => {
  it('the board adds a text material once per Idempotency-Key, audited', async () => {
    const body = { kind: 'qa', title: 'Hỏi đáp về Công văn 1946', body: 'Hỏi: Ai phải quán triệt?\nĐáp: Toàn thể cán bộ, đảng viên, viên chức, người lao động.' }
    const res = await t.call(board, 'POST', `/api/v1/directives/${dA.id}/materials`, body, { 'idempotency-key': 'mat-1' })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ directiveId: dA.id, kind: 'qa', title: 'Hỏi đáp về Công văn 1946', file: null, sessionCount: 0, version: 1 })
    const again = await t.call(board, 'POST', `/api/v1/directives/${dA.id}/materials`, body, { 'idempotency-key': 'mat-1' })
    expect(again.headers['idempotent-replay']).toBe('true')
    expect(again.json().id).toBe(res.json().id)
    expect(await materialCount()).toBe(1)
    ids.qa = res.json().id
    const [audit] = await t.db.query<{ actor_username: string; entity_id: string; after: { materialId: number } }>(`SELECT actor_username, entity_id, after FROM audit_log WHERE action = 'addMaterial'`)
    expect(audit).toMatchObject({ actor_username: 'board', entity_id: String(dA.id), after: { materialId: ids.qa } })
  })

  it('answers 400 naming each bad field, in Vietnamese or English, and adds nothing', async () => {
    const bad = await t.call(board, 'POST', `/api/v1/directives/${dA.id}/materials`, { kind: 'poster', title: '', body: '' })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['body', 'kind', 'title'])
    const en = await t.call(board, 'POST', `/api/v1/directives/${dA.id}/materials`, { kind: 'qa', title: 'Hỏi đáp', body: 'x', extra: 1 }, { 'accept-language': 'en' })
    expect(en.statusCode).toBe(400)
    expect(en.json().error.message).toBe('Invalid input')
    expect(en.json().error.fields).toHaveProperty('extra')
    const noTitle = await uploadFile(board, dA.id, { kind: 'slides' }, PDF)
    expect(noTitle.statusCode).toBe(400)
    expect(noTitle.json().error.fields).toHaveProperty('title')
    expect(await materialCount()).toBe(1)
  })

  it('the board adds a file material, judged by its content: a program disguised as a PDF is refused', async () => {
    const res = await uploadFile(board, dA.id, { kind: 'guidance', title: 'Hướng dẫn thực hiện' }, PDF)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ kind: 'guidance', title: 'Hướng dẫn thực hiện', body: '', file: { filename: 'huong-dan.pdf', mime: 'application/pdf', size: PDF.length } })
    ids.guide = res.json().id
    const exe = await uploadFile(board, dA.id, { kind: 'guidance', title: 'Tệp lạ' }, new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]), 'tai-lieu.pdf')
    expect(exe.statusCode).toBe(415)
    expect(exe.json().error.fields).toHaveProperty('file')
    expect(await materialCount()).toBe(2)
  })

  it('only the board over the directive’s owner keeps materials: a unit officer is refused, another board’s directive is not found', async () => {
    expect((await t.call(officer, 'POST', `/api/v1/directives/${dA.id}/materials`, { kind: 'qa', title: 'Hỏi đáp', body: 'x' })).statusCode).toBe(403)
    const own = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id] })
    expect((await t.call(await t.login('board.a'), 'POST', `/api/v1/directives/${own.id}/materials`, { kind: 'qa', title: 'Hỏi đáp', body: 'x' })).statusCode).toBe(404)
    expect(await materialCount()).toBe(2)
  })

  it('refuses an edit on an old version with 409 and the current material; a file’s body cannot be edited as text', async () => {
    const ok = await t.call(board, 'PATCH', `/api/v1/materials/${ids.qa}`, { version: 1, title: 'Hỏi đáp (cập nhật)' })
    expect(ok.json()).toMatchObject({ title: 'Hỏi đáp (cập nhật)', version: 2 })
    const stale = await t.call(board, 'PATCH', `/api/v1/materials/${ids.qa}`, { version: 1, title: 'Cũ' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.current).toMatchObject({ title: 'Hỏi đáp (cập nhật)', version: 2 })
    expect((await t.call(board, 'PATCH', `/api/v1/materials/${ids.guide}`, { version: 1, body: 'chữ' })).json().error.fields).toHaveProperty('body')
  })

  it('opens for the people of a unit it was issued to, and for nobody outside', async () => {
    const list = (await t.call(staff, 'GET', `/api/v1/directives/${dA.id}/materials`)).json().items
    expect(list.map((m: { id: number }) => m.id)).toEqual([ids.qa, ids.guide])
    const file = await t.call(staff, 'GET', `/api/v1/materials/${ids.guide}/file`)
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toContain('application/pdf')
    expect(file.body).toContain('Huong dan thuc hien')
    const other = (await t.call(board, 'POST', `/api/v1/directives/${dB.id}/materials`, { kind: 'guidance', title: 'Hướng dẫn cho Beta', body: 'Nội dung' })).json()
    ids.other = other.id
    expect((await t.call(staff, 'GET', `/api/v1/directives/${dB.id}/materials`)).statusCode).toBe(404)
    expect((await t.call(officer, 'GET', `/api/v1/directives/${dB.id}/materials`)).statusCode).toBe(404)
    // A person of unit B with no role at all still opens what their own unit was sent.
    const pB = await seedPerson(t.db, { unitId: f.unitB.id, fullName: 'Mai Văn Bê' })
    await seedAccount(t.db, { username: 'staff.b', password: PASSWORD, personId: pB.id, roles: [{ role: 'staff', unitId: f.unitB.id }] })
    const staffB = await t.login('staff.b')
    expect((await t.call(staffB, 'GET', `/api/v1/directives/${dB.id}/materials`)).json().items.map((m: { id: number }) => m.id)).toEqual([ids.other])
    expect((await t.call(staffB, 'GET', `/api/v1/materials/${ids.guide}/file`)).statusCode).toBe(404)
  })
})

describe('the materials a session used', () => {
  it('links the directive’s own materials to a session (its version moves), refusing another directive’s with 400 and a stale version with 409', async () => {
    const created = await t.call(officer, 'POST', `/api/v1/directives/${dA.id}/sessions`, {
      unitId: f.unitA.id, heldOn: '2026-03-18', form: 'conference', title: 'Hội nghị quán triệt Công văn 1946', requirementIds: [dA.requirementIds[0]], attendeeIds: [f.personA.id],
    })
    expect(created.statusCode, created.body).toBe(201)
    const sessionId = created.json().id
    ids.session = sessionId
    const wrong = await t.call(officer, 'PUT', `/api/v1/sessions/${sessionId}/materials`, { version: 1, materialIds: [ids.qa, ids.other] })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.fields).toEqual({ 'materialIds.1': 'Tài liệu không thuộc văn bản của phiên quán triệt này' })
    expect((await t.call(officer, 'GET', `/api/v1/sessions/${sessionId}/materials`)).json()).toEqual({ sessionId, version: 1, items: [] })
    const ok = await t.call(officer, 'PUT', `/api/v1/sessions/${sessionId}/materials`, { version: 1, materialIds: [ids.guide, ids.qa] })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ sessionId, version: 2, items: [expect.objectContaining({ id: ids.qa, sessionCount: 1 }), expect.objectContaining({ id: ids.guide, sessionCount: 1 })] })
    expect((await t.call(officer, 'GET', `/api/v1/sessions/${sessionId}`)).json().version).toBe(2)
    const stale = await t.call(officer, 'PUT', `/api/v1/sessions/${sessionId}/materials`, { version: 1, materialIds: [] })
    expect(stale.statusCode).toBe(409)
    expect((await t.call(officer, 'GET', `/api/v1/sessions/${sessionId}/materials`)).json().items).toHaveLength(2)
    expect((await t.call(staff, 'PUT', `/api/v1/sessions/${sessionId}/materials`, { version: 2, materialIds: [] })).statusCode).toBe(403)
  })

  it('keeps a material a session used: deleting it is refused; an unused one is deleted', async () => {
    const used = await t.call(board, 'DELETE', `/api/v1/materials/${ids.qa}`, { version: 2 })
    expect(used.statusCode).toBe(409)
    expect(await materialCount()).toBe(3)
    const spare = (await t.call(board, 'POST', `/api/v1/directives/${dA.id}/materials`, { kind: 'other', title: 'Bản nháp thừa', body: 'x' })).json()
    expect((await t.call(board, 'DELETE', `/api/v1/materials/${spare.id}`, { version: 2 })).statusCode).toBe(409)
    expect((await t.call(board, 'DELETE', `/api/v1/materials/${spare.id}`, { version: 1 })).json()).toEqual({ ok: true })
    expect(await materialCount()).toBe(3)
  })
})

describe('my page', () => {
  it('shows a staff member the directives sent to their unit, their materials, no training and no notices; one click confirms receipt and counts in coverage', async () => {
    const page = (await t.call(staff, 'GET', '/api/v1/me/page')).json()
    expect(page.person).toMatchObject({ name: 'Lê Văn staff', unitId: f.unitA.id, unitName: 'Bệnh viện Alpha' })
    expect(page.directives.items.map((d: { id: number }) => d.id)).toContain(dA.id)
    expect(page.directives.items.map((d: { id: number }) => d.id)).not.toContain(dB.id)
    expect(page.directives.items.find((d: { id: number }) => d.id === dA.id)).toMatchObject({ number: '1946-CV/BCSĐ', confirmedAt: null })
    expect(page.materials.map((m: { id: number }) => m.id)).toEqual([ids.qa, ids.guide])
    expect(page).toMatchObject({ training: null, notices: [], asOf: '2026-03-20' })
    const coverage = async () =>
      (await t.call(board, 'GET', `/api/v1/directives/${dA.id}/coverage`)).json().items.find((r: { unitId: number }) => r.unitId === f.unitA.id).reached as number
    const before = await coverage()
    const confirmed = await t.call(staff, 'POST', `/api/v1/directives/${dA.id}/receipt`)
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    expect(await coverage()).toBe(before + 1)
    const after = (await t.call(staff, 'GET', '/api/v1/me/page')).json()
    expect(after.directives.items.find((d: { id: number }) => d.id === dA.id).confirmedAt).not.toBeNull()
  })

  it('lets a staff member read a directive sent to their unit before confirming: its text, requirements and materials, and their own confirmation', async () => {
    const d = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id], number: '12-HD/BCSĐ', subject: 'Hướng dẫn quán triệt Công văn 1946', requirements: 2 })
    const guide = (await t.call(board, 'POST', `/api/v1/directives/${d.id}/materials`, { kind: 'guidance', title: 'Đề cương tuyên truyền', body: 'Nội dung đề cương' })).json()
    const read = await t.call(staff, 'GET', `/api/v1/me/directives/${d.id}`)
    expect(read.statusCode, read.body).toBe(200)
    expect(read.json().directive).toMatchObject({ id: d.id, number: '12-HD/BCSĐ', subject: 'Hướng dẫn quán triệt Công văn 1946' })
    expect(read.json().directive.requirements.map((r: { text: string }) => r.text)).toEqual(['Nội dung yêu cầu số 1', 'Nội dung yêu cầu số 2'])
    expect(read.json().materials).toEqual([expect.objectContaining({ id: guide.id, title: 'Đề cương tuyên truyền', body: 'Nội dung đề cương' })])
    expect(read.json().mine).toMatchObject({ id: d.id, confirmedAt: null, attendedSessions: [] })
    expect((await t.call(staff, 'POST', `/api/v1/directives/${d.id}/receipt`)).statusCode).toBe(200)
    expect((await t.call(staff, 'GET', `/api/v1/me/directives/${d.id}`)).json().mine.confirmedAt).not.toBeNull()
  })

  it('opens no directive beyond the person’s own unit: another unit’s and a draft are not found, an account without a person is told so', async () => {
    expect((await t.call(staff, 'GET', `/api/v1/me/directives/${dB.id}`)).statusCode).toBe(404)
    const draft = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id], status: 'draft' })
    expect((await t.call(staff, 'GET', `/api/v1/me/directives/${draft.id}`)).statusCode).toBe(404)
    expect((await t.call(await t.login('staff.b'), 'GET', `/api/v1/me/directives/${dA.id}`)).statusCode).toBe(404)
    const nobody = await t.call(await t.login('staff'), 'GET', `/api/v1/me/directives/${dA.id}`)
    expect(nobody.statusCode).toBe(409)
    expect(nobody.json().error.code).toBe('INVALID_STATE')
  })

  it('holds nothing of anyone else: another person’s page is their own, and an account without a person sees an empty page', async () => {
    const other = (await t.call(await t.login('staff.b'), 'GET', '/api/v1/me/page')).json()
    expect(other.person.name).toBe('Mai Văn Bê')
    expect(other.directives.items.map((d: { id: number }) => d.id)).toEqual([dB.id])
    expect(other.materials.map((m: { id: number }) => m.id)).toEqual([ids.other])
    expect(other.directives.items[0].confirmedAt).toBeNull()
    const nobody = (await t.call(await t.login('staff'), 'GET', '/api/v1/me/page')).json()
    expect(nobody).toMatchObject({ person: null, directives: { items: [], total: 0 }, materials: [], training: null })
  })

  it('shows the due-process notices addressed to them as the subject of a case, and nothing else of the case', async () => {
    const [{ person_id: me }] = await t.db.query<{ person_id: number }>(`SELECT person_id FROM account WHERE username = 'staff.a'`)
    const opened = await t.call(board, 'POST', '/api/v1/cases', { kind: 'violation', subjectPersonId: me, purpose: 'finding', note: 'Ghi chú nội bộ của đoàn' })
    expect(opened.statusCode, opened.body).toBe(201)
    const notified = await t.call(board, 'POST', `/api/v1/cases/${opened.json().id}/steps`, { step: 'subjectNotified', doneOn: '2026-03-20', dueDate: '2026-03-30', note: 'Đề nghị đồng chí giải trình' })
    expect(notified.statusCode, notified.body).toBe(200)
    const page = (await t.call(staff, 'GET', '/api/v1/me/page')).json()
    expect(page.notices).toEqual([expect.objectContaining({ caseNumber: opened.json().number, kind: 'notification', dueDate: '2026-03-30', body: 'Đề nghị đồng chí giải trình' })])
    expect(JSON.stringify(page)).not.toContain('Ghi chú nội bộ của đoàn')
    expect((await t.call(await t.login('staff.b'), 'GET', '/api/v1/me/page')).json().notices).toEqual([])
  })
})

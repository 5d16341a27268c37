import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let dir: { id: number; requirementIds: number[] }
let officer: Session
let head: Session
let board: Session

const planUrl = (unitId = f.unitA.id) => `/api/v1/directives/${dir.id}/units/${unitId}/plan`
const addAction = (s: Session, requirementId: number, extra: object = {}) =>
  t.call(s, 'POST', `${planUrl()}/actions`, { requirementId, title: 'Tổ chức hội nghị quán triệt', dueDate: '2026-04-30', ...extra })

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  dir = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.unitB.id], requirements: 2 })
  officer = await t.login('unitOfficer.a')
  head = await t.login('unitHead.a')
  board = await t.login('board')
})
afterAll(() => t.close())

describe('unit plan', () => {
  it('starts empty: every requirement "none", no plan row yet', async () => {
    const plan = (await t.call(officer, 'GET', planUrl())).json()
    expect(plan).toMatchObject({ id: null, status: 'draft', unitName: 'Bệnh viện Alpha', planDueDate: '2026-04-15' })
    expect(plan.requirements.map((r: any) => r.status)).toEqual(['none', 'none'])
  })

  it('lets the officer plan actions per requirement, with validation naming fields', async () => {
    const bad = await t.call(officer, 'POST', `${planUrl()}/actions`, { requirementId: 999999, title: 'x', dueDate: '30/04/2026', ownerPersonId: f.personB.id })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['dueDate', 'title'])
    const wrongReq = await addAction(officer, 999999)
    expect(wrongReq.json().error.fields).toHaveProperty('requirementId')
    const foreignOwner = await addAction(officer, dir.requirementIds[0], { ownerPersonId: f.personB.id })
    expect(foreignOwner.json().error.fields).toHaveProperty('ownerPersonId')
    const res = await addAction(officer, dir.requirementIds[0], { ownerPersonId: f.personA.id })
    expect(res.statusCode).toBe(201)
    const plan = (await t.call(officer, 'GET', planUrl())).json()
    expect(plan.requirements[0]).toMatchObject({ status: 'planned', actions: [{ title: 'Tổ chức hội nghị quán triệt', ownerName: 'Nguyễn Văn An', dueDate: '2026-04-30', effectiveDueDate: '2026-04-30', status: 'notStarted', timeliness: 'in_progress_on_time' }] })
  })

  it('lets only the unit head submit, and only with an action for every requirement', async () => {
    const plan = (await t.call(officer, 'GET', planUrl())).json()
    expect((await t.call(officer, 'POST', `/api/v1/plans/${plan.id}/submit`, { version: plan.version })).statusCode).toBe(403)
    const missing = await t.call(head, 'POST', `/api/v1/plans/${plan.id}/submit`, { version: plan.version })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.fields.requirements).toBe('Mỗi yêu cầu cần ít nhất một nhiệm vụ: còn thiếu 2.')
    await addAction(officer, dir.requirementIds[1], { title: 'Rà soát quy chế bảo vệ bí mật', dueDate: '2026-05-15' })
    const ok = await t.call(head, 'POST', `/api/v1/plans/${plan.id}/submit`, { version: plan.version })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ status: 'submitted', submittedAt: t.clock().toISOString() })
    // The same submit retried after a lost response: same answer, nothing new.
    const retry = await t.call(head, 'POST', `/api/v1/plans/${plan.id}/submit`, { version: plan.version })
    expect(retry.statusCode).toBe(200)
    const submits = await t.db.query(`SELECT 1 FROM audit_log WHERE entity = 'unitPlan' AND action = 'submit'`)
    expect(submits).toHaveLength(1)
  })

  it('locks the agreed actions once submitted, but progress can still be recorded', async () => {
    const plan = (await t.call(officer, 'GET', planUrl())).json()
    const action = plan.requirements[0].actions[0]
    const move = await t.call(officer, 'PATCH', `/api/v1/actions/${action.id}`, { version: action.version, dueDate: '2026-06-30' })
    expect(move.statusCode).toBe(400)
    expect(move.json().error.fields.dueDate).toBe('Kế hoạch đã trình, không thể thêm, xóa hoặc đổi hạn các nhiệm vụ')
    expect((await addAction(officer, dir.requirementIds[0])).statusCode).toBe(400)
    const progress = await t.call(officer, 'PATCH', `/api/v1/actions/${action.id}`, { version: action.version, status: 'inProgress', note: 'Đã gửi giấy mời' })
    expect(progress.json()).toMatchObject({ status: 'inProgress', note: 'Đã gửi giấy mời', version: action.version + 1 })
    const stale = await t.call(officer, 'PATCH', `/api/v1/actions/${action.id}`, { version: action.version, note: 'ghi đè' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.current.note).toBe('Đã gửi giấy mời')
    const noDate = await t.call(officer, 'PATCH', `/api/v1/actions/${action.id}`, { version: action.version + 1, status: 'done' })
    expect(noDate.json().error.fields).toHaveProperty('completedOn')
  })

  it('lets the board return the plan with a comment; the unit fixes and resubmits; the board accepts', async () => {
    let plan = (await t.call(board, 'GET', planUrl())).json()
    const ret = await t.call(board, 'POST', `/api/v1/plans/${plan.id}/return`, { version: plan.version, comment: 'Bổ sung người chủ trì cho yêu cầu 2' })
    expect(ret.json()).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung người chủ trì cho yêu cầu 2' })
    plan = ret.json()
    const a2 = plan.requirements[1].actions[0]
    expect((await t.call(officer, 'PATCH', `/api/v1/actions/${a2.id}`, { version: a2.version, ownerPersonId: f.personA.id })).statusCode).toBe(200)
    plan = (await t.call(head, 'POST', `/api/v1/plans/${plan.id}/submit`, { version: plan.version })).json()
    expect(plan.status).toBe('submitted')
    expect((await t.call(officer, 'POST', `/api/v1/plans/${plan.id}/accept`, { version: plan.version })).statusCode).toBe(403)
    const accepted = await t.call(board, 'POST', `/api/v1/plans/${plan.id}/accept`, { version: plan.version })
    expect(accepted.json().status).toBe('accepted')
  })

  it('hides another unit\'s plan as 404', async () => {
    expect((await t.call(officer, 'GET', planUrl(f.unitB.id))).statusCode).toBe(404)
    expect((await t.call(officer, 'POST', `${planUrl(f.unitB.id)}/actions`, { requirementId: dir.requirementIds[0], title: 'Xâm nhập', dueDate: '2026-04-30' })).statusCode).toBe(404)
  })
})

describe('evidence', () => {
  it('uploads a file to an action, lists it, downloads the same bytes, and deletes it', async () => {
    const plan = (await t.call(officer, 'GET', planUrl())).json()
    const action = plan.requirements[0].actions[0]
    const fd = new FormData()
    fd.append('file', new Blob([Buffer.from('Biên bản hội nghị quán triệt')], { type: 'text/plain' }), 'bien-ban.txt')
    const r = new Response(fd)
    const up = await t.app.inject({
      method: 'POST', url: `/api/v1/actions/${action.id}/evidence`,
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': r.headers.get('content-type')! },
      payload: Buffer.from(await r.arrayBuffer()),
    })
    expect(up.statusCode, up.body).toBe(201)
    const listed = (await t.call(officer, 'GET', planUrl())).json().requirements[0].actions[0].evidence
    expect(listed).toEqual([{ id: up.json().id, filename: 'bien-ban.txt', mime: 'text/plain', size: Buffer.byteLength('Biên bản hội nghị quán triệt'), uploadedAt: t.clock().toISOString() }])
    const down = await t.call(board, 'GET', `/api/v1/evidence/${up.json().id}`)
    expect(down.body).toBe('Biên bản hội nghị quán triệt')
    expect(down.headers['content-disposition']).toContain("filename*=UTF-8''bien-ban.txt")
    expect((await t.call(await t.login('unitOfficer'), 'GET', `/api/v1/evidence/${up.json().id}`)).statusCode).toBe(200)
    expect((await t.call(officer, 'DELETE', `/api/v1/evidence/${up.json().id}`)).statusCode).toBe(200)
    expect((await t.call(board, 'GET', `/api/v1/evidence/${up.json().id}`)).statusCode).toBe(404)
  })
})

describe('deadline extensions and timeliness', () => {
  it('measures timeliness against the approved deadline while keeping the original visible', async () => {
    let plan = (await t.call(officer, 'GET', planUrl())).json()
    const action = plan.requirements[1].actions[0]
    t.clock.set(new Date('2026-05-20T08:00:00Z'))
    officer = await t.login('unitOfficer.a')
    board = await t.login('board')
    plan = (await t.call(officer, 'GET', planUrl())).json()
    expect(plan.requirements[1]).toMatchObject({ status: 'overdue', actions: [{ timeliness: 'overdue' }] })
    const early = await t.call(officer, 'POST', `/api/v1/plans/${plan.id}/extensions`, { actionId: action.id, requestedDueDate: '2026-05-01', reason: 'Chờ hướng dẫn của Bộ' })
    expect(early.json().error.fields.requestedDueDate).toBe('Hạn mới phải sau hạn hiện tại')
    const req = await t.call(officer, 'POST', `/api/v1/plans/${plan.id}/extensions`, { actionId: action.id, requestedDueDate: '2026-06-30', reason: 'Chờ hướng dẫn của Bộ' })
    expect(req.statusCode).toBe(201)
    expect(req.json().plan.extensions[0]).toMatchObject({ status: 'pending', requestedDueDate: '2026-06-30', requestedBy: 'unitOfficer.a' })
    expect((await t.call(officer, 'POST', `/api/v1/extensions/${req.json().id}/approve`, {})).statusCode).toBe(403)
    const approved = (await t.call(board, 'POST', `/api/v1/extensions/${req.json().id}/approve`, { note: 'Đồng ý' })).json()
    expect(approved.requirements[1]).toMatchObject({ status: 'planned', actions: [{ dueDate: '2026-05-15', effectiveDueDate: '2026-06-30', timeliness: 'in_progress_on_time' }] })
    expect(approved.extensions[0]).toMatchObject({ status: 'approved', decidedBy: 'board', decisionNote: 'Đồng ý' })
    // Seen as of a day before the extension's new deadline passed vs after it.
    const later = (await t.call(officer, 'GET', planUrl() + '?asOf=2026-07-01')).json()
    expect(later.requirements[1].status).toBe('overdue')
    // A second request can be refused; the history keeps both.
    const again = await t.call(officer, 'POST', `/api/v1/plans/${plan.id}/extensions`, { requirementId: dir.requirementIds[1], requestedDueDate: '2026-09-30', reason: 'Thêm thời gian' })
    const refused = (await t.call(board, 'POST', `/api/v1/extensions/${again.json().id}/refuse`, { note: 'Không đồng ý' })).json()
    expect(refused.extensions.map((x: any) => x.status)).toEqual(['approved', 'refused'])
    expect(refused.requirements[1].actions[0].effectiveDueDate).toBe('2026-06-30')
    expect((await t.call(board, 'POST', `/api/v1/extensions/${again.json().id}/approve`, {})).statusCode).toBe(409)
  })

  it('classifies completion on time and late', async () => {
    const plan = (await t.call(officer, 'GET', planUrl())).json()
    const [a1] = plan.requirements[0].actions
    const [a2] = plan.requirements[1].actions
    await t.call(officer, 'PATCH', `/api/v1/actions/${a1.id}`, { version: a1.version, status: 'done', completedOn: '2026-05-02' })
    await t.call(officer, 'PATCH', `/api/v1/actions/${a2.id}`, { version: a2.version, status: 'done', completedOn: '2026-05-19' })
    const future = await t.call(officer, 'PATCH', `/api/v1/actions/${a2.id}`, { version: a2.version + 1, completedOn: '2026-12-01' })
    expect(future.json().error.fields.completedOn).toBe('Không được sau ngày hôm nay')
    const after = (await t.call(officer, 'GET', planUrl())).json()
    expect(after.requirements.map((r: any) => r.status)).toEqual(['done_late', 'done_on_time'])
  })
})

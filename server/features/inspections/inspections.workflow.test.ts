// The inspection loop end to end over HTTP: the annual plan drafted, approved and shown against what
// happened; an inspection opened from it; documents requested and answered; the self-inspection
// report; a working session; findings (one linked to a confidential case, which only the case's
// list can follow); the notice drafted, issued and downloaded; its corrective actions reported,
// verified, returned, closed on time and late.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDirective, userFor, type SeededDirective } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import type { Mail } from '../../mail/mailer.ts'
import { unitFigures } from '../reports/figures.ts'
import { approvePlan } from './inspection-plans.service.ts'
import { accountId, inspectors, teamOf, upload } from './test-support.ts'

let t: TestApp
let f: Fixture
let dir: SeededDirective
let board: Session
let committee: Session
let lead: Session
let officerA: Session
let team: Awaited<ReturnType<typeof inspectors>>
const ids: Record<string, number> = {}

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  dir = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id, f.unitB.id], requirements: 3, number: '1946-CV/BCSĐ' })
  team = await inspectors(t, f)
  ;[board, committee, lead, officerA] = [await t.login('board'), await t.login('committee'), await t.login('inspector.a'), await t.login('unitOfficer.a')]
})
afterAll(() => t.close())

const get = async (s: Session, url: string) => {
  const res = await t.call(s, 'GET', url)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const inspection = (s: Session) => get(s, `/api/v1/inspections/${ids.inspection}`)

describe('the annual plan', () => {
  it('is drafted by the board, once per year even when the request is retried', async () => {
    const body = { year: 2026, title: 'Kế hoạch kiểm tra, giám sát năm 2026' }
    const first = await t.call(board, 'POST', '/api/v1/inspection-plans', body, { 'idempotency-key': 'plan-2026' })
    expect(first.statusCode, first.body).toBe(201)
    const again = await t.call(board, 'POST', '/api/v1/inspection-plans', body, { 'idempotency-key': 'plan-2026' })
    expect(again.headers['idempotent-replay']).toBe('true')
    expect(again.json().id).toBe(first.json().id)
    expect((await t.db.query('SELECT 1 FROM inspection_plan')).length).toBe(1)
    ids.plan = first.json().id
    expect(first.json()).toMatchObject({ year: 2026, status: 'draft', planItems: [], access: { canEdit: true } })
  })

  it('takes items naming units, directives and requirements, a quarter or month and a lead', async () => {
    const add = (body: object) => t.call(board, 'POST', `/api/v1/inspection-plans/${ids.plan}/items`, body)
    const item = {
      title: 'Kiểm tra việc thực hiện Công văn 1946 tại Bệnh viện Alpha', kind: 'inspection', mode: 'thematic', method: 'direct', plannedMonth: 3,
      unitIds: [f.unitA.id], directiveIds: [dir.id], requirementIds: [dir.requirementIds[5 % 3]], leadAccountId: team.lead,
    }
    const res = await add(item)
    expect(res.statusCode, res.body).toBe(201)
    const second = await add({ ...item, title: 'Giám sát thường xuyên Bệnh viện Beta', kind: 'supervision', mode: 'regular', method: 'documents', plannedMonth: undefined, plannedQuarter: 3, unitIds: [f.unitB.id], leadAccountId: null })
    const third = await add({ ...item, title: 'Kiểm tra Khoa Nội', unitIds: [f.subA.id], plannedMonth: 9 })
    const plan = third.json()
    expect(second.statusCode).toBe(201)
    expect(plan.planItems.map((i: any) => [i.title, i.plannedQuarter, i.plannedMonth, i.state])).toEqual([
      [item.title, 1, 3, 'planned'], ['Giám sát thường xuyên Bệnh viện Beta', 3, null, 'planned'], ['Kiểm tra Khoa Nội', 3, 9, 'planned'],
    ])
    expect(plan.planItems[0]).toMatchObject({ leadAccountId: team.lead, form: { kind: 'inspection', mode: 'thematic', method: 'direct' } })
    ids.item = plan.planItems[0].id
    ids.itemB = plan.planItems[1].id
    ids.itemSub = plan.planItems[2].id
  })

  it('refuses a requirement outside the directives named, and a lead who is not an inspector', async () => {
    const other = await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id] })
    const res = await t.call(board, 'POST', `/api/v1/inspection-plans/${ids.plan}/items`, {
      title: 'Kiểm tra', kind: 'inspection', mode: 'thematic', method: 'direct', unitIds: [f.unitA.id], directiveIds: [dir.id], requirementIds: [other.requirementIds[0]],
    })
    expect(res.json().error.fields).toEqual({ 'requirementIds.0': expect.any(String) })
    const bad = await t.call(board, 'POST', `/api/v1/inspection-plans/${ids.plan}/items`, { title: 'Kiểm tra', kind: 'inspection', mode: 'thematic', method: 'direct', unitIds: [f.unitA.id], leadAccountId: await accountId(t, 'staff') })
    expect(bad.json().error.fields).toEqual({ leadAccountId: 'Tài khoản không có vai trò thành viên đoàn kiểm tra' })
  })

  it('is submitted by the board and approved by the committee, the units named told in-app and by e-mail', async () => {
    let plan = await get(board, `/api/v1/inspection-plans/${ids.plan}`)
    expect((await t.call(committee, 'POST', `/api/v1/inspection-plans/${ids.plan}/approve`, { version: plan.version })).statusCode).toBe(409) // still a draft
    const submitted = await t.call(board, 'POST', `/api/v1/inspection-plans/${ids.plan}/submit`, { version: plan.version })
    expect(submitted.json()).toMatchObject({ status: 'submitted' })
    // The board drafted it and cannot approve it.
    expect((await t.call(board, 'POST', `/api/v1/inspection-plans/${ids.plan}/approve`, { version: submitted.json().version })).statusCode).toBe(403)
    await t.db.query(`UPDATE person SET email = 'head.a@benhvien.vn' WHERE id = (SELECT person_id FROM account WHERE username = 'unitHead.a')`)
    const sent: Mail[] = []
    const committeeUser = await userFor(t.db, await accountId(t, 'committee'))
    plan = await approvePlan({ db: t.db, mailer: { send: async (m) => void sent.push(m) } }, committeeUser, { id: committeeUser.id, username: 'committee', ip: null, now: t.clock() }, ids.plan, submitted.json().version)
    expect(plan.status).toBe('approved')
    expect(sent).toEqual([expect.objectContaining({ to: 'head.a@benhvien.vn', subject: 'Kế hoạch kiểm tra, giám sát năm 2026 đã được phê duyệt' })])
    expect(sent[0].text).toContain('Kiểm tra việc thực hiện Công văn 1946 tại Bệnh viện Alpha (tháng 3)')
    const notes = (await get(officerA, '/api/v1/notifications')).items
    expect(notes.some((n: any) => n.title.includes('đã được phê duyệt') && n.link === `/inspection-plans/${ids.plan}`)).toBe(true)
  })

  it('is seen by a unit named in it, showing only its own items', async () => {
    const plans = await get(officerA, '/api/v1/inspection-plans?year=2026')
    expect(plans.items.map((p: any) => p.id)).toEqual([ids.plan])
    const plan = await get(officerA, `/api/v1/inspection-plans/${ids.plan}`)
    expect(plan.planItems.map((i: any) => i.id)).toEqual([ids.item, ids.itemSub])
    expect((await t.call(await t.login('unitOfficer'), 'GET', `/api/v1/inspection-plans/${ids.plan}`)).statusCode).toBe(200)
  })
})

describe('an inspection from the plan', () => {
  it('takes the item, the decision, a team of inspectors, and a deadline from the level\'s time limit', async () => {
    const res = await t.call(board, 'POST', '/api/v1/inspections', {
      planItemId: ids.item, decisionDate: '2026-03-16', startDate: '2026-03-18', periodFrom: '2021-01-01', periodTo: '2025-12-31', level: 'central',
      team: teamOf(team.lead, team.x, team.y),
    })
    expect(res.statusCode, res.body).toBe(201)
    const i = res.json()
    ids.inspection = i.id
    expect(i).toMatchObject({
      number: 'KT-2026-0001', decisionNumber: '1-QĐ/BCSĐ', title: 'Kiểm tra việc thực hiện Công văn 1946 tại Bệnh viện Alpha', unitIds: [f.unitA.id], phase: 'preparation',
      durationDays: 60, originalDeadline: '2026-05-16', deadline: '2026-05-16', directiveIds: [dir.id], planItemId: ids.item,
      form: { kind: 'inspection', mode: 'thematic', method: 'direct' }, access: { seesAll: true, canManage: true },
    })
    expect(i.team.map((m: any) => m.role).sort()).toEqual(['lead', 'member', 'member'])
    const plan = await get(board, `/api/v1/inspection-plans/${ids.plan}`)
    expect(plan.planItems.find((it: any) => it.id === ids.item)).toMatchObject({ state: 'started', inspectionId: i.id, inspectionNumber: 'KT-2026-0001' })
    // The same item cannot be carried out twice.
    const twice = await t.call(board, 'POST', '/api/v1/inspections', { planItemId: ids.item, decisionDate: '2026-03-16', startDate: '2026-03-18', periodFrom: '2021-01-01', periodTo: '2025-12-31', team: teamOf(team.lead, team.x, team.y) })
    expect(twice.json().error.fields).toEqual({ planItemId: expect.any(String) })
  })

  it('moves from preparation to conduct on a day not before the decision nor after today', async () => {
    let i = await inspection(board)
    const early = await t.call(board, 'POST', `/api/v1/inspections/${ids.inspection}/phase`, { version: i.version, phase: 'conduct', on: '2026-03-10' })
    expect(early.json().error.fields).toHaveProperty('on')
    const skip = await t.call(board, 'POST', `/api/v1/inspections/${ids.inspection}/phase`, { version: i.version, phase: 'closing', on: '2026-03-18' })
    expect(skip.json().error.fields).toEqual({ phase: 'Chỉ chuyển được sang giai đoạn tiếp theo: Tiến hành' })
    i = (await t.call(board, 'POST', `/api/v1/inspections/${ids.inspection}/phase`, { version: i.version, phase: 'conduct', on: '2026-03-18' })).json()
    expect(i).toMatchObject({ phase: 'conduct', phases: { preparation: '2026-03-16', conduct: '2026-03-18', closing: null, concluded: null } })
  })

  it('lets the team ask the unit for documents, and the unit answer each item with files and a note', async () => {
    const res = await t.call(lead, 'POST', `/api/v1/inspections/${ids.inspection}/requests`, { unitId: f.unitA.id, dueDate: '2026-03-27', note: 'Gửi trước buổi làm việc', items: ['Quy chế bảo vệ bí mật nhà nước', 'Sổ theo dõi văn bản mật'] })
    expect(res.statusCode, res.body).toBe(201)
    const [req] = res.json().requests
    expect(req).toMatchObject({ unitId: f.unitA.id, dueDate: '2026-03-27', timeliness: 'in_progress_on_time' })
    ids.item1 = req.items[0].id
    ids.item2 = req.items[1].id
    const up = await upload(t, officerA, `/api/v1/inspections/${ids.inspection}/files`, 'quy-che.pdf', '%PDF-1.4 quy che', 'application/pdf')
    expect(up.statusCode, up.body).toBe(201)
    expect(up.json()).toMatchObject({ filename: 'quy-che.pdf', mime: 'application/pdf', unitId: f.unitA.id })
    ids.file = up.json().id
    const answered = await t.call(officerA, 'POST', `/api/v1/inspection-request-items/${ids.item1}/answer`, { version: 1, note: 'Quy chế ban hành năm 2023', fileIds: [ids.file] })
    expect(answered.statusCode, answered.body).toBe(200)
    expect(answered.json().requests[0].items[0]).toMatchObject({ status: 'answered', answerNote: 'Quy chế ban hành năm 2023', answerFiles: [{ id: ids.file }] })
    expect((await t.call(officerA, 'POST', `/api/v1/inspection-request-items/${ids.item2}/answer`, { version: 1, note: 'Sổ đang cập nhật' })).statusCode).toBe(200)
    const download = await t.call(lead, 'GET', `/api/v1/inspection-files/${ids.file}`)
    expect(download.statusCode).toBe(200)
    expect(download.body).toBe('%PDF-1.4 quy che')
  })

  it('lets the team mark an answer received, or ask again with what is missing', async () => {
    const ok = await t.call(lead, 'POST', `/api/v1/inspection-request-items/${ids.item1}/review`, { version: 2, decision: 'received' })
    expect(ok.json().requests[0].items[0].status).toBe('received')
    const noComment = await t.call(lead, 'POST', `/api/v1/inspection-request-items/${ids.item2}/review`, { version: 2, decision: 'askAgain' })
    expect(noComment.json().error.fields).toHaveProperty('comment')
    const again = await t.call(lead, 'POST', `/api/v1/inspection-request-items/${ids.item2}/review`, { version: 2, decision: 'askAgain', comment: 'Thiếu sổ năm 2024' })
    expect(again.json().requests[0].items[1]).toMatchObject({ status: 'askedAgain', reviewComment: 'Thiếu sổ năm 2024' })
    expect((await t.call(officerA, 'POST', `/api/v1/inspection-request-items/${ids.item2}/answer`, { version: 3, note: 'Đã bổ sung sổ năm 2024' })).json().requests[0].items[1].status).toBe('answered')
  })

  it("takes the unit's self-inspection report, and a resubmission", async () => {
    const first = await t.call(officerA, 'PUT', `/api/v1/inspections/${ids.inspection}/units/${f.unitA.id}/self-report`, { version: 1, summary: 'Đơn vị đã tự kiểm tra các nội dung theo đề cương', fileIds: [ids.file] })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json().selfReports).toEqual([expect.objectContaining({ unitId: f.unitA.id, version: 2, files: [expect.objectContaining({ id: ids.file })] })])
    const stale = await t.call(officerA, 'PUT', `/api/v1/inspections/${ids.inspection}/units/${f.unitA.id}/self-report`, { version: 1, summary: 'Bản khác' })
    expect(stale.statusCode).toBe(409)
    const second = await t.call(officerA, 'PUT', `/api/v1/inspections/${ids.inspection}/units/${f.unitA.id}/self-report`, { version: 2, summary: 'Báo cáo bổ sung', fileIds: [] })
    expect(second.json().selfReports[0]).toMatchObject({ summary: 'Báo cáo bổ sung', version: 3 })
  })

  it('records a working session with its participants and minutes', async () => {
    const minutes = await upload(t, lead, `/api/v1/inspections/${ids.inspection}/files?unitId=${f.unitA.id}`, 'bien-ban-lam-viec.txt')
    expect(minutes.statusCode, minutes.body).toBe(201)
    const res = await t.call(lead, 'POST', `/api/v1/inspections/${ids.inspection}/sessions`, {
      unitId: f.unitA.id, heldOn: '2026-03-19', place: 'Bệnh viện Alpha', participants: ['Đoàn kiểm tra', 'Ban Giám đốc bệnh viện'], minutesFileId: minutes.json().id,
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().sessions).toEqual([expect.objectContaining({ heldOn: '2026-03-19', participants: ['Đoàn kiểm tra', 'Ban Giám đốc bệnh viện'], minutes: expect.objectContaining({ filename: 'bien-ban-lam-viec.txt' }) })])
    // The unit sees the minutes of its own session.
    expect((await inspection(officerA)).sessions[0].minutes.filename).toBe('bien-ban-lam-viec.txt')
  })

  it('records findings per unit and requirement; one about a person links to a confidential case and names no one', async () => {
    const add = (s: Session, body: object) => t.call(s, 'POST', `/api/v1/inspections/${ids.inspection}/findings`, body)
    const strength = await add(lead, { unitId: f.unitA.id, kind: 'strength', text: 'Đơn vị quán triệt Công văn 1946 đầy đủ đến 100% cán bộ' })
    expect(strength.statusCode, strength.body).toBe(201)
    const shortcoming = await add(lead, { unitId: f.unitA.id, requirementId: dir.requirementIds[1], kind: 'shortcoming', text: 'Chưa cập nhật quy chế bảo vệ bí mật nhà nước', evidenceFileIds: [ids.file] })
    expect(shortcoming.json()).toMatchObject({ kind: 'shortcoming', requirementLabel: '2.', isOpen: true, evidence: [expect.objectContaining({ id: ids.file })] })
    ids.shortcoming = shortcoming.json().id
    const caseRes = await t.call(board, 'POST', '/api/v1/cases', { kind: 'violation', subjectName: 'Nguyễn Văn Bí Mật', purpose: 'finding', note: 'Nội dung mật của hồ sơ' })
    ids.case = caseRes.json().id
    // An inspector not on the case's list cannot link it: the link would say a case exists.
    const notOnList = await add(lead, { unitId: f.unitA.id, kind: 'violation', text: 'Vi phạm quy định về bảo vệ bí mật nhà nước của một cá nhân', caseId: ids.case })
    expect(notOnList.json().error.fields).toEqual({ caseId: expect.any(String) })
    const violation = await add(board, { unitId: f.unitA.id, kind: 'violation', text: 'Vi phạm quy định về bảo vệ bí mật nhà nước của một cá nhân', caseId: ids.case })
    expect(violation.json()).toMatchObject({ hasConfidentialCase: true, caseId: ids.case })
    ids.violation = violation.json().id
    for (const s of [lead, officerA]) {
      const body = JSON.stringify(await inspection(s))
      expect(body).not.toContain('Nguyễn Văn Bí Mật')
      expect(body).not.toContain('Nội dung mật')
      const v = (await inspection(s)).findings.find((x: any) => x.id === ids.violation)
      expect(v).toMatchObject({ hasConfidentialCase: true, caseId: null })
    }
    const unrequired = await add(lead, { unitId: f.unitA.id, requirementId: (await seedDirective(t.db, { ownerUnitId: f.root.id, unitIds: [f.unitA.id] })).requirementIds[0], kind: 'shortcoming', text: 'Ngoài phạm vi' })
    expect(unrequired.json().error.fields).toEqual({ requirementId: 'Yêu cầu không thuộc văn bản này' })
  })

  it('is drafted into a notice suggested from the findings, which the unit does not see until issued', async () => {
    let i = await inspection(board)
    i = (await t.call(board, 'POST', `/api/v1/inspections/${ids.inspection}/phase`, { version: i.version, phase: 'closing', on: '2026-03-20' })).json()
    expect(i.phase).toBe('closing')
    expect(i.conclusion).toMatchObject({ status: 'draft', isSaved: false, version: 1, strengths: ['Đơn vị quán triệt Công văn 1946 đầy đủ đến 100% cán bộ'] })
    expect(i.conclusion.mustCorrect.map((m: any) => m.findingId)).toEqual([ids.shortcoming, ids.violation])
    expect(i.conclusion.overview).toContain('Quyết định số 1-QĐ/BCSĐ ngày 16/3/2026')
    const { status: _s, isSaved: _i, number: _n, issuedOn: _o, correctiveActionIds: _c, ...draft } = i.conclusion
    const body = {
      ...draft, causes: 'Cấp ủy chưa quan tâm đúng mức',
      mustCorrect: [
        { unitId: f.unitA.id, findingId: ids.shortcoming, requirementId: dir.requirementIds[1], title: 'Cập nhật quy chế bảo vệ bí mật nhà nước', dueDate: '2026-04-30' },
        { unitId: f.unitA.id, findingId: ids.violation, title: 'Kiểm điểm, rút kinh nghiệm trong chi bộ', dueDate: '2026-04-15' },
      ],
      signature: { authority: 'T/M BAN CÁN SỰ ĐẢNG', title: 'BÍ THƯ', name: 'Nguyễn Văn Thành' },
    }
    expect((await t.call(lead, 'PUT', `/api/v1/inspections/${ids.inspection}/conclusion`, { ...body, version: 2 })).statusCode).toBe(409)
    const saved = await t.call(lead, 'PUT', `/api/v1/inspections/${ids.inspection}/conclusion`, body)
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json().conclusion).toMatchObject({ isSaved: true, version: 2, causes: 'Cấp ủy chưa quan tâm đúng mức' })
    expect((await inspection(officerA)).conclusion).toBeNull()
    expect((await t.call(officerA, 'GET', `/api/v1/inspections/${ids.inspection}/conclusion.docx`)).statusCode).toBe(404)
    const draftDoc = await t.call(lead, 'GET', `/api/v1/inspections/${ids.inspection}/conclusion.docx`)
    expect(draftDoc.statusCode).toBe(200)
    expect(draftDoc.headers['content-disposition']).toContain('du-thao')
  })

  it('is issued by the competent level: numbered, frozen, the inspection concluded, corrective actions made', async () => {
    expect((await t.call(lead, 'POST', `/api/v1/inspections/${ids.inspection}/conclusion/issue`, { version: 2, issuedOn: '2026-03-20' })).statusCode).toBe(403)
    const res = await t.call(committee, 'POST', `/api/v1/inspections/${ids.inspection}/conclusion/issue`, { version: 2, issuedOn: '2026-03-20' })
    expect(res.statusCode, res.body).toBe(200)
    const i = res.json()
    expect(i).toMatchObject({ phase: 'concluded', concludedOn: '2026-03-20', timeliness: 'done_on_time', conclusion: { status: 'issued', number: '1-TB/BCSĐ', issuedOn: '2026-03-20' } })
    expect(i.correctiveActionIds).toHaveLength(2)
    ids.ca1 = i.correctiveActionIds[0]
    ids.ca2 = i.correctiveActionIds[1]
    // Frozen: the unit now downloads the very file issued, again and again.
    const a = await t.call(officerA, 'GET', `/api/v1/inspections/${ids.inspection}/conclusion.docx`)
    const b = await t.call(board, 'GET', `/api/v1/inspections/${ids.inspection}/conclusion.docx`)
    expect(a.statusCode).toBe(200)
    expect(a.rawPayload.equals(b.rawPayload)).toBe(true)
    const [{ document }] = await t.db.query<{ document: Uint8Array }>('SELECT document FROM inspection_conclusion WHERE inspection_id = $1', [ids.inspection])
    expect(Buffer.from(document).equals(a.rawPayload)).toBe(true)
    // A real Word file in the Guidance 36 layout: its text, fonts and page read back.
    expect(a.headers['content-type']).toContain('wordprocessingml')
    const zip = await (await import('jszip')).default.loadAsync(a.rawPayload)
    const xml = await zip.file('word/document.xml')!.async('string')
    const text = xml.replace(/<w:tab\/>/g, '\t').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '')
    for (const part of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 1-TB/BCSĐ', 'THÔNG BÁO', 'kết luận kiểm tra đối với Bệnh viện Alpha', '1. Ưu điểm', '3. Yêu cầu khắc phục', 'Đơn vị quán triệt Công văn 1946 đầy đủ đến 100% cán bộ',
      'Chưa cập nhật quy chế bảo vệ bí mật nhà nước', 'Cấp ủy chưa quan tâm đúng mức', 'Cập nhật quy chế bảo vệ bí mật nhà nước (hoàn thành trước ngày 30/4/2026)', 'Nơi nhận', 'T/M BAN CÁN SỰ ĐẢNG', 'Nguyễn Văn Thành']) {
      expect(text, part).toContain(part)
    }
    expect(text).not.toContain('Nguyễn Văn Bí Mật')
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(await zip.file('word/styles.xml')!.async('string')).toContain('Times New Roman')
    // Nothing more is recorded on it.
    expect((await t.call(lead, 'POST', `/api/v1/inspections/${ids.inspection}/findings`, { unitId: f.unitA.id, kind: 'strength', text: 'Muộn' })).statusCode).toBe(409)
    expect((await t.call(lead, 'PUT', `/api/v1/inspections/${ids.inspection}/conclusion`, { ...i.conclusion, version: i.conclusion.version })).statusCode).toBe(400)
    const plan = await get(board, `/api/v1/inspection-plans/${ids.plan}`)
    expect(plan.counts).toEqual({ planned: 2, started: 0, concluded: 1, dropped: 0, outsidePlan: 0 })
    // The year's view counts the same in the database, for the board and for a unit that sees only its items.
    for (const s of [board, officerA]) {
      const detail = await get(s, `/api/v1/inspection-plans/${ids.plan}`)
      const figures = await get(s, `/api/v1/inspection-plans/${ids.plan}/figures`)
      expect(figures).toEqual({ id: ids.plan, items: detail.items, counts: detail.counts, returnComment: detail.returnComment, dropped: [], outsidePlan: [] })
    }
    expect((await get(officerA, '/api/v1/notifications')).items.some((n: any) => n.title === 'Thông báo kết luận kiểm tra số 1-TB/BCSĐ')).toBe(true)
  })
})

describe('corrective actions', () => {
  it('are listed for the unit with their timeliness', async () => {
    const list = await get(officerA, `/api/v1/corrective-actions?under=${f.unitA.id}`)
    expect(list.total).toBe(2)
    // The class counts come with the list: every class, and each as the class filter's own total.
    const byClass: Record<string, number> = { done_on_time: 0, done_late: 0, in_progress_on_time: 0, overdue: 0 }
    for (const c of list.items) byClass[c.timeliness]++
    expect(list.byTimeliness).toEqual(byClass)
    const filtered = await get(officerA, `/api/v1/corrective-actions?under=${f.unitA.id}&timeliness=in_progress_on_time`)
    expect(filtered.total).toBe(list.byTimeliness.in_progress_on_time)
    expect(filtered.byTimeliness).toEqual(list.byTimeliness)
    expect(list.items.map((c: any) => [c.id, c.inspectionId, c.unitId, c.status, c.timeliness, c.dueDate])).toEqual([
      [ids.ca2, ids.inspection, f.unitA.id, 'open', 'in_progress_on_time', '2026-04-15'],
      [ids.ca1, ids.inspection, f.unitA.id, 'open', 'in_progress_on_time', '2026-04-30'],
    ])
    expect(list.items[1]).toMatchObject({ requirementId: dir.requirementIds[1], title: 'Cập nhật quy chế bảo vệ bí mật nhà nước', findingId: ids.shortcoming })
  })

  it('cannot be closed without the unit reporting it done with evidence, and the board verifying it', async () => {
    expect((await t.call(board, 'POST', `/api/v1/corrective-actions/${ids.ca1}/verify`, { version: 1 })).statusCode).toBe(409)
    const noEvidence = await t.call(officerA, 'POST', `/api/v1/corrective-actions/${ids.ca1}/report`, { version: 1, completedOn: '2026-03-20', note: 'Đã ban hành quy chế mới' })
    expect(noEvidence.statusCode).toBe(400)
    expect(noEvidence.json().error.fields).toEqual({ evidence: 'Cần gửi kèm minh chứng trước khi báo cáo đã khắc phục' })
    const up = await upload(t, officerA, `/api/v1/corrective-actions/${ids.ca1}/evidence`, 'quyet-dinh.pdf', '%PDF-1.4 qd', 'application/pdf')
    expect(up.statusCode, up.body).toBe(201)
    const reported = await t.call(officerA, 'POST', `/api/v1/corrective-actions/${ids.ca1}/report`, { version: 1, completedOn: '2026-03-20', note: 'Đã ban hành quy chế mới' })
    expect(reported.json()).toMatchObject({ status: 'reported', completedOn: '2026-03-20', timeliness: 'in_progress_on_time', evidence: [expect.objectContaining({ filename: 'quyet-dinh.pdf' })], access: { canReport: false } })
    // The unit cannot close it itself: verification is the board's.
    expect((await t.call(officerA, 'POST', `/api/v1/corrective-actions/${ids.ca1}/verify`, { version: 2 })).statusCode).toBe(403)
    const closed = await t.call(board, 'POST', `/api/v1/corrective-actions/${ids.ca1}/verify`, { version: 2, note: 'Đã kiểm tra quy chế' })
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: '2026-03-20', timeliness: 'done_on_time', verifiedBy: 'board' })
    const finding = (await inspection(board)).findings.find((x: any) => x.id === ids.shortcoming)
    expect(finding).toMatchObject({ isOpen: false, resolvedOn: '2026-03-20' })
  })

  it('can be returned with a comment, extended by the board on request, and closed late', async () => {
    await upload(t, officerA, `/api/v1/corrective-actions/${ids.ca2}/evidence`, 'bien-ban-kiem-diem.txt')
    let c = (await t.call(officerA, 'POST', `/api/v1/corrective-actions/${ids.ca2}/report`, { version: 1, completedOn: '2026-03-20', note: 'Đã kiểm điểm' })).json()
    c = (await t.call(board, 'POST', `/api/v1/corrective-actions/${ids.ca2}/return`, { version: c.version, comment: 'Thiếu biên bản họp chi bộ' })).json()
    expect(c).toMatchObject({ status: 'returned', returnComment: 'Thiếu biên bản họp chi bộ' })
    const ext = await t.call(officerA, 'POST', `/api/v1/corrective-actions/${ids.ca2}/extensions`, { requestedDueDate: '2026-04-25', reason: 'Chờ họp chi bộ định kỳ' })
    expect(ext.statusCode, ext.body).toBe(201)
    const pending = ext.json().extensions[0]
    expect((await t.call(board, 'POST', `/api/v1/corrective-action-extensions/${pending.id}/approve`, { note: 'Đồng ý' })).json()).toMatchObject({ dueDate: '2026-04-15', effectiveDueDate: '2026-04-25' })
    t.clock.set(new Date('2026-04-28T03:00:00Z'))
    // Sessions expire over five weeks; sign in again on the new day.
    ;[board, officerA] = [await t.login('board'), await t.login('unitOfficer.a')]
    expect((await get(officerA, `/api/v1/corrective-actions/${ids.ca2}`)).timeliness).toBe('overdue')
    c = await get(officerA, `/api/v1/corrective-actions/${ids.ca2}`)
    c = (await t.call(officerA, 'POST', `/api/v1/corrective-actions/${ids.ca2}/report`, { version: c.version, completedOn: '2026-04-27', note: 'Đã bổ sung biên bản' })).json()
    c = (await t.call(board, 'POST', `/api/v1/corrective-actions/${ids.ca2}/verify`, { version: c.version, note: '' })).json()
    expect(c).toMatchObject({ status: 'closed', timeliness: 'done_late', completedOn: '2026-04-27' })
    expect((await inspection(board)).findings.find((x: any) => x.id === ids.violation).isOpen).toBe(false)
    const history = await get(officerA, `/api/v1/units/${f.unitA.id}/inspection-history`)
    expect(history.inspections.map((i: any) => i.id)).toEqual([ids.inspection])
    expect(history.correctiveActions.map((x: any) => [x.id, x.timeliness])).toEqual([[ids.ca2, 'done_late'], [ids.ca1, 'done_on_time']])
    expect(history.findings).toHaveLength(3)
    // The report editor's known figures: inspections held and corrective actions closed, with their source.
    const [figures] = await unitFigures(t.db, f.unitA.id, [dir.id], '2026-04-28')
    expect(figures).toMatchObject({ inspectionsHeld: 1, correctiveActionsClosed: 2, inspectionSources: [expect.objectContaining({ id: ids.inspection, number: 'KT-2026-0001', decisionNumber: '1-QĐ/BCSĐ' })] })
    // Overdue on the day asked: the inspection's list flags none, the conclusion having come in time.
    expect((await get(board, '/api/v1/inspections?overdue=1')).items).toEqual([])
  })
})

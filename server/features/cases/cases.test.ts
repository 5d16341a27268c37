// Confidential cases end to end over HTTP: need-to-know, break-glass, the Regulation 58 steps, the
// committee's approval, the narrow standing call, violation due process, groups and files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedAccount, seedPerson, seedUnit, type SeededUnit } from '../../db/seed/builders.ts'
import { PASSWORD, createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import { standardsStanding } from './standards.service.ts'

let t: TestApp
let f: Fixture
let board: Session
let committee: Session
let admin: Session
let boardUnit: SeededUnit
let headId: number
let subjectB: { id: number; fullName: string }
const ids: Record<string, number> = {}

const accountId = async (username: string) => (await t.db.query<{ id: number }>('SELECT id FROM account WHERE username = $1', [username]))[0].id
const auditOf = (caseId: number) => t.db.query<{ action: string; actor_username: string; after: unknown }>(`SELECT action, actor_username, after FROM audit_log WHERE entity = 'case' AND entity_id = $1 ORDER BY id`, [String(caseId)])

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  boardUnit = await seedUnit(t.db, { parent: f.root, kind: 'board', code: 'BAN', name: 'Ban Bảo vệ chính trị nội bộ' })
  const head = await seedPerson(t.db, { unitId: boardUnit.id, fullName: 'Phạm Văn Trưởng' })
  headId = (await seedAccount(t.db, { username: 'head.ban', password: PASSWORD, personId: head.id, roles: [{ role: 'unitHead', unitId: boardUnit.id }] })).id
  subjectB = await seedPerson(t.db, { unitId: f.unitB.id, fullName: 'Đỗ Thị Giải Trình' })
  await seedAccount(t.db, { username: 'subject.b', password: PASSWORD, personId: subjectB.id, roles: [{ role: 'staff', unitId: f.unitB.id }] })
  ;[board, committee, admin] = [await t.login('board'), await t.login('committee'), await t.login('admin')]
})
afterAll(() => t.close())

describe('a standards review', () => {
  it('is opened by the board; the subject is named from the register and never in clear in the audit log', async () => {
    const res = await t.call(board, 'POST', '/api/v1/cases', { kind: 'standards_review', subjectPersonId: f.personA.id, purpose: 'appointment', note: 'Đề nghị của Bệnh viện Alpha', requestingUnitId: f.unitA.id, deadline: '2026-04-30' })
    expect(res.statusCode, res.body).toBe(201)
    const c = res.json()
    ids.review = c.id
    expect(c).toMatchObject({ kind: 'standards_review', status: 'open', step: 'requestReceived', subject: { name: f.personA.fullName, personId: f.personA.id }, note: 'Đề nghị của Bệnh viện Alpha', nextSteps: ['screening'], access: { isOwner: true } })
    expect(c.number).toMatch(/^HS-2026-\d{4}$/)
    const audit = JSON.stringify(await auditOf(c.id))
    expect(audit).toContain('"open"')
    expect(audit).not.toContain(f.personA.fullName)
    expect(audit).not.toContain('Bệnh viện Alpha')
  })

  it('is invisible to everyone not on its list: 404 and absent from lists, administrators included', async () => {
    for (const s of [committee, admin, await t.login('auditor'), await t.login('inspector')]) {
      expect((await t.call(s, 'GET', `/api/v1/cases/${ids.review}`)).statusCode).toBe(404)
      expect((await t.call(s, 'GET', '/api/v1/cases')).json().items).toEqual([])
      expect((await t.call(s, 'GET', `/api/v1/cases/${ids.review}/access`)).statusCode).toBe(404)
    }
    expect((await t.call(board, 'GET', '/api/v1/cases')).json().items.map((c: { id: number }) => c.id)).toEqual([ids.review])
    expect((await t.call(committee, 'GET', '/api/v1/cases')).json().total).toBe(0)
  })

  it('lists in pages, newest first, with the total, and no content in a list', async () => {
    const extra = [] as number[]
    for (const name of ['Phan Văn Một', 'Phan Văn Hai']) {
      extra.push((await t.call(board, 'POST', '/api/v1/cases', { kind: 'standards_review', subjectName: name, purpose: 'planning' })).json().id)
    }
    const all = (await t.call(board, 'GET', '/api/v1/cases')).json()
    const first = (await t.call(board, 'GET', '/api/v1/cases?limit=2')).json()
    const rest = (await t.call(board, 'GET', '/api/v1/cases?limit=2&offset=2')).json()
    // The total counted (a full page) and the total a last page tells agree, with a filter too.
    expect(all.total).toBe(all.items.length)
    expect(first.total).toBe(all.total)
    expect(rest.total).toBe(all.total)
    const reviews = all.items.filter((c: { kind: string }) => c.kind === 'standards_review').length
    expect(reviews).toBeGreaterThan(2)
    expect((await t.call(board, 'GET', '/api/v1/cases?kind=standards_review&limit=1')).json().total).toBe(reviews)
    expect((await t.call(board, 'GET', '/api/v1/cases?kind=standards_review&limit=1&offset=1')).json().total).toBe(reviews)
    expect([...first.items, ...rest.items].map((c: { id: number }) => c.id)).toEqual(all.items.map((c: { id: number }) => c.id).slice(0, 2 + rest.items.length))
    expect(first.items).toHaveLength(2)
    expect(all.items.map((c: { id: number }) => c.id).slice(0, 2)).toEqual([...extra].reverse())
    expect((await t.call(board, 'GET', '/api/v1/cases?limit=2&offset=1000')).json()).toEqual({ items: [], total: all.total })
    expect(JSON.stringify(all)).not.toContain('Phan Văn')
    expect((await t.call(board, 'GET', '/api/v1/cases?limit=0')).statusCode).toBe(400)
  })

  it('audits every read of its content with who, where and which parts', async () => {
    const before = (await auditOf(ids.review)).length
    expect((await t.call(board, 'GET', `/api/v1/cases/${ids.review}`, undefined, { 'x-test-ip': '10.1.2.3' })).statusCode).toBe(200)
    const [entry] = await t.db.query<{ action: string; actor_username: string; ip: string; after: { parts: string[] } }>(
      `SELECT action, actor_username, ip, after FROM audit_log WHERE entity = 'case' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [String(ids.review)],
    )
    expect(entry).toMatchObject({ action: 'read', actor_username: 'board', ip: '10.1.2.3' })
    expect(entry.after.parts).toContain('subject')
    expect((await auditOf(ids.review)).length).toBe(before + 1)
  })

  it('moves through Regulation 58: screening, a decision to verify with a team of at least three, who join its list', async () => {
    const step = (body: object) => t.call(board, 'POST', `/api/v1/cases/${ids.review}/steps`, body)
    expect((await step({ step: 'verification', doneOn: '2026-03-20' })).statusCode).toBe(400) // not the next step
    expect((await step({ step: 'screening', doneOn: '2026-03-21' })).json().error.fields).toHaveProperty('doneOn') // tomorrow
    expect((await step({ step: 'screening', doneOn: '2026-03-20', note: 'Hồ sơ đủ thành phần' })).statusCode).toBe(200)
    const inspectors = [await accountId('inspector'), await accountId('inspector.a'), await accountId('board.a')]
    const two = await step({ step: 'verificationDecision', doneOn: '2026-03-20', teamAccountIds: inspectors.slice(0, 2) })
    expect(two.json().error.fields).toHaveProperty('teamAccountIds')
    const withAdmin = await step({ step: 'verificationDecision', doneOn: '2026-03-20', teamAccountIds: [...inspectors.slice(0, 2), await accountId('admin')] })
    expect(withAdmin.json().error.fields).toEqual({ 'teamAccountIds.2': expect.stringContaining('quản trị') })
    const ok = await step({ step: 'verificationDecision', doneOn: '2026-03-20', note: 'Quyết định số 12-QĐ', teamAccountIds: inspectors })
    expect(ok.json()).toMatchObject({ step: 'verificationDecision', nextSteps: ['verification'] })
    const inspector = await t.login('inspector')
    expect((await t.call(inspector, 'GET', `/api/v1/cases/${ids.review}`)).json().steps.map((s: { step: string }) => s.step)).toEqual(['screening', 'verificationDecision'])
  })

  it('logs a request to another agency with its deadline, and its reply', async () => {
    const res = await t.call(board, 'POST', `/api/v1/cases/${ids.review}/requests`, { agency: 'Công an tỉnh X', asked: 'Xác minh lý lịch', sentOn: '2026-03-20', dueDate: '2026-03-19' })
    expect(res.json().error.fields).toHaveProperty('dueDate')
    const sent = await t.call(board, 'POST', `/api/v1/cases/${ids.review}/requests`, { agency: 'Công an tỉnh X', asked: 'Xác minh lý lịch', sentOn: '2026-03-20', dueDate: '2026-03-27' })
    expect(sent.statusCode).toBe(201)
    const request = sent.json().requests[0]
    expect(request).toMatchObject({ agency: 'Công an tỉnh X', repliedOn: null, timeliness: 'in_progress_on_time' })
    const replied = await t.call(board, 'POST', `/api/v1/case-requests/${request.id}/reply`, { version: request.version, repliedOn: '2026-03-20', reply: 'Không có thông tin bất lợi' })
    expect(replied.json().requests[0]).toMatchObject({ reply: 'Không có thông tin bất lợi', timeliness: 'done_on_time' })
    const stale = await t.call(board, 'POST', `/api/v1/case-requests/${request.id}/reply`, { version: request.version, repliedOn: '2026-03-20', reply: 'x' })
    expect(stale.statusCode).toBe(409)
  })

  it('is concluded, then approved by a committee member put on its list; the narrow call gives only outcome and validity', async () => {
    await t.call(board, 'POST', `/api/v1/cases/${ids.review}/steps`, { step: 'verification', doneOn: '2026-03-20' })
    const concluded = await t.call(board, 'POST', `/api/v1/cases/${ids.review}/steps`, { step: 'conclusion', doneOn: '2026-03-20', outcome: 'meets', validUntil: '2026-09-20', note: 'Đủ tiêu chuẩn chính trị' })
    expect(concluded.json()).toMatchObject({ outcome: 'meets', validUntil: '2026-09-20', nextSteps: [] })
    expect((await t.call(committee, 'POST', `/api/v1/cases/${ids.review}/approve`, { version: concluded.json().version })).statusCode).toBe(404)
    expect((await standardsStanding(t.db, t.keys, [f.personA.id])).size).toBe(0)
    await t.call(board, 'POST', `/api/v1/cases/${ids.review}/access`, { accountId: await accountId('committee') })
    const approved = await t.call(committee, 'POST', `/api/v1/cases/${ids.review}/approve`, { version: concluded.json().version })
    expect(approved.json()).toMatchObject({ step: 'approved', status: 'closed', closedOn: '2026-03-20' })
    expect(Object.fromEntries(await standardsStanding(t.db, t.keys, [f.personA.id, f.personB.id]))).toEqual({ [f.personA.id]: { outcome: 'meets', validUntil: '2026-09-20' } })
    expect((await t.call(board, 'GET', '/api/v1/cases?expiringWithin=200')).json().items.map((c: { id: number }) => c.id)).toEqual([ids.review])
    expect((await t.call(board, 'GET', '/api/v1/cases?expiringWithin=30')).json().items).toEqual([])
  })
})

describe('break-glass', () => {
  it('lets a committee member not on the list open a case with a written reason, marks the audit and tells the owners', async () => {
    const opened = await t.call(board, 'POST', '/api/v1/cases', { kind: 'standards_review', subjectName: 'Nguyễn Văn Bên Ngoài', purpose: 'planning' })
    ids.outsider = opened.json().id
    const other = committee
    // The number is all a committee member is given: it finds the case (no content) within their scope only.
    const number = opened.json().number
    expect((await t.call(other, 'GET', `/api/v1/cases/lookup?number=${number}`)).json()).toEqual({ id: ids.outsider, number, kind: 'standards_review', onList: false })
    expect((await t.call(await t.login('committee.a'), 'GET', `/api/v1/cases/lookup?number=${number}`)).statusCode).toBe(404)
    expect((await t.call(other, 'GET', '/api/v1/cases/lookup?number=HS-1999-0001')).statusCode).toBe(404)
    // A committee member over another unit cannot reach this board's cases at all.
    expect((await t.call(await t.login('committee.a'), 'POST', `/api/v1/cases/${ids.outsider}/break-glass`, { reason: 'Cần xem gấp để quyết định bổ nhiệm hôm nay' })).statusCode).toBe(404)
    expect((await t.call(other, 'GET', `/api/v1/cases/${ids.outsider}`)).statusCode).toBe(404)
    expect((await t.call(other, 'POST', `/api/v1/cases/${ids.outsider}/break-glass`, { reason: 'gấp' })).statusCode).toBe(400)
    expect((await t.call(board, 'POST', `/api/v1/cases/${ids.outsider}/break-glass`, { reason: 'Cần xem gấp để quyết định bổ nhiệm hôm nay' })).statusCode).toBe(403)
    expect((await t.call(admin, 'POST', `/api/v1/cases/${ids.outsider}/break-glass`, { reason: 'Cần xem gấp để quyết định bổ nhiệm hôm nay' })).statusCode).toBe(403)
    const res = await t.call(other, 'POST', `/api/v1/cases/${ids.outsider}/break-glass`, { reason: 'Cần xem gấp để quyết định bổ nhiệm hôm nay' })
    expect(res.json()).toMatchObject({ subject: { name: 'Nguyễn Văn Bên Ngoài' }, access: { viaBreakGlass: true } })
    const entry = (await auditOf(ids.outsider)).at(-1)!
    expect(entry).toMatchObject({ action: 'breakGlassRead', actor_username: 'committee', after: { breakGlass: true } })
    expect(JSON.stringify(entry)).not.toContain('bổ nhiệm hôm nay')
    const notes = (await t.call(board, 'GET', '/api/v1/notifications')).json().items
    expect(notes[0]).toMatchObject({ kind: 'case.breakGlass', link: `/cases/${ids.outsider}` })
    expect(JSON.stringify(notes)).not.toContain('Bên Ngoài')
    const head = await t.login('head.ban')
    expect((await t.call(head, 'GET', '/api/v1/notifications')).json().items[0].kind).toBe('case.breakGlass')
    const history = (await t.call(board, 'GET', `/api/v1/cases/${ids.outsider}/access`)).json().history
    expect(history.find((h: { action: string }) => h.action === 'breakGlassRead')).toMatchObject({ actor: 'committee', reason: 'Cần xem gấp để quyết định bổ nhiệm hôm nay' })
    // Still not on the list: the next plain read is refused.
    expect((await t.call(other, 'GET', `/api/v1/cases/${ids.outsider}`)).statusCode).toBe(404)
  })
})

describe('a violation case', () => {
  it('gives the subject due process: they see only the notices addressed to them, and answer in BVCT', async () => {
    const opened = await t.call(board, 'POST', '/api/v1/cases', { kind: 'violation', subjectPersonId: subjectB.id, purpose: 'finding', note: 'Từ kết luận kiểm tra' })
    expect(opened.statusCode).toBe(201)
    ids.violation = opened.json().id
    const v = ids.violation
    const notified = await t.call(board, 'POST', `/api/v1/cases/${v}/steps`, { step: 'subjectNotified', doneOn: '2026-03-20', dueDate: '2026-03-30', note: 'Đề nghị đồng chí giải trình về việc chậm báo cáo' })
    expect(notified.json().notices).toHaveLength(1)
    const subject = await t.login('subject.b')
    expect((await t.call(subject, 'GET', `/api/v1/cases/${v}`)).statusCode).toBe(404)
    const mine = (await t.call(subject, 'GET', '/api/v1/me/case-notices')).json().items
    expect(mine).toEqual([expect.objectContaining({ caseNumber: opened.json().number, kind: 'notification', dueDate: '2026-03-30', body: 'Đề nghị đồng chí giải trình về việc chậm báo cáo' })])
    expect(JSON.stringify(mine)).not.toContain('Từ kết luận kiểm tra')
    expect((await t.call(board, 'GET', '/api/v1/me/case-notices')).json().items).toEqual([])
    expect((await t.call(board, 'POST', `/api/v1/case-notices/${mine[0].id}/submissions`, { kind: 'explanation', body: 'không phải tôi' })).statusCode).toBe(404)
    const answered = await t.call(subject, 'POST', `/api/v1/case-notices/${mine[0].id}/submissions`, { kind: 'explanation', body: 'Tôi xin giải trình như sau' })
    expect(answered.statusCode).toBe(201)
    const c = (await t.call(board, 'GET', `/api/v1/cases/${v}`)).json()
    expect(c.notices[0].submissions).toEqual([expect.objectContaining({ kind: 'explanation', body: 'Tôi xin giải trình như sau' })])
    expect((await auditOf(v)).map((e) => e.action)).toEqual(expect.arrayContaining(['readNotices', 'submission']))
  })

  it('records a decision from the closed list for the subject type, with the appeal window, an overturned appeal, and closes', async () => {
    const v = ids.violation
    const step = (body: object) => t.call(board, 'POST', `/api/v1/cases/${v}/steps`, body)
    await step({ step: 'explanationReceived', doneOn: '2026-03-20' })
    await step({ step: 'verification', doneOn: '2026-03-20' })
    expect((await step({ step: 'decision', doneOn: '2026-03-20', form: 'dissolution', basis: 'Điều 7 Quy định 69', issuingBody: 'Chi bộ' })).json().error.fields).toHaveProperty('form')
    const decided = await step({ step: 'decision', doneOn: '2026-03-20', form: 'warning', basis: 'Điều 7 Quy định 69-QĐ/TW', issuingBody: 'Đảng ủy Bệnh viện Beta', note: 'Quyết định kỷ luật' })
    expect(decided.json()).toMatchObject({ outcome: 'discipline', nextSteps: ['appeal', 'closed'] })
    expect(decided.json().notices.at(-1)).toMatchObject({ kind: 'decision', dueDate: '2026-04-19' })
    const appealed = await step({ step: 'appeal', doneOn: '2026-03-20', result: 'overturned', note: 'Phục hồi quyền lợi' })
    expect(appealed.json().outcome).toBe('overturned')
    const closed = await step({ step: 'closed', doneOn: '2026-03-20' })
    expect(closed.json()).toMatchObject({ status: 'closed', nextSteps: [] })
    expect((await step({ step: 'closed', doneOn: '2026-03-20' })).statusCode).toBe(400)
  })
})

describe('named groups', () => {
  it("are created by the board's head; an administrator's change is a request the head decides; an administrator is never a member", async () => {
    const head = await t.login('head.ban')
    expect((await t.call(board, 'POST', '/api/v1/case-groups', { name: 'Tổ tiêu chuẩn' })).statusCode).toBe(403)
    const created = await t.call(head, 'POST', '/api/v1/case-groups', { name: 'Ban — tổ tiêu chuẩn chính trị' })
    expect(created.statusCode).toBe(201)
    const group = created.json().items[0]
    const officerA = await accountId('unitOfficer.a')
    const asked = await t.call(admin, 'POST', `/api/v1/case-groups/${group.id}/members`, { accountId: officerA })
    expect(asked.json().items[0]).toMatchObject({ members: [], pendingRequests: [{ accountId: officerA, change: 'add', requestedBy: 'admin' }] })
    expect((await t.call(admin, 'POST', `/api/v1/case-groups/${group.id}/members`, { accountId: await accountId('admin') })).statusCode).toBe(400)
    const request = asked.json().items[0].pendingRequests[0]
    expect((await t.call(admin, 'POST', `/api/v1/case-group-requests/${request.id}/approve`)).statusCode).toBe(403)
    const approved = await t.call(head, 'POST', `/api/v1/case-group-requests/${request.id}/approve`)
    expect(approved.json().items[0]).toMatchObject({ members: [{ accountId: officerA }], pendingRequests: [] })
    // On a case's list, the group lets its members read it.
    const officer = await t.login('unitOfficer.a')
    expect((await t.call(officer, 'GET', `/api/v1/cases/${ids.outsider}`)).statusCode).toBe(404)
    expect((await t.call(head, 'POST', `/api/v1/cases/${ids.outsider}/access`, { groupId: group.id })).statusCode).toBe(200)
    expect((await t.call(officer, 'GET', `/api/v1/cases/${ids.outsider}`)).statusCode).toBe(200)
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE entity = 'caseGroup' AND action IN ('requestMemberChange', 'approveMemberChange')`)).length).toBe(2)
    expect(headId).toBeGreaterThan(0)
  })
})

describe('documents', () => {
  it('are sealed with the case, downloaded by its list only, and each download is audited', async () => {
    const fd = new FormData()
    fd.append('file', new Blob([Buffer.from('Biên bản xác minh số 7')], { type: 'text/plain' }), 'bien-ban.txt')
    const r = new Response(fd)
    const up = await t.app.inject({
      method: 'POST', url: `/api/v1/cases/${ids.outsider}/files`,
      headers: { cookie: board.cookie, 'x-csrf-token': board.csrf, 'content-type': r.headers.get('content-type')! },
      payload: Buffer.from(await r.arrayBuffer()),
    })
    expect(up.statusCode, up.body).toBe(201)
    const file = up.json()
    expect(file).toMatchObject({ name: 'bien-ban.txt', size: Buffer.byteLength('Biên bản xác minh số 7') })
    // The case lists it by its sealed metadata alone (cut from the stored value in the database).
    const opened = (await t.call(board, 'GET', `/api/v1/cases/${ids.outsider}`)).json()
    expect(opened.files).toContainEqual({ id: file.id, name: 'bien-ban.txt', mime: 'text/plain', size: Buffer.byteLength('Biên bản xác minh số 7'), uploadedAt: expect.any(String) })
    const down = await t.call(board, 'GET', `/api/v1/case-files/${file.id}`)
    expect(down.body).toBe('Biên bản xác minh số 7')
    expect(down.headers['cache-control']).toBe('no-store')
    // Opened by other browsers: a download, never a page in the app's origin.
    expect(down.headers).toMatchObject({ 'content-type': 'text/plain', 'content-disposition': expect.stringMatching(/^attachment; /), 'x-content-type-options': 'nosniff', 'content-security-policy': "sandbox; default-src 'none'" })
    expect((await t.call(committee, 'GET', `/api/v1/case-files/${file.id}`)).statusCode).toBe(404)
    expect((await auditOf(ids.outsider)).at(-1)).toMatchObject({ action: 'readFile', after: { fileId: file.id } })
  })

  it('are taken by their content, not by the name or type the browser gives, with the name cleaned', async () => {
    const upload = async (bytes: Buffer, name: string, type: string) => {
      const fd = new FormData()
      fd.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
      const r = new Response(fd)
      return t.app.inject({
        method: 'POST', url: `/api/v1/cases/${ids.outsider}/files`,
        headers: { cookie: board.cookie, 'x-csrf-token': board.csrf, 'content-type': r.headers.get('content-type')! },
        payload: Buffer.from(await r.arrayBuffer()),
      })
    }
    // A program calling itself a PDF.
    const exe = await upload(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'bao-cao.pdf', 'application/pdf')
    expect(exe.statusCode).toBe(415)
    expect(exe.json().error.fields).toHaveProperty('file')
    // A name that displays as "…exe.pdf" is stored as written, without the reversing character.
    const ok = await upload(Buffer.from('Biên bản làm việc'), 'bien-ban\u202Etxt.exe.txt', 'text/html')
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json()).toMatchObject({ name: 'bien-bantxt.exe.txt' })
    const down = await t.call(board, 'GET', `/api/v1/case-files/${ok.json().id}`)
    expect(down.headers['content-type']).toBe('text/plain')
  })
})

describe('counts for the board', () => {
  it('give kinds, statuses and overdue without a single name or number', async () => {
    const res = await t.call(committee, 'GET', '/api/v1/cases/summary')
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toMatch(/HS-2026|Bên Ngoài|Giải Trình/)
    const byKey = Object.fromEntries(res.json().items.map((i: { kind: string; status: string; total: number }) => [`${i.kind}:${i.status}`, i.total]))
    // Open reviews: the outsider's, and the two the paging test opened.
    expect(byKey).toMatchObject({ 'standards_review:closed': 1, 'standards_review:open': 3, 'violation:closed': 1 })
    expect((await t.call(await t.login('unitOfficer.a'), 'GET', '/api/v1/cases/summary')).statusCode).toBe(403)
  })
})

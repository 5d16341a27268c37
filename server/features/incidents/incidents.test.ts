// An incident over HTTP, from detection to closure: recorded on a registered channel, reported to
// configured recipients, responded to step by step, closed with lessons. Bad input names the field;
// stale versions get 409; a retried create records once; a unit sees its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedChannel, seedIncident } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'

let t: TestApp
let f: Fixture
let officer: Session
let board: Session
let pageA = 0
let pageB = 0
let pageSubA = 0
let id = 0

const countIncidents = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM security_incident'))[0].n
const impersonation = (o: Record<string, unknown> = {}) => ({
  unitId: f.unitA.id, kind: 'impersonation', channelId: pageA, summary: 'Trang "Bệnh viện Alpha - Đặt lịch khám" mạo danh bệnh viện, thu phí đặt lịch',
  detectedAt: '2026-03-20T09:30:00+07:00', ...o,
})

beforeAll(async () => {
  // Recipients as a ministry might configure them: two known, one named here.
  t = await createTestApp({ incidentRecipients: ['board', 'ministry_it', 'police', 'vncert=Trung tâm Giám sát an toàn không gian mạng quốc gia'] })
  f = await seedFixture(t.db)
  officer = await t.login('unitOfficer.a')
  board = await t.login('board')
  pageA = (await seedChannel(t.db, { unitId: f.unitA.id, responsiblePersonId: f.personA.id, kind: 'facebook_page', address: 'https://facebook.com/benhvienalpha', name: 'Bệnh viện Alpha' })).id
  pageSubA = (await seedChannel(t.db, { unitId: f.subA.id, responsiblePersonId: f.personA.id, kind: 'facebook_page', address: 'https://facebook.com/khoanoi.alpha' })).id
  pageB = (await seedChannel(t.db, { unitId: f.unitB.id, responsiblePersonId: f.personB.id, kind: 'facebook_page', address: 'https://facebook.com/benhvienbeta' })).id
})
afterAll(() => t.close())

describe('an impersonation, from detection to closure', () => {
  it('is recorded on the unit’s page, reported within the target, responded to and closed with lessons', async () => {
    const created = await t.call(officer, 'POST', '/api/v1/incidents', impersonation())
    expect(created.statusCode, created.body).toBe(201)
    id = created.json().id
    expect(created.json()).toMatchObject({
      unitId: f.unitA.id, kind: 'impersonation', status: 'open', channelId: pageA, channelName: 'Bệnh viện Alpha', detectedAt: '2026-03-20T02:30:00.000Z',
      reportDueAt: '2026-03-21T02:30:00.000Z', reportTimeliness: 'in_progress_on_time', closeDueOn: '2026-04-19', timeliness: 'in_progress_on_time', version: 1,
    })
    const reported = await t.call(officer, 'POST', `/api/v1/incidents/${id}/reports`, { recipient: 'board', reportedAt: '2026-03-20T11:00:00+07:00', reference: 'Công văn số 15/BV-CNTT' })
    expect(reported.statusCode, reported.body).toBe(201)
    expect(reported.json()).toMatchObject({ hoursToReport: 1.5, reportTimeliness: 'done_on_time', reports: [{ recipient: 'board', recipientLabel: { vi: 'Ban Bảo vệ chính trị nội bộ' }, reference: 'Công văn số 15/BV-CNTT', recordedBy: 'Lê Văn unitOfficer' }], version: 2 })
    await t.call(officer, 'POST', `/api/v1/incidents/${id}/reports`, { recipient: 'vncert', reportedAt: '2026-03-20T12:00:00+07:00' })
    const step = await t.call(officer, 'POST', `/api/v1/incidents/${id}/steps`, { takenAt: '2026-03-20T10:00:00+07:00', action: 'Báo cáo vi phạm với Facebook, đề nghị gỡ trang giả mạo' })
    expect(step.statusCode).toBe(201)
    await t.call(officer, 'POST', `/api/v1/incidents/${id}/steps`, { takenAt: '2026-03-20T13:00:00+07:00', action: 'Đăng cảnh báo trên trang chính thức của bệnh viện' })
    const detail = (await t.call(officer, 'GET', `/api/v1/incidents/${id}`)).json()
    expect(detail.reports.map((r: { recipientLabel: { vi: string } }) => r.recipientLabel.vi)).toEqual(['Ban Bảo vệ chính trị nội bộ', 'Trung tâm Giám sát an toàn không gian mạng quốc gia'])
    expect(detail.steps.map((s: { takenAt: string }) => s.takenAt)).toEqual(['2026-03-20T03:00:00.000Z', '2026-03-20T06:00:00.000Z'])
    const closed = await t.call(officer, 'POST', `/api/v1/incidents/${id}/close`, { version: detail.version, closedAt: '2026-03-20T14:30:00+07:00', lessons: 'Rà soát hằng tuần các trang mang tên bệnh viện; ghim cảnh báo trên trang chính thức' })
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json()).toMatchObject({ status: 'closed', daysToClose: 0, closeTimeliness: 'done_on_time', timeliness: 'done_on_time', lessons: expect.stringContaining('hằng tuần') })
    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'securityIncident' AND entity_id = $1 ORDER BY id`, [String(id)])
    expect(audit.map((a) => a.action)).toEqual(['record', 'report', 'report', 'respond', 'respond', 'close'])
  })

  it('takes nothing more once closed', async () => {
    expect((await t.call(officer, 'POST', `/api/v1/incidents/${id}/steps`, { takenAt: '2026-03-20T14:40:00+07:00', action: 'Thêm bước' })).json().error.code).toBe('INVALID_STATE')
    expect((await t.call(officer, 'PATCH', `/api/v1/incidents/${id}`, { version: 7, summary: 'Sửa lại' })).statusCode).toBe(409)
  })

  it('lists with exactly the contract fields, by status', async () => {
    const open = await seedIncident(t.db, { unitId: f.unitA.id, kind: 'defacement', system: 'Cổng thông tin', detectedAt: '2026-03-20T01:00:00Z' })
    const closed = (await t.call(officer, 'GET', '/api/v1/incidents?status=closed')).json().items
    expect(closed).toEqual([{ id, unitId: f.unitA.id, kind: 'impersonation', detectedAt: '2026-03-20T02:30:00.000Z', status: 'closed', timeliness: 'done_on_time' }])
    const openItems = (await t.call(officer, 'GET', `/api/v1/incidents?status=open&under=${f.unitA.id}`)).json().items
    expect(openItems.map((i: { id: number }) => i.id)).toEqual([open.id])
  })
})

describe('bad input', () => {
  it('is a 400 naming the field, in Vietnamese or English, and records nothing', async () => {
    const before = await countIncidents()
    const noWhere = await t.call(officer, 'POST', '/api/v1/incidents', impersonation({ channelId: undefined }))
    expect(noWhere.json().error.fields).toEqual({ channelId: 'Bắt buộc nhập' })
    const kind = await t.call(officer, 'POST', '/api/v1/incidents', impersonation({ kind: 'spam', detectedAt: '19/03/2026' }), { 'accept-language': 'en' })
    expect(kind.json().error.fields).toEqual({ kind: expect.stringContaining('Must be one of'), detectedAt: 'Invalid format' })
    const future = await t.call(officer, 'POST', '/api/v1/incidents', impersonation({ detectedAt: '2026-03-21T09:00:00+07:00' }))
    expect(future.json().error.fields).toEqual({ detectedAt: 'Không được là thời điểm trong tương lai' })
    const otherUnit = await t.call(officer, 'POST', '/api/v1/incidents', impersonation({ channelId: pageSubA }))
    expect(otherUnit.json().error.fields).toEqual({ channelId: 'Kênh không thuộc đơn vị này' })
    const outOfReach = await t.call(officer, 'POST', '/api/v1/incidents', impersonation({ channelId: pageB }))
    expect(outOfReach.json().error.fields).toEqual({ channelId: 'Không tồn tại hoặc ngoài phạm vi của bạn' })
    const secret = await t.call(officer, 'POST', '/api/v1/incidents', impersonation({ summary: 'Tài khoản quản trị bị chiếm. Mật khẩu: Hack@2026', accessToken: 'EAAB...' }))
    expect(secret.json().error.fields).toEqual({ summary: expect.stringContaining('không lưu mật khẩu'), accessToken: expect.stringContaining('không lưu mật khẩu') })
    expect(await countIncidents()).toBe(before)
  })

  it('names a recipient not on the configured list, and times before detection or in the future', async () => {
    const { id: open } = await seedIncident(t.db, { unitId: f.unitA.id, channelId: pageA, detectedAt: '2026-03-18T02:00:00Z', steps: [{ takenAt: '2026-03-19T02:00:00Z' }] })
    const press = await t.call(officer, 'POST', `/api/v1/incidents/${open}/reports`, { recipient: 'press', reportedAt: '2026-03-18T12:00:00+07:00' })
    expect(press.json().error.fields).toEqual({ recipient: 'Không có trong danh sách cho phép: board, ministry_it, police, vncert' })
    const early = await t.call(officer, 'POST', `/api/v1/incidents/${open}/reports`, { recipient: 'police', reportedAt: '2026-03-18T08:00:00+07:00' })
    expect(early.json().error.fields).toEqual({ reportedAt: 'Không được trước thời điểm phát hiện sự cố' })
    const later = await t.call(officer, 'POST', `/api/v1/incidents/${open}/steps`, { takenAt: '2026-03-20T16:00:00+07:00', action: 'Khôi phục tài khoản' })
    expect(later.json().error.fields).toEqual({ takenAt: 'Không được là thời điểm trong tương lai' })
    const beforeStep = await t.call(officer, 'POST', `/api/v1/incidents/${open}/close`, { version: 1, closedAt: '2026-03-18T12:00:00+07:00', lessons: 'Bật xác thực hai lớp cho mọi quản trị viên' })
    expect(beforeStep.json().error.fields).toEqual({ closedAt: 'Không được trước lần báo cáo hoặc bước xử lý đã ghi' })
    const moved = await t.call(officer, 'PATCH', `/api/v1/incidents/${open}`, { version: 1, detectedAt: '2026-03-19T12:00:00+07:00' })
    expect(moved.json().error.fields).toEqual({ detectedAt: 'Không được sau lần báo cáo hoặc bước xử lý đã ghi' })
    const lessons = await t.call(officer, 'POST', `/api/v1/incidents/${open}/close`, { version: 1, closedAt: '2026-03-20T12:00:00+07:00', lessons: 'Ngắn' })
    expect(lessons.json().error.fields).toEqual({ lessons: 'Quá ngắn (tối thiểu 10)' })
  })
})

describe('concurrency and retries', () => {
  it('refuses a stale version with 409 and the current incident, changing nothing', async () => {
    const { id: open } = await seedIncident(t.db, { unitId: f.unitA.id, channelId: pageA, kind: 'account_takeover', detectedAt: '2026-03-19T02:00:00Z' })
    const first = await t.call(officer, 'PATCH', `/api/v1/incidents/${open}`, { version: 1, kind: 'defacement', system: 'Trang quản trị cổng thông tin' })
    expect(first.json()).toMatchObject({ kind: 'defacement', system: 'Trang quản trị cổng thông tin', version: 2 })
    const stale = await t.call(officer, 'PATCH', `/api/v1/incidents/${open}`, { version: 1, kind: 'malware' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', current: { kind: 'defacement', version: 2 } })
    // A step moves the version: a close based on what was read before it is refused.
    await t.call(officer, 'POST', `/api/v1/incidents/${open}/steps`, { takenAt: '2026-03-19T12:00:00+07:00', action: 'Đổi quyền quản trị' })
    expect((await t.call(officer, 'POST', `/api/v1/incidents/${open}/close`, { version: 2, closedAt: '2026-03-20T12:00:00+07:00', lessons: 'Rà soát quyền quản trị hằng quý' })).statusCode).toBe(409)
    expect((await t.call(officer, 'GET', `/api/v1/incidents/${open}`)).json()).toMatchObject({ kind: 'defacement', status: 'open', version: 3 })
  })

  it('records once for a retried create with the same Idempotency-Key', async () => {
    const body = impersonation({ kind: 'false_information', summary: 'Bài viết sai sự thật về bệnh viện lan truyền trên mạng xã hội' })
    const first = await t.call(officer, 'POST', '/api/v1/incidents', body, { 'idempotency-key': 'inc-42' })
    const before = await countIncidents()
    const again = await t.call(officer, 'POST', '/api/v1/incidents', body, { 'idempotency-key': 'inc-42' })
    expect(again.headers['idempotent-replay']).toBe('true')
    expect(again.json().id).toBe(first.json().id)
    expect(await countIncidents()).toBe(before)
  })
})

describe('scope', () => {
  it("shows a unit its own incidents only; another unit's are not found", async () => {
    const { id: inB } = await seedIncident(t.db, { unitId: f.unitB.id, channelId: pageB, detectedAt: '2026-03-15T02:00:00Z' })
    const mine = (await t.call(officer, 'GET', '/api/v1/incidents')).json().items
    expect(mine.map((i: { unitId: number }) => i.unitId).every((u: number) => u === f.unitA.id || u === f.subA.id)).toBe(true)
    expect((await t.call(officer, 'GET', `/api/v1/incidents/${inB}`)).statusCode).toBe(404)
    expect((await t.call(officer, 'POST', `/api/v1/incidents/${inB}/steps`, { takenAt: '2026-03-16T12:00:00+07:00', action: 'Xử lý' })).statusCode).toBe(404)
    expect((await t.call(officer, 'GET', `/api/v1/incidents?under=${f.unitB.id}`)).statusCode).toBe(404)
    const all = (await t.call(board, 'GET', `/api/v1/incidents?under=${f.unitB.id}`)).json().items
    expect(all.map((i: { id: number }) => i.id)).toEqual([inB])
  })

  it('gives the configured recipients and targets to anyone who reads incidents', async () => {
    const res = (await t.call(officer, 'GET', '/api/v1/incidents/recipients')).json()
    expect(res).toEqual({
      items: [
        { key: 'board', label: { vi: 'Ban Bảo vệ chính trị nội bộ', en: 'The Internal Political Protection Board' } },
        { key: 'ministry_it', label: { vi: 'Đơn vị chuyên trách công nghệ thông tin của Bộ', en: "The Ministry's IT unit" } },
        { key: 'police', label: { vi: 'Cơ quan Công an', en: 'The police' } },
        { key: 'vncert', label: { vi: 'Trung tâm Giám sát an toàn không gian mạng quốc gia', en: 'Trung tâm Giám sát an toàn không gian mạng quốc gia' } },
      ],
      targets: { reportHours: 24, closeDays: 30 },
    })
  })
})

// Officers and their training over HTTP: the roster with its checks, versions and idempotency;
// courses, results and certificates; the refresher cycle (current, due, overdue) and its
// reminders; the board's gaps view and export; scoping; the officer's own record on their page.
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mail } from '../../mail/mailer.ts'
import { seedPerson, seedUnit } from '../../db/seed/builders.ts'
import { createTestApp, seedFixture, type Fixture, type Session, type TestApp } from '../../../test/app.ts'
import { runTrainingReminders } from './training.jobs.ts'

let t: TestApp
let f: Fixture
let officer: Session
let board: Session
const sent: Mail[] = []
const mailer = { send: async (m: Mail) => void sent.push(m) }
const ids: Record<string, number> = {}
let officerPerson: number
const today = () => t.clock().toISOString().slice(0, 10)
const rule = () => ({ cycleMonths: t.config.trainingCycleMonths, dueDays: t.config.trainingDueDays })

async function moveTo(instant: string) {
  t.clock.set(new Date(instant))
  ;[officer, board] = [await t.login('unitOfficer.a'), await t.login('board')]
}

beforeAll(async () => {
  t = await createTestApp()
  f = await seedFixture(t.db)
  officerPerson = (await t.db.query<{ person_id: number }>(`SELECT person_id FROM account WHERE username = 'unitOfficer.a'`))[0].person_id
  await t.db.query(`UPDATE person SET email = 'officer.a@benhvien.vn' WHERE id = $1`, [officerPerson])
  await t.db.query(`UPDATE person SET email = 'head.a@benhvien.vn' WHERE id = (SELECT person_id FROM account WHERE username = 'unitHead.a')`)
  ;[officer, board] = [await t.login('unitOfficer.a'), await t.login('board')]
})
afterAll(() => t.close())

describe('the roster', () => {
  it('appoints a person of the unit, once per Idempotency-Key; never trained reads "none"', async () => {
    const body = { unitId: f.unitA.id, personId: officerPerson, role: 'partTime', decisionNumber: '45/QĐ-BVA', appointedOn: '2026-01-05' }
    const res = await t.call(officer, 'POST', '/api/v1/officers', body, { 'idempotency-key': 'off-1' })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ personId: officerPerson, unitId: f.unitA.id, name: 'Lê Văn unitOfficer', role: 'partTime', trainingStatus: 'none', isInOffice: true, until: null })
    expect((await t.call(officer, 'POST', '/api/v1/officers', body, { 'idempotency-key': 'off-1' })).json().id).toBe(res.json().id)
    ids.officer = res.json().id
    const list = (await t.call(officer, 'GET', `/api/v1/officers?under=${f.unitA.id}`)).json()
    expect(list.items).toEqual([expect.objectContaining({ personId: officerPerson, unitId: f.unitA.id, name: 'Lê Văn unitOfficer', role: 'partTime', trainingStatus: 'none' })])
  })

  it('answers 400 naming the field: someone else’s person, an appointment twice, a date ahead, in Vietnamese or English', async () => {
    const base = { unitId: f.unitA.id, role: 'fullTime', decisionNumber: '46/QĐ-BVA', appointedOn: '2026-02-01' }
    expect((await t.call(officer, 'POST', '/api/v1/officers', { ...base, personId: f.personB.id })).json().error.fields).toEqual({ personId: 'Không phải cán bộ của đơn vị hoặc đơn vị cấp dưới' })
    expect((await t.call(officer, 'POST', '/api/v1/officers', { ...base, personId: officerPerson }, { 'accept-language': 'en' })).json().error.fields).toEqual({ personId: 'This person is already an officer of the unit' })
    expect((await t.call(officer, 'POST', '/api/v1/officers', { ...base, personId: f.personA.id, appointedOn: '2099-01-01' })).json().error.fields).toHaveProperty('appointedOn')
    expect((await t.call(officer, 'POST', '/api/v1/officers', { ...base, personId: f.personA.id, until: '2025-01-01' })).json().error.fields).toHaveProperty('until')
    expect((await t.call(officer, 'POST', '/api/v1/officers', { ...base, unitId: f.unitB.id, personId: f.personB.id })).json().error.fields).toHaveProperty('unitId')
    expect((await t.db.query('SELECT 1 FROM officer')).length).toBe(1)
  })

  it('refuses an edit on an old version with 409', async () => {
    const ok = await t.call(officer, 'PATCH', `/api/v1/officers/${ids.officer}`, { version: 1, role: 'fullTime' })
    expect(ok.json()).toMatchObject({ role: 'fullTime', version: 2 })
    const stale = await t.call(officer, 'PATCH', `/api/v1/officers/${ids.officer}`, { version: 1, role: 'partTime' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.current).toMatchObject({ role: 'fullTime', version: 2 })
  })

  it('is scoped: unit B’s officers are not unit A’s to see', async () => {
    const b = await t.call(board, 'POST', '/api/v1/officers', { unitId: f.unitB.id, personId: f.personB.id, role: 'partTime', decisionNumber: '9/QĐ-BVB', appointedOn: '2026-01-10' })
    expect(b.statusCode, b.body).toBe(201)
    ids.officerB = b.json().id
    expect((await t.call(officer, 'GET', `/api/v1/officers/${ids.officerB}`)).statusCode).toBe(404)
    expect((await t.call(officer, 'GET', '/api/v1/officers')).json().items.map((o: { id: number }) => o.id)).toEqual([ids.officer])
    expect((await t.call(board, 'GET', '/api/v1/officers')).json().total).toBe(2)
    expect((await t.call(await t.login('staff.a'), 'GET', '/api/v1/officers')).statusCode).toBe(403)
  })
})

describe('training', () => {
  it('records a ministry course, its attendees and results: a pass makes the officer "current"', async () => {
    const course = await t.call(board, 'POST', '/api/v1/training-courses', {
      ownerUnitId: f.root.id, title: 'Bồi dưỡng nghiệp vụ bảo vệ chính trị nội bộ năm 2026', organizer: 'Ban Bảo vệ chính trị nội bộ', startsOn: '2026-03-09', endsOn: '2026-03-11', hours: 24, form: 'inPerson',
    }, { 'idempotency-key': 'course-1' })
    expect(course.statusCode, course.body).toBe(201)
    ids.course = course.json().id
    const bad = await t.call(board, 'POST', `/api/v1/training-courses/${ids.course}/attendees`, { personId: officerPerson, result: 'passed', completedOn: '2026-03-01' })
    expect(bad.json().error.fields).toHaveProperty('completedOn')
    const a = await t.call(board, 'POST', `/api/v1/training-courses/${ids.course}/attendees`, { personId: officerPerson, result: 'passed', certificateNumber: 'CC-0012' })
    expect(a.statusCode, a.body).toBe(201)
    expect(a.json()).toMatchObject({ personId: officerPerson, result: 'passed', completedOn: '2026-03-11', certificateNumber: 'CC-0012' })
    ids.attendance = a.json().id
    await t.call(board, 'POST', `/api/v1/training-courses/${ids.course}/attendees`, { personId: f.personB.id, result: 'enrolled' })
    expect((await t.call(board, 'POST', `/api/v1/training-courses/${ids.course}/attendees`, { personId: officerPerson })).json().error.fields).toHaveProperty('personId')
    expect((await t.call(officer, 'GET', `/api/v1/officers/${ids.officer}`)).json()).toMatchObject({
      trainingStatus: 'current', lastTrainedOn: '2026-03-11', refresherDueOn: '2028-03-11', history: [expect.objectContaining({ courseId: ids.course, result: 'passed', hours: 24 })],
    })
    // Unit A sees the ministry's course, and only its own people on it.
    const seen = (await t.call(officer, 'GET', `/api/v1/training-courses/${ids.course}`)).json()
    expect(seen.attendees.map((x: { personId: number }) => x.personId)).toEqual([officerPerson])
    expect((await t.call(officer, 'PATCH', `/api/v1/training-courses/${ids.course}`, { version: 1, hours: 30 })).statusCode).toBe(404)
  })

  it('keeps certificates as files the officer, their unit and the course’s keeper can download', async () => {
    const fd = new FormData()
    fd.append('file', new Blob([Buffer.from('%PDF-1.4\nchung chi\n')], { type: 'application/pdf' }), 'chung-chi.pdf')
    const r = new Response(fd)
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/training-attendance/${ids.attendance}/certificates`, headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': r.headers.get('content-type')! }, payload: Buffer.from(await r.arrayBuffer()) })
    expect(up.statusCode, up.body).toBe(201)
    const cert = up.json()
    expect(cert).toMatchObject({ filename: 'chung-chi.pdf', mime: 'application/pdf' })
    expect((await t.call(officer, 'GET', `/api/v1/training-certificates/${cert.id}`)).body).toContain('chung chi')
    expect((await t.call(board, 'GET', `/api/v1/training-certificates/${cert.id}`)).statusCode).toBe(200)
    expect((await t.call(await t.login('unitOfficer'), 'GET', `/api/v1/training-certificates/${cert.id}`)).statusCode).toBe(200)
    expect((await t.call(await t.login('staff.a'), 'GET', `/api/v1/training-certificates/${cert.id}`)).statusCode).toBe(404)
    // The officer's own page shows their record, certificates included.
    const page = (await t.call(officer, 'GET', '/api/v1/me/page')).json()
    expect(page.training).toMatchObject({ personId: officerPerson, trainingStatus: 'current', history: [expect.objectContaining({ certificates: [expect.objectContaining({ id: cert.id })] })] })
    expect((await t.call(await t.login('staff.a'), 'GET', '/api/v1/me/page')).json().training).toBeNull()
  })

  it('refuses a result recorded on an old version with 409', async () => {
    const ok = await t.call(officer, 'PATCH', `/api/v1/training-attendance/${ids.attendance}`, { version: 1, certificateNumber: 'CC-0013' })
    expect(ok.json()).toMatchObject({ certificateNumber: 'CC-0013', version: 2 })
    expect((await t.call(officer, 'PATCH', `/api/v1/training-attendance/${ids.attendance}`, { version: 1, result: 'failed' })).statusCode).toBe(409)
  })

  it('makes the officer "due" in the cycle’s last days and "overdue" after it, reminding them and their head once each', async () => {
    const status = async () => (await t.call(officer, 'GET', `/api/v1/officers/${ids.officer}`)).json().trainingStatus
    // The refresher falls due on 11/03/2028; "due" from 90 days before.
    await moveTo('2027-12-11T02:00:00Z')
    expect(await status()).toBe('current')
    expect((await runTrainingReminders(t.db, mailer, '2027-12-11', t.clock(), rule())).reminded).toBe(0)
    await moveTo('2027-12-12T02:00:00Z')
    expect(await status()).toBe('due')
    expect(await runTrainingReminders(t.db, mailer, '2027-12-12', t.clock(), rule())).toMatchObject({ due: 1, reminded: 1, emails: 2 })
    expect(sent.map((m) => m.to).sort()).toEqual(['head.a@benhvien.vn', 'officer.a@benhvien.vn'])
    expect((await runTrainingReminders(t.db, mailer, '2027-12-13', t.clock(), rule())).reminded).toBe(0)
    await moveTo('2028-03-11T02:00:00Z')
    expect(await status()).toBe('due')
    await moveTo('2028-03-12T02:00:00Z')
    expect(await status()).toBe('overdue')
    expect((await runTrainingReminders(t.db, mailer, '2028-03-12', t.clock(), rule())).reminded).toBe(1)
    const notes = (await t.call(officer, 'GET', '/api/v1/notifications')).json().items.map((n: { kind: string }) => n.kind)
    expect(notes.filter((k: string) => k.startsWith('training.'))).toEqual(['training.overdue', 'training.due'])
    const head = (await t.call(await t.login('unitHead.a'), 'GET', '/api/v1/notifications')).json().items.map((n: { kind: string }) => n.kind)
    expect(head.filter((k: string) => k.startsWith('training.'))).toHaveLength(2)
    expect((await t.call(officer, 'GET', '/api/v1/officers?trainingStatus=overdue')).json().items.map((o: { id: number }) => o.id)).toEqual([ids.officer])
  })

  it('an appointment that ended leaves the roster (and the list unless former officers are asked for)', async () => {
    const o = (await t.call(officer, 'GET', `/api/v1/officers/${ids.officer}`)).json()
    const ended = await t.call(officer, 'PATCH', `/api/v1/officers/${ids.officer}`, { version: o.version, until: '2028-03-11' })
    expect(ended.json()).toMatchObject({ isInOffice: false, until: '2028-03-11' })
    expect((await t.call(officer, 'GET', '/api/v1/officers')).json().items).toEqual([])
    expect((await t.call(officer, 'GET', '/api/v1/officers?includeFormer=1')).json().items).toHaveLength(1)
    const back = await t.call(officer, 'PATCH', `/api/v1/officers/${ids.officer}`, { version: o.version + 1, until: null })
    expect(back.json()).toMatchObject({ isInOffice: true })
  })
})

describe('the board’s view', () => {
  it('lists units without an officer, units without current training and officers due, per subtree, and counts them in the roll-up', async () => {
    const dept = await seedUnit(t.db, { parent: f.root, kind: 'department', code: 'VKH', name: 'Vụ Kế hoạch' })
    const gaps = (await t.call(board, 'GET', `/api/v1/officers/gaps?under=${f.root.id}`)).json()
    // Unit A's officer is overdue; unit B's was never trained; the department has none; a ward (subunit) needs none of its own.
    expect(gaps.unitsWithoutOfficer.map((u: { unitId: number }) => u.unitId)).toEqual([dept.id])
    expect(gaps.unitsWithoutCurrentTraining.map((u: { unitId: number }) => u.unitId).sort()).toEqual([f.unitA.id, f.unitB.id].sort())
    expect(gaps.officersDue.map((o: { id: number }) => o.id)).toEqual([ids.officer])
    const mine = (await t.call(officer, 'GET', '/api/v1/officers/gaps')).json()
    expect(mine.unitsWithoutCurrentTraining.map((u: { unitId: number }) => u.unitId)).toEqual([f.unitA.id])
    const r = (await t.call(board, 'GET', `/api/v1/units/${f.root.id}/readiness`)).json()
    expect(r).toMatchObject({ officers: 2, training: { current: 0, due: 0, overdue: 1, none: 1 }, unitsWithoutOfficer: 1, unitsWithoutCurrentTraining: 2 })
  })

  it('exports the roster and the gaps as a workbook', async () => {
    const res = await t.call(board, 'GET', `/api/v1/officers.xlsx?under=${f.root.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cán bộ làm công tác BVCTNB', 'Đơn vị chưa có cán bộ', 'Chưa có cán bộ được bồi dưỡng'])
    expect(wb.worksheets[0].getRow(4).getCell(3).value).toBe('Lê Văn unitOfficer')
    expect(wb.worksheets[0].getRow(4).getCell(11).value).toBe('Quá hạn bồi dưỡng lại')
    expect((await t.call(officer, 'GET', `/api/v1/officers.xlsx?under=${f.unitB.id}`)).statusCode).toBe(404)
  })

  it('keeps a training record outliving the appointment: a new officer brings their courses', async () => {
    const p = await seedPerson(t.db, { unitId: f.unitA.id, fullName: 'Vũ Thị Bồi Dưỡng' })
    const c = await t.call(board, 'POST', '/api/v1/training-courses', { ownerUnitId: f.root.id, title: 'Lớp cập nhật kiến thức', organizer: 'Học viện', startsOn: '2028-03-01', endsOn: '2028-03-02', hours: 8, form: 'online' })
    await t.call(board, 'POST', `/api/v1/training-courses/${c.json().id}/attendees`, { personId: p.id, result: 'completed' })
    const res = await t.call(officer, 'POST', '/api/v1/officers', { unitId: f.unitA.id, personId: p.id, role: 'fullTime', decisionNumber: '1/QĐ', appointedOn: today() })
    expect(res.json()).toMatchObject({ trainingStatus: 'current', lastTrainedOn: '2028-03-02' })
  })
})
